package cn.fundmonitor.platform;

import static cn.fundmonitor.support.TestUsers.GUANGXI_ECO;
import static cn.fundmonitor.support.TestUsers.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.support.FundMonitorTest;
import cn.fundmonitor.support.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The webapps' login lives in the database (Spring Session JDBC, issue 16: "every node equal"), not
 * in one node's memory: a Tasklist login is a row in SPRING_SESSION holding Camunda's
 * authentication, and the same cookie stops working the moment that row is gone — so any node
 * reading the same database accepts it. (Two real nodes: {@code TwoNodesFaultIT}.)
 */
@FundMonitorTest
// a fresh application: Camunda's webapps keep their runtime in static fields, and an application
// another test started and closed in this JVM (StartupSafetyTest's refused start) leaves the
// cached one's Cockpit and Admin without it (NullPointerException in Cockpit.getProcessEngine)
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_CLASS)
class WebappSessionTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestUsers users; // creates the test users

  @Test
  void aTasklistLoginIsKeptInTheDatabaseAndOnlyThere() throws Exception {
    var webapp = new Webapp("http://localhost:" + port);
    assertThat(webapp.tasks().statusCode()).isEqualTo(401);

    var login = webapp.login(GUANGXI_ECO, PASSWORD);
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    assertThat(webapp.sessionId()).isNotBlank();
    var tasks = webapp.tasks();
    assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);
    assertThat(tasks.body()).startsWith("[");

    var rows = jdbc.queryForObject("select count(*) from SPRING_SESSION_ATTRIBUTES a join SPRING_SESSION s"
        + " on s.PRIMARY_ID = a.SESSION_PRIMARY_ID where a.ATTRIBUTE_NAME = ?", Integer.class,
        "authenticatedUser");
    assertThat(rows).isPositive();

    jdbc.update("delete from SPRING_SESSION");
    assertThat(webapp.tasks().statusCode()).isEqualTo(401);
  }

  /** A browser of the Camunda webapps: cookies kept, the CSRF token sent back as its header. */
  static final class Webapp {
    final String base;
    final HttpClient client = HttpClient.newHttpClient();
    // shared by concurrent requests (the fault tier's probe asks again before an answer came)
    final Map<String, String> cookies = new java.util.concurrent.ConcurrentHashMap<>();
    volatile String csrf;

    Webapp(String base) {
      this.base = base;
    }

    Webapp(String base, Webapp other) {
      this(base);
      cookies.putAll(other.cookies);
      csrf = other.csrf;
    }

    String sessionId() {
      return cookies.get("JSESSIONID");
    }

    HttpResponse<String> login(String user, String password) throws Exception {
      // the first page sets the CSRF token the login must carry
      send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).GET());
      return send(HttpRequest.newBuilder(
              URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(user) + "&password="
              + encode(password))));
    }

    static String encode(String value) {
      return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    HttpResponse<String> tasks() throws Exception {
      return send(HttpRequest.newBuilder(
          URI.create(base + "/camunda/api/engine/engine/default/task?maxResults=5")).GET()
          .header("Accept", "application/json"));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
      if (!cookies.isEmpty()) {
        request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining("; ")));
      }
      if (csrf != null) {
        request.header("X-XSRF-TOKEN", csrf);
      }
      var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      for (var set : response.headers().allValues("Set-Cookie")) {
        var pair = set.split(";", 2)[0].split("=", 2);
        cookies.put(pair[0].trim(), pair.length > 1 ? pair[1].trim() : "");
      }
      response.headers().firstValue("X-XSRF-TOKEN").ifPresent(t -> csrf = t);
      if (cookies.containsKey("XSRF-TOKEN")) {
        csrf = cookies.get("XSRF-TOKEN");
      }
      return response;
    }
  }
}
