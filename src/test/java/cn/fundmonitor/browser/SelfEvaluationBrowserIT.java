package cn.fundmonitor.browser;

import cn.fundmonitor.platform.ProcessVariables;
import cn.fundmonitor.filing.RawFiling;
import static cn.fundmonitor.evaluation.SelfEvaluationProcess.END_COLLECTED;
import static cn.fundmonitor.evaluation.SelfEvaluationProcess.EMERGENCY;
import static cn.fundmonitor.evaluation.SelfEvaluationProcess.END_FOLLOWED_UP;
import static cn.fundmonitor.evaluation.SelfEvaluationProcess.EVALUATION_YEAR;
import static cn.fundmonitor.evaluation.SelfEvaluationProcess.GRADE;
import static cn.fundmonitor.evaluation.SelfEvaluationProcess.KEY;
import static cn.fundmonitor.evaluation.SelfEvaluationProcess.PROJECT_CODE;
import static cn.fundmonitor.evaluation.SelfEvaluationProcess.SELF_REPORT;
import static cn.fundmonitor.evaluation.SelfEvaluationProcess.TASK_EVALUATE;
import static cn.fundmonitor.evaluation.SelfEvaluationProcess.TASK_FOLLOW_UP;
import static cn.fundmonitor.evaluation.SelfEvaluationProcess.TASK_REVIEW;
import static cn.fundmonitor.evaluation.SelfEvaluationProcess.TIMER_OVERDUE;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.evaluation.EvaluationStatus;
import cn.fundmonitor.evaluation.Grade;
import cn.fundmonitor.evaluation.SelfEvaluation;
import cn.fundmonitor.evaluation.SelfEvaluationService;
import cn.fundmonitor.filing.FilingService;
import cn.fundmonitor.filing.Quarter;
import cn.fundmonitor.support.Funding;
import cn.fundmonitor.support.Projects;
import cn.fundmonitor.support.TestUsers;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * projectSelfEvaluation (项目绩效自评, GX 第二十八条、第二十九条) done in Tasklist by its own users:
 * the county writes its self-evaluation report (a geohazard unit marks its emergency project),
 * the city reviews it, and the city follows up an evaluation that is late.
 */
@BrowserTest
class SelfEvaluationBrowserIT {

