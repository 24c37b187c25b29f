package cn.fundmonitor.filing;

import static cn.fundmonitor.filing.QuarterlyFilingProcess.*;
import static cn.fundmonitor.support.TestUsers.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.platform.ProcessVariables;
import cn.fundmonitor.support.Funding;
import cn.fundmonitor.support.Projects;
import cn.fundmonitor.waves.WavePlans;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 16 on PostgreSQL: a quarter's wave whose batches run in parallel while money is issued to
 * 50 more projects (codes sorting before every planned one) — no filing is lost, the 50 get theirs
 * from the reconciliation. Also measures the longest batch, which the job executor's lock time
 * (60 s) must comfortably exceed, next to the wave's trivial check job in the same run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.admin-user.password=Fm-Ce5hi-Mima!2026",
    "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("postgres")
class QuarterlyWavePostgresIT {

  /** A quarter no other test files, so the whole database's projects are this wave's. */
  static final Quarter QUARTER = new Quarter(2031, 3);
  static final int PLANNED = 250;
  static final int LATE = 50;

  @Autowired Projects projects;
  @Autowired Funding funding;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired WavePlans waves;
  @Autowired JdbcClient jdbc;
  @Autowired RepositoryService repository;
  @Autowired CamundaBpmProperties properties;

  /** Baseline: the mean time of one trivial asynchronous job, executed the same way. */
  double trivialJobMillis() {
    repository.createDeployment().addModelInstance("wave-it-trivial.bpmn",
        Bpmn.createExecutableProcess("waveItTrivial").camundaHistoryTimeToLive(1).startEvent()
            .serviceTask("ServiceTask_Trivial").camundaAsyncBefore().camundaExpression("${true}")
            .endEvent().done()).deploy();
    var total = 0L;
    for (int i = 0; i < 20; i++) {
      var pi = runtime.startProcessInstanceByKey("waveItTrivial");
      var job = management.createJobQuery().processInstanceId(pi.getId()).singleResult();
      var start = System.nanoTime();
      management.executeJob(job.getId());
      total += System.nanoTime() - start;
    }
    return total / 20 / 1e6;
  }

  static long millis(Runnable work) {
    var start = System.nanoTime();
    work.run();
    return (System.nanoTime() - start) / 1_000_000;
  }

  List<String> fundedWithoutExactlyOneFiling() {
    return jdbc.sql("select distinct l.project_code from fm_allocation_line l join fm_allocation_part p "
            + "on p.document_no = l.document_no and p.recipient_code = l.recipient_code "
            + "where ((l.stage = 'REFINEMENT' and p.refined_on is not null) "
            + "or (l.stage = 'ISSUE' and p.refined_on is null)) "
            + "and not exists (select 1 from fm_project_lifecycle c where c.project_code = l.project_code "
            + "and c.status in ('CLOSED', 'TERMINATED', 'CANCELLED') and c.updated_at < ?) "
            + "and (select count(*) from fm_quarterly_filing f where f.project_code = l.project_code "
            + "and f.filing_year = ? and f.quarter = ?) <> 1 order by l.project_code")
        .params(OffsetDateTime.of(QUARTER.year(), 7, 1, 0, 0, 0, 0, ZoneOffset.ofHours(8)),
            QUARTER.year(), QUARTER.quarter())
        .query(String.class).list();
  }

