package cn.fundmonitor.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.common.Workbooks;
import cn.fundmonitor.platform.WebappSessionTest.Webapp;
import cn.fundmonitor.support.Http;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, "any node may start first" and "every node equal", with two real nodes: two JVMs of
 * the application (production profile) started at the same moment on one empty PostgreSQL
 * database. Before the engine schema moved to Flyway one of them died in Camunda's schema creation
 * (duplicate key on pg_type). Then what one node started the other answers: a Tasklist login made
 * on node 1 works on node 2 (Spring Session JDBC), and an export started on node 1 is polled and
 * downloaded on node 2 (jobs and files in the database).
 */
class TwoNodesFaultIT {

  static final String DATABASE = "fm_faults_two_nodes";
  static final String ADMIN = "admin";
  static final String ADMIN_PASSWORD = "It-Guanli-Mima#2026";
  static final Duration BOOT = Duration.ofMinutes(4);

  final ObjectMapper json = new ObjectMapper();
  final List<Process> nodes = new ArrayList<>();

  @AfterEach
  void stopNodes() throws Exception {
    for (var node : nodes) {
      node.destroy();
    }
    for (var node : nodes) {
      if (!node.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        node.destroyForcibly().waitFor();
      }
    }
    admin("drop database if exists " + DATABASE + " with (force)");
  }

  @Test
  void twoNodesBootTogetherOnAnEmptyDatabaseAndAnswerForEachOther() throws Exception {
    admin("drop database if exists " + DATABASE + " with (force)");
    admin("create database " + DATABASE);
    var url = serverUrl() + "/" + DATABASE;
    var logs = Path.of("target", "two-nodes");
    Files.createDirectories(logs);

    var ports = new int[] {freePort(), freePort()};
    var started = Instant.now();
    for (int i = 0; i < 2; i++) {
      nodes.add(start(url, ports[i], logs.resolve("node" + (i + 1) + ".log")));
    }
    for (int i = 0; i < 2; i++) {
      awaitHealthy(nodes.get(i), ports[i], logs.resolve("node" + (i + 1) + ".log"));
    }
    System.out.printf("two nodes up on one empty database in %d s%n",
        Duration.between(started, Instant.now()).toSeconds());

    // one schema: Camunda's create scripts ran once, the project's migrations once each
    try (var c = DriverManager.getConnection(url, System.getProperty("FM_DB_USER", "postgres"),
        System.getProperty("FM_DB_PASSWORD", ""))) {
      assertThat(count(c, "select count(*) from ACT_GE_SCHEMA_LOG")).isEqualTo(1);
      assertThat(count(c, "select count(*) from ACT_GE_PROPERTY where NAME_ = 'schema.version'"))
          .isEqualTo(1);
      assertThat(count(c, "select count(*) from fm_engine_schema_history where version = '1' and success"))
          .isEqualTo(1);
      assertThat(count(c, "select count(*) from fm_engine_schema_history where not success")).isZero();
      assertThat(count(c, "select count(*) from fm_schema_history where not success")).isZero();
      assertThat(count(c, "select count(*) - count(distinct version) from fm_schema_history"))
          .isZero();
      assertThat(count(c, "select count(*) from fm_schema_history where version = '16'")).isEqualTo(1);
      assertThat(count(c, "select count(*) from ACT_ID_USER where ID_ = '" + ADMIN + "'")).isEqualTo(1);
    }
    for (int i = 0; i < 2; i++) {
      assertThat(Files.readString(logs.resolve("node" + (i + 1) + ".log")))
          .doesNotContain("duplicate key").doesNotContain("APPLICATION FAILED TO START");
    }

    // a Tasklist login on node 1 is a login on node 2
    var node1 = new Webapp("http://localhost:" + ports[0]);
    var login = node1.login(ADMIN, ADMIN_PASSWORD);
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    var node2 = new Webapp("http://localhost:" + ports[1], node1);
    var tasks = node2.tasks();
    assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);
    assertThat(tasks.body()).startsWith("[");
    assertThat(new Webapp("http://localhost:" + ports[1]).tasks().statusCode()).isEqualTo(401);

    // an export started on node 1 is polled and downloaded on node 2
    var start = new Http(ports[0]).post("/api/exports/filings?year=2026&quarter=2", "", ADMIN,
        ADMIN_PASSWORD);
    assertThat(start.statusCode()).as(start.body()).isEqualTo(202);
    var id = json.readTree(start.body()).get("id").asText();
    var other = new Http(ports[1]);
    JsonNode status;
    var deadline = Instant.now().plusSeconds(60);
    do {
      Thread.sleep(100);
      var poll = other.get("/api/exports/" + id, ADMIN, ADMIN_PASSWORD);
      assertThat(poll.statusCode()).as(poll.body()).isEqualTo(200);
      status = json.readTree(poll.body());
    } while (status.get("state").asText().equals("RUNNING") && Instant.now().isBefore(deadline));
    assertThat(status.get("state").asText()).isEqualTo("DONE");
    var file = other.download(status.get("file").asText(), Workbooks.XLSX, ADMIN, ADMIN_PASSWORD);
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(new String(file.body(), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
  }

  Process start(String url, int port, Path log) throws IOException {
    var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    var command = List.of(java, "-Xmx640m", "-XX:TieredStopAtLevel=1", "-cp", applicationClassPath(),
        "cn.fundmonitor.FundMonitorApplication",
        "--spring.profiles.active=postgres",
        "--server.port=" + port,
        "--spring.datasource.url=" + url,
        "--spring.datasource.username=" + System.getProperty("FM_DB_USER", "postgres"),
        "--spring.datasource.password=" + System.getProperty("FM_DB_PASSWORD", ""),
        "--spring.datasource.hikari.maximum-pool-size=6",
        "--camunda.bpm.job-execution.enabled=false",
        "--camunda.bpm.admin-user.id=" + ADMIN,
        "--camunda.bpm.admin-user.password=" + ADMIN_PASSWORD);
    return new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
  }

  static void awaitHealthy(Process node, int port, Path log) throws Exception {
    var client = HttpClient.newHttpClient();
    var deadline = Instant.now().plus(BOOT);
    while (Instant.now().isBefore(deadline)) {
      if (!node.isAlive()) {
        throw new AssertionError("node on port " + port + " died:\n" + tail(log));
      }
      try {
        var health = client.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5))
            .build(), HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(1000);
    }
    throw new AssertionError("node on port " + port + " not healthy within " + BOOT + ":\n" + tail(log));
  }

  /** The application's classpath, without the test classes (their components are not the app's). */
  static String applicationClassPath() {
    var path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return Arrays.stream(path.split(File.pathSeparator))
        .filter(p -> !p.endsWith("test-classes") && !p.endsWith("test-classes/"))
        .collect(Collectors.joining(File.pathSeparator));
  }

  static String tail(Path log) throws IOException {
    var lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }

  static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static long count(java.sql.Connection c, String sql) throws Exception {
    try (var st = c.createStatement(); var rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** jdbc:postgresql://host:port, from the IT database's URL. */
  static String serverUrl() {
    var url = System.getProperty("FM_DB_URL", "jdbc:postgresql://127.0.0.1:5432/fundmonitor_it");
    var withoutQuery = url.split("\\?", 2)[0];
    return withoutQuery.substring(0, withoutQuery.lastIndexOf('/'));
  }

  static void admin(String sql) throws Exception {
    try (var c = DriverManager.getConnection(serverUrl() + "/postgres",
        System.getProperty("FM_DB_USER", "postgres"), System.getProperty("FM_DB_PASSWORD", ""));
        var st = c.createStatement()) {
      st.execute(sql);
    }
  }
}
