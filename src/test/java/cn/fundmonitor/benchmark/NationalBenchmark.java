package cn.fundmonitor.benchmark;

import static cn.fundmonitor.filing.QuarterlyFilingProcess.*;

import cn.fundmonitor.support.Submitted;
import cn.fundmonitor.platform.ProcessVariables;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import cn.fundmonitor.FundMonitorApplication;
import cn.fundmonitor.demo.NationalDemoData;
import cn.fundmonitor.filing.FilingService;
import cn.fundmonitor.filing.FundSource;
import cn.fundmonitor.filing.Quarter;
import cn.fundmonitor.organisation.CamundaOrganisationSync;
import cn.fundmonitor.organisation.Division;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The national scale on PostgreSQL (issue 16), each figure beside a baseline measured in the same
 * run: the first start with the national division tree beside a start with the demo tree; filing
 * completions over /engine-rest as logged-in county users beside the same filings through the
 * service layer in-process and beside the raw engine's start→complete of a one-task process; one
 * county user's task list at about 1,000 open tasks beside the same at 100,000, with the query
 * plan; the statistics of the ministry, a province and a county. Run with
 * {@code .ci/benchmark national}; the report is printed and written to
 * target/benchmark/national.txt. Not a test: it states figures.
 *
 * <p>The 100,000 open tasks: a few hundred are real filing tasks opened by the engine; the rest
 * are copies of their rows (the task, its two candidate-group links and the two grants the engine
 * made for them) spread over every county's groups, never completed — what the task query reads
 * is the same, and 100,000 real instances would take most of the run to start.
 */
class NationalBenchmark {

  static final int PROJECTS = Integer.getInteger("bench.national.projects", 30_000);
  static final int FILINGS = Integer.getInteger("bench.national.filings", 300);
  static final int OPEN_TASKS = Integer.getInteger("bench.national.tasks", 100_000);
  static final int SMALL_TASKS = 1_000;
  static final int LIST_SAMPLES = Integer.getInteger("bench.national.samples", 200);
  static final int STATISTICS_SAMPLES = Integer.getInteger("bench.national.statistics", 10);
  static final int THREADS = 2;
  static final String PASSWORD = "Bench-Quanguo-Mima#2026";

  final List<String> report = new ArrayList<>();
  final HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
  String base;

  void say(String format, Object... args) {
    var line = String.format(format, args);
    System.out.println("[benchmark] " + line);
    report.add(line);
  }

  static String url() {
    return System.getProperty("FM_DB_URL");
  }

  /** When the last start's context was up (Spring, Flyway, the engine, the model deployment). */
  volatile long startedAt;
  /** The last start's steps (bean creation and the like), for {@link #slowestBeans}. */
  org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup startup;

  /** One application at a time, on the default engine name (the one /engine-rest serves). */
  ConfigurableApplicationContext start(String url, String... more) {
    var args = new ArrayList<>(List.of("--spring.datasource.url=" + url, "--server.port=0",
        "--fundmonitor.demo.enabled=false",
        "--camunda.bpm.admin-user.password=" + PASSWORD, "--camunda.bpm.job-execution.enabled=false",
        "--logging.level.root=warn"));
    args.addAll(List.of(more));
    startup = new org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup(
        50_000);
    return new SpringApplicationBuilder(FundMonitorApplication.class).profiles("postgres")
        .applicationStartup(startup)
        .listeners((org.springframework.context.ApplicationListener<
            org.springframework.boot.context.event.ApplicationStartedEvent>) e ->
            startedAt = System.nanoTime())
        .run(args.toArray(String[]::new));
  }

