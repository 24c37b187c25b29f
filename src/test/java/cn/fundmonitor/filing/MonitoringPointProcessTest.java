package cn.fundmonitor.filing;

import static cn.fundmonitor.filing.QuarterlyFilingProcess.*;
import static cn.fundmonitor.support.TestUsers.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.platform.ProcessVariables;
import cn.fundmonitor.support.Submitted;
import cn.fundmonitor.project.ProgressPlans;
import cn.fundmonitor.support.Tasklist;
import cn.fundmonitor.support.Covers;
import cn.fundmonitor.support.Funding;
import cn.fundmonitor.support.ProblemRaises;
import cn.fundmonitor.support.ProcessTest;
import cn.fundmonitor.support.Projects;
import cn.fundmonitor.support.TestUsers;
import cn.fundmonitor.waves.WaveKind;
import cn.fundmonitor.waves.WavePlans;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Monitoring points besides the quarters (监测时点; MNR 第十一条: 其他填报时点，按要求执行) and the
 * September point (资阳 三(三): 设定监控时点，即每年 9 月对 1—8 月绩效目标实现程度实施分类监控): the
 * schedule opens a point for Guangxi as of 31 August, its funded projects file through the quarterly
 * filing's path — filing, execution warning measured to 31 August, the county's answer to a red
 * warning, the province's review and transmission.
 */
@ProcessTest
@Covers({"septemberMonitoringPoint"})
class MonitoringPointProcessTest {

  static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired FilingService filings;
  @Autowired MonitoringPointService points;
  @Autowired MonitoringPointSchedule schedule;
  @Autowired WavePlans waves;
  @Autowired TestUsers users;
  @Autowired Tasklist tasklist;
  @Autowired Projects projects;
  @Autowired Funding funding;
  @Autowired ProgressPlans plans;
  @Autowired JdbcClient jdbc;
  @Autowired ProblemRaises raises;

  String project;
  String xinjiang;

  /**
   * A Guangxi project (兴宁区) of 1,000,000 whose plan has it 50% paid and done by 30 June, 80% by
   * 31 August and 100% by the year's end; and a funded Xinjiang project (且末县).
   */
  @BeforeEach
  void fundProjects() {
    BpmnAwareTests.init(engine);
    at(2026, 1, 20, 9);
    project = projects.warehoused(XINGNING_ECO, "450102", "兴宁区九月监测项目");
    funding.fund(project, "450102", "1000000", LocalDate.of(2026, 1, 20));
    plans.record(project, List.of(
        Map.of("pointOn", "2026-06-30", "plannedExecution", 50, "plannedPhysical", 50),
        Map.of("pointOn", "2026-08-31", "plannedExecution", 80, "plannedPhysical", 80),
        Map.of("pointOn", "2026-12-31", "plannedExecution", 100, "plannedPhysical", 100)));
    xinjiang = projects.warehoused(QIEMO_ECO, "652825", "且末县九月监测项目");
    funding.fund(xinjiang, "652825", "500000", LocalDate.of(2026, 1, 20), "ECO_RESTORATION",
        XINJIANG_FINANCE);
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
    schedule.configure(false, List.of());
  }

