package cn.fundmonitor.correction;

import cn.fundmonitor.filing.RawFiling;
import static cn.fundmonitor.correction.DataCorrectionProcess.*;
import static cn.fundmonitor.support.TestUsers.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.filing.FilingService;
import cn.fundmonitor.filing.FundSource;
import cn.fundmonitor.money.Yuan;
import cn.fundmonitor.filing.Quarter;
import cn.fundmonitor.filing.QuarterlyFilingProcess;
import cn.fundmonitor.platform.JsonVariables;
import cn.fundmonitor.support.Covers;
import cn.fundmonitor.support.Funding;
import cn.fundmonitor.support.ProcessTest;
import cn.fundmonitor.support.Projects;
import cn.fundmonitor.support.TestUsers;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.VariableMap;
import cn.fundmonitor.platform.ProcessVariables;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * dataCorrection and correctionReport (数据变更, MNR 第二十二条): before transmission the superior
 * consents or refuses; after it the province reports a batch to the ministry, which decides with
 * the business department, and the province's counterpart applies; a stale request is refused;
 * the audit trail keeps every change back to the original filing.
 */
@ProcessTest
@Covers({"dataCorrection", "correctionReport"})
class DataCorrectionProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired cn.fundmonitor.support.Tasklist tasklist;
  @Autowired ManagementService management;
  @Autowired CorrectionService corrections;
  @Autowired FilingService filings;
  @Autowired TestUsers users;
  @Autowired Projects projects;
  @Autowired Funding funding;
  @Autowired cn.fundmonitor.project.ProgressPlans plans;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  /** A project's 2026Q1 filing, filed with 250,000 paid and 25% done; transmitted if asked. */
  String filed(String name, boolean transmitted) {
    var project = projects.warehoused(XINGNING_ECO, "450102", name);
    funding.fund(project, "450102", "1000000", LocalDate.now().minusDays(1));
    var q = new Quarter(2026, 1);
    var key = q.key(project);
    filings.open(key, q, null);
    filings.file(key, new RawFiling("250000", Map.of("CENTRAL", "250000"), "25", List.of(
        Map.of("position", 1, "actual", "30", "notYetDue", false),
        Map.of("position", 2, "notYetDue", true), Map.of("position", 3, "notYetDue", true),
        Map.of("position", 4, "notYetDue", true))), XINGNING_FINANCE);
    if (transmitted) {
      filings.transmit(key, List.of(), GUANGXI_ECO);
    }
    return key;
  }

  ProcessInstance request(String user, String key, String field, String value) {
    return users.as(user, () -> runtime.startProcessInstanceByKey(KEY, ProcessVariables.builder()
        .set(RECORD_KEY, key).set(FIELD, field).set(NEW_VALUE, value)
        .set(REASON, "与国库集中支付系统核对后更正").build()));
  }

  Task task(ProcessInstance pi, String key) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
  }


  static VariableMap consent(Consent decision, String comment) {
    return ProcessVariables.builder().set(CONSENT, decision).set(CONSENT_COMMENT, comment).build();
  }

  @Test
  void beforeTransmissionTheSuperiorConsentsAndTheChangeIsApplied() {
    var key = filed("兴宁区变更项目（上级同意）", false);
    var pi = request(XINGNING_FINANCE, key, "PAID_TO_DATE", "260000");

    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_CONSENT);
    assertThat(pi.getBusinessKey()).matches("BG\\d{4}-\\d{6}");
    BpmnAwareTests.assertThat(task(pi, TASK_CONSENT)).hasCandidateGroup("450100-finance");
    tasklist.as(NANNING_FINANCE).complete(pi, TASK_CONSENT, consent(Consent.APPROVE, "同意"));

    BpmnAwareTests.assertThat(pi).hasPassed(TASK_RECORD_CONSENT, TASK_APPLY, END_APPLIED).isEnded();
    assertThat(filings.get(key).paidToDate().amount()).isEqualByComparingTo("260000");
    assertThat(corrections.history(CorrectionService.QUARTERLY_FILING, key)).singleElement()
        .satisfies(c -> {
          assertThat(c.before()).isEqualTo("250000.00");
          assertThat(c.after()).isEqualTo("260000.00");
          assertThat(c.requestedBy()).isEqualTo(XINGNING_FINANCE);
          assertThat(c.approvedBy()).isEqualTo(NANNING_FINANCE);
          assertThat(c.appliedBy()).isEqualTo(XINGNING_FINANCE);
        });
  }

  /**
   * MNR 第二十二条: a payment correction says which fund source changes and the total follows, so
   * the split by fund source always adds up to the cumulative payments.
   */
  @Test
  void mnrArticle22_aPaymentCorrectionSaysWhichFundSourceChangesAndTheSumsAddUp() {
    var project = projects.warehoused(XINGNING_ECO, "450102", "兴宁区变更项目（分资金来源）");
    funding.fund(project, "450102", "1000000", LocalDate.now().minusDays(1));
    var q = new Quarter(2026, 1);
    var key = q.key(project);
    filings.open(key, q, null);
    filings.file(key, new RawFiling("250000", Map.of("CENTRAL", "200000", "LOCAL", "50000"), "25", List.of(
        Map.of("position", 1, "actual", "30", "notYetDue", false),
        Map.of("position", 2, "notYetDue", true), Map.of("position", 3, "notYetDue", true),
        Map.of("position", 4, "notYetDue", true))), XINGNING_FINANCE);

    assertThatThrownBy(() -> request(XINGNING_FINANCE, key, "PAID_TO_DATE", "260000"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("累计支付由多个资金来源组成（或尚无支付），请按资金来源申请变更");
    assertThatThrownBy(() -> request(XINGNING_FINANCE, key, "PAID_CENTRAL", "960000"))
        .hasMessageContaining("变更后累计支付 1010000.00 元 超过到位资金 1000000.00 元");
    assertThatThrownBy(() -> request(XINGNING_FINANCE, key, "PAID_NOWHERE", "1"))
        .hasMessageContaining("可变更的字段为累计支付金额、某一资金来源的支付金额");

    var pi = request(XINGNING_FINANCE, key, "PAID_LOCAL", "60000");
    tasklist.as(NANNING_FINANCE).complete(pi, TASK_CONSENT, consent(Consent.APPROVE, "同意"));
    BpmnAwareTests.assertThat(pi).hasPassed(TASK_APPLY).isEnded();
    var payments = filings.payments(key);
    assertThat(payments.get(FundSource.LOCAL).amount()).isEqualByComparingTo("60000");
    assertThat(payments.get(FundSource.CENTRAL).amount()).isEqualByComparingTo("200000");
    assertThat(filings.get(key).paidToDate().amount()).as("the total follows the source")
        .isEqualByComparingTo("260000");
    assertThat(payments.values().stream().map(Yuan::amount)
        .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add))
        .isEqualByComparingTo(filings.get(key).paidToDate().amount());
    assertThat(corrections.history(CorrectionService.QUARTERLY_FILING, key)).singleElement()
        .satisfies(c -> {
          assertThat(c.field()).isEqualTo("PAID_LOCAL");
          assertThat(c.before()).isEqualTo("50000.00");
          assertThat(c.after()).isEqualTo("60000.00");
        });

    // a total with one paying source left: the difference lands on it
    var single = filed("兴宁区变更项目（单一来源）", false);
    var whole = request(XINGNING_FINANCE, single, "PAID_TO_DATE", "270000");
    tasklist.as(NANNING_FINANCE).complete(whole, TASK_CONSENT, consent(Consent.APPROVE, "同意"));
    assertThat(filings.payments(single).get(FundSource.CENTRAL).amount())
        .isEqualByComparingTo("270000");
    assertThat(filings.get(single).paidToDate().amount()).isEqualByComparingTo("270000");
  }

  /**
   * MNR 第二十二条: a correction consented while the filing waits for the province's review — the
   * review shows the current values and what was corrected, not the figures as first filed.
   */
  @Test
  void mnrArticle22_theProvincesReviewShowsTheCurrentValuesAndWhatWasCorrected() {
    var project = projects.warehoused(XINGNING_ECO, "450102", "兴宁区变更项目（审核中）");
    funding.fund(project, "450102", "1000000", LocalDate.now().minusDays(1));
    plans.record(project, List.of(Map.of("pointOn", "2026-03-31", "plannedExecution", 25,
        "plannedPhysical", 25)));
    var q = new Quarter(2026, 1);
    filings.prepare(project, q);
    var filing = runtime.createProcessInstanceByKey(QuarterlyFilingProcess.KEY)
        .businessKey(q.key(project)).setVariables(ProcessVariables.builder()
            .set(QuarterlyFilingProcess.FILING_YEAR, 2026)
            .set(QuarterlyFilingProcess.FILING_QUARTER, 1)
            .set(QuarterlyFilingProcess.PROJECT_CODE, project).build()).execute();
    tasklist.as(XINGNING_FINANCE).complete(filing, QuarterlyFilingProcess.TASK_FILE, Variables
        .createVariables().putValue("paidToDate", "250000").putValue("paidCentral", "250000")
        .putValue("physicalProgress", "25")
        .putValueTyped("indicatorActuals", JsonVariables.json(List.of(
            Map.of("position", 1, "actual", "30", "notYetDue", false),
            Map.of("position", 2, "actual", "", "notYetDue", true),
            Map.of("position", 3, "actual", "有所改善", "notYetDue", false),
            Map.of("position", 4, "actual", "", "notYetDue", true)))));
    var review = task(filing, QuarterlyFilingProcess.TASK_REVIEW);
    assertThat((String) tasks.getVariable(review.getId(), "filingSummary")).contains("累计支付：25 万元");

    var pi = request(XINGNING_FINANCE, filing.getBusinessKey(), "PAID_TO_DATE", "260000");
    tasklist.as(NANNING_FINANCE).complete(pi, TASK_CONSENT, consent(Consent.APPROVE, "同意"));

    assertThat((String) tasks.getVariable(review.getId(), "filingSummary"))
        .contains("累计支付：26 万元").contains("中央财政资金：26 万元")
        .contains("已更正（MNR 第二十二条，以上为更正后的现值）")
        .contains("PAID_TO_DATE：250000.00 → 260000.00（中央财政资金 250000.00 → 260000.00）");
  }

  @Test
  void theSuperiorMayRefuseWithReasons() {
    var key = filed("兴宁区变更项目（上级不同意）", false);
    var pi = request(XINGNING_FINANCE, key, "PHYSICAL_PROGRESS", "40");

    assertThatThrownBy(() -> tasklist.as(NANNING_FINANCE).complete(pi, TASK_CONSENT, consent(Consent.REFUSE, "")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("不同意变更时必须说明理由");
    tasklist.as(NANNING_FINANCE).complete(pi, TASK_CONSENT, consent(Consent.REFUSE, "实物进度与监理报告不符"));

    BpmnAwareTests.assertThat(pi).hasPassed(END_REFUSED).isEnded();
    assertThat(filings.get(key).physicalProgress()).isEqualByComparingTo("25");
    assertThat(corrections.get(pi.getBusinessKey()).status()).isEqualTo(CorrectionStatus.REFUSED);
  }

  @Test
  void afterTransmissionTheMinistryDecidesABatchAndTheProvinceApplies() {
    var key = filed("兴宁区变更项目（已报部）", true);
    var approved = request(XINGNING_FINANCE, key, "PAID_TO_DATE", "255000");
    var refused = request(XINGNING_FINANCE, key, "INDICATOR_1", "36");
    BpmnAwareTests.assertThat(approved).isWaitingAt(EVENT_MINISTRY_DECIDED);
    BpmnAwareTests.assertThat(refused).isWaitingAt(EVENT_MINISTRY_DECIDED);

    var timer = management.createJobQuery().processDefinitionKey(REPORT_KEY).timers().singleResult();
    management.executeJob(timer.getId());
    var report = runtime.createProcessInstanceQuery().processDefinitionKey(REPORT_KEY).active()
        .singleResult();
    BpmnAwareTests.assertThat(report).hasPassed(REPORT_COLLECT).isWaitingAt(REPORT_SUBMIT);
    var submit = tasks.createTaskQuery().processInstanceId(report.getId())
        .taskDefinitionKey(REPORT_SUBMIT).singleResult();
    BpmnAwareTests.assertThat(submit).hasCandidateGroup("450000-finance");
    tasklist.as(GUANGXI_FINANCE).complete(submit, SUBMISSION_NOTE.with("本月变更2项"));
    var opinion = tasks.createTaskQuery().processInstanceId(report.getId())
        .taskDefinitionKey(REPORT_OPINION).singleResult();
    BpmnAwareTests.assertThat(opinion).hasCandidateGroup("000000-eco");
    tasklist.as(MINISTRY_ECO).complete(opinion, BUSINESS_OPINION.with("支付数可更正，指标数需核实"));
    var decide = tasks.createTaskQuery().processInstanceId(report.getId())
        .taskDefinitionKey(REPORT_DECIDE).singleResult();
    var rows = REPORT_DECISIONS.from(tasks, decide.getId());
    assertThat(rows).hasSize(2);
    tasklist.as(MINISTRY_FINANCE).complete(decide, REPORT_DECISIONS.with(List.of(
        new ReportDecision(approved.getBusinessKey(), null, "APPROVE", null),
        new ReportDecision(refused.getBusinessKey(), null, "REFUSE", "指标实际值未提供佐证材料"))));

    BpmnAwareTests.assertThat(report).hasPassed(REPORT_RECORD_DECISIONS, REPORT_END).isEnded();
    BpmnAwareTests.assertThat(refused).hasPassed(END_REFUSED).isEnded();
    BpmnAwareTests.assertThat(approved).isWaitingAt(TASK_APPLY_BY_PROVINCE);
    BpmnAwareTests.assertThat(task(approved, TASK_APPLY_BY_PROVINCE)).hasCandidateGroup("450000-eco");
    tasklist.as(GUANGXI_ECO).complete(approved, TASK_APPLY_BY_PROVINCE, Variables.createVariables());

    BpmnAwareTests.assertThat(approved).hasPassed(END_APPLIED).isEnded();
    assertThat(filings.get(key).paidToDate().amount()).isEqualByComparingTo("255000");
    assertThat(corrections.history(CorrectionService.QUARTERLY_FILING, key)).singleElement()
        .satisfies(c -> {
          assertThat(c.approvedBy()).isEqualTo(MINISTRY_FINANCE);
          assertThat(c.appliedBy()).isEqualTo(GUANGXI_ECO);
        });

    // next period, nothing is waiting: nothing is reported
    var next = management.createJobQuery().processDefinitionKey(REPORT_KEY).timers().singleResult();
    management.executeJob(next.getId());
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(REPORT_KEY).finished().list())
        .anySatisfy(h -> assertThat(h.getEndActivityId()).isEqualTo(REPORT_END_NOTHING));
  }

  @Test
  void aRequestAgainstARecordThatChangedSinceIsRefused() {
    var key = filed("兴宁区变更项目（过期申请）", false);
    var first = request(XINGNING_FINANCE, key, "PAID_TO_DATE", "260000");
    var second = request(XINGNING_FINANCE, key, "PAID_TO_DATE", "270000");
    tasklist.as(NANNING_FINANCE).complete(first, TASK_CONSENT, consent(Consent.APPROVE, null));

    tasklist.as(NANNING_FINANCE).complete(second, TASK_CONSENT, consent(Consent.APPROVE, null));

    BpmnAwareTests.assertThat(second).hasPassed(ERROR_EVENT_STALE, TASK_RECORD_STALE, END_STALE)
        .isEnded();
    assertThat(corrections.get(second.getBusinessKey()).status()).isEqualTo(CorrectionStatus.STALE);
    assertThat(filings.get(key).paidToDate().amount()).as("not silently overwritten")
        .isEqualByComparingTo("260000");
  }

  @Test
  void theAuditTrailKeepsEveryChangeBackToTheOriginalFiling() {
    var key = filed("兴宁区变更项目（两次变更）", false);
    tasklist.as(NANNING_FINANCE).complete(request(XINGNING_FINANCE, key, "PAID_TO_DATE", "260000"),
        TASK_CONSENT, consent(Consent.APPROVE, null));
    tasklist.as(NANNING_FINANCE).complete(request(XINGNING_FINANCE, key, "PAID_TO_DATE", "265000.50"),
        TASK_CONSENT, consent(Consent.APPROVE, "二次更正"));

    var history = corrections.history(CorrectionService.QUARTERLY_FILING, key);
    assertThat(history).extracting(DataChange::before, DataChange::after).containsExactly(
        org.assertj.core.groups.Tuple.tuple("250000.00", "260000.00"),
        org.assertj.core.groups.Tuple.tuple("260000.00", "265000.50"));
    assertThat(history.get(0).before()).as("the original filing").isEqualTo("250000.00");
    assertThat(history.get(1).after()).as("the value now")
        .isEqualTo(filings.get(key).paidToDate().amount().toPlainString());
    assertThat(history).allSatisfy(c -> assertThat(c.reason()).isNotBlank());
  }

  @Test
  void aQuarterNeverFiledCannotBeCorrected_mnrArticle22() {
    var project = projects.warehoused(XINGNING_ECO, "450102", "兴宁区变更项目（未填报）");
    funding.fund(project, "450102", "1000000", LocalDate.now().minusDays(1));
    var q = new Quarter(2026, 1);
    var key = q.key(project);
    filings.open(key, q, null);

    assertThatThrownBy(() -> request(XINGNING_FINANCE, key, "PAID_TO_DATE", "150000"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("尚未填报，没有可变更的数据");
    assertThat(RECORD_KEY.whereEquals(runtime.createProcessInstanceQuery()
        .processDefinitionKey(KEY), key).count()).as("nothing started").isZero();
  }

  @Test
  void onlyTheFilingUnitMayRequestAndOnlyAValidValue() {
    var key = filed("兴宁区变更项目（他单位）", false);
    // another county does not even reach the request (MNR 第二十三条: JurisdictionGuard)
    assertThatThrownBy(() -> request(YANGSHUO_ECO, key, "PAID_TO_DATE", "1"))
        .isInstanceOf(AuthorizationException.class).hasMessageContaining("不属于本单位及下级单位");
    // the superior covers the record, but only the filing unit asks for a change
    assertThatThrownBy(() -> request(NANNING_FINANCE, key, "PAID_TO_DATE", "1"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("只能由填报单位申请变更");
    assertThatThrownBy(() -> request(XINGNING_FINANCE, key, "PAID_TO_DATE", "2000000"))
        .hasMessageContaining("超过到位资金");
    assertThatThrownBy(() -> request(XINGNING_FINANCE, key, "PAID_TO_DATE", "250000"))
        .hasMessageContaining("变更后的值与现值相同");
  }
}