  @Test
  void national() throws Exception {
    var smallUrl = System.getProperty("bench.national.small-db-url", url() + "_small");
    // 1. the first start: the demo tree (12 divisions), then the national tree
    var t0 = System.nanoTime();
    try (var small = start(smallUrl)) {
      var seconds = (System.nanoTime() - t0) / 1e9;
      say("PostgreSQL %s, %d cores", small.getBean(JdbcTemplate.class)
          .queryForObject("show server_version", String.class), Runtime.getRuntime().availableProcessors());
      say("first start, demo tree (baseline): %.1f s; %s", seconds, rows(small.getBean(JdbcTemplate.class)));
      say("    %s", phases(small.getBean(JdbcTemplate.class), t0, seconds));
      say("    slowest beans to create (their own time): %s",
          slowestBeans(8));
    }
    t0 = System.nanoTime();
    try (var app = start(url(), "--fundmonitor.demo.national=true",
        "--fundmonitor.demo.national-projects=" + PROJECTS)) {
      var seconds = (System.nanoTime() - t0) / 1e9;
      var jdbc = app.getBean(JdbcTemplate.class);
      var demo = app.getBean(NationalDemoData.class);
      var summary = demo.summary();
      var sync = app.getBean(CamundaOrganisationSync.class).lastDuration();
      say("first start, national tree: %.1f s, of which the dataset %.1f s (%.1f s of it its "
          + "commit, where the audit trail seals each row; %,d divisions, %,d projects, %,d "
          + "filings) and the engine's groups and grants %.1f s (goal: under a minute); %s",
          seconds, summary.seconds(), demo.commitSeconds(), summary.divisions(), summary.projects(),
          summary.filings(),
          sync.toMillis() / 1e3, rows(jdbc));
      say("    %s", phases(jdbc, t0, seconds));
      say("    slowest beans to create (their own time): %s",
          slowestBeans(8));
      base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
      measure(app, jdbc);
    }
    Files.createDirectories(Path.of("target/benchmark"));
    Files.write(Path.of("target/benchmark/national.txt"), report);
  }

  /**
   * Where a first start's time went: Flyway's migrations (engine schema, then the project's), the
   * rest of bringing the context up (Spring, the engine, the model deployment), and the work done
   * once it is ready (the dataset, the organisation sync, the backfill, the calendar).
   */
  String phases(JdbcTemplate jdbc, long t0, double seconds) {
    var engineSchema = jdbc.queryForObject("select coalesce(sum(execution_time), 0) from "
        + "fm_engine_schema_history", Long.class) / 1e3;
    var project = jdbc.queryForObject("select coalesce(sum(execution_time), 0) from "
        + "fm_schema_history", Long.class) / 1e3;
    var context = (startedAt - t0) / 1e9;
    return String.format("context up %.1f s (Flyway: engine schema %.1f s, project migrations "
        + "%.1f s; Spring, engine and model deployment %.1f s), then the start-up work %.1f s",
        context, engineSchema, project, context - engineSchema - project, seconds - context);
  }

  /**
   * The beans whose own creation took longest in the last start (their time less that of the
   * beans they needed first), with their seconds.
   */
  String slowestBeans(int count) {
    var events = startup.getBufferedTimeline().getEvents();
    var children = new java.util.HashMap<Long, Long>();
    for (var e : events) {
      if (e.getStartupStep().getParentId() != null) {
        children.merge(e.getStartupStep().getParentId(), e.getDuration().toNanos(), Long::sum);
      }
    }
    record Own(String bean, long nanos) {}
    return events.stream()
        .filter(e -> e.getStartupStep().getName().equals("spring.beans.instantiate"))
        .map(e -> {
          var name = "?";
          for (var tag : e.getStartupStep().getTags()) {
            if (tag.getKey().equals("beanName")) {
              name = tag.getValue();
            }
          }
          return new Own(name, e.getDuration().toNanos()
              - children.getOrDefault(e.getStartupStep().getId(), 0L));
        })
        .sorted(java.util.Comparator.comparingLong(Own::nanos).reversed())
        .limit(count)
        .map(o -> String.format("%s %.1f s", o.bean(), o.nanos() / 1e9))
        .collect(java.util.stream.Collectors.joining(", "));
  }

  static String rows(JdbcTemplate jdbc) {
    return String.format("%,d groups, %,d authorization rows", jdbc.queryForObject(
        "select count(*) from act_id_group", Long.class), jdbc.queryForObject(
        "select count(*) from act_ru_authorization", Long.class));
  }

