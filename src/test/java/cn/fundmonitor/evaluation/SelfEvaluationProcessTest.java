package cn.fundmonitor.evaluation;

import cn.fundmonitor.filing.RawFiling;
import static cn.fundmonitor.evaluation.SelfEvaluationProcess.*;
import static cn.fundmonitor.support.TestUsers.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.filing.FilingService;
import cn.fundmonitor.filing.Quarter;
import cn.fundmonitor.platform.ProcessVariables;
import cn.fundmonitor.support.Covers;
import cn.fundmonitor.support.Funding;
import cn.fundmonitor.support.ProcessTest;
import cn.fundmonitor.support.RefusedWaveProject;
import cn.fundmonitor.support.Projects;
import cn.fundmonitor.support.Tasklist;
import cn.fundmonitor.support.TestUsers;
import cn.fundmonitor.waves.WaveKind;
import cn.fundmonitor.waves.WavePlans;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * projectSelfEvaluation (项目绩效自评, GX 第二十八条、第二十九条): the wave opens one evaluation per
 * project funded in the year; the unit reports, the score comes from the data and the DMN weights,
 * the grade from the DMN; the city approves or returns; a poor grade is flagged for next year's
 * money unless the project is a geohazard emergency; a late evaluation is escalated.
 */
@ProcessTest
@Covers({"projectSelfEvaluation", "selfEvaluationWave"})
class SelfEvaluationProcessTest {

