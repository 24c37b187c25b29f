package cn.fundmonitor.benchmark;

import static cn.fundmonitor.filing.QuarterlyFilingProcess.*;

import cn.fundmonitor.support.Submitted;
import cn.fundmonitor.platform.ProcessVariables;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import cn.fundmonitor.filing.FundSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The quarterly wave on PostgreSQL (issue: 30,000 projects), measured next to the same engine's
 * raw throughput in the same run: a trivial one-task process started and completed, and 30,000
 * trivial asynchronous jobs through the job executor. Run with {@code .ci/benchmark}; the report is
 * printed and written to target/benchmark/quarterly-wave.txt. Not a test: it states figures.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "camunda.bpm.admin-user.password=Bench-Guanli-Mima#2026",
    "camunda.bpm.job-execution.enabled=true",
    "logging.level.root=warn"})
@ActiveProfiles("postgres")
class QuarterlyWaveBenchmark {

  static final int PROJECTS = Integer.getInteger("bench.projects", 30_000);
  static final int RAW_JOBS = Integer.getInteger("bench.jobs", 30_000);
  static final int COMPLETIONS = Integer.getInteger("bench.completions", 3_000);
  static final int THREADS = 2;
  static final String UNIT = "450102";

  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired RepositoryService repository;
  @Autowired ProcessEngineConfigurationImpl configuration;

  final List<String> report = new ArrayList<>();

  void say(String format, Object... args) {
    var line = String.format(format, args);
    System.out.println("[benchmark] " + line);
    report.add(line);
  }

  @Test
  void quarterlyWave() throws Exception {
    var errors = new ErrorCounter();
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(errors);
    errors.start();
    say("PostgreSQL %s, %d cores, job executor %s threads, Hikari max pool %s",
        jdbc.queryForObject("show server_version", String.class),
        Runtime.getRuntime().availableProcessors(),
        configuration.getJobExecutor().getClass().getSimpleName(),
        jdbc.getDataSource().unwrap(com.zaxxer.hikari.HikariDataSource.class).getMaximumPoolSize());

    var trivialRate = trivialStartAndComplete();
    var rawSeconds = rawJobExecutor();
    seedFundedProjects();
    var wave = wave();
    var filingRate = fileThroughTheServiceLayer();

    say("");
    say("filings completed through the service layer: %.0f/s = %.2f × the trivial process's %.0f/s "
        + "(target ≥ 0.5)", filingRate, filingRate / trivialRate, trivialRate);
    say("the %,d-project wave: all filing tasks after %.1f s = %.2f × the raw job executor's %.1f s "
        + "for %,d jobs (target ≤ 2)", PROJECTS, wave, wave / rawSeconds, rawSeconds, RAW_JOBS);
    say("failed jobs: %d, incidents: %d, optimistic-locking or connection errors logged: %d",
        management.createJobQuery().withException().count(),
        runtime.createIncidentQuery().count(), errors.count.get());
    Files.createDirectories(Path.of("target/benchmark"));
    Files.write(Path.of("target/benchmark/quarterly-wave.txt"), report);
  }

  /** A trivial one-task process, started and its task completed, {@value #THREADS} threads. */
  double trivialStartAndComplete() throws Exception {
    repository.createDeployment().addModelInstance("bench-trivial-task.bpmn",
        Bpmn.createExecutableProcess("benchTrivialTask").camundaHistoryTimeToLive(1)
            .startEvent().userTask("UserTask_Trivial").endEvent().done()).deploy();
    var seconds = parallel(COMPLETIONS, i -> {
      var pi = runtime.startProcessInstanceByKey("benchTrivialTask",
          Variables.putValue("n", i));
      var task = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
      tasks.complete(task.getId(), Variables.putValue("done", true));
    });
    var rate = COMPLETIONS / seconds;
    say("trivial one-task process: %,d started and completed in %.1f s = %.0f/s", COMPLETIONS,
        seconds, rate);
    return rate;
  }

