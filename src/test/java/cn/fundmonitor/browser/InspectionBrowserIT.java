package cn.fundmonitor.browser;

import cn.fundmonitor.platform.ProcessVariables;
import cn.fundmonitor.filing.RawFiling;
import static cn.fundmonitor.inspection.InspectionProcess.CONFIRMATION_COMMENT;
import static cn.fundmonitor.inspection.InspectionProcess.END_CLOSED;
import static cn.fundmonitor.inspection.InspectionProcess.KEY;
import static cn.fundmonitor.inspection.InspectionProcess.PROJECT_CODE;
import static cn.fundmonitor.inspection.InspectionProcess.RECTIFICATION;
import static cn.fundmonitor.inspection.InspectionProcess.SAMPLE_UNITS;
import static cn.fundmonitor.inspection.InspectionProcess.SUMMARY;
import static cn.fundmonitor.inspection.InspectionProcess.TASK_CONFIRM;
import static cn.fundmonitor.inspection.InspectionProcess.TASK_RECTIFY;
import static cn.fundmonitor.inspection.InspectionProcess.YEAR;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.filing.FilingService;
import cn.fundmonitor.filing.FilingStatus;
import cn.fundmonitor.filing.Quarter;
import cn.fundmonitor.support.Funding;
import cn.fundmonitor.support.Projects;
import cn.fundmonitor.support.TestUsers;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * dataQualityInspection (数据质量抽查, MNR 第十八条、第二十五条) done in Tasklist by its own users:
 * the province's finance department starts a check of Xingning (兴宁区), Xingning's finance
 * section rectifies its finding, the province confirms it or sends it back.
 *
 * <p>The data checked is last year's, which the demo data (all this year's) does not touch: each
 * test seeds one fault of its own — a fresh funded project whose second quarter was never filed
 * (MNR 第十一条) — and files that quarter when it is done, so a later check does not find it again.
 */
@BrowserTest
class InspectionBrowserIT {

  static final String INSPECTOR = "guangxi-finance";
  static final String COUNTY_FINANCE = "xingning-finance";
  static final String XINGNING = "450102";

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired FilingService filings;
  @Autowired Projects projects;
  @Autowired Funding funding;
  @Autowired TestUsers users;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  @Test
  void theProvinceStartsACheckOfACounty_mnrArticle25(Tasklist tasklist) {
    var code = unfiledQuarter("兴宁区浏览器抽查项目");
    try {
      var before = inspectionNumbers();

      var message = tasklist.login(INSPECTOR).startProcess("数据质量抽查")
          .fill("检查年度", String.valueOf(year()))
          .fill("抽查单位（行政区划代码，多个用逗号分隔）", XINGNING)
          .start();

      assertThat(message).contains("流程已发起");
      var started = new HashSet<>(inspectionNumbers());
      started.removeAll(before);
      assertThat(started).as("one check started").hasSize(1);
      var no = started.iterator().next();
      var inspection = jdbc.sql("select scope_unit, inspection_year, sample_units, started_by, status "
          + "from fm_inspection where inspection_no = ?").param(no).query().singleRow();
      assertThat(inspection).containsEntry("SCOPE_UNIT", "450000")
          .containsEntry("INSPECTION_YEAR", year()).containsEntry("SAMPLE_UNITS", XINGNING)
          .containsEntry("STARTED_BY", INSPECTOR).containsEntry("STATUS", "OPEN");
      var finding = finding(no, code);
      assertThat(finding.kind()).isEqualTo("QUARTER_NOT_FILED");
      assertThat(finding.unitCode()).isEqualTo(XINGNING);
      assertThat(finding.status()).isEqualTo("OPEN");
      var pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(no).singleResult();
      assertThat((String) SUMMARY.from(runtime, pi.getId())).startsWith("抽查 兴宁区，发现问题 ");
      var rectify = taskOf(pi, TASK_RECTIFY, code);
      assertThat(tasks.getIdentityLinksForTask(rectify.getId())).extracting(IdentityLink::getGroupId)
          .containsExactly("450102-finance");
    } finally {
      fileMissingQuarter(code);
    }
  }