  void measure(ConfigurableApplicationContext app, JdbcTemplate jdbc) throws Exception {
    var identity = app.getBean(IdentityService.class);
    var runtime = app.getBean(RuntimeService.class);
    var tasks = app.getBean(TaskService.class);
    var filings = app.getBean(FilingService.class);
    // the second quarter's filings of 4 × FILINGS projects, opened as a wave batch opens them, plus
    // 50 more whose tasks are the templates of the copies
    var projects = jdbc.queryForList("select p.code from fm_project p where p.code like 'GJ%' "
        + "order by md5(p.code) limit ?", String.class, 4 * FILINGS + 50);
    var q2 = new Quarter(2026, 2);
    var t0 = System.nanoTime();
    parallel(projects.size(), i -> {
      var project = projects.get(i);
      if (filings.prepare(project, q2)) {
        runtime.createProcessInstanceByKey(KEY).businessKey(q2.key(project))
            .setVariables(ProcessVariables.builder().set(FILING_YEAR, 2026)
                .set(FILING_QUARTER, 2).set(PROJECT_CODE, project).build())
            .execute();
      }
    });
    say("opened %,d second-quarter filings in %.1f s", projects.size(), (System.nanoTime() - t0) / 1e9);
    var templates = projects.subList(4 * FILINGS, projects.size()).stream().map(q2::key).toList();
    var countyUser = countyUser(identity, jdbc, projects.get(0));
    copyTasks(jdbc, templates, SMALL_TASKS);
    var small = taskList(countyUser);
    say("task list of one county user (%s), %,d open tasks nationwide: p50 %.1f ms, p95 %.1f ms "
        + "(%d requests)", countyUser.groups, openTasks(jdbc), small.p(50), small.p(95), LIST_SAMPLES);
    copyTasks(jdbc, templates, OPEN_TASKS);
    jdbc.execute("analyze");
    var large = taskList(countyUser);
    say("task list of one county user, %,d open tasks nationwide: p50 %.1f ms, p95 %.1f ms "
        + "= %.2f × the p95 at %,d (goal ≤ 2)", openTasks(jdbc), large.p(50), large.p(95),
        large.p(95) / small.p(95), SMALL_TASKS);
    prepareThreshold(app, 5);
    var generic = taskList(countyUser);
    prepareThreshold(app, 0);
    say("    the same with server-side prepared statements (prepareThreshold 5, the driver's "
        + "default): p50 %.1f ms, p95 %.1f ms = %.2f × prepareThreshold 0", generic.p(50),
        generic.p(95), generic.p(95) / large.p(95));
    explainTaskList(jdbc, countyUser);
    jdbc.execute("drop table bench_copy");
    jdbc.execute("drop table bench_template");

    // 2. filings: the raw engine, the service layer, REST — all at OPEN_TASKS open tasks
    var raw = rawEngine(app.getBean(RepositoryService.class), runtime, tasks);
    var service = new Latencies();
    var serviceKeys = projects.subList(0, FILINGS);
    var serviceIds = serviceKeys.stream().map(p -> tasks.createTaskQuery()
        .processInstanceBusinessKey(q2.key(p)).taskDefinitionKey(TASK_FILE).singleResult().getId()).toList();
    var servicePaid = serviceKeys.stream().map(p -> paid(jdbc, p)).toList();
    var serviceFailures = new ConcurrentLinkedQueue<String>();
    var seconds = parallel(FILINGS, i -> service.time(() -> {
      try {
        tasks.complete(serviceIds.get(i), filingVariables(servicePaid.get(i)));
      } catch (RuntimeException e) {
        serviceFailures.add(String.valueOf(e.getMessage()));
      }
    }));
    say("filings through the service layer in-process (no logged-in user): %s, %.0f/s, %d failed%s",
        service, FILINGS / seconds, serviceFailures.size(), serviceFailures.isEmpty() ? ""
            : " (first: " + serviceFailures.peek().lines().findFirst().orElse("") + ")");
    // over REST in three modes, in interleaved rounds so that the machine's load falls on each
    // alike: as shipped; without the supervisors' grants (SupervisorGrants, switched off as
    // fundmonitor.supervisor-grants.enabled=false does: Camunda's own provider); with the JDBC
    // driver's server-side prepared statements (its default prepareThreshold 5, not 0)
    var engine = app.getBean(org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl.class);
    var shipped = engine.getResourceAuthorizationProvider();
    var modes = List.of("as shipped", "supervisors' grants off", "prepareThreshold 5");
    var restLatencies = List.of(new Latencies(), new Latencies(), new Latencies());
    var restSeconds = new double[3];
    var failures = new AtomicInteger();
    var instancesByMode = List.of(new ArrayList<String>(), new ArrayList<String>(),
        new ArrayList<String>());
    // each mode goes first in one round: the first block after other work ran slower in every run
    var rounds = modes.size();
    var perRound = FILINGS / rounds;
    for (int round = 0; round < rounds; round++) {
      for (int k = 0; k < modes.size(); k++) {
        var mode = (round + k) % modes.size();
        var from = FILINGS + (mode * rounds + round) * perRound;
        var keys = projects.subList(from, from + perRound);
        var users = new ArrayList<CountyUser>();
        var ids = new ArrayList<String>();
        var bodies = new ArrayList<String>();
        for (var p : keys) {
          bodies.add(restBody(paid(jdbc, p)));
          users.add(countyUser(identity, jdbc, p));
          var task = tasks.createTaskQuery().processInstanceBusinessKey(q2.key(p))
              .taskDefinitionKey(TASK_FILE).singleResult();
          ids.add(task.getId());
          instancesByMode.get(mode).add(task.getProcessInstanceId());
        }
        engine.setResourceAuthorizationProvider(mode == 1
            ? new org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider() : shipped);
        prepareThreshold(app, mode == 2 ? 5 : 0);
        var latencies = restLatencies.get(mode);
        restSeconds[mode] += parallel(perRound, i -> latencies.time(() -> {
          var status = post(users.get(i), "/engine-rest/task/" + ids.get(i) + "/complete",
              bodies.get(i));
          if (status != 204) {
            failures.incrementAndGet();
          }
        }));
      }
    }
    engine.setResourceAuthorizationProvider(shipped);
    prepareThreshold(app, 0);
    var rest = restLatencies.get(0);
    say("filings over /engine-rest as logged-in county users (HTTP Basic, real form variables), "
        + "%d rounds of %d per mode, %d not 204:", rounds, perRound, failures.get());
    for (int mode = 0; mode < modes.size(); mode++) {
      var l = restLatencies.get(mode);
      say("    %-24s %s, %.0f/s; p99 = %.2f × as shipped", modes.get(mode) + ":", l,
          l.nanos.size() / restSeconds[mode], l.p(99) / rest.p(99));
    }
    say("REST p99 = %.1f × the raw engine's p99 (goal ≤ 3); the service layer's p99 = %.1f × raw",
        rest.p(99) / raw.p(99), service.p(99) / raw.p(99));
    for (int mode = 0; mode < 2; mode++) {
      say("authorization rows after the filing (%s): %s", modes.get(mode),
          grantsPerTask(jdbc, instancesByMode.get(mode)));
    }
    parentTaskIndex(app.getBean(RepositoryService.class), runtime, tasks, jdbc);

    // 3. statistics of the ministry, one province, one county over HTTP; baseline: the same
    // scope computed in-process as before issue 16 (every project read into Java, every division
    // beneath a row), beside the same in-process computation as it is now
    statistics(app, jdbc, identity, countyUser.division);
  }

