package cn.fundmonitor.browser;

import cn.fundmonitor.support.Submitted;
import cn.fundmonitor.platform.ProcessVariables;
import cn.fundmonitor.filing.RawFiling;
import static cn.fundmonitor.correction.DataCorrectionProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.allocation.AllocationCorrections;
import cn.fundmonitor.allocation.AllocationService;
import cn.fundmonitor.allocation.RawReceipt;
import cn.fundmonitor.correction.CorrectionService;
import cn.fundmonitor.correction.CorrectionStatus;
import cn.fundmonitor.filing.FilingService;
import cn.fundmonitor.filing.FilingStatus;
import cn.fundmonitor.filing.Quarter;
import cn.fundmonitor.support.Funding;
import cn.fundmonitor.support.Projects;
import cn.fundmonitor.support.TestUsers;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * dataCorrection and correctionReport (数据变更, MNR 第二十二条) done in Tasklist by their own users.
 * Before transmission: the county asks on the start form, its superior (Nanning's finance
 * department) consents and the change is applied. After transmission: Guangxi's finance department
 * submits the monthly report, the ministry's business department (国土空间生态修复司) gives its
 * opinion, the ministry's finance department decides item by item, and Guangxi's counterpart
 * department applies what was approved.
 *
 * <p>Each test files a fresh project's last quarter through the service (250,000 yuan paid of
 * 1,000,000 received, 25% done, 30 of 120 公顷). A test that runs the monthly report takes it to its
 * end through the services once its own step is checked, so no report is left in another test's
 * task list.
 */
@BrowserTest
class CorrectionBrowserIT {

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired CorrectionService corrections;
  @Autowired FilingService filings;
  @Autowired Projects projects;
  @Autowired Funding funding;
  @Autowired TestUsers users;
  @Autowired JdbcClient jdbc;
  @Autowired AllocationService allocations;
  @LocalServerPort int port;

  // --- dataCorrection ----------------------------------------------------------------------------

