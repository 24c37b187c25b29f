package cn.fundmonitor.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Raw HTTP for the matrices: any method, any content type, any bytes (the support client sends
 * only well-formed JSON), and the judgement of an error answer: a problem JSON in Chinese that
 * names no class, package or SQL.
 */
final class Wire {

  static final Pattern CJK = Pattern.compile("[\\u4e00-\\u9fff]");
  /** What must never reach a client: class names, packages, SQL, stack frames. */
  static final List<String> LEAKS = List.of("Exception", "org.", "java.", "javax.", "jakarta.",
      "SQL", "select ", "SELECT ", "insert ", "update ", "\tat ", "cn.fundmonitor.", "ENGINE-");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(10)).build();

  private Wire() {}

  /** A request: method, path (with query), content type (or null), body (or null), user. */
  record Call(String method, String path, String contentType, byte[] body, String user,
      String password) {

    static Call of(String method, String path, String user, String password) {
      return new Call(method, path, null, null, user, password);
    }

    static Call json(String method, String path, String json, String user, String password) {
      return new Call(method, path, "application/json",
          json == null ? null : json.getBytes(StandardCharsets.UTF_8), user, password);
    }

    /** A multipart/form-data POST of one file, as a browser's upload sends it. */
    static Call upload(String path, String field, String fileName, byte[] content,
        java.util.Map<String, String> fields, String user, String password) {
      var boundary = "----matrix" + System.nanoTime();
      var out = new java.io.ByteArrayOutputStream();
      fields.forEach((k, v) -> out.writeBytes(("--" + boundary
          + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n")
          .getBytes(StandardCharsets.UTF_8)));
      out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field
          + "\"; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
          .getBytes(StandardCharsets.UTF_8));
      out.writeBytes(content);
      out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      return new Call("POST", path, "multipart/form-data; boundary=" + boundary, out.toByteArray(),
          user, password);
    }

    Call withContentType(String type) {
      return new Call(method, path, type, body, user, password);
    }
  }

  record Answer(int status, String body) {}

  static Answer send(int port, Call call) {
    var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + call.path()))
        .timeout(Duration.ofSeconds(60)).header("Accept", "application/json");
    if (call.user() != null) {
      builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
          (call.user() + ":" + call.password()).getBytes(StandardCharsets.UTF_8)));
    }
    if (call.contentType() != null) {
      builder.header("Content-Type", call.contentType());
    }
    var publisher = call.body() == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(call.body());
    builder.method(call.method(), publisher);
    try {
      var response = CLIENT.send(builder.build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(response.statusCode(), response.body());
    } catch (Exception e) {
      throw new IllegalStateException(call.method() + " " + call.path(), e);
    }
  }

  /** Why this error answer is not a Chinese problem JSON without leaks, or null when it is. */
  static String problemDefect(Answer answer) {
    JsonNode node;
    try {
      node = JSON.readTree(answer.body());
    } catch (Exception e) {
      return "body is not JSON: " + shorten(answer.body());
    }
    if (node == null || !node.isObject()) {
      return "body is not a JSON object: " + shorten(answer.body());
    }
    var text = node.path("detail").asText("") + node.path("message").asText("")
        + node.path("title").asText("");
    if (!CJK.matcher(text).find()) {
      return "no Chinese title/detail/message: " + shorten(answer.body());
    }
    for (var leak : LEAKS) {
      if (answer.body().contains(leak)) {
        return "leaks \"" + leak + "\": " + shorten(answer.body());
      }
    }
    return null;
  }

  static String shorten(String text) {
    if (text == null) {
      return "null";
    }
    return text.length() <= 300 ? text : text.substring(0, 300) + "…";
  }
}