  @Test
  void moneyMovingWhileBatchesRunInParallelLosesNoFilingOnPostgres() throws Exception {
    var planned = new ArrayList<String>();
    for (int i = 0; i < PLANNED; i++) {
      var code = projects.warehoused(XINGNING_ECO, "450102", "PG 波次项目" + i);
      funding.fund(code, "450102", "100000", LocalDate.now());
      planned.add(code);
    }
    var wave = runtime.createProcessInstanceByKey(WAVE_KEY).startBeforeActivity(WAVE_PLAN)
        .setVariables(ProcessVariables.builder().set(FILING_YEAR, QUARTER.year())
        .set(FILING_QUARTER, QUARTER.quarter()).build()).execute();
    // started by hand, the wave returns at once: its plan is a job of its own
    var plan = millis(() -> management.executeJob(management.createJobQuery()
        .processInstanceId(wave.getId()).activityId(WAVE_PLAN).singleResult().getId()));
    var batches = management.createJobQuery().processDefinitionKey(BATCH_KEY).list().stream()
        .filter(j -> wave.getId().equals(WAVE_ID.from(runtime, j.getProcessInstanceId()))).toList();
    assertThat(batches).hasSizeGreaterThanOrEqualTo(3);

    // two threads run the batches while a third issues money to 50 more projects
    var queue = new ConcurrentLinkedQueue<Job>(batches);
    var durations = Collections.synchronizedList(new ArrayList<Long>());
    var late = Collections.synchronizedList(new ArrayList<String>());
    Callable<Void> runBatches = () -> {
      for (var job = queue.poll(); job != null; job = queue.poll()) {
        var start = System.nanoTime();
        management.executeJob(job.getId());
        durations.add((System.nanoTime() - start) / 1_000_000);
      }
      return null;
    };
    Callable<Void> issueMoney = () -> {
      for (int i = 0; i < LATE; i++) {
        var code = projects.warehoused(NANNING_ECO, "450100", "PG 波次中下达资金项目" + i);
        funding.fund(code, "450100", "100000", LocalDate.now());
        late.add(code);
      }
      return null;
    };
    var pool = Executors.newFixedThreadPool(3);
    try {
      for (var f : pool.invokeAll(List.of(runBatches, runBatches, issueMoney), 10, TimeUnit.MINUTES)) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(late).hasSize(LATE).allSatisfy(code -> assertThat(code).isLessThan(planned.get(0)));

    // the wave's wait comes due: every batch is done, so it reconciles, in a job of its own
    var timer = management.createJobQuery().processInstanceId(wave.getId()).activityId(WAVE_WAIT)
        .singleResult();
    long check;
    long reconcile;
    try {
      ClockUtil.setCurrentTime(timer.getDuedate());
      check = millis(() -> management.executeJob(timer.getId()));
      var reconciliation = management.createJobQuery().processInstanceId(wave.getId())
          .activityId(WAVE_RECONCILE).singleResult();
      assertThat(reconciliation).as("the wave waits at its reconciliation's job").isNotNull();
      reconcile = millis(() -> management.executeJob(reconciliation.getId()));
    } finally {
      ClockUtil.reset();
    }
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(wave.getId()).count())
        .as("the wave has ended").isZero();

    assertThat(fundedWithoutExactlyOneFiling()).as("funded projects without exactly one filing")
        .isEmpty();
    assertThat(late).allSatisfy(code -> assertThat(runtime.createProcessInstanceQuery()
        .processDefinitionKey(KEY).processInstanceBusinessKey(QUARTER.key(code)).count()).isOne());
    var record = waves.get(wave.getId());
    assertThat(record.addedCount()).as("the late projects, added by the reconciliation")
        .isEqualTo(LATE);
    assertThat(record.openedCount() + record.alreadyOpenCount()).isEqualTo(record.plannedCount());
    assertThat(record.plannedCount()).isGreaterThanOrEqualTo(PLANNED);

    var longest = durations.stream().mapToLong(Long::longValue).max().orElseThrow();
    var mean = durations.stream().mapToLong(Long::longValue).average().orElseThrow();
    var lockTime = properties.getJobExecution().getLockTimeInMillis();
    System.out.printf("[wave-it] PostgreSQL: the wave's plan job (%d projects): %d ms; %d "
        + "batches of up to 100 filings, two at a time: longest %d ms, mean %.0f ms; the wave's "
        + "check job: %d ms; its reconciliation job (%d added): %d ms; baseline, one trivial "
        + "async job: %.1f ms; job lock time %d ms%n", record.plannedCount(), plan,
        durations.size(), longest, mean, check, LATE, reconcile, trivialJobMillis(), lockTime);
    assertThat(longest).as("a batch takes well under the job executor's lock time")
        .isLessThan(lockTime / 2);
  }
}