  /** MNR 第二十条、第二十二条: the filing unit asks to change its own filed data, with the reason. */
  @Test
  void aCountyAsksToCorrectItsFiledPaymentsOnTheStartForm(Tasklist tasklist) {
    var key = filed("兴宁区浏览器变更申请项目", false);

    tasklist.login("xingning-finance").startProcess("数据变更");
    tasklist.choose("要变更的数据", "季度填报");
    tasklist.fill("要变更的记录", key)
        .choose("变更字段", "累计支付金额（元）");
    tasklist.fill("变更后的值", "262,450.00");
    tasklist.fill("变更原因", "与国库集中支付系统核对，漏填一笔监理费支付12,450元。");
    assertThat(tasklist.start()).contains("流程已发起");

    var pi = RECORD_KEY.whereEquals(runtime.createProcessInstanceQuery()
        .processDefinitionKey(KEY), key).singleResult();
    var request = corrections.get(pi.getBusinessKey());
    assertThat(request.field()).isEqualTo(FilingService.PAID_TO_DATE_FIELD);
    assertThat(request.oldValue()).isEqualTo("250000.00");
    assertThat(request.newValue()).isEqualTo("262450.00");
    assertThat(request.reason()).isEqualTo("与国库集中支付系统核对，漏填一笔监理费支付12,450元。");
    assertThat(request.requestedBy()).isEqualTo("xingning-finance");
    assertThat(request.afterTransmission()).isFalse();
    assertThat(request.status()).isEqualTo(CorrectionStatus.AWAITING_SUPERIOR);
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_CONSENT)
        .taskCandidateGroup("450100-finance").count()).as("before transmission: the superior")
        .isOne();
    assertThat(filings.get(key).paidToDate().amount()).as("nothing changes before consent")
        .isEqualByComparingTo("250000");
  }

  /** MNR 第二十二条: before transmission the superior department consents and the change is made. */
  @Test
  void theCityConsentsAndTheFilingIsCorrected(Tasklist tasklist) {
    var key = filed("兴宁区浏览器上级同意变更项目", false);
    var pi = request(key, FilingService.PAID_TO_DATE_FIELD, "262450");
    var project = Quarter.projectOf(key);

    tasklist.login("nanning-finance").openTask("上级主管部门审核变更", project).claim();
    assertThat(tasklist.field("变更申请").inputValue()).contains("原值：250000.00")
        .contains("新值：262450.00");
    tasklist.radio("审核意见", "同意变更");
    tasklist.fill("意见", "已核对国库集中支付凭证，同意更正。").complete();

    assertThat(filings.get(key).paidToDate().amount()).isEqualByComparingTo("262450");
    var request = corrections.get(pi.getBusinessKey());
    assertThat(request.status()).isEqualTo(CorrectionStatus.APPLIED);
    assertThat(request.decidedBy()).isEqualTo("nanning-finance");
    assertThat(request.decisionReason()).isEqualTo("已核对国库集中支付凭证，同意更正。");
    assertThat(corrections.history(CorrectionService.QUARTERLY_FILING, key)).singleElement()
        .satisfies(c -> {
          assertThat(c.before()).isEqualTo("250000.00");
          assertThat(c.after()).isEqualTo("262450.00");
          assertThat(c.approvedBy()).isEqualTo("nanning-finance");
          assertThat(c.appliedBy()).isEqualTo("xingning-finance");
        });
    assertThat(endOf(pi)).isEqualTo(END_APPLIED);
  }

  /** MNR 第二十二条: after the ministry's approval the province's counterpart makes the change. */
  @Test
  void theProvincesCounterpartAppliesWhatTheMinistryApproved(Tasklist tasklist) {
    var key = filed("兴宁区浏览器省级更改项目", true);
    var pi = request(key, FilingService.PAID_TO_DATE_FIELD, "255000");
    var report = runMonthlyReport(pi.getBusinessKey());
    submit(report);
    opinion(report);
    decide(report, Map.of(pi.getBusinessKey(), "APPROVE"));
    var project = Quarter.projectOf(key);

    tasklist.login("guangxi-eco").openTask("省级对口部门更改数据", project).claim();
    assertThat(tasklist.field("变更申请").inputValue()).contains("新值：255000.00");
    assertThat(tasklist.field("部认定意见").inputValue()).isEqualTo("与国库集中支付系统核对一致，同意更正。");
    tasklist.complete();

    var filing = filings.get(key);
    assertThat(filing.paidToDate().amount()).isEqualByComparingTo("255000");
    assertThat(filing.status()).as("still locked for everything else")
        .isEqualTo(FilingStatus.TRANSMITTED);
    assertThat(corrections.history(CorrectionService.QUARTERLY_FILING, key)).singleElement()
        .satisfies(c -> {
          assertThat(c.approvedBy()).isEqualTo("ministry-finance");
          assertThat(c.appliedBy()).isEqualTo("guangxi-eco");
        });
    assertThat(corrections.get(pi.getBusinessKey()).status()).isEqualTo(CorrectionStatus.APPLIED);
    assertThat(endOf(pi)).isEqualTo(END_APPLIED);
  }

  /**
   * MNR 第二十二条 covers all data sent upward (issue 15): Xingning's finance office asks on the
   * start form to move money between two projects of a refinement it has filed (报备), Nanning's
   * finance department consents in Tasklist, and the refined money is what was asked.
   */
  @Test
  void mnrArticle22_aCountyCorrectsItsFiledRefinementThroughTheFormAndTheCityConsents(
      Tasklist tasklist) throws Exception {
    var f = filedRefinement();
    var key = f.documentNo() + "/450102";
    var wanted = f.a() + "=500000/0;" + f.b() + "=500000/0";

    tasklist.login("xingning-finance").startProcess("数据变更");
    tasklist.choose("要变更的数据", "资金细化（已报备上级的项目金额与分解目标）");
    tasklist.fill("要变更的记录", key);
    tasklist.fill("变更字段（资金下达、细化）", AllocationCorrections.LINES_FIELD);
    tasklist.fill("变更后的值", wanted);
    tasklist.fill("变更原因", "与细化文件核对，两个项目的金额填反了一部分。");
    assertThat(tasklist.start()).contains("流程已发起");

    var pi = RECORD_KEY.whereEquals(runtime.createProcessInstanceQuery()
        .processDefinitionKey(KEY), key).singleResult();
    var request = corrections.get(pi.getBusinessKey());
    assertThat(request.recordType()).isEqualTo(AllocationCorrections.REFINEMENT);
    assertThat(request.oldValue()).isEqualTo(f.a() + "=600000.00/0.00;" + f.b() + "=400000.00/0.00");
    assertThat(request.status()).isEqualTo(CorrectionStatus.AWAITING_SUPERIOR);

    tasklist.logout().login("nanning-finance").openTask("上级主管部门审核变更", f.documentNo())
        .claim();
    assertThat(tasklist.field("变更申请").inputValue()).contains(f.a() + "=600000.00/0.00");
    tasklist.radio("审核意见", "同意变更");
    tasklist.fill("意见", "已核对细化文件，同意更正。").complete();

    assertThat(allocations.refinedLines(f.documentNo()))
        .extracting(l -> l.projectCode() + "=" + l.central().amount().toPlainString())
        .containsExactlyInAnyOrder(f.a() + "=500000.00", f.b() + "=500000.00");
    var http = new cn.fundmonitor.support.Http(port);
    var response = http.get("/api/corrections/" + pi.getBusinessKey(), "xingning-finance", "demo");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    var audit = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
    assertThat(audit.get("status").asText()).isEqualTo("APPLIED");
    assertThat(audit.get("recordType").asText()).isEqualTo(AllocationCorrections.REFINEMENT);
    assertThat(audit.get("applied").get(0).get("after").asText())
        .isEqualTo(f.a() + "=500000.00/0.00;" + f.b() + "=500000.00/0.00");
    assertThat(audit.get("applied").get(0).get("approvedBy").asText())
        .isEqualTo("nanning-finance");
    assertThat(endOf(pi)).isEqualTo(END_APPLIED);
  }

  /** A refinement Xingning filed with its superior: 1,000,000 yuan refined 600,000 / 400,000. */
  record Refinement(String documentNo, String a, String b) {}

  private Refinement filedRefinement() {
    var suffix = System.nanoTime() % 100000;
    // money is issued with each project's targets for the year (GX 第二十五条、第二十六条)
    var year = LocalDate.now().getYear();
    var a = projects.withAnnualTargets(
        projects.warehoused("xingning-eco", "450102", "兴宁区浏览器细化变更项目甲" + suffix), year);
    var b = projects.withAnnualTargets(
        projects.warehoused("xingning-eco", "450102", "兴宁区浏览器细化变更项目乙" + suffix), year);
    var documentNo = "浏览器变更资金〔" + suffix + "〕号";
    var day = LocalDate.now().minusDays(1);
    allocations.register(new RawReceipt(documentNo, "CENTRAL", "ECO_RESTORATION",
        LocalDate.now().getYear(), "1000000", "0", day, List.of(
            Map.of("level1", "OUTPUT", "level2", "QUANTITY", "name", "修复治理面积",
                "comparator", "GE", "target", "120", "unit", "公顷"))),
        "guangxi-finance", users.groups("guangxi-finance"), null);
    allocations.issue(documentNo, "桂下达" + documentNo, day, List.of(
        Map.of("recipientCode", "450102", "projectCode", a, "centralShare", "500000"),
        Map.of("recipientCode", "450102", "projectCode", b, "centralShare", "500000")),
        List.of(), "guangxi-finance");
    allocations.refine(documentNo, "450102", day, List.of(
        Map.of("projectCode", a, "centralShare", "600000"),
        Map.of("projectCode", b, "centralShare", "400000")), List.of(
        Map.of("projectCode", a, "indicatorName", "修复治理面积", "target", "80"),
        Map.of("projectCode", b, "indicatorName", "修复治理面积", "target", "40")),
        "xingning-finance");
    allocations.file(documentNo, "450102", "已细化", "xingning-finance");
    return new Refinement(documentNo, a, b);
  }

  // --- correctionReport ------------------------------------------------------------------------

  /** The province's finance department reports the month's changes to transmitted data. */
  @Test
  void theProvinceSubmitsItsMonthlyReportOfCorrections(Tasklist tasklist) {
    var key = filed("兴宁区浏览器汇总报部项目", true);
    var pi = request(key, FilingService.PHYSICAL_PROGRESS_FIELD, "28");
    var report = runMonthlyReport(pi.getBusinessKey());

    tasklist.login("guangxi-finance").openTask("省级财务部门报部", "广西壮族自治区").claim();
    assertThat(tasklist.field("汇总报告").inputValue()).contains(pi.getBusinessKey())
        .contains("新值：28");
    tasklist.fill("报告说明", "本月已传输数据变更1项：实物工作量进度经监理月报核实后更正。")
        .complete();

    var row = reportRow(report.reportId());
    assertThat(row.get("submitted_by")).isEqualTo("guangxi-finance");
    assertThat(row.get("submission_note")).isEqualTo("本月已传输数据变更1项：实物工作量进度经监理月报核实后更正。");
    assertThat(corrections.get(pi.getBusinessKey()).status()).isEqualTo(CorrectionStatus.REPORTED);
    assertThat(tasks.createTaskQuery().processInstanceId(report.processInstanceId())
        .taskDefinitionKey(REPORT_OPINION).taskCandidateGroup("000000-eco").count()).isOne();

    opinion(report);
    decide(report, Map.of(pi.getBusinessKey(), "APPROVE"));
  }

  /** 部财务与资金运用司商归口管理业务司局: the ministry's business department gives its opinion. */
  @Test
  void theMinistrysBusinessDepartmentGivesItsOpinion(Tasklist tasklist) {
    var key = filed("兴宁区浏览器业务司局意见项目", true);
    var pi = request(key, "INDICATOR_1", "36");
    var report = runMonthlyReport(pi.getBusinessKey());
    submit(report);

    tasklist.login("ministry-eco").openTask("部归口业务司局意见", "广西壮族自治区").claim();
    assertThat(tasklist.field("省级报告说明").inputValue()).isEqualTo("本月已传输数据变更，请认定。");
    tasklist.fill("业务司局意见", "修复治理面积以竣工测量成果为准，请核实测量报告后认定。")
        .complete();

    var row = reportRow(report.reportId());
    assertThat(row.get("business_opinion")).isEqualTo("修复治理面积以竣工测量成果为准，请核实测量报告后认定。");
    assertThat(row.get("business_opinion_by")).isEqualTo("ministry-eco");
    assertThat(tasks.createTaskQuery().processInstanceId(report.processInstanceId())
        .taskDefinitionKey(REPORT_DECIDE).taskCandidateGroup("000000-finance").count()).isOne();

    decide(report, Map.of(pi.getBusinessKey(), "APPROVE"));
  }

  /** The ministry's finance department decides every request of the report, one by one. */
  @Test
  void theMinistryDecidesTheReportItemByItem(Tasklist tasklist) {
    var key = filed("兴宁区浏览器逐项认定项目", true);
    var paid = request(key, FilingService.PAID_TO_DATE_FIELD, "255000");
    var area = request(key, "INDICATOR_1", "36");
    var report = runMonthlyReport(paid.getBusinessKey());
    assertThat(corrections.get(area.getBusinessKey()).reportId()).isEqualTo(report.reportId());
    submit(report);
    opinion(report);

    tasklist.login("ministry-finance").openTask("部财务与资金运用司认定", "广西壮族自治区").claim();
    assertThat(tasklist.field("业务司局意见").inputValue()).isEqualTo("支付数可更正，指标数需补充佐证材料。");
    for (int i = 0; i < 2; i++) {
      var requestNo = tasklist.field("申请编号", i).inputValue();
      if (requestNo.equals(paid.getBusinessKey())) {
        tasklist.radio("认定", i, "同意");
        tasklist.fill("理由", i, "与国库集中支付凭证一致");
      } else {
        assertThat(requestNo).isEqualTo(area.getBusinessKey());
        tasklist.radio("认定", i, "不同意");
        tasklist.fill("理由", i, "未提供竣工测量报告");
      }
    }
    tasklist.complete();

    assertThat(reportRow(report.reportId()).get("decided_by")).isEqualTo("ministry-finance");
    assertThat(history.createHistoricProcessInstanceQuery()
        .processInstanceId(report.processInstanceId()).finished().count()).isOne();
    var approved = corrections.get(paid.getBusinessKey());
    assertThat(approved.status()).isEqualTo(CorrectionStatus.APPROVED);
    assertThat(approved.decidedBy()).isEqualTo("ministry-finance");
    assertThat(approved.decisionReason()).isEqualTo("与国库集中支付凭证一致");
    assertThat(tasks.createTaskQuery().processInstanceId(paid.getId())
        .taskDefinitionKey(TASK_APPLY_BY_PROVINCE).taskCandidateGroup("450000-eco").count())
        .as("the province's counterpart applies it").isOne();
    var refused = corrections.get(area.getBusinessKey());
    assertThat(refused.status()).isEqualTo(CorrectionStatus.REFUSED);
    assertThat(refused.decisionReason()).isEqualTo("未提供竣工测量报告");
    assertThat(endOf(area)).isEqualTo(END_REFUSED);
    assertThat(filings.fieldValue(key, "INDICATOR_1")).as("nothing applied yet").isEqualTo("30");
  }

  // --- set-up through the services -------------------------------------------------------------

  /** One report of the monthly correctionReport: its number and its process instance. */
  record Report(String reportId, String processInstanceId) {}

  /**
   * A fresh Xingning project's last quarter, filed through the service (250,000 yuan paid, 25%
   * done, 30 of 120 公顷); transmitted to the ministry if asked.
   */
  private String filed(String name, boolean transmitted) {
    var project = projects.warehoused("xingning-eco", "450102", name + System.nanoTime() % 100000);
    funding.fund(project, "450102", "1000000", LocalDate.now().minusDays(1));
    var quarter = Quarter.endedBefore(LocalDate.now());
    var key = quarter.key(project);
    filings.open(key, quarter, null);
    filings.file(key, new RawFiling("250000", Map.of("CENTRAL", "250000"), "25", List.of(
        Map.of("position", 1, "actual", "30", "notYetDue", false),
        Map.of("position", 2, "notYetDue", true), Map.of("position", 3, "notYetDue", true),
        Map.of("position", 4, "notYetDue", true))), "xingning-finance");
    if (transmitted) {
      filings.transmit(key, List.of(), "guangxi-eco");
    }
    return key;
  }

  /** Xingning's finance department asks for a change through the service. */
  private ProcessInstance request(String key, String field, String value) {
    return users.as("xingning-finance", () -> runtime.startProcessInstanceByKey(KEY,
        ProcessVariables.builder().set(RECORD_KEY, key).set(FIELD, field)
            .set(NEW_VALUE, value)
            .set(REASON, "与国库集中支付系统和监理月报核对后更正").build()));
  }

  /** The monthly timer fires: every queued request goes into its province's report. */
  private Report runMonthlyReport(String requestNo) {
    management.executeJob(management.createJobQuery().processDefinitionKey(REPORT_KEY).timers()
        .singleResult().getId());
    var reportId = corrections.get(requestNo).reportId();
    var execution = runtime.createExecutionQuery().processDefinitionKey(REPORT_KEY)
        .variableValueEquals(REPORT_ID.name(), reportId).singleResult();
    return new Report(reportId, execution.getProcessInstanceId());
  }

  private void submit(Report report) {
    complete(report, REPORT_SUBMIT, "guangxi-finance",
        SUBMISSION_NOTE.with("本月已传输数据变更，请认定。"));
  }

  private void opinion(Report report) {
    complete(report, REPORT_OPINION, "ministry-eco",
        BUSINESS_OPINION.with("支付数可更正，指标数需补充佐证材料。"));
  }

  /** The ministry's finance department decides the report's requests (requestNo → decision). */
  private void decide(Report report, Map<String, String> decisions) {
    complete(report, REPORT_DECIDE, "ministry-finance", Submitted.form().json(
        REPORT_DECISIONS, decisions.entrySet().stream()
            .map(d -> Map.of("requestNo", d.getKey(), "decision", d.getValue(),
                "reason", "与国库集中支付系统核对一致，同意更正。"))
            .toList()).build());
  }

  private void complete(Report report, String taskKey, String user, VariableMap vars) {
    var task = tasks.createTaskQuery().processInstanceId(report.processInstanceId())
        .taskDefinitionKey(taskKey).singleResult();
    users.run(user, () -> {
      tasks.claim(task.getId(), user);
      tasks.complete(task.getId(), vars);
    });
  }

  private Map<String, Object> reportRow(String reportId) {
    return jdbc.sql("select submitted_by, submission_note, business_opinion, business_opinion_by, "
            + "decided_by from fm_correction_report where report_id = ?").param(reportId)
        .query((rs, i) -> Map.<String, Object>of(
            "submitted_by", String.valueOf(rs.getString("submitted_by")),
            "submission_note", String.valueOf(rs.getString("submission_note")),
            "business_opinion", String.valueOf(rs.getString("business_opinion")),
            "business_opinion_by", String.valueOf(rs.getString("business_opinion_by")),
            "decided_by", String.valueOf(rs.getString("decided_by"))))
        .single();
  }

  private String endOf(ProcessInstance pi) {
    return history.createHistoricProcessInstanceQuery().processInstanceId(pi.getId()).finished()
        .singleResult().getEndActivityId();
  }
}