  @Test
  void theCountyRectifiesItsFinding_mnrArticle25(Tasklist tasklist) {
    var code = unfiledQuarter("兴宁区浏览器整改项目");
    try {
      var pi = inspect();
      var no = pi.getBusinessKey();
      var text = "经核实，该项目" + year() + "年第二季度执行情况因财务人员调整漏报，现已补报，"
          + "并建立按季填报提醒制度。";

      tasklist.login(COUNTY_FINANCE).openTask("整改数据质量问题", code).claim();
      assertThat(tasklist.field("检查编号").inputValue()).isEqualTo(no);
      assertThat(tasklist.field("问题").inputValue())
          .contains("季度未填报", new Quarter(year(), 2).key(code), "依据：");
      tasklist.fill("整改情况", text).complete();

      var finding = finding(no, code);
      assertThat(finding.status()).isEqualTo("RECTIFIED");
      assertThat(finding.rectification()).isEqualTo(text);
      assertThat(finding.rectifiedBy()).isEqualTo(COUNTY_FINANCE);
      var confirm = taskOf(pi, TASK_CONFIRM, code);
      assertThat(confirm).as("the province confirms next").isNotNull();
      assertThat(tasks.getIdentityLinksForTask(confirm.getId())).extracting(IdentityLink::getGroupId)
          .containsExactly("450000-finance");
    } finally {
      fileMissingQuarter(code);
    }
  }

