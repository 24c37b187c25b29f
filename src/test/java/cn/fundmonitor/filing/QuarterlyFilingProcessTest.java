package cn.fundmonitor.filing;

import static cn.fundmonitor.filing.QuarterlyFilingProcess.*;
import static cn.fundmonitor.support.TestUsers.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fundmonitor.allocation.AllocationReads;
import cn.fundmonitor.platform.ProcessVariables;
import cn.fundmonitor.support.Submitted;
import cn.fundmonitor.common.ConflictException;
import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.lifecycle.ProjectLifecycleService;
import cn.fundmonitor.money.Yuan;
import cn.fundmonitor.overdue.OverdueService;
import cn.fundmonitor.problems.ProblemEscalationProcess;
import cn.fundmonitor.project.ProgressPlans;
import cn.fundmonitor.support.Tasklist;
import cn.fundmonitor.support.Funding;
import cn.fundmonitor.support.Covers;
import cn.fundmonitor.support.ProblemRaises;
import cn.fundmonitor.support.ProcessTest;
import cn.fundmonitor.support.RefusedWaveProject;
import cn.fundmonitor.support.Projects;
import cn.fundmonitor.support.TestUsers;
import cn.fundmonitor.waves.WaveKind;
import cn.fundmonitor.waves.WavePlans;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * quarterlyFiling (季度填报, MNR 第十一条、第二十二条): the wave opens every funded project's filing;
 * on time; late with escalation; returned by the province; locked after transmission; yellow and
 * red execution warnings; the server's checks.
 */
@ProcessTest
@Covers({"quarterlyFiling", "quarterlyFilingWave", "quarterlyFilingBatch"})
class QuarterlyFilingProcessTest {

  static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired FilingService filings;
  @Autowired OverdueService overdue;
  @Autowired TestUsers users;
  @Autowired Tasklist tasklist;
  @Autowired Projects projects;
  @Autowired Funding funding;
  @Autowired JdbcClient jdbc;
  @Autowired QuarterlyFilingSchedule schedule;
  @Autowired ProjectLifecycleService lifecycles;
  @Autowired WavePlans waves;
  @Autowired HistoryService history;
  @Autowired ProgressPlans plans;
  @Autowired ProblemRaises raises;

  String project;