  static void at(int y, int m, int d, int h) {
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.of(y, m, d, h, 0, 0, 0, BEIJING).toInstant()));
  }

  /**
   * The schedule's timer fires (1 September, 01:00) and the jobs it leads to run; returns the
   * schedule's (ended) instance.
   */
  String september() {
    at(2026, 9, 1, 1);
    var timer = management.createJobQuery()
        .processDefinitionKey(SeptemberMonitoringPointProcess.KEY).timers().singleResult();
    var before = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(SeptemberMonitoringPointProcess.KEY).list().stream()
        .map(p -> p.getId()).toList();
    management.executeJob(timer.getId());
    runJobs();
    var started = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(SeptemberMonitoringPointProcess.KEY).list().stream()
        .filter(p -> !before.contains(p.getId())).toList();
    assertThat(started).hasSize(1);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(started.get(0).getId())
        .singleResult().getEndTime()).as("the schedule's instance has ended").isNotNull();
    return started.get(0).getId();
  }

  /** Runs the due jobs of the schedule and the filing processes; waits out the wave's checks. */
  void runJobs() {
    var keys = List.of(SeptemberMonitoringPointProcess.KEY, KEY, WAVE_KEY, BATCH_KEY);
    for (int round = 0; round < 30; round++) {
      var jobs = management.createJobQuery().executable().list().stream()
          .filter(j -> keys.contains(j.getProcessDefinitionKey())).toList();
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

  Task task(ProcessInstance pi, String key) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key)
        .singleResult();
  }

  static VariableMap filing(String paid, String physical, String area) {
    return Submitted.onto(PAID_TO_DATE.with(paid)
        .putValue(paidField(FundSource.CENTRAL), paid)).text(PHYSICAL_PROGRESS, physical)
        .json(INDICATOR_ACTUALS, List.of(
            Map.of("position", 1, "actual", area, "notYetDue", false),
            Map.of("position", 2, "actual", "", "notYetDue", true),
            Map.of("position", 3, "actual", "有所改善", "notYetDue", false),
            Map.of("position", 4, "actual", "", "notYetDue", true))).build();
  }

  @Test
  void ziyang3_3_septemberPointForGuangxiRunsThroughFilingWarningAndReview() {
    schedule.configure(true, List.of("450000"));
    var september = september();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(september)
        .activityId(SeptemberMonitoringPointProcess.END_OPENED).count()).isOne();
    var opened = SeptemberMonitoringPointProcess.OPENED_POINTS.fromHistory(history, september);
    var point = points.get(Long.parseLong(opened));
    assertThat(point.asOf()).as("January–August: as of 31 August").isEqualTo(LocalDate.of(2026, 8, 31));
    assertThat(point.dueOn()).as("the 15th, a Tuesday: a configurable default")
        .isEqualTo(LocalDate.of(2026, 9, 15));
    assertThat(point.regionCode()).isEqualTo("450000");
    assertThat(point.scope()).isEqualTo(MonitoringPoint.Scope.REGION);
    assertThat(point.basis()).contains("资阳 三(三)");

    // the wave of the point: the quarterly filing's wave, reconciled; Guangxi's projects only
    var wave = waves.get(point.waveId());
    assertThat(wave.kind()).isEqualTo(WaveKind.QUARTERLY_FILING);
    assertThat(wave.period()).isEqualTo("2026P" + point.id());
    assertThat(wave.reconciled()).isTrue();
    assertThat(wave.addedCount()).isZero();
    var period = point.period();
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(period.key(xinjiang))
        .count()).as("a Xinjiang project is not in Guangxi's point").isZero();
    assertThat(jdbc.sql("select count(*) from fm_quarterly_filing f join fm_project p on "
            + "p.code = f.project_code where f.point_id = ? and p.region_code not like '45%'")
        .param(point.id()).query(Integer.class).single()).isZero();

    var pi = runtime.createProcessInstanceQuery().processDefinitionKey(KEY)
        .processInstanceBusinessKey(project + "-2026P" + point.id()).singleResult();
    BpmnAwareTests.assertThat(pi).hasPassed(TASK_OPEN).isWaitingAt(TASK_FILE);
    var filingTask = task(pi, TASK_FILE);
    assertThat(filingTask.getDueDate()).as("the point's own due date")
        .isEqualTo(Date.from(OffsetDateTime.of(2026, 9, 15, 23, 59, 59, 0, BEIJING).toInstant()));
    BpmnAwareTests.assertThat(filingTask).hasCandidateGroup("450102-finance")
        .hasCandidateGroup("450102-eco");
    // MNR 第十一条 (其他填报时点): a point is not a quarter, and its task and form texts say so
    assertThat(filingTask.getName()).isEqualTo("填报监测时点执行情况");
    assertThat(PERIOD_LABEL.from(runtime, pi.getId()))
        .isEqualTo("2026年1—8月监测时点（截至2026-08-31）");
    assertThat(FILING_STEP_NAME.from(runtime, pi.getId()))
        .as("the step an overdue notice names").isEqualTo("填报监测时点执行情况");
    assertThat((String) FILING_CONTEXT.from(runtime, pi.getId()))
        .contains("2026年1—8月监测时点（截至2026-08-31）").contains("时序进度 66%")
        .contains("其他填报时点，按要求执行");
    var key = pi.getBusinessKey();
    assertThat(filings.get(key).quarter()).isEqualTo(period);
    assertThat(jdbc.sql("select quarter from fm_quarterly_filing where business_key = ?").param(key)
        .query(Integer.class).optional()).as("a point's filing is no quarter's").isEmpty();

    // 40% paid, 40% done, 48 of 120 公顷 against 80% planned by 31 August: 50, 50, 50 → red
    at(2026, 9, 10, 10);
    tasklist.as(XINGNING_FINANCE).complete(filingTask, filing("400000", "40", "48"));
    var f = filings.get(key);
    assertThat(f.warningLevel()).isEqualTo("RED");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> filings.file(key, new RawFiling("400000", Map.of(), "40", List.of()), XINGNING_FINANCE))
        .hasMessage("本期已填报，正在审核中");
    assertThat(f.warningReference()).isEqualTo("PLAN");
    assertThat(f.warningReason()).contains("进度比 50%").contains("参照项目实施进度");
    raises.run();
    var problem = runtime.createProcessInstanceQuery().processDefinitionKey("problemEscalation")
        .variableValueEquals("sourceRef", key).singleResult();
    assertThat(problem).as("the warning raised a problem (MNR 第十二条)").isNotNull();
    BpmnAwareTests.assertThat(pi).hasPassed(TASK_CHECK_EXECUTION, TASK_RECORD_WARNING,
        TASK_RAISE_PROBLEM).isWaitingAt(TASK_RESPOND_TO_WARNING);

    tasklist.as(XINGNING_FINANCE).complete(pi, TASK_RESPOND_TO_WARNING, ProcessVariables.builder().set(WARNING_RESPONSE_KIND, WarningResponseKind.EXPLAIN)
        .set(WARNING_RESPONSE_TEXT, "汛期停工两个月，9月起恢复施工").build());
    var review = task(pi, TASK_REVIEW);
    BpmnAwareTests.assertThat(review).hasCandidateGroup("450000-eco");
    assertThat(review.getName()).isEqualTo("省级审核监测时点填报");
    assertThat((String) WARNING_DETAILS.from(tasks, review.getId()))
        .as("measured to 31 August: the plan's 80%, not September's line")
        .startsWith("红色预警").contains("计划预算执行率 80%")
        .contains("进度比（实际 ÷ 参照 × 100）：资金执行 50%，实物 50%，指标最低 50%");

    tasklist.as(GUANGXI_ECO).complete(review, Submitted.form().set(REVIEW_OUTCOME, ReviewOutcome.TRANSMIT)
        .json(QUALITATIVE_RATES, List.of(
            Map.of("position", 3, "rate", 60))).build());
    BpmnAwareTests.assertThat(pi).hasPassed(TASK_TRANSMIT, END_TRANSMITTED).isEnded();
    assertThat(filings.get(key).status()).isEqualTo(FilingStatus.TRANSMITTED);
    assertThat(filings.events(key)).containsSubsequence("FILED", "WARNING", "WARNING_RESPONSE",
        "TRANSMITTED");
    assertThat(points.counts(point.id())).containsEntry("WARNING_RED", 1);

    // a retried schedule (or a second run the same day) opens nothing twice
    assertThat(points.openScheduled("450000", LocalDate.of(2026, 8, 31), LocalDate.of(2026, 9, 15),
        SeptemberMonitoringPointDelegates.BASIS)).isEmpty();
  }

  /**
   * MNR 第十一条 (节假日顺延): a monitoring point's filing falls due, for its task and its overdue
   * timer, on the day its row says — the point's due date (here a Saturday, 13 June 2026) moved to
   * a working day by the one function both take it from ({@link FilingService#dueOn}).
   */
  @Test
  void aPointsOverdueTimerFallsDueOnTheFilingsDueDate_mnrArticle11() {
    var period = points.openScheduled("450102", LocalDate.of(2026, 5, 31),
        LocalDate.of(2026, 6, 13), SeptemberMonitoringPointDelegates.BASIS).orElseThrow().period();
    var pi = runtime.createProcessInstanceByKey(KEY).businessKey(period.key(project))
        .setVariables(FilingPeriodVariables.of(period)).execute();
    runJobs();
    var due = filings.get(period.key(project)).dueOn();
    assertThat(due).isEqualTo(filings.dueOn(period)).isAfter(LocalDate.of(2026, 6, 13));
    var timer = management.createJobQuery().processInstanceId(pi.getId())
        .activityId(TIMER_FILING_OVERDUE).singleResult();
    assertThat(timer.getDuedate()).as("the overdue timer: the end of the row's due day")
        .isEqualTo(Date.from(due.atTime(23, 59, 59).atOffset(BEIJING).toInstant()))
        .isEqualTo(task(pi, TASK_FILE).getDueDate());
  }

  /** Off by default: the September timer fires, and nothing is opened (a configurable default). */
  @Test
  void ziyang3_3_theSeptemberPointIsOffUnlessTheDeploymentTurnsItOn() {
    var before = jdbc.sql("select count(*) from fm_monitoring_point").query(Integer.class).single();
    var september = september();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(september)
        .activityId(SeptemberMonitoringPointProcess.END_OFF).count()).isOne();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(september)
        .activityId(SeptemberMonitoringPointProcess.TASK_OPEN).count()).isZero();
    assertThat(jdbc.sql("select count(*) from fm_monitoring_point").query(Integer.class).single())
        .isEqualTo(before);
  }
}