  /** The statistics part alone ({@link NationalStatisticsBenchmark} runs it on a loaded database). */
  void statistics(ConfigurableApplicationContext app, JdbcTemplate jdbc, IdentityService identity,
      String county) {
    var province = county.substring(0, 2) + "0000";
    for (var scope : List.of(Division.MINISTRY_CODE, province, county)) {
      var user = unitUser(identity, scope);
      var latencies = new Latencies();
      var bytes = new int[1];
      for (int i = 0; i < STATISTICS_SAMPLES; i++) {
        latencies.time(() -> bytes[0] = get(user, "/api/statistics?year=2026&quarter=1").length);
      }
      var name = scope.equals(county) ? "county" : scope.equals(province) ? "province" : "ministry";
      say("statistics %s (%s, %,d projects beneath): %s, %,d bytes", name, scope, jdbc.queryForObject(
          "select count(*) from fm_project p join fm_division d on d.code = p.region_code where "
          + "p.region_code like ?", Integer.class, scope.equals(Division.MINISTRY_CODE) ? "%"
          : scope.endsWith("0000") ? scope.substring(0, 2) + "%" : scope), latencies, bytes[0]);
      var before = new Latencies();
      var now = new Latencies();
      var answers = new cn.fundmonitor.reports.StatisticsBaseline.Answer[2];
      for (int i = 0; i < Math.max(3, STATISTICS_SAMPLES / 2); i++) {
        answers[0] = cn.fundmonitor.reports.StatisticsBaseline.perProject(app, 2026, 1, scope);
        before.nanos.add(answers[0].nanos());
        answers[1] = cn.fundmonitor.reports.StatisticsBaseline.summed(app, 2026, 1, scope);
        now.nanos.add(answers[1].nanos());
      }
      say("  in-process, per project as before (baseline): p50 %.1f ms, %,d bytes, %,d region rows; "
          + "summed in SQL: p50 %.1f ms, %,d bytes, %,d region rows", before.p(50),
          answers[0].bytes(), answers[0].regionRows(), now.p(50), answers[1].bytes(),
          answers[1].regionRows());
    }
  }