  static final String COUNTY_FINANCE = "xingning-finance";
  static final String CITY_FINANCE = "nanning-finance";
  static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);
  /** The field of the shared form overdueFollowUp (催办); the overdue package has no constant for it. */
  static final String FOLLOW_UP_NOTE = "followUpNote";

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired SelfEvaluationService evaluations;
  @Autowired FilingService filings;
  @Autowired TestUsers users;
  @Autowired Projects projects;
  @Autowired Funding funding;
  @Autowired Clock clock;

  @Test
  void theCountyWritesItsSelfEvaluationReport_gxArticle28(Tasklist tasklist) {
    var code = funded("兴宁区浏览器自评项目", "xingning-eco", "ECO_RESTORATION");
    fileThirdQuarter(code);
    var pi = openEvaluation(code);
    var report = "全年完成修复治理面积100公顷（目标120公顷），群众满意度95%；"
        + "受汛期影响西侧治理区延后施工，已调整施工组织，预计次年二季度完成剩余20公顷。";

    tasklist.login(COUNTY_FINANCE).openTask("撰写绩效自评报告", code).claim();
    assertThat(tasklist.field("项目和全年执行情况").inputValue()).contains(code, "评价年度：" + year() + "年");
    assertThat(tasklist.page().getByLabel("本项目为地质灾害应急项目（GX 第二十九条：应急项目的评价结果不影响下一年度资金安排）")
        .count()).as("only a geohazard project may be an emergency").isZero();
    tasklist.fill("自评报告（目标完成情况、存在问题、原因和改进措施）", report).complete();

    var review = task(pi, TASK_REVIEW);
    assertThat(review).as("the city reviews next").isNotNull();
    assertThat(tasks.getIdentityLinksForTask(review.getId())).extracting(IdentityLink::getGroupId)
        .containsExactly("450100-finance");
    var e = evaluations.get(pi.getBusinessKey());
    assertThat(e.status()).isEqualTo(EvaluationStatus.SUBMITTED);
    assertThat(e.selfReport()).isEqualTo(report);
    assertThat(e.submittedBy()).isEqualTo(COUNTY_FINANCE);
    assertThat(e.emergency()).isFalse();
    // 产出 50: 100 of 120 公顷 → 41.67; 满意度 10: 95% of ≥ 90% → 10; 预算执行率 10: 800,000 of
    // 1,000,000 → 8; the qualitative benefit is not judged: 59.67 of 70 → 85.2, 良
    assertThat(e.score()).isEqualByComparingTo("85.2");
    assertThat(e.grade()).isEqualTo(Grade.GOOD);
    assertThat(e.details()).contains("产出｜修复治理面积｜权重 50｜完成 83%｜得分 41.67");
    assertThat(GRADE.from(runtime, pi.getId())).isEqualTo("良（85.2分）");
    assertThat(SELF_REPORT.from(runtime, pi.getId())).isEqualTo(report);
  }

  @Test
  void aGeohazardUnitMarksItsEmergencyProject_gxArticle29(Tasklist tasklist) {
    var code = funded("兴宁区浏览器滑坡应急排危项目", "xingning-geohazard", "GEOHAZARD");
    var pi = openEvaluation(code);
    var report = "汛期突发滑坡险情，按应急要求先行排危除险，原定监测工程未能实施。";

    tasklist.login("xingning-geohazard").openTask("撰写绩效自评报告", code).claim()
        .fill("自评报告（目标完成情况、存在问题、原因和改进措施）", report)
        .check("本项目为地质灾害应急项目（GX 第二十九条：应急项目的评价结果不影响下一年度资金安排）")
        .complete();

    var e = evaluations.get(pi.getBusinessKey());
    assertThat(e.status()).isEqualTo(EvaluationStatus.SUBMITTED);
    assertThat(e.selfReport()).isEqualTo(report);
    assertThat(e.submittedBy()).isEqualTo("xingning-geohazard");
    assertThat(e.emergency()).as("the box ticked in the form").isTrue();
    assertThat(e.grade()).as("nothing filed in the year").isEqualTo(Grade.POOR);
    assertThat(e.flagged()).as("an emergency project keeps next year's money").isFalse();
    assertThat(e.flagReason()).contains("地质灾害应急项目");
    assertThat(task(pi, TASK_REVIEW)).isNotNull();
  }

  @Test
  void theCityApprovesAndTheProvinceCollects_gxArticle28(Tasklist tasklist) {
    var code = funded("兴宁区浏览器自评审核项目", "xingning-eco", "ECO_RESTORATION");
    fileThirdQuarter(code);
    var pi = openEvaluation(code);
    submit(pi, "全年完成修复治理面积100公顷，群众满意度95%。");
    var comment = "自评报告内容完整，得分与填报数据相符，同意报自治区汇总。";

    tasklist.login(CITY_FINANCE).openTask("市级审核绩效自评", code).claim();
    assertThat(tasklist.field("评价等级").inputValue()).isEqualTo("良（85.2分）");
    assertThat(tasklist.field("自评报告").inputValue()).isEqualTo("全年完成修复治理面积100公顷，群众满意度95%。");
    tasklist.radio("审核结论", "审核通过，报省级汇总").fill("审核意见", comment).complete();

    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi.getId())
        .singleResult().getEndActivityId()).isEqualTo(END_COLLECTED);
    var e = evaluations.get(pi.getBusinessKey());
    assertThat(e.status()).isEqualTo(EvaluationStatus.COLLECTED);
    assertThat(e.reviewedBy()).isEqualTo(CITY_FINANCE);
    assertThat(e.reviewComment()).isEqualTo(comment);
  }

  @Test
  void theCityReturnsAnEvaluationWithItsReason_gxArticle28(Tasklist tasklist) {
    var code = funded("兴宁区浏览器自评退回项目", "xingning-eco", "ECO_RESTORATION");
    var pi = openEvaluation(code);
    submit(pi, "全年未开工。");
    var comment = "请说明未开工的原因及下一步整改措施。";

    tasklist.login(CITY_FINANCE).openTask("市级审核绩效自评", code).claim()
        .radio("审核结论", "退回修改").fill("审核意见", comment).complete();

    assertThat(task(pi, TASK_EVALUATE)).as("back with the county").isNotNull();
    var e = evaluations.get(pi.getBusinessKey());
    assertThat(e.status()).isEqualTo(EvaluationStatus.RETURNED);
    assertThat(e.reviewedBy()).isEqualTo(CITY_FINANCE);
    assertThat(e.reviewComment()).isEqualTo(comment);
  }

  @Test
  void theCityFollowsUpALateEvaluation(Tasklist tasklist) {
    var code = funded("兴宁区浏览器自评逾期项目", "xingning-eco", "ECO_RESTORATION");
    var pi = openEvaluation(code);
    var due = task(pi, TASK_EVALUATE).getDueDate();
    var dueOn = LocalDate.ofInstant(due.toInstant(), BEIJING);
    // the deadline passes: the day after the due date, the overdue timer fires
    ClockUtil.setCurrentTime(Date.from(dueOn.plusDays(1).atTime(8, 0).atOffset(BEIJING).toInstant()));
    try {
      var timer = management.createJobQuery().processInstanceId(pi.getId()).activityId(TIMER_OVERDUE)
          .singleResult();
      management.executeJob(timer.getId());
    } finally {
      ClockUtil.reset();
    }
    var note = "已电话督办兴宁区自然资源局财务与资金运用股，要求三个工作日内提交绩效自评报告。";

    tasklist.login(CITY_FINANCE).openTask("催办：绩效自评逾期", code).claim();
    assertThat(tasklist.field("逾期情况").inputValue())
        .contains("逾期1天：兴宁区 撰写绩效自评报告（截止 " + dueOn + "）");
    tasklist.fill("催办情况", note).complete();

    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_FOLLOW_UP)
        .count()).isZero();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId(END_FOLLOWED_UP).finished().count()).isEqualTo(1);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName(FOLLOW_UP_NOTE).singleResult().getValue()).isEqualTo(note);
    assertThat(task(pi, TASK_EVALUATE)).as("the county still has to evaluate").isNotNull();
  }

  private int year() {
    return LocalDate.now(clock).getYear();
  }

  /** A fresh warehoused project of Xingning (兴宁区) with 1,000,000 yuan of central money this year. */
  private String funded(String name, String applicant, String direction) {
    var unique = name + System.nanoTime() % 100000;
    var code = direction.equals("ECO_RESTORATION") ? projects.warehoused(applicant, "450102", unique)
        : projects.warehoused(applicant, "450102", unique, direction);
    funding.fund(code, "450102", "1000000", LocalDate.of(year(), 3, 2), direction);
    return code;
  }

  /** The third quarter filed: 800,000 paid, 100 of 120 公顷, satisfaction 95%. */
  private void fileThirdQuarter(String code) {
    var q3 = new Quarter(year(), 3);
    filings.prepare(code, q3);
    filings.open(q3.key(code), q3, null);
    filings.file(q3.key(code), new RawFiling("800000", Map.of("CENTRAL", "800000"), "80", List.of(
        Map.of("position", 1, "actual", "100"), Map.of("position", 2, "notYetDue", true),
        Map.of("position", 3, "actual", "有所改善"), Map.of("position", 4, "actual", "95"))),
        COUNTY_FINANCE);
  }

  /** The year's evaluation of the project opened, as the year-end wave opens each one. */
  private ProcessInstance openEvaluation(String code) {
    evaluations.prepare(code, year());
    return runtime.createProcessInstanceByKey(KEY).businessKey(SelfEvaluation.key(code, year()))
        .setVariables(ProcessVariables.builder().set(EVALUATION_YEAR, year())
            .set(PROJECT_CODE, code).build())
        .execute();
  }

  /** The county's report submitted through the engine. */
  private void submit(ProcessInstance pi, String report) {
    var task = task(pi, TASK_EVALUATE);
    users.run(COUNTY_FINANCE, () -> {
      tasks.claim(task.getId(), COUNTY_FINANCE);
      tasks.complete(task.getId(), ProcessVariables.builder().set(SELF_REPORT, report)
          .set(EMERGENCY, false).build());
    });
  }

  private Task task(ProcessInstance pi, String key) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
  }
}
