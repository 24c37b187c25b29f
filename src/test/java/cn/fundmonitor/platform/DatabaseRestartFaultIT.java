package cn.fundmonitor.platform;

import static cn.fundmonitor.filing.QuarterlyFilingProcess.*;
import static cn.fundmonitor.support.TestUsers.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.platform.ProcessVariables;
import cn.fundmonitor.filing.Quarter;
import cn.fundmonitor.platform.WebappSessionTest.Webapp;
import cn.fundmonitor.support.Funding;
import cn.fundmonitor.support.ProblemRaises;
import cn.fundmonitor.support.Projects;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 16, fault tier: the database restarted under a bounded load of filings submitted over
 * /engine-rest by the county's finance user, as Tasklist submits them. The server is the test's
 * own ({@link ScratchPostgres}), stopped (fast shutdown: sessions ended) for a few seconds while
 * three clients submit and started again. Proves: no submission lost or doubled (every filing
 * filed exactly once, counted in the project's table and the engine's history, against what the
 * clients were told); during the outage clients get 503 with Retry-After and a Chinese problem
 * JSON — /engine-rest, /api and Tasklist's own REST — never another 5xx; the readiness probe says
 * DOWN; work resumes within seconds of the database's return.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.admin-user.password=Fm-Ce5hi-Mima!2026",
    "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("postgres")
@DirtiesContext
class DatabaseRestartFaultIT {

  static final String DATABASE = "fm_faults_restart";
  static final ScratchPostgres PG = new ScratchPostgres();
  static final Quarter QUARTER = new Quarter(2033, 1);
  static final int FILINGS = 60;
  static final int CLIENTS = 3;
  static final Duration OUTAGE = Duration.ofSeconds(15);
  /** A request waits at most this long for a connection (hikari.connection-timeout, 5 s) + 1 s. */
  static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(6);
  static final Duration RESUME_WITHIN = Duration.ofSeconds(15);
  static final Pattern CJK = Pattern.compile("[\\u4e00-\\u9fff]");

  @DynamicPropertySource
  static void scratchDatabase(DynamicPropertyRegistry registry) throws Exception {
    PG.start();
    PG.recreate(DATABASE);
    registry.add("spring.datasource.url", () -> PG.url(DATABASE));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
    registry.add("spring.flyway.user", () -> "postgres");
    registry.add("spring.flyway.password", () -> "");
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    PG.start();
    PG.drop(DATABASE);
  }

  @LocalServerPort int port;
  @Autowired Projects projects;
  @Autowired Funding funding;
  @Autowired ProblemRaises raises;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired JdbcClient jdbc;
  final ObjectMapper json = new ObjectMapper();
  final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** What the clients saw. */
  final AtomicInteger ok = new AtomicInteger();
  final AtomicInteger unavailable = new AtomicInteger();
  final AtomicInteger otherServerErrors = new AtomicInteger();
  final AtomicInteger noAnswer = new AtomicInteger();
  final List<String> badAnswers = Collections.synchronizedList(new ArrayList<>());
  final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
  final Set<String> foundDoneOnRetry = ConcurrentHashMap.newKeySet();
  final AtomicLong firstSuccessAfterRestart = new AtomicLong();
  volatile long restartedAt;

  String body() throws Exception {
    var actuals = json.writeValueAsString(json.writeValueAsString(List.of(
        Map.of("position", 1, "actual", "120", "notYetDue", false),
        Map.of("position", 2, "actual", "", "notYetDue", true),
        Map.of("position", 3, "actual", "明显改善", "notYetDue", false),
        Map.of("position", 4, "actual", "", "notYetDue", true))));
    return "{\"variables\":{\"paidToDate\":{\"value\":\"600000\"},"
        + "\"paidCentral\":{\"value\":\"600000\"},\"physicalProgress\":{\"value\":75},"
        + "\"indicatorActuals\":{\"type\":\"Json\",\"value\":" + actuals + "}}}";
  }