  /** {@value #RAW_JOBS} trivial asynchronous jobs, created first, then timed through the executor. */
  double rawJobExecutor() throws Exception {
    repository.createDeployment().addModelInstance("bench-trivial-job.bpmn",
        Bpmn.createExecutableProcess("benchTrivialJob").camundaHistoryTimeToLive(1)
            .startEvent().serviceTask("ServiceTask_Trivial").camundaAsyncBefore()
            .camundaExpression("${true}").endEvent().done()).deploy();
    var executor = configuration.getJobExecutor();
    executor.shutdown();
    var created = parallel(RAW_JOBS, i -> runtime.startProcessInstanceByKey("benchTrivialJob"));
    say("trivial async process: %,d started (jobs created, executor paused) in %.1f s = %.0f/s",
        RAW_JOBS, created, RAW_JOBS / created);
    var start = System.nanoTime();
    executor.start();
    waitUntil(() -> management.createJobQuery().processDefinitionKey("benchTrivialJob").count() == 0);
    var seconds = (System.nanoTime() - start) / 1e9;
    say("raw job executor: %,d jobs in %.1f s = %.0f jobs/s", RAW_JOBS, seconds, RAW_JOBS / seconds);
    return seconds;
  }

  /** {@value #PROJECTS} warehoused projects with two indicators each, funded by one allocation. */
  void seedFundedProjects() {
    var start = System.nanoTime();
    var now = OffsetDateTime.now();
    var doc = "基准测试〔" + System.currentTimeMillis() + "〕号";
    jdbc.update("insert into fm_allocation (document_no, province_code, fund_class, direction, "
        + "budget_year, central_amount, provincial_amount, received_on, issue_due_on, status, "
        + "registered_by, registered_at) values (?, '450000', 'CENTRAL', 'ECO_RESTORATION', 2026, ?, 0, "
        + "?, ?, 'ISSUED', 'bench', ?)", doc, PROJECTS * 100_000L, LocalDate.of(2026, 1, 5),
        LocalDate.of(2026, 2, 4), now);
    jdbc.update("insert into fm_allocation_part (document_no, recipient_code, central_amount, "
        + "provincial_amount, status) values (?, ?, ?, 0, 'ISSUED')", doc, UNIT, PROJECTS * 100_000L);
    var codes = new ArrayList<String>();
    for (int i = 0; i < PROJECTS; i++) {
      codes.add("B" + UNIT + "-" + String.format("%06d", i));
    }
    for (int from = 0; from < PROJECTS; from += 1000) {
      var page = codes.subList(from, Math.min(PROJECTS, from + 1000));
      jdbc.batchUpdate("insert into fm_project (code, name, region_code, applicant_unit_code, "
          + "direction, fund_class, requested_amount, status, applied_by, applied_at, updated_at) "
          + "values (?, ?, ?, ?, 'ECO_RESTORATION', 'CENTRAL', 100000, 'WAREHOUSED', 'bench', ?, ?)",
          page.stream().map(c -> new Object[] {c, "基准项目 " + c, UNIT, UNIT, now, now}).toList());
      for (var indicator : List.of(new Object[] {1, "OUTPUT", "QUANTITY", "修复治理面积", "GE", 120, "公顷"},
          new Object[] {2, "BENEFIT", "ECOLOGICAL", "植被覆盖率提高", "GE", 15, "百分点"})) {
        jdbc.batchUpdate("insert into fm_project_indicator (project_code, position, level1, level2, "
            + "name, comparator, target_value, target_text, unit) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            page.stream().map(c -> new Object[] {c, indicator[0], indicator[1], indicator[2],
                indicator[3], indicator[4], indicator[5], String.valueOf(indicator[5]),
                indicator[6]}).toList());
      }
      jdbc.batchUpdate("insert into fm_allocation_line (document_no, stage, recipient_code, "
          + "project_code, central_amount, provincial_amount) values (?, 'ISSUE', ?, ?, 100000, 0)",
          page.stream().map(c -> new Object[] {doc, UNIT, c}).toList());
    }
    say("seeded %,d funded projects in %.1f s", PROJECTS, (System.nanoTime() - start) / 1e9);
  }

  /**
   * The wave's timer fires; seconds until every funded project has its filing task. The wave's
   * plan and its batches are jobs of their own, run by the job executor, and counted in the time.
   */
  double wave() throws Exception {
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.of(2026, 4, 1, 1, 0, 0, 0,
        ZoneOffset.ofHours(8)).toInstant()));
    var expected = jdbc.queryForObject("select count(distinct project_code) from fm_allocation_line",
        Integer.class);
    var timer = management.createJobQuery().processDefinitionKey(WAVE_KEY).timers().singleResult();
    var start = System.nanoTime();
    management.executeJob(timer.getId());
    double started = -1;
    while (true) {
      var instances = jdbc.queryForObject("select count(*) from act_ru_execution e join "
          + "act_re_procdef d on d.id_ = e.proc_def_id_ where d.key_ = ? and e.parent_id_ is null",
          Long.class, KEY);
      var taskCount = jdbc.queryForObject("select count(*) from act_ru_task where task_def_key_ = ?",
          Long.class, TASK_FILE);
      var elapsed = (System.nanoTime() - start) / 1e9;
      if (started < 0 && instances >= expected) {
        started = elapsed;
      }
      if (taskCount >= expected) {
        say("the wave: %,d filing instances started in %.1f s = %.0f/s; all %,d filing tasks "
            + "exist after %.1f s", expected, started, expected / started, expected, elapsed);
        return elapsed;
      }
      if (elapsed > 1800) {
        throw new IllegalStateException("wave not complete after 30 minutes: " + taskCount);
      }
      Thread.sleep(500);
    }
  }

  /** Filing tasks completed with the variables the form sends, through the engine and our code. */
  double fileThroughTheServiceLayer() throws Exception {
    var ids = tasks.createTaskQuery().taskDefinitionKey(TASK_FILE).listPage(0, COMPLETIONS).stream()
        .map(t -> t.getId()).toList();
    var seconds = parallel(ids.size(), i -> tasks.complete(ids.get(i), Submitted.onto(ProcessVariables.builder()
        .set(PAID_TO_DATE, "20000").build().putValue(paidField(FundSource.CENTRAL), "20000"))
        .text(PHYSICAL_PROGRESS, "25")
        .json(INDICATOR_ACTUALS, List.of(
            Map.of("position", 1, "actual", "30", "notYetDue", false),
            Map.of("position", 2, "actual", "", "notYetDue", true))).build()));
    var rate = ids.size() / seconds;
    say("filings completed through the service layer (checks, rates, DMN executionWarning, review "
        + "task): %,d in %.1f s = %.0f/s", ids.size(), seconds, rate);
    return rate;
  }

  double parallel(int count, IntConsumer work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    var next = new AtomicInteger();
    var start = System.nanoTime();
    for (int t = 0; t < THREADS; t++) {
      pool.submit(() -> {
        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
          work.accept(i);
        }
        return null;
      });
    }
    pool.shutdown();
    if (!pool.awaitTermination(1, TimeUnit.HOURS)) {
      throw new IllegalStateException("timed out");
    }
    return (System.nanoTime() - start) / 1e9;
  }

  static void waitUntil(java.util.function.BooleanSupplier done) throws InterruptedException {
    var deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out");
      }
      Thread.sleep(250);
    }
  }

  /** Counts what must not happen: optimistic locking and connection failures. */
  static final class ErrorCounter extends AppenderBase<ILoggingEvent> {
    final AtomicInteger count = new AtomicInteger();

    @Override
    protected void append(ILoggingEvent event) {
      var text = event.getFormattedMessage() + (event.getThrowableProxy() == null ? ""
          : event.getThrowableProxy().getClassName() + event.getThrowableProxy().getMessage());
      if (text.contains("OptimisticLocking") || text.contains("Connection is not available")
          || text.contains("Connection is invalid")) {
        count.incrementAndGet();
      }
    }
  }
}