  @Test
  void theProvinceConfirmsTheRectificationAndTheCheckCloses_mnrArticle25(Tasklist tasklist) {
    var code = unfiledQuarter("兴宁区浏览器确认整改项目");
    var pi = inspect();
    var no = pi.getBusinessKey();
    fileMissingQuarter(code); // the county files the quarter, then reports its rectification
    rectify(pi, code, "已补报第二季度执行情况。");
    var comment = "已核实兴宁区补报的第二季度执行情况，整改到位。";

    tasklist.login(INSPECTOR).openTask("确认整改", code).claim();
    assertThat(tasklist.field("整改情况").inputValue()).isEqualTo("已补报第二季度执行情况。");
    tasklist.check("整改到位（不勾选即退回单位继续整改，须填写确认意见）")
        .fill("确认意见", comment).complete();

    var finding = finding(no, code);
    assertThat(finding.status()).isEqualTo("CONFIRMED");
    assertThat(finding.confirmedBy()).isEqualTo(INSPECTOR);
    assertThat(finding.confirmationComment()).isEqualTo(comment);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count())
        .as("its only finding closed, the check ends").isZero();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi.getId())
        .singleResult().getEndActivityId()).isEqualTo(END_CLOSED);
    assertThat(jdbc.sql("select status, findings_total, findings_confirmed from fm_inspection "
        + "where inspection_no = ?").param(no).query().singleRow())
        .containsEntry("STATUS", "CLOSED").containsEntry("FINDINGS_TOTAL", 1)
        .containsEntry("FINDINGS_CONFIRMED", 1);
  }

  @Test
  void theProvinceSendsBackAnUnfinishedRectification_mnrArticle25(Tasklist tasklist) {
    var code = unfiledQuarter("兴宁区浏览器整改退回项目");
    try {
      var pi = inspect();
      var no = pi.getBusinessKey();
      rectify(pi, code, "将尽快补报。");
      var reason = "系统中该季度仍为未填报状态，请补报后再提交整改情况。";

      tasklist.login(INSPECTOR).openTask("确认整改", code).claim()
          .fill("确认意见", reason).complete();

      var finding = finding(no, code);
      assertThat(finding.status()).as("open again for the county").isEqualTo("OPEN");
      assertThat(finding.confirmedBy()).as("kept for a confirmation only").isNull();
      assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(pi.getId())
          .taskDefinitionKey(TASK_CONFIRM).finished().singleResult().getAssignee())
          .as("sent back by").isEqualTo(INSPECTOR);
      assertThat(finding.confirmationComment()).isEqualTo(reason);
      var again = taskOf(pi, TASK_RECTIFY, code);
      assertThat(again).as("back with the county").isNotNull();
      assertThat(CONFIRMATION_COMMENT.from(tasks, again.getId()))
          .as("the county sees why").isEqualTo(reason);
    } finally {
      fileMissingQuarter(code);
    }
  }

  /** Last year's data: the demo data is all this year's. */
  private int year() {
    return LocalDate.now(clock).getYear() - 1;
  }

  /**
   * A fresh project of Xingning funded last March whose second-quarter filing was opened and never
   * filed: one QUARTER_NOT_FILED finding, about that project only.
   */
  private String unfiledQuarter(String name) {
    var code = projects.warehoused("xingning-eco", XINGNING, name + System.nanoTime() % 100000);
    funding.fund(code, XINGNING, "1000000", LocalDate.of(year(), 3, 2));
    var q2 = new Quarter(year(), 2);
    filings.prepare(code, q2);
    filings.open(q2.key(code), q2, null);
    return code;
  }

  /** The missing quarter filed: later checks no longer find it. */
  private void fileMissingQuarter(String code) {
    var q2 = new Quarter(year(), 2);
    if (filings.get(q2.key(code)).status() == FilingStatus.OPEN) {
      filings.file(q2.key(code), new RawFiling("300000", Map.of("CENTRAL", "300000"), "40", List.of(
          Map.of("position", 1, "actual", "45"), Map.of("position", 2, "notYetDue", true),
          Map.of("position", 3, "actual", "初见成效"), Map.of("position", 4, "actual", "92"))),
          COUNTY_FINANCE);
    }
  }

  /** The province checks Xingning's data of last year (started through the engine). */
  private ProcessInstance inspect() {
    return users.as(INSPECTOR, () -> runtime.startProcessInstanceByKey(KEY, ProcessVariables.builder()
        .set(YEAR, year()).set(SAMPLE_UNITS, XINGNING).build()));
  }

  /** The county's rectification of the finding about the project, through the engine. */
  private void rectify(ProcessInstance pi, String code, String text) {
    var task = taskOf(pi, TASK_RECTIFY, code);
    users.run(COUNTY_FINANCE, () -> {
      tasks.claim(task.getId(), COUNTY_FINANCE);
      tasks.complete(task.getId(), ProcessVariables.builder().set(RECTIFICATION, text).build());
    });
  }

  /** The task of the check about that project (its card shows the project's code). */
  private Task taskOf(ProcessInstance pi, String key, String code) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key)
        .taskVariableValueEquals(PROJECT_CODE.name(), code).singleResult();
  }

  private List<String> inspectionNumbers() {
    return jdbc.sql("select inspection_no from fm_inspection").query(String.class).list();
  }

  record FindingRow(String kind, String unitCode, String status, String rectification,
      String rectifiedBy, String confirmedBy, String confirmationComment) {}

  /** The check's finding about the project (its reference names the project's filing). */
  private FindingRow finding(String no, String code) {
    return jdbc.sql("select kind, unit_code, status, rectification, rectified_by, confirmed_by, "
            + "confirmation_comment from fm_inspection_finding where inspection_no = ? and reference = ?")
        .params(no, new Quarter(year(), 2).key(code))
        .query((rs, i) -> new FindingRow(rs.getString("kind"), rs.getString("unit_code"),
            rs.getString("status"), rs.getString("rectification"), rs.getString("rectified_by"),
            rs.getString("confirmed_by"), rs.getString("confirmation_comment")))
        .single();
  }
}