  HttpResponse<String> send(String method, String path, String body) {
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(20))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (XINGNING_FINANCE + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .header("Accept", "application/json");
    if (body != null) {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    try {
      var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      judge(path, response);
      return response;
    } catch (IOException e) {
      noAnswer.incrementAndGet();
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Counts the answer; a 503 must be the Chinese problem JSON with Retry-After. */
  void judge(String path, HttpResponse<String> response) {
    var status = response.statusCode();
    if (status == 503) {
      unavailable.incrementAndGet();
      if (response.headers().firstValue("Retry-After").isEmpty()
          || !CJK.matcher(response.body()).find() || !response.body().contains("\"status\":503")) {
        badAnswers.add(path + " 503 without Retry-After or Chinese problem JSON: "
            + response.headers().map() + " " + response.body());
      }
    } else if (status >= 500) {
      otherServerErrors.incrementAndGet();
      badAnswers.add(path + " " + status + " " + response.body());
    } else if (status < 300) {
      ok.incrementAndGet();
    }
  }

  /**
   * One filing, as a client that retries until it knows: find the task, claim it, submit. A
   * submission whose answer was lost (503, no answer) is retried; if the task is gone by then, the
   * lost attempt had been stored — found done on retry, not submitted twice.
   */
  void file(String key, long deadline) throws Exception {
    var submitted = false;
    while (System.nanoTime() < deadline) {
      var tasks = send("GET", "/engine-rest/task?processInstanceBusinessKey=" + key
          + "&taskDefinitionKey=" + TASK_FILE, null);
      if (tasks == null || tasks.statusCode() != 200) {
        Thread.sleep(500);
        continue;
      }
      JsonNode list = json.readTree(tasks.body());
      if (list.isEmpty()) {
        assertThat(submitted).as("the filing task of %s vanished before any submission", key)
            .isTrue();
        foundDoneOnRetry.add(key);
        return;
      }
      var id = list.get(0).get("id").asText();
      var claim = send("POST", "/engine-rest/task/" + id + "/claim",
          "{\"userId\":\"" + XINGNING_FINANCE + "\"}");
      if (claim == null || claim.statusCode() >= 300) {
        Thread.sleep(500);
        continue;
      }
      submitted = true;
      var submit = send("POST", "/engine-rest/task/" + id + "/submit-form", body());
      if (submit != null && submit.statusCode() < 300) {
        assertThat(acknowledged.add(key)).as("acknowledged twice: %s", key).isTrue();
        if (restartedAt > 0) {
          firstSuccessAfterRestart.compareAndSet(0, System.nanoTime());
        }
        return;
      }
      if (submit != null && submit.statusCode() < 500 && submit.statusCode() != 404) {
        throw new AssertionError("submission of " + key + " refused: " + submit.statusCode() + " "
            + submit.body());
      }
      Thread.sleep(500);
    }
    throw new AssertionError("filing " + key + " not done before the deadline");
  }

  @Test
  void filingsSubmittedWhileTheDatabaseRestartsAreNeitherLostNorDoubled() throws Exception {
    var keys = new ArrayList<String>();
    for (int i = 0; i < FILINGS; i++) {
      var code = projects.warehoused(XINGNING_ECO, "450102", "故障测试项目" + i);
      funding.fund(code, "450102", "800000", LocalDate.now());
      keys.add(QUARTER.key(code));
    }
    var wave = runtime.createProcessInstanceByKey(WAVE_KEY).startBeforeActivity(WAVE_PLAN)
        .setVariables(ProcessVariables.builder().set(FILING_YEAR, QUARTER.year())
        .set(FILING_QUARTER, QUARTER.quarter()).build()).execute();
    // the plan is a job of its own, then its batches
    management.executeJob(management.createJobQuery().processInstanceId(wave.getId())
        .activityId(WAVE_PLAN).singleResult().getId());
    management.createJobQuery().processDefinitionKey(BATCH_KEY).list()
        .forEach(job -> management.executeJob(job.getId()));
    assertThat(openFilingTasks(keys)).isEqualTo(FILINGS);

    var webapp = new Webapp("http://localhost:" + port);
    assertThat(webapp.login(XINGNING_FINANCE, PASSWORD).statusCode()).isEqualTo(200);

    var queue = new ConcurrentLinkedQueue<>(keys);
    var deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    var pool = Executors.newFixedThreadPool(CLIENTS + 3);
    var clients = new ArrayList<java.util.concurrent.Future<?>>();
    for (int c = 0; c < CLIENTS; c++) {
      clients.add(pool.submit(() -> {
        for (var key = queue.poll(); key != null; key = queue.poll()) {
          file(key, deadline);
          Thread.sleep(150); // a person's pace, bounded load
        }
        return null;
      }));
    }
    // probes, each on its own, every half second while the clients work: the readiness probe,
    // /api as the same user, Tasklist's own REST with its session; each answer with when it was asked
    var readiness = new ConcurrentLinkedQueue<long[]>();
    var api = new ConcurrentLinkedQueue<long[]>();
    var tasklist = new ConcurrentLinkedQueue<long[]>();
    var probes = List.of(
        probe(clients, readiness, () -> client.send(HttpRequest.newBuilder(URI.create(
            "http://localhost:" + port + "/actuator/health/readiness")).timeout(Duration.ofSeconds(20))
            .build(), HttpResponse.BodyHandlers.ofString())),
        probe(clients, api, () -> send("GET", "/api/me", null)),
        probe(clients, tasklist, () -> {
          var r = webapp.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
              + "/camunda/api/engine/engine/default/task/count")).timeout(Duration.ofSeconds(20))
              .header("Accept", "application/json").GET());
          judge("/camunda/api/engine/engine/default/task/count", r);
          return r;
        })).stream().map(pool::submit).toList();

    // the outage, once a third of the filings are acknowledged
    var waitUntil = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (acknowledged.size() < FILINGS / 3 && System.nanoTime() < waitUntil) {
      Thread.sleep(100);
    }
    assertThat(acknowledged.size()).as("filings acknowledged before the outage")
        .isGreaterThanOrEqualTo(FILINGS / 3);
    var beforeOutage = acknowledged.size();
    var stopping = System.nanoTime();
    PG.stop();
    var stopped = System.nanoTime();
    Thread.sleep(OUTAGE.toMillis());
    var unavailableInOutage = unavailable.get();
    var starting = System.nanoTime();
    PG.start();
    restartedAt = System.nanoTime();
    var down = (restartedAt - stopping) / 1_000_000;

    for (var f : clients) {
      f.get(4, TimeUnit.MINUTES);
    }
    for (var f : probes) {
      f.get(1, TimeUnit.MINUTES);
    }
    pool.shutdownNow();
    // asked while the database was down, and not answered by its return
    var readinessDuringOutage = during(readiness, stopped, starting - WAIT_NANOS);
    var apiDuringOutage = during(api, stopped, starting - WAIT_NANOS);
    var tasklistDuringOutage = during(tasklist, stopped, starting - WAIT_NANOS);
    var resumed = firstSuccessAfterRestart.get() == 0 ? -1
        : (firstSuccessAfterRestart.get() - restartedAt) / 1_000_000;

    System.out.printf("[fault] database restart under load: %d filings by %d clients; %d "
        + "acknowledged before the outage; database down %d ms; during it %d answers 503 "
        + "(with Retry-After, in Chinese); other 5xx: %d; no answer: %d; first success %d ms after "
        + "the database was back; acknowledged %d, found done on retry %d; readiness during the "
        + "outage %s; /api/me %s; Tasklist's task count %s; longest wait for those answers %d, "
        + "%d, %d ms%n", FILINGS, CLIENTS, beforeOutage, down, unavailableInOutage,
        otherServerErrors.get(), noAnswer.get(), resumed, acknowledged.size(),
        foundDoneOnRetry.size(), readinessDuringOutage, apiDuringOutage, tasklistDuringOutage,
        longestWait(readiness, stopped, starting - WAIT_NANOS),
        longestWait(api, stopped, starting - WAIT_NANOS),
        longestWait(tasklist, stopped, starting - WAIT_NANOS));

    assertThat(badAnswers).as("server errors other than 503, or 503 not as promised").isEmpty();
    assertThat(otherServerErrors.get()).isZero();
    assertThat(unavailableInOutage).as("clients told 503 during the outage").isPositive();
    assertThat(readinessDuringOutage).as("readiness during the outage").isNotEmpty()
        .containsOnly(503L);
    assertThat(apiDuringOutage).as("/api during the outage").contains(503L).doesNotContain(200L);
    assertThat(tasklistDuringOutage).as("Tasklist's REST during the outage").contains(503L)
        .doesNotContain(200L);
    // the window above assumes it: an answer during the outage comes within the pool's wait + 1 s
    for (var probe : List.of(readiness, api, tasklist)) {
      assertThat(longestWait(probe, stopped, starting - WAIT_NANOS))
          .as("longest wait for an answer during the outage, ms")
          .isLessThanOrEqualTo(TimeUnit.NANOSECONDS.toMillis(WAIT_NANOS));
    }
    assertThat(resumed).as("ms from the database's return to the first success")
        .isBetween(0L, RESUME_WITHIN.toMillis());

    // nothing lost, nothing doubled: every filing filed once, as the clients know it
    var both = new java.util.HashSet<>(acknowledged);
    both.retainAll(foundDoneOnRetry);
    assertThat(both).as("acknowledged and also found done on a retry").isEmpty();
    assertThat(acknowledged.size() + foundDoneOnRetry.size()).isEqualTo(FILINGS);
    assertThat(jdbc.sql("select count(*) from fm_quarterly_filing where filing_year = ? and "
            + "quarter = ? and status = 'FILED' and filed_by = ?")
        .params(QUARTER.year(), QUARTER.quarter(), XINGNING_FINANCE).query(Long.class).single())
        .as("filings stored as filed").isEqualTo(FILINGS);
    assertThat(jdbc.sql("select business_key from fm_quarterly_filing where filing_year = ? and "
            + "quarter = ? group by business_key having count(*) <> 1")
        .params(QUARTER.year(), QUARTER.quarter()).query(String.class).list()).isEmpty();
    assertThat(jdbc.sql("select count(*) from ACT_HI_TASKINST t join ACT_HI_PROCINST p on "
            + "p.PROC_INST_ID_ = t.PROC_INST_ID_ where t.TASK_DEF_KEY_ = :task and t.END_TIME_ is not "
            + "null and p.BUSINESS_KEY_ in (:keys)").param("task", TASK_FILE).param("keys", keys)
        .query(Long.class).single()).as("filing tasks completed, in the engine's history")
        .isEqualTo(FILINGS);
    // each filing's warning (600,000 of 800,000 paid) raises its problem in a job of its own,
    // which this test's engine leaves to us (no job executor): once each, then the review
    assertThat(raises.run()).as("the warnings' raise jobs, one per filing").isEqualTo(FILINGS);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(KEY)
        .activityIdIn(TASK_REVIEW).count()).as("filings waiting for the province's review, once each")
        .isEqualTo(FILINGS);
    var ready = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(ready.statusCode()).isEqualTo(200);
  }

  interface Request {
    HttpResponse<String> send() throws Exception;
  }

  /**
   * Asks every half second while the clients work, whether or not the last answer came: a request
   * waits up to the pool's connection timeout while the database is down, and a probe that waited
   * for it could ask nothing inside the outage. Records (asked at, status or 0 for none, answered
   * at).
   */
  java.util.concurrent.Callable<Void> probe(List<java.util.concurrent.Future<?>> clients,
      ConcurrentLinkedQueue<long[]> answers, Request request) {
    return () -> {
      var askers = Executors.newCachedThreadPool();
      var asks = new ArrayList<java.util.concurrent.Future<?>>();
      try {
        while (clients.stream().anyMatch(f -> !f.isDone())) {
          var asked = System.nanoTime();
          asks.add(askers.submit(() -> {
            var response = request.send();
            answers.add(new long[] {asked, response == null ? 0 : response.statusCode(),
                System.nanoTime()});
            return null;
          }));
          Thread.sleep(500);
        }
        for (var ask : asks) {
          ask.get(1, TimeUnit.MINUTES);
        }
      } finally {
        askers.shutdownNow();
      }
      return null;
    };
  }

  /** The longest wait, in ms, for an answer to a request asked while the database was down. */
  static long longestWait(ConcurrentLinkedQueue<long[]> answers, long from, long to) {
    return answers.stream().filter(a -> a[0] >= from && a[0] < to)
        .mapToLong(a -> (a[2] - a[0]) / 1_000_000).max().orElse(-1);
  }

  /** The statuses of the answers asked while the database was down. */
  static List<Long> during(ConcurrentLinkedQueue<long[]> answers, long from, long to) {
    return answers.stream().filter(a -> a[0] >= from && a[0] < to).map(a -> a[1]).toList();
  }

  long openFilingTasks(List<String> keys) {
    return keys.stream().mapToLong(k -> runtime.createProcessInstanceQuery()
        .processInstanceBusinessKey(k).activityIdIn(TASK_FILE).count()).sum();
  }
}