  // ---- on/off comparisons

  /**
   * Sets the JDBC driver's prepareThreshold on every connection of the pool (the pool keeps its
   * connections, so it holds until set again): 0 = no server-side prepared statements, as
   * shipped (application-postgres.yaml); 5 = the driver's default.
   */
  static void prepareThreshold(ConfigurableApplicationContext app, int threshold) {
    try {
      var pool = app.getBean(javax.sql.DataSource.class).unwrap(com.zaxxer.hikari.HikariDataSource.class);
      var held = new ArrayList<java.sql.Connection>();
      try {
        for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
          var c = pool.getConnection();
          held.add(c);
          c.unwrap(org.postgresql.PGConnection.class).setPrepareThreshold(threshold);
        }
      } finally {
        for (var c : held) {
          c.close();
        }
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The grants on the instances' open tasks and on the instances themselves, per open task. */
  static String grantsPerTask(JdbcTemplate jdbc, List<String> instances) {
    var in = "('" + String.join("','", instances) + "')";
    var open = jdbc.queryForObject("select count(*) from act_ru_task where proc_inst_id_ in " + in,
        Long.class);
    var onTasks = jdbc.queryForObject("select count(*) from act_ru_authorization a join act_ru_task "
        + "t on t.id_ = a.resource_id_ and a.resource_type_ = 7 where t.proc_inst_id_ in " + in,
        Long.class);
    var onInstances = jdbc.queryForObject("select count(*) from act_ru_authorization where "
        + "resource_type_ = 8 and resource_id_ in " + in, Long.class);
    return String.format("%,d open tasks; %.1f grants per task on the task, %.1f per instance on "
        + "the instance", open, onTasks / (double) Math.max(1, open),
        onInstances / (double) Math.max(1, instances.size()));
  }

  /**
   * Completions with and without the index on ACT_RU_TASK.PARENT_TASK_ID_ (V17): the raw engine's
   * start→complete at the open tasks there are now; the index is put back at the end.
   */
  void parentTaskIndex(RepositoryService repository, RuntimeService runtime, TaskService tasks,
      JdbcTemplate jdbc) throws Exception {
    // in interleaved rounds, so that the machine's load falls on both alike
    var with = new Latencies();
    var without = new Latencies();
    var seconds = new double[2];
    try {
      for (int round = 0; round < 2; round++) {
        seconds[0] += rawEngine(repository, runtime, tasks, FILINGS / 2, with);
        jdbc.execute("drop index fm_idx_task_parent");
        seconds[1] += rawEngine(repository, runtime, tasks, FILINGS / 2, without);
        jdbc.execute("create index fm_idx_task_parent on ACT_RU_TASK (PARENT_TASK_ID_)");
      }
    } finally {
      jdbc.execute("create index if not exists fm_idx_task_parent on ACT_RU_TASK (PARENT_TASK_ID_)");
    }
    say("raw engine start→complete, %,d open tasks, with the index on ACT_RU_TASK.PARENT_TASK_ID_ "
        + "(V17): %s, %.0f/s", openTasks(jdbc), with, with.nanos.size() / seconds[0]);
    say("    without it: %s, %.0f/s; p50 %.2f ×, p99 %.2f × with it", without,
        without.nanos.size() / seconds[1], without.p(50) / with.p(50), without.p(99) / with.p(99));
  }

  // ---- the county user and the task list

  record CountyUser(String id, String division, String groups) {}

  CountyUser countyUser(IdentityService identity, JdbcTemplate jdbc, String project) {
    var county = jdbc.queryForObject("select region_code from fm_project where code = ?",
        String.class, project);
    return unitUser(identity, county);
  }

  CountyUser unitUser(IdentityService identity, String division) {
    var id = "bench-" + division;
    var groups = List.of(division + "-finance", division + "-eco");
    if (identity.createUserQuery().userId(id).count() == 0) {
      var user = identity.newUser(id);
      user.setFirstName("基准");
      user.setLastName(division);
      user.setPassword(PASSWORD);
      identity.saveUser(user);
      groups.forEach(g -> identity.createMembership(id, g));
    }
    return new CountyUser(id, division, String.join(",", groups));
  }

  long openTasks(JdbcTemplate jdbc) {
    return jdbc.queryForObject("select count(*) from act_ru_task", Long.class);
  }

  Latencies taskList(CountyUser user) throws Exception {
    var path = "/engine-rest/task?candidateGroups=" + user.groups
        + "&includeAssignedTasks=true&sortBy=created&sortOrder=desc&firstResult=0&maxResults=15";
    get(user, path); // warm
    var latencies = new Latencies();
    parallel(LIST_SAMPLES, i -> latencies.time(() -> get(user, path)));
    return latencies;
  }

  /**
   * Copies the template tasks' rows (task, candidate links, grants) until {@code total} tasks
   * are open, each copy given to the groups of a county picked in turn from all counties.
   */
  void copyTasks(JdbcTemplate jdbc, List<String> templateKeys, int total) throws Exception {
    var missing = total - openTasks(jdbc);
    if (missing <= 0) {
      return;
    }
    var t0 = System.nanoTime();
    var counties = jdbc.queryForList("select code from fm_division where level = 'COUNTY' "
        + "order by code", String.class);
    var from = jdbc.queryForObject("select count(*) from act_ru_task where id_ like 'bench-%'",
        Long.class);
    jdbc.execute("create table if not exists bench_template as select t.id_, "
        + "row_number() over (order by t.id_) - 1 as n from act_ru_task t join act_ru_execution e "
        + "on e.id_ = t.proc_inst_id_ where e.business_key_ in ('" + String.join("','", templateKeys)
        + "') and t.task_def_key_ = '" + TASK_FILE + "'");
    var templates = jdbc.queryForObject("select count(*) from bench_template", Long.class);
    jdbc.execute("drop table if exists bench_copy");
    jdbc.execute("create table bench_copy as select 'bench-' || g as id_, b.id_ as template, "
        + "(array['" + String.join("','", counties) + "'])[1 + (g % " + counties.size() + ")] as county "
        + "from generate_series(" + (from + 1) + ", " + (from + missing) + ") g join bench_template b "
        + "on b.n = g % " + templates);
    copy(jdbc, "act_ru_task", "t.id_ = c.template", Map.of("id_", "c.id_"));
    copy(jdbc, "act_ru_identitylink", "t.task_id_ = c.template", Map.of("id_", "c.id_ || '-' || t.id_",
        "task_id_", "c.id_", "group_id_", "overlay(t.group_id_ placing c.county from 1 for 6)"));
    // the county's own grants go to the copy's county, its supervisors' (SupervisorGrants: the
    // city's and the province's departments) to that county's city and province
    copy(jdbc, "act_ru_authorization", "t.resource_id_ = c.template and t.resource_type_ = 7",
        Map.of("id_", "c.id_ || '-' || t.id_", "resource_id_", "c.id_", "group_id_",
            "overlay(t.group_id_ placing case when substr(t.group_id_, 3, 4) = '0000' then "
            + "left(c.county, 2) || '0000' when substr(t.group_id_, 5, 2) = '00' then "
            + "left(c.county, 4) || '00' else c.county end from 1 for 6)"));
    say("copied %,d open tasks (with their candidate links and grants) in %.1f s", missing,
        (System.nanoTime() - t0) / 1e9);
  }

  static void copy(JdbcTemplate jdbc, String table, String join, Map<String, String> replaced) {
    var columns = jdbc.queryForList("select column_name from information_schema.columns where "
        + "table_name = ? and table_schema = current_schema() order by ordinal_position",
        String.class, table);
    var select = columns.stream().map(c -> replaced.getOrDefault(c, "t." + c)).toList();
    jdbc.execute("insert into " + table + " (" + String.join(", ", columns) + ") select "
        + String.join(", ", select) + " from " + table + " t join bench_copy c on " + join);
  }

  /** The task query as the engine sent it for the county user, with its plan. */
  void explainTaskList(JdbcTemplate jdbc, CountyUser user) throws Exception {
    var capture = new SqlCapture();
    var logger = (Logger) LoggerFactory.getLogger(
        "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskByQueryCriteria");
    logger.setLevel(Level.DEBUG);
    logger.addAppender(capture);
    capture.start();
    get(user, "/engine-rest/task?candidateGroups=" + user.groups
        + "&includeAssignedTasks=true&sortBy=created&sortOrder=desc&firstResult=0&maxResults=15");
    logger.detachAppender(capture);
    logger.setLevel(Level.WARN);
    var sql = capture.sql();
    if (sql == null) {
      say("(the task query's SQL was not captured)");
      return;
    }
    say("the task query as the engine sent it: %s", sql.replaceAll("\\s+", " "));
    say("its plan (EXPLAIN ANALYZE):");
    jdbc.queryForList("explain (analyze, buffers off) " + sql, String.class)
        .forEach(line -> say("    %s", line));
  }

  /** MyBatis logs "Preparing: sql" and "Parameters: a(String), 15(Integer)". */
  static final class SqlCapture extends AppenderBase<ILoggingEvent> {
    final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();

    @Override
    protected void append(ILoggingEvent event) {
      lines.add(event.getFormattedMessage());
    }

    String sql() {
      String sql = null;
      for (var line : lines) {
        if (line.contains("Preparing:")) {
          sql = line.substring(line.indexOf("Preparing:") + 10).trim();
        } else if (line.contains("Parameters:") && sql != null) {
          var params = line.substring(line.indexOf("Parameters:") + 11).trim();
          for (var p : params.isEmpty() ? new String[0] : params.split(", (?=[^,]*\\()")) {
            var m = java.util.regex.Pattern.compile("(?s)(.*)\\((\\w+)\\)$").matcher(p.trim());
            if (!m.matches()) {
              continue;
            }
            var value = m.group(2).equals("String") || m.group(2).equals("Timestamp")
                ? "'" + m.group(1).replace("'", "''") + "'" : m.group(1);
            sql = sql.replaceFirst("\\?", java.util.regex.Matcher.quoteReplacement(value));
          }
          return sql;
        }
      }
      return null;
    }
  }

  // ---- filings

  /** Half the project's money paid by the second quarter: more than the first quarter's filing. */
  static String paid(JdbcTemplate jdbc, String project) {
    return jdbc.queryForObject("select sum(central_amount) / 2 from fm_allocation_line where "
        + "project_code = ?", java.math.BigDecimal.class, project).toPlainString();
  }

  static String restBody(String paid) {
    return REST_BODY.replace("PAID", paid);
  }

  static final String REST_BODY = """
      {"variables": {
        "paidToDate": {"value": "PAID", "type": "String"},
        "paidCentral": {"value": "PAID", "type": "String"},
        "physicalProgress": {"value": "25", "type": "String"},
        "indicatorActuals": {"value": "[{\\"position\\":1,\\"actual\\":\\"30\\",\\"notYetDue\\":false},{\\"position\\":2,\\"actual\\":\\"\\",\\"notYetDue\\":true}]", "type": "Json"}
      }}""";

  static Map<String, Object> filingVariables(String paid) {
    return Submitted.onto(ProcessVariables.builder()
        .set(PAID_TO_DATE, paid).build().putValue(paidField(FundSource.CENTRAL), paid))
        .text(PHYSICAL_PROGRESS, "25")
        .json(INDICATOR_ACTUALS, List.of(
            Map.of("position", 1, "actual", "30", "notYetDue", false),
            Map.of("position", 2, "actual", "", "notYetDue", true))).build();
  }

  /** A one-task process started and its task completed, per iteration. */
  Latencies rawEngine(RepositoryService repository, RuntimeService runtime, TaskService tasks)
      throws Exception {
    return rawEngine(repository, runtime, tasks, "(baseline)");
  }

  Latencies rawEngine(RepositoryService repository, RuntimeService runtime, TaskService tasks,
      String label) throws Exception {
    var latencies = new Latencies();
    var seconds = rawEngine(repository, runtime, tasks, FILINGS, latencies);
    say("raw engine, one-task process started and completed %s: %s, %.0f/s", label, latencies,
        FILINGS / seconds);
    return latencies;
  }

  /** {@code count} start→complete of a one-task process, timed into {@code latencies}. */
  double rawEngine(RepositoryService repository, RuntimeService runtime, TaskService tasks,
      int count, Latencies latencies) throws Exception {
    if (repository.createProcessDefinitionQuery().processDefinitionKey("benchNationalTrivial")
        .count() == 0) {
      repository.createDeployment().addModelInstance("bench-national-trivial.bpmn",
          Bpmn.createExecutableProcess("benchNationalTrivial").camundaHistoryTimeToLive(1)
              .startEvent().userTask("UserTask_Trivial").endEvent().done()).deploy();
    }
    return parallel(count, i -> latencies.time(() -> {
      var pi = runtime.startProcessInstanceByKey("benchNationalTrivial", Variables.putValue("n", i));
      var task = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
      tasks.complete(task.getId(), Variables.putValue("done", true));
    }));
  }

  // ---- HTTP

  static String basic(CountyUser user) {
    return "Basic " + Base64.getEncoder().encodeToString((user.id + ":" + PASSWORD)
        .getBytes(StandardCharsets.UTF_8));
  }

  byte[] get(CountyUser user, String path) {
    try {
      var response = http.send(HttpRequest.newBuilder(URI.create(base + path))
          .header("Authorization", basic(user)).header("Accept", "application/json").GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(path + " answered " + response.statusCode() + ": "
            + new String(response.body(), StandardCharsets.UTF_8));
      }
      return response.body();
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  int post(CountyUser user, String path, String json) {
    try {
      var response = http.send(HttpRequest.newBuilder(URI.create(base + path))
          .header("Authorization", basic(user)).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 204) {
        System.out.println("[benchmark] " + path + " answered " + response.statusCode() + ": "
            + response.body());
      }
      return response.statusCode();
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- timing

  static final class Latencies {
    final ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();

    void time(Runnable work) {
      var t = System.nanoTime();
      work.run();
      nanos.add(System.nanoTime() - t);
    }

    double p(int percentile) {
      var sorted = new ArrayList<>(nanos);
      Collections.sort(sorted);
      if (sorted.isEmpty()) {
        return Double.NaN;
      }
      var index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
      return sorted.get(Math.max(0, index)) / 1e6;
    }

    @Override
    public String toString() {
      return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (%d)", p(50), p(95), p(99),
          nanos.size());
    }
  }

  static double parallel(int count, IntConsumer work) throws Exception {
    var pool = Executors.newFixedThreadPool(THREADS);
    var next = new AtomicInteger();
    var start = System.nanoTime();
    var errors = new ConcurrentLinkedQueue<Throwable>();
    for (int t = 0; t < THREADS; t++) {
      pool.submit(() -> {
        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
          try {
            work.accept(i);
          } catch (RuntimeException e) {
            errors.add(e);
          }
        }
      });
    }
    pool.shutdown();
    if (!pool.awaitTermination(1, TimeUnit.HOURS)) {
      throw new IllegalStateException("timed out");
    }
    if (!errors.isEmpty()) {
      throw new IllegalStateException(errors.size() + " failed, first: " + errors.peek(),
          errors.peek());
    }
    return (System.nanoTime() - start) / 1e9;
  }
}