  /**
   * A funded project whose implementation plan (资阳 三(三): 项目实施进度) has it 25% paid and 25%
   * done by 31 March, 50% by 30 June.
   */
  @BeforeEach
  void fundAProject() {
    BpmnAwareTests.init(engine);
    at(2026, 1, 20, 9);
    project = projects.warehoused(XINGNING_ECO, "450102", "兴宁区季度填报项目");
    funding.fund(project, "450102", "1000000", LocalDate.of(2026, 1, 20));
    plans.record(project, List.of(
        Map.of("pointOn", "2026-03-31", "plannedExecution", 25, "plannedPhysical", 25),
        Map.of("pointOn", "2026-06-30", "plannedExecution", 50, "plannedPhysical", 50)));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static void at(int y, int m, int d, int h) {
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.of(y, m, d, h, 0, 0, 0, BEIJING).toInstant()));
  }

  /**
   * Runs the due jobs of the filing processes only (others' timers must not run here); when only
   * the wave's wait for its batches is left, moves the clock to it.
   */
  void runFilingJobs() {
    for (int round = 0; round < 20; round++) {
      var jobs = management.createJobQuery().executable().list().stream()
          .filter(j -> List.of(KEY, WAVE_KEY, BATCH_KEY).contains(j.getProcessDefinitionKey()))
          .toList();
      if (jobs.isEmpty()) {
        var waiting = management.createJobQuery().processDefinitionKey(WAVE_KEY)
            .activityId(WAVE_WAIT).list();
        if (waiting.isEmpty()) {
          return;
        }
        ClockUtil.setCurrentTime(waiting.get(0).getDuedate());
        continue;
      }
      jobs.forEach(j -> management.executeJob(j.getId()));
    }
  }

  /**
   * The wave's timer fires: the wave starts and waits at its plan, a job of its own. Returns the
   * wave's id (its process instance's).
   */
  String q1Begins() {
    at(2026, 4, 1, 1);
    var timer = management.createJobQuery().processDefinitionKey(WAVE_KEY).timers()
        .activityId(WAVE_START).singleResult();
    management.executeJob(timer.getId());
    return runtime.createProcessInstanceQuery().processDefinitionKey(WAVE_KEY).singleResult().getId();
  }

  /**
   * The wave's timer fires and its plan's job runs: the wave is planned and its batches wait for
   * the job executor. Returns the wave's id.
   */
  String planQ1() {
    var waveId = q1Begins();
    management.executeJob(waveJob(waveId, WAVE_PLAN).getId());
    return waveId;
  }

  /** The wave's job at the step (its plan or its reconciliation, each asynchronous). */
  Job waveJob(String waveId, String activityId) {
    return management.createJobQuery().processInstanceId(waveId).activityId(activityId)
        .singleResult();
  }

  /** Runs the filing processes' jobs until the wave waits at its reconciliation's job. */
  void runFilingJobsUntilTheReconciliation(String waveId) {
    for (int round = 0; round < 20 && waveJob(waveId, WAVE_RECONCILE) == null; round++) {
      management.createJobQuery().processDefinitionKey(BATCH_KEY).executable().list()
          .forEach(j -> management.executeJob(j.getId()));
      var wait = waveJob(waveId, WAVE_WAIT);
      if (wait != null) {
        ClockUtil.setCurrentTime(wait.getDuedate());
        management.executeJob(wait.getId());
      }
    }
  }

  int waveRows(String table, String waveId) {
    return jdbc.sql("select count(*) from " + table + " where " + ("fm_wave".equals(table) ? "id"
        : "wave_id") + " = ?").param(waveId).query(Integer.class).single();
  }

  /**
   * Projects holding money (refined lines where the recipient refined, issued lines before) whose
   * life had not ended before the quarter began, and that do not have exactly one filing of the
   * quarter.
   */
  int filingCount(String businessKey) {
    return jdbc.sql("select count(*) from fm_quarterly_filing where business_key = ?")
        .param(businessKey).query(Integer.class).single();
  }

  int fundedCount() {
    return jdbc.sql("select count(distinct l.project_code) from fm_allocation_line l join "
            + "fm_allocation_part p on p.document_no = l.document_no and p.recipient_code = "
            + "l.recipient_code where ((l.stage = 'REFINEMENT' and p.refined_on is not null) "
            + "or (l.stage = 'ISSUE' and p.refined_on is null))")
        .query(Integer.class).single();
  }

  List<String> fundedWithoutExactlyOneFiling(Quarter q) {
    return jdbc.sql("select distinct l.project_code from fm_allocation_line l join fm_allocation_part p "
            + "on p.document_no = l.document_no and p.recipient_code = l.recipient_code "
            + "where ((l.stage = 'REFINEMENT' and p.refined_on is not null) "
            + "or (l.stage = 'ISSUE' and p.refined_on is null)) "
            + "and not exists (select 1 from fm_project_lifecycle c where c.project_code = l.project_code "
            + "and c.status in ('CLOSED', 'TERMINATED', 'CANCELLED') and c.updated_at < ?) "
            + "and (select count(*) from fm_quarterly_filing f where f.project_code = l.project_code "
            + "and f.filing_year = ? and f.quarter = ?) <> 1 "
            + "order by l.project_code")
        .params(OffsetDateTime.of(q.year(), q.quarter() * 3 - 2, 1, 0, 0, 0, 0, BEIJING), q.year(),
            q.quarter())
        .query(String.class).list();
  }

  /** The quarter begins: the wave's timer fires and the filings open. */
  ProcessInstance openQ1() {
    at(2026, 4, 1, 1);
    var timer = management.createJobQuery().processDefinitionKey(WAVE_KEY).timers().singleResult();
    management.executeJob(timer.getId());
    runFilingJobs();
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(project + "-2026Q1")
        .singleResult();
  }

  Task task(ProcessInstance pi, String key) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key)
        .singleResult();
  }

  /** The form as a unit fills it: indicators 1 (修复治理面积 ≥ 120 公顷) and 3 (生态环境) reported. */
  static VariableMap filing(String paid, String physical, String area) {
    return Submitted.onto(PAID_TO_DATE.with(paid)
        .putValue(paidField(FundSource.CENTRAL), paid)).text(PHYSICAL_PROGRESS, physical)
        .json(INDICATOR_ACTUALS, List.of(
            Map.of("position", 1, "actual", area, "notYetDue", false),
            Map.of("position", 2, "actual", "", "notYetDue", true),
            Map.of("position", 3, "actual", "有所改善", "notYetDue", false),
            Map.of("position", 4, "actual", "", "notYetDue", true))).build();
  }

  static VariableMap transmit() {
    return Submitted.form().set(REVIEW_OUTCOME, ReviewOutcome.TRANSMIT)
        .json(QUALITATIVE_RATES, List.of(
            Map.of("position", 3, "rate", 40))).build();
  }

  /**
   * MNR 第十一条 (节假日顺延): the filing task's due date and its overdue timer are the day the
   * filing's row says it is due — one function computes it ({@link FilingService#dueOn}). 2027's
   * fourth quarter is due on 15 January 2028, a Saturday: moved to Monday the 17th in both.
   */
  @Test
  void theOverdueTimerFallsDueOnTheFilingsDueDate_mnrArticle11() {
    var q = new Quarter(2027, 4);
    var pi = runtime.createProcessInstanceByKey(KEY).businessKey(q.key(project))
        .setVariables(FilingPeriodVariables.of(q)).execute();
    runFilingJobs();
    var due = filings.get(q.key(project)).dueOn();
    assertThat(due).isEqualTo(filings.dueOn(q)).isEqualTo("2028-01-17");
    var timer = management.createJobQuery().processInstanceId(pi.getId())
        .activityId(TIMER_FILING_OVERDUE).singleResult();
    assertThat(timer.getDuedate()).as("the overdue timer: the end of the row's due day")
        .isEqualTo(endOf(due)).isEqualTo(task(pi, TASK_FILE).getDueDate());
  }

  static Date endOf(LocalDate day) {
    return Date.from(day.atTime(23, 59, 59).atOffset(BEIJING).toInstant());
  }

  /**
   * Issue 16: money moves while the wave runs. The wave is planned (job executor off: its batches
   * have not run), then 50 projects are funded whose codes (450100-…, Nanning) sort before every
   * planned one; then the batches run. No project may lose its filing (MNR 第十一条: every funded
   * project files every quarter), and the 50 funded during the wave get theirs too. (The planned
   * count is made a multiple of the batch size: batches that re-read pages by offset then lose
   * exactly the last 50 projects, as in the issue: 50 of 1,000.)
   */
  @Test
  void moneyMovingDuringTheWaveLosesNoFiling_mnrArticle11() {
    var planned = new java.util.ArrayList<String>();
    var batch = schedule.batchSize();
    var before = fundedCount();
    for (int i = 0; i < batch - before % batch; i++) {
      var code = projects.warehoused(XINGNING_ECO, "450102", "兴宁区波次项目" + i);
      funding.fund(code, "450102", "100000", LocalDate.of(2026, 1, 20));
      planned.add(code);
    }
    var waveId = planQ1();

    var late = new java.util.ArrayList<String>();
    for (int i = 0; i < 50; i++) {
      var code = projects.warehoused(NANNING_ECO, "450100", "南宁市波次中下达资金项目" + i);
      funding.fund(code, "450100", "100000", LocalDate.of(2026, 3, 30));
      late.add(code);
    }
    assertThat(late).allSatisfy(code -> assertThat(code).isLessThan(planned.get(0)));
    runFilingJobs();

    var q1 = new Quarter(2026, 1);
    assertThat(fundedWithoutExactlyOneFiling(q1)).as("funded projects without exactly one filing")
        .isEmpty();
    assertThat(late).as("the projects funded during the wave file too").allSatisfy(code ->
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(KEY)
            .processInstanceBusinessKey(q1.key(code)).count()).isOne());

    // the rule: the wave's batches keep the projects fixed at planning; the reconciliation opens
    // the filings of projects funded after it, and the wave records planned / opened / added
    var wave = waves.get(waveId);
    assertThat(wave.kind()).isEqualTo(WaveKind.QUARTERLY_FILING);
    assertThat(wave.period()).isEqualTo("2026Q1");
    assertThat(wave.plannedCount() + wave.endedCount()).isEqualTo(before + planned.size());
    assertThat(wave.batchCount()).isEqualTo((wave.plannedCount() + batch - 1) / batch);
    assertThat(wave.openedCount() + wave.alreadyOpenCount()).isEqualTo(wave.plannedCount());
    assertThat(wave.openedCount()).isGreaterThanOrEqualTo(planned.size());
    assertThat(wave.addedCount()).isEqualTo(50);
    assertThat(wave.reconciled()).isTrue();
    assertThat(jdbc.sql("select project_code from fm_wave_project where wave_id = ? and batch_no is null "
        + "order by project_code").param(wave.id()).query(String.class).list())
        .as("the projects the reconciliation added").containsExactlyElementsOf(late);
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(wave.id())
        .activityId(WAVE_END).count()).as("the wave ended after its reconciliation").isOne();
  }

  /**
   * A batch reads the money its projects received in one query for all of them, not one per
   * filing it opens (nor does the reconciliation), and each filing still fixes its own project's
   * money (MNR 第十一条). The reads are counted through a spy put in the service for the wave.
   */
  @Test
  void aBatchReadsItsProjectsMoneyOnceAndEachFilingFixesItsOwn() {
    var amounts = new LinkedHashMap<String, String>();
    for (int i = 0; i < 5; i++) {
      var code = projects.warehoused(XINGNING_ECO, "450102", "兴宁区批量读取资金项目" + i);
      var amount = String.valueOf(100000 + 1234 * i);
      funding.fund(code, "450102", amount, LocalDate.of(2026, 1, 20));
      amounts.put(code, amount);
    }
    var service = (FilingService) AopTestUtils.getUltimateTargetObject(filings);
    var reads = (AllocationReads) ReflectionTestUtils.getField(service, "money");
    // a spy of the bean's target (the bean is a transaction proxy): the batch's transaction holds
    var counted = Mockito.spy((AllocationReads) AopTestUtils.getUltimateTargetObject(reads));
    ReflectionTestUtils.setField(service, "money", counted);
    String waveId;
    try {
      waveId = planQ1();
      runFilingJobs();
    } finally {
      ReflectionTestUtils.setField(service, "money", reads);
    }

    var wave = waves.get(waveId);
    assertThat(wave.openedCount()).as("filings the batches opened")
        .isGreaterThanOrEqualTo(amounts.size() + 1);
    Mockito.verify(counted, Mockito.never()).received(Mockito.anyString());
    Mockito.verify(counted, Mockito.atMost(wave.batchCount() + 1)).receivedBy(Mockito.any());
    var q1 = new Quarter(2026, 1);
    amounts.forEach((code, amount) -> assertThat(filings.get(q1.key(code)).receivedAmount())
        .as(code).isEqualTo(Yuan.of(amount)));
    assertThat(filings.get(q1.key(project)).receivedAmount())
        .isEqualTo(Yuan.of("1000000"));
  }

  /**
   * A batch that fails half-way (a planned project the database refuses) is retried without
   * opening anything twice; the wave waits for it meanwhile. A second wave of the same quarter
   * (an operator starting it again) opens nothing twice either.
   */
  @Test
  void aRetriedBatchOrASecondWaveOpensNoFilingTwice() {
    var more = new java.util.ArrayList<String>();
    for (int i = 0; i < 3; i++) {
      var code = projects.warehoused(XINGNING_ECO, "450102", "兴宁区重试项目" + i);
      funding.fund(code, "450102", "100000", LocalDate.of(2026, 1, 20));
      more.add(code);
    }
    var wave = waves.get(planQ1());
    var q1 = new Quarter(2026, 1);
    // the batch of the new projects fails after opening its other filings: it was planned with a
    // project code the reserve lacks (sorted last, so the others are opened first)
    int failingBatch = jdbc.sql("select batch_no from fm_wave_project where wave_id = ? and "
        + "project_code = ?").params(wave.id(), more.get(0)).query(Integer.class).single();
    var notOpenBefore = waves.batch(wave.id(), failingBatch).stream().filter(code ->
        filingCount(q1.key(code)) == 0).toList();
    assertThat(notOpenBefore).containsAll(more);
    jdbc.sql("insert into fm_wave_project (wave_id, project_code, batch_no) values (?, ?, ?)")
        .params(wave.id(), "~不存在的项目", failingBatch).update();
    var failing = management.createJobQuery().processDefinitionKey(BATCH_KEY).list().stream()
        .filter(j -> Integer.valueOf(failingBatch).equals(BATCH_NUMBER.from(
            runtime, j.getProcessInstanceId()))).findFirst().orElseThrow();
    assertThatThrownBy(() -> management.executeJob(failing.getId())).isNotNull();
    assertThat(management.createJobQuery().jobId(failing.getId()).singleResult().getRetries())
        .as("the failed batch will be retried").isEqualTo(2);
    assertThat(notOpenBefore).as("nothing the failed batch opened was kept").allSatisfy(code ->
        assertThat(filingCount(q1.key(code))).isZero());

    // the wave looks: a batch is still running, so it waits again
    ClockUtil.setCurrentTime(management.createJobQuery().processInstanceId(wave.id())
        .activityId(WAVE_WAIT).singleResult().getDuedate());
    management.executeJob(management.createJobQuery().processInstanceId(wave.id())
        .activityId(WAVE_WAIT).singleResult().getId());
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(wave.id())
        .activityId(WAVE_CHECK).count()).isOne();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(wave.id()).singleResult())
        .satisfies(pi -> BpmnAwareTests.assertThat(pi).isWaitingAt(WAVE_WAIT)
            .hasPassed(WAVE_GATEWAY_DONE, WAVE_MERGE_WAIT));

    // the data is put right; the retry opens the batch's filings once
    jdbc.sql("delete from fm_wave_project where project_code = ?").param("~不存在的项目").update();
    runFilingJobs();
    assertThat(fundedWithoutExactlyOneFiling(q1)).isEmpty();
    assertThat(notOpenBefore).allSatisfy(code -> assertThat(filingCount(q1.key(code))).isOne());
    var reconciled = waves.get(wave.id());
    assertThat(reconciled.addedCount()).as("nothing was missing").isZero();
    assertThat(reconciled.openedCount() + reconciled.alreadyOpenCount())
        .isEqualTo(reconciled.plannedCount());

    // a second wave of the same quarter finds every filing open
    var again = runtime.createProcessInstanceByKey(WAVE_KEY).startBeforeActivity(WAVE_PLAN)
        .setVariables(ProcessVariables.builder().set(FILING_YEAR, 2026).set(FILING_QUARTER, 1).build()).execute();
    runFilingJobs();
    var second = waves.get(again.getId());
    assertThat(second.openedCount()).isZero();
    assertThat(second.alreadyOpenCount()).isEqualTo(second.plannedCount());
    assertThat(second.addedCount()).isZero();
    assertThat(fundedWithoutExactlyOneFiling(q1)).isEmpty();
  }

  /**
   * Issue 18: the plan and the reconciliation are jobs of their own (asyncBefore). The timer's job
   * only starts the wave: nothing is planned until the plan's job runs. A plan that fails half-way
   * (the wave and the projects before it recorded, then a project the database refuses) is retried
   * alone and whole: nothing of the failed try is kept, no batch was started, and the retry fixes
   * each project once. A reconciliation that fails after opening the filings of the projects funded
   * during the wave keeps none of them; its retry opens and counts each once (MNR 第十一条).
   */
  @Test
  void aFailedPlanOrReconciliationIsRetriedAloneAndPlansAndCountsOnce_mnrArticle11() {
    var more = new java.util.ArrayList<String>();
    for (int i = 0; i < 3; i++) {
      var code = projects.warehoused(XINGNING_ECO, "450102", "兴宁区计划重试项目" + i);
      funding.fund(code, "450102", "100000", LocalDate.of(2026, 1, 20));
      more.add(code);
    }
    var waveId = q1Begins();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(waveId).singleResult())
        .satisfies(pi -> BpmnAwareTests.assertThat(pi).isWaitingAt(WAVE_PLAN));
    assertThat(waveRows("fm_wave", waveId)).as("nothing planned yet").isZero();
    assertThat(WAVE_ID.whereEquals(runtime.createProcessInstanceQuery()
        .processDefinitionKey(BATCH_KEY), waveId).count()).as("no batch started yet").isZero();

    var planJob = waveJob(waveId, WAVE_PLAN);
    try (var refused = RefusedWaveProject.refuse(jdbc, more.get(2))) {
      assertThatThrownBy(() -> management.executeJob(planJob.getId())).isNotNull();
    }
    assertThat(waveJob(waveId, WAVE_PLAN).getRetries()).as("the plan alone will be retried")
        .isEqualTo(2);
    assertThat(waveRows("fm_wave", waveId) + waveRows("fm_wave_project", waveId))
        .as("nothing of the failed plan was kept").isZero();
    assertThat(WAVE_ID.whereEquals(runtime.createProcessInstanceQuery()
        .processDefinitionKey(BATCH_KEY), waveId).count()).isZero();

    management.executeJob(planJob.getId());
    var planned = waves.get(waveId);
    assertThat(waveRows("fm_wave_project", waveId)).as("each project fixed once")
        .isEqualTo(planned.plannedCount());
    assertThat(jdbc.sql("select count(*) from fm_wave_project where wave_id = ? and project_code "
        + "in (?, ?, ?)").params(waveId, more.get(0), more.get(1), more.get(2))
        .query(Integer.class).single()).isEqualTo(3);
    assertThat(WAVE_ID.whereEquals(runtime.createProcessInstanceQuery()
        .processDefinitionKey(BATCH_KEY), waveId).count()).as("one instance per batch")
        .isEqualTo(planned.batchCount());
    assertThat(waveJob(waveId, WAVE_PLAN)).isNull();

    var late = new java.util.ArrayList<String>();
    for (int i = 0; i < 2; i++) {
      var code = projects.warehoused(NANNING_ECO, "450100", "南宁市核对重试项目" + i);
      funding.fund(code, "450100", "100000", LocalDate.of(2026, 3, 30));
      late.add(code);
    }
    runFilingJobsUntilTheReconciliation(waveId);
    var q1 = new Quarter(2026, 1);
    assertThat(waves.get(waveId).reconciled()).as("the batches are done, not yet reconciled")
        .isFalse();
    assertThat(late).allSatisfy(code -> assertThat(filingCount(q1.key(code))).isZero());

    var reconcileJob = waveJob(waveId, WAVE_RECONCILE);
    try (var refused = RefusedWaveProject.refuse(jdbc, late.get(1))) {
      assertThatThrownBy(() -> management.executeJob(reconcileJob.getId())).isNotNull();
    }
    assertThat(waveJob(waveId, WAVE_RECONCILE).getRetries())
        .as("the reconciliation alone will be retried").isEqualTo(2);
    assertThat(late).as("nothing the failed reconciliation opened was kept")
        .allSatisfy(code -> assertThat(filingCount(q1.key(code))).isZero());
    assertThat(waves.get(waveId).reconciled()).isFalse();

    management.executeJob(reconcileJob.getId());
    var reconciled = waves.get(waveId);
    assertThat(reconciled.addedCount()).as("each late project counted once").isEqualTo(2);
    assertThat(jdbc.sql("select project_code from fm_wave_project where wave_id = ? and batch_no "
        + "is null order by project_code").param(waveId).query(String.class).list())
        .containsExactlyElementsOf(late);
    assertThat(late).allSatisfy(code -> assertThat(filingCount(q1.key(code))).isOne());
    assertThat(reconciled.openedCount() + reconciled.alreadyOpenCount())
        .isEqualTo(reconciled.plannedCount());
    assertThat(fundedWithoutExactlyOneFiling(q1)).isEmpty();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(waveId)
        .activityId(WAVE_END).count()).as("the wave ended after its reconciliation").isOne();
  }

  /**
   * A project whose life ended (closed, terminated, cancelled: GX 第二十二条、第二十三条) files for
   * the quarter in which it ended, and never again; today every project ever funded files for ever.
   */
  @Test
  void aProjectFilesNoMoreAfterTheQuarterItsLifeEnded_gxArticle22() {
    var alive = projects.warehoused(XINGNING_ECO, "450102", "兴宁区仍在实施的项目");
    funding.fund(alive, "450102", "500000", LocalDate.of(2026, 1, 20));
    at(2026, 3, 10, 9);
    lifecycles.open(project, null);
    lifecycles.clear(project, cn.fundmonitor.lifecycle.ProjectLifecycleProcess.EndedEarly.CANCELLED,
        cn.fundmonitor.money.Yuan.ZERO, GUANGXI_FINANCE);

    assertThat(openQ1()).as("cancelled in March: it still files the first quarter").isNotNull();

    at(2026, 7, 1, 1);
    management.executeJob(management.createJobQuery().processDefinitionKey(WAVE_KEY)
        .activityId(WAVE_START).singleResult().getId());
    runFilingJobs();
    var q2 = new Quarter(2026, 2);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(q2.key(alive))
        .count()).as("a project still in progress files the second quarter").isOne();
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(q2.key(project))
        .count()).as("the cancelled project does not").isZero();
    assertThat(filingCount(q2.key(project))).isZero();
  }

  @Test
  void everyFundedProjectFilesOnTimeAndTheProvinceTransmits() {
    var pi = openQ1();

    BpmnAwareTests.assertThat(pi).hasPassed(TASK_OPEN).isWaitingAt(TASK_FILE);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(WAVE_KEY).count()
        + runtime.createProcessInstanceQuery().processDefinitionKey(BATCH_KEY).count())
        .as("the wave and its batches have finished").isZero();
    var filingTask = task(pi, TASK_FILE);
    assertThat(filingTask.getDueDate()).as("2026-04-15, a Wednesday: stays")
        .isEqualTo(Date.from(OffsetDateTime.of(2026, 4, 15, 23, 59, 59, 0, BEIJING).toInstant()));
    BpmnAwareTests.assertThat(filingTask).hasCandidateGroup("450102-finance")
        .hasCandidateGroup("450102-eco");

    // the plan for 31 March: 25% paid, 25% done; filed 25%, 25%, 30 of 120 公顷 — on plan
    at(2026, 4, 10, 10);
    tasklist.as(XINGNING_FINANCE).complete(filingTask, filing("250000", "25", "30"));

    BpmnAwareTests.assertThat(pi).hasPassed(TASK_RECORD_FILING, TASK_CHECK_EXECUTION,
        TASK_RECORD_WARNING).isWaitingAt(TASK_REVIEW);
    var key = pi.getBusinessKey();
    assertThat(filings.get(key).warningLevel()).isNull();
    assertThat(filings.get(key).warningReference()).isEqualTo("PLAN");
    assertThat(task(pi, TASK_REVIEW)).satisfies(t -> assertThat(WARNING_TEXT.fromLocal(tasks,
        t.getId())).as("the reviewer's task card").isEqualTo("未预警"));
    assertThat(filings.actuals(key)).extracting(IndicatorActual::completionRate)
        .containsExactly(25, null, null, null);
    assertThat(task(pi, TASK_REVIEW)).satisfies(t -> BpmnAwareTests.assertThat(t)
        .hasCandidateGroup("450000-eco"));

    assertThatThrownBy(() -> tasklist.as(GUANGXI_ECO).complete(pi, TASK_REVIEW,
        REVIEW_OUTCOME.with(ReviewOutcome.TRANSMIT)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("请为定性指标“生态环境”选定完成率");
    tasklist.as(GUANGXI_ECO).complete(pi, TASK_REVIEW, transmit());

    BpmnAwareTests.assertThat(pi).hasPassed(TASK_TRANSMIT, END_TRANSMITTED).isEnded();
    var f = filings.get(key);
    assertThat(f.status()).isEqualTo(FilingStatus.TRANSMITTED);
    assertThat(f.paidToDate().amount()).isEqualByComparingTo("250000");
    assertThat(filings.actuals(key).get(2).completionRate()).isEqualTo(40);
    assertThat(filings.actuals(key).get(2).rateByReviewer()).isTrue();
    assertThat(filings.events(key)).containsExactly("FILED", "TRANSMITTED");
  }

  @Test
  void aTransmittedFilingIsLocked_mnrArticle22() {
    var pi = openQ1();
    tasklist.as(XINGNING_FINANCE).complete(pi, TASK_FILE, filing("250000", "25", "30"));
    tasklist.as(GUANGXI_ECO).complete(pi, TASK_REVIEW, transmit());

    assertThatThrownBy(() -> filings.file(pi.getBusinessKey(), new RawFiling("300000", Map.of("CENTRAL", "300000"), "30", List.of()), XINGNING_FINANCE))
        .isInstanceOf(ConflictException.class).hasMessageContaining("已传输至自然资源部并锁定")
        .hasMessageContaining("数据变更");
    assertThatThrownBy(() -> filings.returnFiling(pi.getBusinessKey(), "改", GUANGXI_ECO))
        .isInstanceOf(ConflictException.class);
    assertThat(filings.get(pi.getBusinessKey()).paidToDate().amount()).isEqualByComparingTo("250000");
  }

  @Test
  void aLateFilingIsEscalatedToTheSuperiorAndRecorded() {
    var pi = openQ1();
    at(2026, 4, 16, 8);
    var timer = management.createJobQuery().processInstanceId(pi.getId())
        .activityId(TIMER_FILING_OVERDUE).singleResult();
    management.executeJob(timer.getId());

    var followUp = tasks.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(TASK_FOLLOW_UP).taskCandidateGroup("450100-finance").singleResult();
    assertThat((String) tasks.getVariable(followUp.getId(), "overdueInfo"))
        .contains("逾期1天：兴宁区 填报季度执行情况（截止 2026-04-15）");
    assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).count()).isOne();
    tasklist.as(NANNING_FINANCE).complete(followUp, Variables.putValue("followUpNote", "已督促"));

    at(2026, 4, 20, 9);
    tasklist.as(XINGNING_FINANCE).complete(pi, TASK_FILE, filing("250000", "25", "30"));
    BpmnAwareTests.assertThat(pi).hasPassed(END_FOLLOWED_UP).isWaitingAt(TASK_REVIEW);
    assertThat(overdue.forProcessInstance(pi.getId())).singleElement()
        .satisfies(s -> assertThat(s.daysLate()).isEqualTo(5));
    assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  @Test
  void theProvinceReturnsAFilingForCorrection() {
    var pi = openQ1();
    tasklist.as(XINGNING_FINANCE).complete(pi, TASK_FILE, filing("250000", "25", "30"));
    assertThatThrownBy(() -> tasklist.as(GUANGXI_ECO).complete(pi, TASK_REVIEW,
        REVIEW_OUTCOME.with(ReviewOutcome.RETURN)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("必须填写审核意见");
    tasklist.as(GUANGXI_ECO).complete(pi, TASK_REVIEW, ProcessVariables.builder().set(REVIEW_OUTCOME, ReviewOutcome.RETURN)
        .set(REVIEW_COMMENT, "支付数与国库集中支付系统不符，请核实").build());

    BpmnAwareTests.assertThat(pi).hasPassed(TASK_RETURN).isWaitingAt(TASK_FILE);
    assertThat(filings.get(pi.getBusinessKey()).status()).isEqualTo(FilingStatus.RETURNED);

    tasklist.as(XINGNING_FINANCE).complete(pi, TASK_FILE, filing("240000", "25", "30"));
    tasklist.as(GUANGXI_ECO).complete(pi, TASK_REVIEW, transmit());
    BpmnAwareTests.assertThat(pi).isEnded();
    assertThat(filings.get(pi.getBusinessKey()).paidToDate().amount()).isEqualByComparingTo("240000");
  }

  @Test
  void ziyang3_3_paymentBehindThePlanRaisesAYellowWarningTheReviewerSeesInChinese() {
    var pi = openQ1();
    // 17.5% paid by 31 March against 25% planned: 70 → yellow
    var task = task(pi, TASK_FILE);
    var returned = users.as(XINGNING_FINANCE, () -> {
      tasks.claim(task.getId(), XINGNING_FINANCE);
      return tasks.completeWithVariablesInReturn(task.getId(), filing("175000", "25", "30"), false);
    });
    var f = filings.get(pi.getBusinessKey());
    assertThat(f.warningLevel()).isEqualTo("YELLOW");
    assertThat(f.warningReference()).isEqualTo("PLAN");
    assertThat(f.warningReason()).isEqualTo("资金支出进度滞后于项目实施进度或资金分配进度（进度比60%至80%）：进度比 70%。"
        + "参照项目实施进度（实施方案所列本监控时点计划）：计划预算执行率 25%，计划实物工作量进度 25%；实际预算执行率 17.5%");
    assertThat(WARNING_LEVEL.get(runtime, pi)).isEqualTo("YELLOW");
    assertThat(WARNING_TEXT.from(returned))
        .as("the submit result tells the filing unit at once").isEqualTo("黄色预警");
    assertThat(WARNING_DETAILS.from(returned)).startsWith("黄色预警\n")
        .contains("参照项目实施进度").contains("进度比（实际 ÷ 参照 × 100）：资金执行 70%，实物 100%");
    // issue 18: the filing is accepted before the problem exists; the raise is a job of its own
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_RAISE_PROBLEM);
    assertThat(raises.pendingFor(pi.getId())).as("the raise waits in its own job").isNotNull();
    assertThat(f.status()).isEqualTo(FilingStatus.FILED);
    assertThat(problemsRaisedBy(pi)).as("no problem before the job runs").isEmpty();
    assertThat(raises.run()).isOne();

    BpmnAwareTests.assertThat(pi).hasPassed(TASK_RAISE_PROBLEM).hasNotPassed(TASK_RESPOND_TO_WARNING)
        .isWaitingAt(TASK_REVIEW);
    assertThat(WARNING_TEXT.fromLocal(tasks, task(pi, TASK_REVIEW).getId()))
        .as("the reviewer's task card").isEqualTo("黄色预警");
    var problem = runtime.createProcessInstanceQuery().processDefinitionKey("problemEscalation")
        .variableValueEquals("sourceRef", pi.getBusinessKey()).singleResult();
    assertThat(problem).as("the warning raised a problem (MNR 第十二条)").isNotNull();
    assertThat((String) runtime.getVariable(problem.getId(), "problemKind")).isEqualTo("SLOW_PAYMENT");
  }

  /**
   * 资阳 三(三): 偏离目标的及时纠偏. A red warning is named in Chinese everywhere a person reads it,
   * and the filing unit explains it or says how it rectifies before the province reviews.
   */
  @Test
  void ziyang3_3_aRedWarningIsExplainedByTheCountyBeforeTheProvinceReviews() {
    var pi = openQ1();
    // 10% paid, 10% done, 6 of 120 公顷 by 31 March against 25% planned: 40, 40 and 20 → red
    at(2026, 4, 10, 10);
    tasklist.as(XINGNING_FINANCE).complete(pi, TASK_FILE, filing("100000", "10", "6"));
    raises.run();
    var key = pi.getBusinessKey();
    var f = filings.get(key);
    assertThat(f.warningLevel()).isEqualTo("RED");
    assertThat(f.warningText()).isEqualTo("红色预警");
    assertThat(f.warningReason())
        .contains("资金支出进度严重滞后于项目实施进度或资金分配进度（进度比低于60%）：进度比 40%")
        .contains("项目实施（实物）进度严重滞后").contains("绩效指标完成进度严重滞后（进度比低于60%）：进度比 20%")
        .contains("参照项目实施进度");
    assertThat(filings.events(key)).contains("WARNING");
    var problem = runtime.createProcessInstanceQuery().processDefinitionKey("problemEscalation")
        .variableValueEquals("sourceRef", key).singleResult();
    assertThat(ProblemEscalationProcess.PROBLEM_SUMMARY.get(runtime, problem))
        .as("the ministry's problem names the level in Chinese").contains("红色预警").doesNotContain("RED");
    assertThat(ProblemEscalationProcess.PROBLEM_DESCRIPTION.get(runtime, problem))
        .contains("执行监控红色预警").doesNotContain("RED");

    BpmnAwareTests.assertThat(pi).hasPassed(TASK_RAISE_PROBLEM).isWaitingAt(TASK_RESPOND_TO_WARNING);
    var respond = task(pi, TASK_RESPOND_TO_WARNING);
    BpmnAwareTests.assertThat(respond).hasCandidateGroup("450102-finance")
        .hasCandidateGroup("450102-eco");
    assertThat(tasks.createTaskQuery().taskId(respond.getId()).initializeFormKeys().singleResult()
        .getCamundaFormRef().getKey()).isEqualTo(FORM_WARNING_RESPONSE);
    assertThat(WARNING_TEXT.fromLocal(tasks, respond.getId()))
        .as("the filing unit's task card").isEqualTo("红色预警");
    assertThat(respond.getDueDate()).as("10 working days after 10 April 2026: 24 April")
        .isEqualTo(Date.from(OffsetDateTime.of(2026, 4, 24, 23, 59, 59, 0, BEIJING).toInstant()));

    assertThatThrownBy(() -> tasklist.as(XINGNING_FINANCE).complete(respond, Submitted.form().text(WARNING_RESPONSE_KIND, "IGNORE").set(WARNING_RESPONSE_TEXT, " ").build()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("请选择：说明滞后原因，或提出整改（纠偏）措施")
        .hasMessageContaining("请填写情况说明或整改措施");
    // no kind at all: the same field problem, in the same answer as the text's
    assertThatThrownBy(() -> tasklist.as(XINGNING_FINANCE).complete(respond, WARNING_RESPONSE_TEXT.with(" ")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("请选择：说明滞后原因，或提出整改（纠偏）措施")
        .hasMessageContaining("请填写情况说明或整改措施");
    tasklist.as(XINGNING_FINANCE).complete(pi, TASK_RESPOND_TO_WARNING, ProcessVariables.builder().set(WARNING_RESPONSE_KIND, WarningResponseKind.RECTIFY)
        .set(WARNING_RESPONSE_TEXT, "施工单位进场推迟，已调整施工计划，6月底前完成50%工程量")
        .set(WARNING_DETAILS, "未预警").build());

    BpmnAwareTests.assertThat(pi).hasPassed(TASK_RECORD_RESPONSE).isWaitingAt(TASK_REVIEW);
    assertThat(filings.get(key).warningResponse())
        .isEqualTo("整改（纠偏）措施：施工单位进场推迟，已调整施工计划，6月底前完成50%工程量");
    assertThat(filings.events(key)).containsSubsequence("FILED", "WARNING", "WARNING_RESPONSE");
    var review = task(pi, TASK_REVIEW);
    assertThat(WARNING_TEXT.fromLocal(tasks, review.getId())).isEqualTo("红色预警");
    assertThat(WARNING_DETAILS.from(tasks, review.getId()))
        .as("what the province reads comes from the record, not from what the county sent")
        .startsWith("红色预警\n· 资金支出进度严重滞后")
        .contains("参照项目实施进度（实施方案所列本监控时点计划）：计划预算执行率 25%")
        .contains("进度比（实际 ÷ 参照 × 100）：资金执行 40%，实物 40%，指标最低 20%")
        .endsWith("填报单位整改（纠偏）措施：施工单位进场推迟，已调整施工计划，6月底前完成50%工程量");
    assertThat(FILING_SUMMARY.from(tasks, review.getId()))
        .contains("执行监控预警（红色）").doesNotContain("RED");

    tasklist.as(GUANGXI_ECO).complete(review, transmit());
    BpmnAwareTests.assertThat(pi).isEnded();
  }

  /**
   * MNR 第十二条, issue 18: the raise runs in a job of its own, so it may run again (its step moved
   * back in Cockpit, its job run a second time): it finds the problem it started and starts no
   * second one. A returned filing filed again with a warning is another raise, and raises anew.
   */
  @Test
  void mnrArticle12_aRaiseRunAgainStartsNoSecondProblemButARefiledWarningRaisesAnew() {
    var pi = openQ1();
    tasklist.as(XINGNING_FINANCE).complete(pi, TASK_FILE, filing("175000", "25", "30"));
    assertThat(raises.run()).isOne();
    var first = problemsRaisedBy(pi);
    assertThat(first).as("the yellow warning's problem").hasSize(1);

    runtime.createProcessInstanceModification(pi.getId()).cancelAllForActivity(TASK_REVIEW)
        .startBeforeActivity(TASK_RAISE_PROBLEM).execute(true, false);
    assertThat(raises.run()).as("the raise ran a second time").isOne();
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_REVIEW);
    assertThat(problemsRaisedBy(pi)).as("the same problem, no second one").isEqualTo(first);

    tasklist.as(GUANGXI_ECO).complete(pi, TASK_REVIEW, ProcessVariables.builder()
        .set(REVIEW_OUTCOME, ReviewOutcome.RETURN).set(REVIEW_COMMENT, "支付数与国库集中支付系统不符，请核实")
        .build());
    at(2026, 4, 8, 9);
    tasklist.as(XINGNING_FINANCE).complete(pi, TASK_FILE, filing("180000", "25", "30"));
    assertThat(filings.get(pi.getBusinessKey()).warningLevel()).isEqualTo("YELLOW");
    assertThat(raises.run()).isOne();
    assertThat(problemsRaisedBy(pi)).as("the refiled warning's problem besides the first")
        .hasSize(2).containsAll(first);
  }

  /** The problemEscalation instances, running or ended, raised from a filing. */
  List<String> problemsRaisedBy(ProcessInstance filing) {
    return ProblemEscalationProcess.SOURCE_REF.whereEquals(history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(ProblemEscalationProcess.KEY), filing.getBusinessKey())
        .list().stream().map(p -> p.getId()).sorted().toList();
  }

  /** Without a plan covering the point the project is measured against its allocation. */
  @Test
  void ziyang3_3_aProjectWithoutAPlanIsMeasuredAgainstTheMoneyAllocated() {
    plans.record(project, List.of());
    var pi = openQ1();
    // 1,000,000 of 3,961,869.98 applied for arrived (25.24%); 250,000 paid (6.31%): 25 → red
    tasklist.as(XINGNING_FINANCE).complete(pi, TASK_FILE, filing("250000", "25", "30"));
    raises.run();
    var f = filings.get(pi.getBusinessKey());
    assertThat(PROGRESS_REFERENCE.get(runtime, pi)).isEqualTo("ALLOCATION");
    assertThat(f.warningReference()).isEqualTo("ALLOCATION");
    assertThat(REFERENCE_EXECUTION.get(runtime, pi)).isEqualTo(25.24);
    assertThat(EXECUTION_PROGRESS.get(runtime, pi)).isEqualTo(25.0);
    assertThat(PHYSICAL_PROGRESS_RATIO.get(runtime, pi)).as("25% done against 25.24%").isEqualTo(99.05);
    assertThat(f.warningLevel()).isEqualTo("RED");
    assertThat(f.warningReason()).contains("进度比 25%")
        .contains("参照资金分配进度（到位资金占项目申报资金的比例）：25.2%；实际支付占项目申报资金 6.3%");
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_RESPOND_TO_WARNING);
  }

  @Test
  void theServerChecksPaymentsAndIndicatorUnits() {
    var pi = openQ1();
    var tooMuch = filing("1000000.01", "25", "30");
    assertThatThrownBy(() -> tasklist.as(XINGNING_FINANCE).complete(pi, TASK_FILE, tooMuch))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("累计支付 1000000.01 元 超过到位资金 1000000.00 元");
    var wrongUnit = filing("250000", "25", "30 亩");
    assertThatThrownBy(() -> tasklist.as(XINGNING_FINANCE).complete(pi, TASK_FILE, wrongUnit))
        .hasMessageContaining("第1项指标“修复治理面积”：计量单位应为“公顷”，收到“亩”");
    var sources = filing("250000", "25", "30").putValue(paidField(FundSource.CENTRAL), "200000");
    assertThatThrownBy(() -> tasklist.as(XINGNING_FINANCE).complete(pi, TASK_FILE, sources))
        .hasMessageContaining("分资金来源合计 200000.00 元，与累计支付 250000.00 元不一致")
        .satisfies(e -> assertThat(((InvalidInputException) e).errors())
            .as("it points at the 其中 fields together (the Excel import marks their cells)")
            .contains(new InvalidInputException.FieldError(FilingService.PAID_BY_SOURCE_FIELD,
                "分资金来源合计 200000.00 元，与累计支付 250000.00 元不一致")));
    var missing = filing("250000", "120", "");
    assertThatThrownBy(() -> tasklist.as(XINGNING_FINANCE).complete(pi, TASK_FILE, missing))
        .hasMessageContaining("实物工作量完成进度（%）应为0至100之间的数")
        .hasMessageContaining("第1项指标“修复治理面积”：请填写实际完成值，或勾选“未达监控节点”");
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_FILE);

    // payments never go down from the previous quarter
    tasklist.as(XINGNING_FINANCE).complete(pi, TASK_FILE, filing("250000", "25", "30"));
    tasklist.as(GUANGXI_ECO).complete(pi, TASK_REVIEW, transmit());
    at(2026, 7, 1, 1);
    var q2 = filings.open(project + "-2026Q2", new Quarter(2026, 2), null);
    assertThatThrownBy(() -> filings.file(q2.businessKey(), new RawFiling("200000", Map.of("CENTRAL", "200000"), "50", List.of(Map.of("position", 1, "notYetDue", true), Map.of("position", 2, "notYetDue", true),
            Map.of("position", 3, "notYetDue", true), Map.of("position", 4, "notYetDue", true))),
        XINGNING_FINANCE))
        .hasMessageContaining("累计支付 200000.00 元 少于上季度填报的 250000.00 元，累计数不能减少");
  }
}