  static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);
  static final int YEAR = 2026;

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired Tasklist tasklist;
  @Autowired ManagementService management;
  @Autowired SelfEvaluationService evaluations;
  @Autowired FilingService filings;
  @Autowired TestUsers users;
  @Autowired Projects projects;
  @Autowired Funding funding;
  @Autowired JdbcClient jdbc;
  @Autowired SelfEvaluationSchedule schedule;
  @Autowired WavePlans waves;
  @Autowired cn.fundmonitor.overdue.OverdueService overdue;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    at(2026, 3, 2, 9);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static void at(int y, int m, int d, int h) {
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.of(y, m, d, h, 0, 0, 0, BEIJING).toInstant()));
  }

  String funded(String applicant, String region, String name, String direction) {
    var code = direction.equals("ECO_RESTORATION") ? projects.warehoused(applicant, region, name)
        : projects.warehoused(applicant, region, name, direction);
    funding.fund(code, region, "1000000", LocalDate.of(YEAR, 3, 2), direction);
    return code;
  }

  /** The year-end (Q4) filing: area of ≥ 120 公顷, satisfaction of ≥ 90%, money paid. */
  void fileQ4(String project, String paid, String area, String satisfaction) {
    var q4 = new Quarter(YEAR, 4);
    filings.prepare(project, q4);
    filings.open(q4.key(project), q4, null);
    filings.file(q4.key(project), new RawFiling(paid, Map.of("CENTRAL", paid), "80", List.of(
        Map.of("position", 1, "actual", area), Map.of("position", 2, "notYetDue", true),
        Map.of("position", 3, "actual", "有所改善"), Map.of("position", 4, "actual", satisfaction))),
        XINGNING_FINANCE);
  }

  /** The year ends: the wave's timer fires and opens the evaluations, batch by batch. */
  void yearEnds() {
    planEvaluations();
    runWaveJobs();
  }

  /** The wave's timer fires: the wave is planned, its batches wait for the job executor. */
  void planEvaluations() {
    at(YEAR + 1, 1, 2, 2);
    var timer = management.createJobQuery().processDefinitionKey(WAVE_KEY).timers().singleResult();
    management.executeJob(timer.getId());
  }

  /** Projects with money issued in the year, that do not have exactly one evaluation of it. */
  List<String> fundedWithoutExactlyOneEvaluation() {
    return jdbc.sql("select distinct l.project_code from fm_allocation_line l join fm_allocation a "
            + "on a.document_no = l.document_no where l.stage = 'ISSUE' and a.budget_year = ? "
            + "and not exists (select 1 from fm_project_lifecycle c where c.project_code = l.project_code "
            + "and c.status in ('CLOSED', 'TERMINATED', 'CANCELLED') and c.updated_at < ?) "
            + "and (select count(*) from fm_self_evaluation e where e.project_code = l.project_code "
            + "and e.evaluation_year = ?) <> 1 "
            + "order by l.project_code")
        .params(YEAR, OffsetDateTime.of(YEAR, 1, 1, 0, 0, 0, 0, BEIJING), YEAR)
        .query(String.class).list();
  }

  int fundedInYearCount() {
    return jdbc.sql("select count(distinct l.project_code) from fm_allocation_line l join "
            + "fm_allocation a on a.document_no = l.document_no where l.stage = 'ISSUE' and "
            + "a.budget_year = ?").param(YEAR).query(Integer.class).single();
  }

  void runWaveJobs() {
    for (int round = 0; round < 10; round++) {
      var jobs = management.createJobQuery().executable().list().stream()
          .filter(j -> WAVE_KEY.equals(j.getProcessDefinitionKey())).toList();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(j -> management.executeJob(j.getId()));
    }
  }

  ProcessInstance evaluation(String project) {
    return runtime.createProcessInstanceQuery()
        .processInstanceBusinessKey(SelfEvaluation.key(project, YEAR)).singleResult();
  }

  Task task(ProcessInstance pi, String key) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
  }

  static VariableMap report(String text, boolean emergency) {
    return ProcessVariables.builder().set(SELF_REPORT, text).set(EMERGENCY, emergency).build();
  }

  static VariableMap review(ReviewOutcome outcome, String comment) {
    return ProcessVariables.builder().set(REVIEW_OUTCOME, outcome).set(REVIEW_COMMENT, comment)
        .build();
  }

  /**
   * Issue 16, the same for the year's evaluations: the wave is planned (job executor off), then
   * 50 projects get the year's money whose codes (450100-…) sort before every planned one; then
   * the batches run. Every project funded in the year is evaluated once (GX 第二十八条). (The
   * planned count is a multiple of the batch size: batches that re-read pages by offset then lose
   * exactly the last 50.)
   */
  @Test
  void moneyIssuedDuringTheWaveLosesNoEvaluation_gxArticle28() {
    var batch = schedule.batchSize();
    var before = fundedInYearCount();
    var count = batch - before % batch;
    for (int i = 0; i < count; i++) {
      funded(XINGNING_ECO, "450102", "兴宁区自评波次项目" + i, "ECO_RESTORATION");
    }
    planEvaluations();
    var waveId = runtime.createProcessInstanceQuery().processDefinitionKey(WAVE_KEY).singleResult()
        .getId();

    var late = new java.util.ArrayList<String>();
    for (int i = 0; i < 50; i++) {
      var code = projects.warehoused(NANNING_ECO, "450100", "南宁市波次中下达资金项目" + i);
      funding.fund(code, "450100", "100000", LocalDate.of(YEAR, 12, 30));
      late.add(code);
    }
    runWaveJobs();

    assertThat(fundedWithoutExactlyOneEvaluation()).as("projects funded in the year without "
        + "exactly one evaluation").isEmpty();
    assertThat(late).as("the projects funded during the wave are evaluated too").allSatisfy(code ->
        assertThat(evaluation(code)).isNotNull());

    // the batches kept the projects fixed at planning; the reconciliation added the late ones
    var wave = waves.get(waveId);
    assertThat(wave.kind()).isEqualTo(WaveKind.SELF_EVALUATION);
    assertThat(wave.period()).isEqualTo(String.valueOf(YEAR));
    assertThat(wave.plannedCount() + wave.endedCount()).isEqualTo(before + count);
    assertThat(wave.openedCount() + wave.alreadyOpenCount()).isEqualTo(wave.plannedCount());
    assertThat(wave.addedCount()).isEqualTo(50);
    assertThat(jdbc.sql("select project_code from fm_wave_project where wave_id = ? and batch_no is null "
        + "order by project_code").param(waveId).query(String.class).list())
        .containsExactlyElementsOf(late);
  }

  /**
   * Issue 18: the reconciliation is a job of its own (asyncBefore), no longer part of the last
   * batch's: once every batch is done the wave waits at it with nothing reconciled yet. One that
   * fails after opening the evaluations of the projects funded during the wave keeps none of them
   * and is retried alone (the batches do not run again); the retry opens and counts each once
   * (GX 第二十八条).
   */
  @Test
  void aFailedReconciliationIsRetriedAloneAndCountsOnce_gxArticle28() {
    funded(XINGNING_ECO, "450102", "兴宁区自评核对重试项目", "ECO_RESTORATION");
    planEvaluations();
    var waveId = runtime.createProcessInstanceQuery().processDefinitionKey(WAVE_KEY).singleResult()
        .getId();
    var late = new java.util.ArrayList<String>();
    for (int i = 0; i < 2; i++) {
      var code = projects.warehoused(NANNING_ECO, "450100", "南宁市自评核对重试项目" + i);
      funding.fund(code, "450100", "100000", LocalDate.of(YEAR, 12, 30));
      late.add(code);
    }
    management.createJobQuery().processInstanceId(waveId).activityId(WAVE_BATCH).list()
        .forEach(j -> management.executeJob(j.getId()));
    assertThat(management.createJobQuery().processInstanceId(waveId).activityId(WAVE_BATCH).count())
        .as("every batch done").isZero();
    var reconcileJob = management.createJobQuery().processInstanceId(waveId)
        .activityId(WAVE_RECONCILE).singleResult();
    assertThat(reconcileJob).as("the wave waits at its reconciliation's job").isNotNull();
    assertThat(waves.get(waveId).reconciled()).as("nothing reconciled yet").isFalse();
    assertThat(late).allSatisfy(code -> assertThat(evaluation(code)).isNull());

    try (var refused = RefusedWaveProject.refuse(jdbc, late.get(1))) {
      assertThatThrownBy(() -> management.executeJob(reconcileJob.getId())).isNotNull();
    }
    assertThat(management.createJobQuery().jobId(reconcileJob.getId()).singleResult().getRetries())
        .as("the reconciliation alone will be retried").isEqualTo(2);
    assertThat(management.createJobQuery().processInstanceId(waveId).count()).isOne();
    assertThat(late).as("nothing the failed reconciliation opened was kept")
        .allSatisfy(code -> assertThat(evaluation(code)).isNull());
    assertThat(waves.get(waveId).reconciled()).isFalse();

    management.executeJob(reconcileJob.getId());
    var wave = waves.get(waveId);
    assertThat(wave.addedCount()).as("each late project counted once").isEqualTo(2);
    assertThat(jdbc.sql("select project_code from fm_wave_project where wave_id = ? and batch_no "
        + "is null order by project_code").param(waveId).query(String.class).list())
        .containsExactlyElementsOf(late);
    assertThat(late).allSatisfy(code -> assertThat(evaluation(code)).isNotNull());
    assertThat(wave.openedCount() + wave.alreadyOpenCount()).isEqualTo(wave.plannedCount());
    assertThat(fundedWithoutExactlyOneEvaluation()).isEmpty();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(waveId).count())
        .as("the wave has ended").isZero();
  }

  @Test
  void theYearsProjectsAreEvaluatedScoredReviewedAndCollected_gxArticle28() {
    var project = funded(XINGNING_ECO, "450102", "兴宁区自评项目", "ECO_RESTORATION");
    yearEnds();
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(WAVE_KEY).count())
        .as("the wave and its batches have finished").isZero();
    var pi = evaluation(project);
    BpmnAwareTests.assertThat(pi).hasPassed(TASK_OPEN).isWaitingAt(TASK_EVALUATE);
    var task = task(pi, TASK_EVALUATE);
    BpmnAwareTests.assertThat(task).hasCandidateGroup("450102-finance").hasCandidateGroup("450102-eco");
    assertThat(task.getDueDate()).as("the unit's own deadline, a configurable default before the "
        + "city's 31 January").isEqualTo(Date.from(OffsetDateTime.of(2027, 1, 20, 23, 59, 59, 0,
            BEIJING).toInstant()));

    at(YEAR + 1, 1, 10, 9);
    fileQ4(project, "800000", "100", "95");
    at(YEAR + 1, 1, 20, 9);
    tasklist.as(XINGNING_FINANCE).complete(task, report("修复治理面积完成100公顷，群众满意度95%。", false));

    // 产出 50: area 100 of 120 → 41.67; 效益: only a qualitative actual without a rate, not judged;
    // 满意度 10: 95 of ≥ 90 → 10; 预算执行率 10: 800,000 of 1,000,000 → 8; 59.67 of 70 judged → 85.2
    BpmnAwareTests.assertThat(pi).hasPassed(TASK_WEIGHTS, TASK_SCORE, TASK_GRADE, TASK_RECORD_GRADE)
        .isWaitingAt(TASK_REVIEW);
    var e = evaluations.get(pi.getBusinessKey());
    assertThat(e.score()).isEqualByComparingTo("85.2");
    assertThat(e.grade()).isEqualTo(Grade.GOOD);
    assertThat(e.flagged()).isFalse();
    assertThat(e.details()).contains("产出｜修复治理面积｜权重 50｜完成 83%｜得分 41.67", "得分 85.2");
    var review = task(pi, TASK_REVIEW);
    BpmnAwareTests.assertThat(review).hasCandidateGroup("450100-finance");
    assertThat(review.getDueDate()).as("GX 第二十八条: the city reports by 31 January; 2027-01-31 is "
        + "a Sunday: moved to Monday 1 February")
        .isEqualTo(Date.from(OffsetDateTime.of(2027, 2, 1, 23, 59, 59, 0, BEIJING).toInstant()));
    assertThat(GRADE.from(tasks, review.getId())).isEqualTo("良（85.2分）");

    assertThatThrownBy(() -> tasklist.as(NANNING_FINANCE).complete(pi, TASK_REVIEW, review(ReviewOutcome.RETURN, " ")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("退回修改时必须填写审核意见");
    tasklist.as(NANNING_FINANCE).complete(pi, TASK_REVIEW, review(ReviewOutcome.APPROVE, "同意，报省汇总"));
    BpmnAwareTests.assertThat(pi).hasPassed(TASK_COLLECT, END_COLLECTED).isEnded();
    assertThat(evaluations.get(pi.getBusinessKey()).status()).isEqualTo(EvaluationStatus.COLLECTED);
    assertThat(evaluations.get(pi.getBusinessKey()).reviewedBy()).isEqualTo(NANNING_FINANCE);
  }

  @Test
  void aPoorResultIsFlaggedForLessMoneyNextYear_gxArticle29() {
    var project = funded(XINGNING_ECO, "450102", "兴宁区未填报项目", "ECO_RESTORATION");
    yearEnds();
    var pi = evaluation(project);
    tasklist.as(XINGNING_FINANCE).complete(pi, TASK_EVALUATE, report("全年未开工。", false));
    var e = evaluations.get(pi.getBusinessKey());
    assertThat(e.score()).isEqualByComparingTo("0.0");
    assertThat(e.grade()).isEqualTo(Grade.POOR);
    assertThat(e.flagged()).isTrue();
    assertThat(e.flagReason()).contains("GX 第二十九条");
    assertThat(e.details()).contains("本年度没有可评价的填报数据");
    assertThat(FLAGGED.from(runtime, pi.getId())).isTrue();
  }

  @Test
  void aGeohazardEmergencyIsNotFlagged_gxArticle29() {
    var project = funded(XINGNING_GEOHAZARD, "450102", "兴宁区滑坡应急排危除险", "GEOHAZARD");
    yearEnds();
    var pi = evaluation(project);
    assertThat(DIRECTION.from(runtime, pi.getId())).isEqualTo("GEOHAZARD");
    tasklist.as(XINGNING_FINANCE).complete(pi, TASK_EVALUATE, report("汛期突发滑坡，应急排危除险。", true));
    var e = evaluations.get(pi.getBusinessKey());
    assertThat(e.grade()).isEqualTo(Grade.POOR);
    assertThat(e.emergency()).isTrue();
    assertThat(e.flagged()).isFalse();
    assertThat(e.flagReason()).contains("地质灾害应急项目");
  }

  @Test
  void aReturnedEvaluationIsRewrittenAndOnlyGeohazardProjectsAreEmergencies() {
    var project = funded(XINGNING_ECO, "450102", "兴宁区退回项目", "ECO_RESTORATION");
    yearEnds();
    var pi = evaluation(project);
    assertThatThrownBy(() -> tasklist.as(XINGNING_FINANCE).complete(pi, TASK_EVALUATE, report("应急", true)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("只有地质灾害防治项目");
    assertThatThrownBy(() -> tasklist.as(XINGNING_FINANCE).complete(pi, TASK_EVALUATE, report(" ", false)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("请填写自评报告");
    tasklist.as(XINGNING_FINANCE).complete(pi, TASK_EVALUATE, report("简略", false));
    tasklist.as(NANNING_FINANCE).complete(pi, TASK_REVIEW, review(ReviewOutcome.RETURN, "请说明未完成的原因"));
    BpmnAwareTests.assertThat(pi).hasPassed(TASK_RETURN).isWaitingAt(TASK_EVALUATE);
    assertThat(evaluations.get(pi.getBusinessKey()).status()).isEqualTo(EvaluationStatus.RETURNED);
    tasklist.as(XINGNING_FINANCE).complete(pi, TASK_EVALUATE, report("受征地影响未开工，已调整计划。", false));
    assertThat(evaluations.get(pi.getBusinessKey()).selfReport()).startsWith("受征地影响");
    tasklist.as(NANNING_FINANCE).complete(pi, TASK_REVIEW, review(ReviewOutcome.APPROVE, null));
    BpmnAwareTests.assertThat(pi).isEnded();
  }

  @Test
  void aLateEvaluationIsEscalatedToTheCityAndALateReviewToTheProvince_gxArticle28() {
    var project = funded(XINGNING_ECO, "450102", "兴宁区逾期项目", "ECO_RESTORATION");
    yearEnds();
    var pi = evaluation(project);
    at(YEAR + 1, 1, 21, 8);
    var timer = management.createJobQuery().processInstanceId(pi.getId()).activityId(TIMER_OVERDUE)
        .singleResult();
    management.executeJob(timer.getId());
    var followUp = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_FOLLOW_UP)
        .taskCandidateGroup("450100-finance").singleResult();
    assertThat((String) tasks.getVariable(followUp.getId(), "overdueInfo"))
        .contains("逾期1天：兴宁区 撰写绩效自评报告（截止 2027-01-20）");
    tasklist.as(NANNING_FINANCE).complete(followUp, Variables.putValue("followUpNote", "已电话督办"));
    BpmnAwareTests.assertThat(pi).hasPassed(TASK_RECORD_OVERDUE, END_FOLLOWED_UP).isWaitingAt(TASK_EVALUATE);
    tasklist.as(XINGNING_FINANCE).complete(pi, TASK_EVALUATE, report("逾期提交。", false));
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_REVIEW);

    // Nanning has not reported by 31 January (moved to 1 February): Guangxi follows up
    at(YEAR + 1, 2, 2, 8);
    var reviewTimer = management.createJobQuery().processInstanceId(pi.getId())
        .activityId(TIMER_REVIEW_OVERDUE).singleResult();
    management.executeJob(reviewTimer.getId());
    var provinceFollowUp = tasks.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(TASK_FOLLOW_UP_REVIEW).taskCandidateGroup("450000-finance").singleResult();
    assertThat((String) tasks.getVariable(provinceFollowUp.getId(), "overdueInfo"))
        .contains("逾期1天：南宁市 市级审核绩效自评（截止 2027-02-01）");
    tasklist.as(GUANGXI_FINANCE).complete(provinceFollowUp, Variables.putValue("followUpNote", "已督促南宁市报送"));
    tasklist.as(NANNING_FINANCE).complete(pi, TASK_REVIEW, review(ReviewOutcome.APPROVE, "同意，报省汇总"));
    BpmnAwareTests.assertThat(pi).hasPassed(TASK_RECORD_REVIEW_OVERDUE, END_REVIEW_FOLLOWED_UP,
        END_COLLECTED).isEnded();
    assertThat(overdue.forProcessInstance(pi.getId())).hasSize(2)
        .allSatisfy(step -> assertThat(step.isOpen()).isFalse());
  }
}
