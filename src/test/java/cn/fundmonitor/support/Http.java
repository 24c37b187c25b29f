package cn.fundmonitor.support;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** A plain HTTP client for the running test server (Jersey's /engine-rest is not on MockMvc). */
public final class Http {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private final int port;
  private final Map<String, String> headers;

  public Http(int port) {
    this(port, Map.of());
  }

  private Http(int port, Map<String, String> headers) {
    this.port = port;
    this.headers = headers;
  }

  /** The same client sending these headers too (e.g. what a browser adds: Origin, Sec-Fetch-Site). */
  public Http with(Map<String, String> extra) {
    var all = new java.util.LinkedHashMap<>(headers);
    all.putAll(extra);
    return new Http(port, all);
  }

  public HttpResponse<String> get(String path, String user, String password) {
    return send(request(path, user, password).GET());
  }

  public HttpResponse<String> post(String path, String json, String user, String password) {
    return send(request(path, user, password).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  public HttpResponse<String> put(String path, String json, String user, String password) {
    return send(request(path, user, password).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  public HttpResponse<String> delete(String path, String user, String password) {
    return send(request(path, user, password).DELETE());
  }

  /** A GET whose answer is a file (e.g. an .xlsx), asking for the given media type. */
  public HttpResponse<byte[]> download(String path, String accept, String user, String password) {
    return sendBytes(request(path, user, password).setHeader("Accept", accept).GET());
  }

  /** A JSON POST whose answer is a file. */
  public HttpResponse<byte[]> postForFile(String path, String json, String accept, String user,
      String password) {
    return sendBytes(request(path, user, password).setHeader("Accept", accept)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  /** A multipart/form-data POST of one file (and plain fields), as a browser's upload sends it. */
  public HttpResponse<byte[]> upload(String path, String field, String fileName, byte[] content,
      Map<String, String> fields, String accept, String user, String password) {
    var boundary = "----fundmonitor" + System.nanoTime();
    var body = new ByteArrayOutputStream();
    try {
      for (var f : fields.entrySet()) {
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey()
            + "\"\r\n\r\n" + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
      }
      body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field
          + "\"; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
          .getBytes(StandardCharsets.UTF_8));
      body.write(content);
      body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return sendBytes(request(path, user, password).setHeader("Accept", accept)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  public static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  private HttpRequest.Builder request(String path, String user, String password) {
    var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", "application/json");
    headers.forEach(builder::header);
    if (user != null) {
      var token = Base64.getEncoder().encodeToString((user + ":" + password)
          .getBytes(StandardCharsets.UTF_8));
      builder.header("Authorization", "Basic " + token);
    }
    return builder;
  }

  private static HttpResponse<byte[]> sendBytes(HttpRequest.Builder builder) {
    try {
      return CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpResponse<String> send(HttpRequest.Builder builder) {
    try {
      return CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
