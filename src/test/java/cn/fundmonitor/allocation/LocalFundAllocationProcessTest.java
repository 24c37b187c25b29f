package cn.fundmonitor.allocation;

import static cn.fundmonitor.allocation.FundAllocationProcess.*;
import static cn.fundmonitor.support.TestUsers.*;
import static cn.fundmonitor.warehousing.ApplicationRequest.indicator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fundmonitor.support.Submitted;
import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.project.FundClass;
import cn.fundmonitor.support.Covers;
import cn.fundmonitor.support.ProcessTest;
import cn.fundmonitor.support.Projects;
import cn.fundmonitor.support.TestUsers;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
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
 * Every fund class goes down the same path (MNR 第二条: 中央、地方（省级、市级、县级）财政支持专项的
 * 相关资金和社会资金): a city or a county registers its own money, issues it with its own 财政局's
 * review, refines it, its 财政局 releases it, and it is filed with the superior within 30 days
 * (MNR 第九条末句: 地方财政支持专项相关资金应按照上述要求，及时下达并报备); social money is
 * registered and filed for statistics (MNR 第十五条).
 */
@ProcessTest
@Covers({})
class LocalFundAllocationProcessTest {

  static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired cn.fundmonitor.support.Tasklist tasklist;
  @Autowired AllocationService allocations;
  @Autowired TestUsers users;
  @Autowired Projects projects;
  @Autowired JdbcClient jdbc;
  @Autowired cn.fundmonitor.project.ProjectWarehousing warehousing;

  String xingningProject;
  String yangshuoProject;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(beijing(2025, 9, 10, 9));
    xingningProject = projects.warehoused(XINGNING_ECO, "450102", "兴宁区本级资金修复项目");
    yangshuoProject = projects.warehoused(YANGSHUO_ECO, "450321", "阳朔县修复项目");
    projects.withAnnualTargets(xingningProject, 2025);
    projects.withAnnualTargets(yangshuoProject, 2025);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static Date beijing(int y, int m, int d, int h) {
    return Date.from(OffsetDateTime.of(y, m, d, h, 0, 0, 0, BEIJING).toInstant());
  }

  static Date endOf(int y, int m, int d) {
    return Date.from(OffsetDateTime.of(y, m, d, 23, 59, 59, 0, BEIJING).toInstant());
  }

  static String today() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), BEIJING).toString();
  }

  VariableMap receipt(String documentNo, String fundClass, String central, String local) {
    return Submitted.form()
        .set(DOCUMENT_NO, documentNo)
        .set(FUND_CLASS, fundClass)
        .set(DIRECTION, "ECO_RESTORATION")
        .set(BUDGET_YEAR, 2025)
        .text(CENTRAL_AMOUNT, central)
        .text(PROVINCIAL_AMOUNT, local)
        .text(RECEIVED_ON, "2025-09-05")
        .json(APPROVED_TARGETS, List.of(
            indicator("OUTPUT", "QUANTITY", "修复治理面积", "GE", "30", "公顷"))).build();
  }

  ProcessInstance receive(String user, VariableMap vars) {
    return users.as(user, () -> runtime.startProcessInstanceByKey(KEY, vars));
  }

  Task task(ProcessInstance pi, String key, String group) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key)
        .taskCandidateGroup(group).includeAssignedTasks().singleResult();
  }


  VariableMap issue(String recipient, String project, String local) {
    return Submitted.form().set(ISSUE_DOCUMENT_NO, "本级下达〔2025〕1号")
        .text(ISSUED_ON, today())
        .json(ISSUE_LINES, List.of(Map.of(
            "recipientCode", recipient, "projectCode", project, "centralShare", "0",
            "provincialShare", local)))
        .json(DECOMPOSED_TARGETS, List.of(Map.of(
            "recipientCode", recipient, "indicatorName", "修复治理面积", "target", "30"))).build();
  }

  VariableMap refinement(String project, String local) {
    return Submitted.form().text(REFINED_ON, today())
        .json(REFINEMENT_LINES, List.of(Map.of(
            "projectCode", project, "centralShare", "0", "provincialShare", local)))
        .json(PROJECT_TARGETS, List.of(Map.of(
            "projectCode", project, "indicatorName", "修复治理面积", "target", "30"))).build();
  }

  @Test
  void mnrArticle9LastSentence_aCountyIssuesRefinesAndFilesItsOwnMoneyWithTheCityWithin30Days() {
    var pi = receive(XINGNING_FINANCE, receipt("兴财资环〔2025〕3号", "COUNTY", "0", "300000.00"));

    // the county's own finance office issues: the province is not involved
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_ISSUE);
    var issueTask = task(pi, TASK_ISSUE, "450102-finance");
    assertThat(issueTask).isNotNull();
    assertThat(issueTask.getDueDate()).as("received 09-05 + 30 days, into the holiday → 10-09")
        .isEqualTo(endOf(2025, 10, 9));
    assertThat(task(pi, TASK_ISSUE, "450000-finance")).as("not the province's money").isNull();
    var a = allocations.get(pi.getBusinessKey());
    assertThat(a.fundClass()).isEqualTo(FundClass.COUNTY);
    assertThat(a.provinceCode()).as("the registering unit").isEqualTo("450102");
    assertThat(ALLOCATION_SUMMARY.from(runtime, pi.getId()))
        .contains("登记单位：兴宁区").contains("县级财政支持专项相关资金").contains("县级财政资金：30 万元");

    tasklist.as(XINGNING_FINANCE).complete(issueTask, issue("450102", xingningProject, "300000"));

    // the county's own 财政局 has the step the 财政厅 has for provincial money (GX 第十八条)
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_REVIEW_PLAN);
    assertThat(task(pi, TASK_REVIEW_PLAN, "450000-fiscal")).isNull();
    var review = task(pi, TASK_REVIEW_PLAN, "450102-fiscal");
    // neither another unit's 财政局 nor the proposer itself
    tasklist.as(NANNING_FISCAL).cannotComplete(pi, TASK_REVIEW_PLAN,
        PLAN_REVIEW_OUTCOME.with(PlanReviewOutcome.APPROVE));
    tasklist.as(XINGNING_FINANCE).cannotComplete(pi, TASK_REVIEW_PLAN,
        PLAN_REVIEW_OUTCOME.with(PlanReviewOutcome.APPROVE));
    tasklist.as(XINGNING_FISCAL).complete(review, PLAN_REVIEW_OUTCOME.with(PlanReviewOutcome.APPROVE));

    BpmnAwareTests.assertThat(pi).hasPassed(TASK_RECORD_ISSUE).isWaitingAt(TASK_REFINE);
    assertThat(allocations.parts(pi.getBusinessKey())).extracting(RecipientPart::recipientCode)
        .containsExactly("450102");
    assertThat(task(pi, TASK_REFINE, "450102-finance").getDueDate())
        .as("MNR 第十条: 30 days after the issue, 09-10 + 30 → 10-10").isEqualTo(endOf(2025, 10, 10));

    ClockUtil.setCurrentTime(beijing(2025, 9, 15, 9));
    tasklist.as(XINGNING_FINANCE).complete(pi, TASK_REFINE,
        refinement(xingningProject, "300000"));
    tasklist.as(XINGNING_FISCAL).complete(pi, TASK_APPROVE_RELEASE,
        RELEASE_OUTCOME.with(ReleaseOutcome.APPROVE));
    var filing = task(pi, TASK_FILE, "450102-finance");
    assertThat(filing.getDueDate()).as("MNR 第九条: 细化结束30日内报备, 09-15 + 30 → 10-15")
        .isEqualTo(endOf(2025, 10, 15));
    tasklist.as(XINGNING_FINANCE).complete(filing, FILING_NOTE.with("本级资金已细化到项目"));

    // filed with the superior: the city
    assertThat(task(pi, TASK_ACKNOWLEDGE, "450000-finance")).isNull();
    tasklist.as(NANNING_FINANCE).complete(pi, TASK_ACKNOWLEDGE,
        ACKNOWLEDGEMENT_OUTCOME.with(AcknowledgementOutcome.ACKNOWLEDGE));

    BpmnAwareTests.assertThat(pi).hasPassed(TASK_COMPLETE, END_ALLOCATION_FILED).isEnded();
    assertThat(allocations.get(pi.getBusinessKey()).status()).isEqualTo(AllocationStatus.COMPLETED);
    assertThat(allocations.get(pi.getBusinessKey()).issuedBy()).isEqualTo(XINGNING_FISCAL);
    assertThat(allocations.events(pi.getBusinessKey())).extracting(AllocationEvent::action)
        .containsExactly("REGISTERED", "PLAN_SUBMITTED", "ISSUED", "REFINED", "RELEASED", "FILED",
            "ACKNOWLEDGED", "COMPLETED");
  }

  @Test
  void mnrArticle2_aCityIssuesItsOwnMoneyToItsCountyWhichFilesWithTheCity() {
    var pi = receive(NANNING_FINANCE, receipt("南财资环〔2025〕5号", "CITY", "0", "200000"));
    tasklist.as(NANNING_FINANCE).complete(pi, TASK_ISSUE,
        issue("450102", xingningProject, "200000"));
    tasklist.as(NANNING_FISCAL).complete(pi, TASK_REVIEW_PLAN,
        PLAN_REVIEW_OUTCOME.with(PlanReviewOutcome.APPROVE));
    tasklist.as(XINGNING_FINANCE).complete(pi, TASK_REFINE,
        refinement(xingningProject, "200000"));
    tasklist.as(XINGNING_FISCAL).complete(pi, TASK_APPROVE_RELEASE,
        RELEASE_OUTCOME.with(ReleaseOutcome.APPROVE));
    tasklist.as(XINGNING_FINANCE).complete(pi, TASK_FILE, FILING_NOTE.with(null));
    tasklist.as(NANNING_FINANCE).complete(pi, TASK_ACKNOWLEDGE,
        ACKNOWLEDGEMENT_OUTCOME.with(AcknowledgementOutcome.ACKNOWLEDGE));
    BpmnAwareTests.assertThat(pi).isEnded();
    assertThat(allocations.get(pi.getBusinessKey()).fundClass()).isEqualTo(FundClass.CITY);
  }

  @Test
  void mnrArticle15_socialMoneyIsRegisteredAndFiledForStatistics() {
    var pi = receive(XINGNING_FINANCE, receipt("社会出资〔2025〕1号", "SOCIAL", "0", "50000"));
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_ISSUE);
    var a = allocations.get(pi.getBusinessKey());
    assertThat(a.fundClass()).isEqualTo(FundClass.SOCIAL);
    assertThat(a.provincialAmount().amount()).isEqualByComparingTo("50000");
    assertThat(ALLOCATION_SUMMARY.from(runtime, pi.getId()))
        .contains("社会资金：5 万元");
  }

  @Test
  void mnrArticle15_socialMoneySkipsTheFiscalDepartmentsReviewAndRelease() {
    var pi = receive(XINGNING_FINANCE, receipt("社会出资〔2025〕2号", "SOCIAL", "0", "50000"));
    assertThat(FISCAL_REVIEW.from(runtime, pi.getId())).isFalse();
    tasklist.as(XINGNING_FINANCE).complete(pi, TASK_ISSUE,
        issue("450102", xingningProject, "50000"));

    // no 财政局 review of the plan: the money is issued as the unit completes the step
    BpmnAwareTests.assertThat(pi).hasPassed(GATEWAY_FISCAL_REVIEW_NEEDED, TASK_RECORD_ISSUE).hasNotPassed(TASK_SUBMIT_PLAN, TASK_REVIEW_PLAN).isWaitingAt(TASK_REFINE);
    assertThat(task(pi, TASK_REVIEW_PLAN, "450102-fiscal")).isNull();
    assertThat(allocations.get(pi.getBusinessKey()).issuedBy()).isEqualTo(XINGNING_FINANCE);

    // no 财政局 审核拨付 either: refined, then filed with the city for statistics
    tasklist.as(XINGNING_FINANCE).complete(pi, TASK_REFINE,
        refinement(xingningProject, "50000"));
    BpmnAwareTests.assertThat(pi).hasPassed(GATEWAY_RELEASE_APPROVAL_NEEDED).hasNotPassed(TASK_APPROVE_RELEASE, TASK_RECORD_RELEASE)
        .isWaitingAt(TASK_FILE);
    assertThat(task(pi, TASK_APPROVE_RELEASE, "450102-fiscal")).isNull();
    tasklist.as(XINGNING_FINANCE).complete(pi, TASK_FILE, FILING_NOTE.with("社会资金报备"));
    tasklist.as(NANNING_FINANCE).complete(pi, TASK_ACKNOWLEDGE,
        ACKNOWLEDGEMENT_OUTCOME.with(AcknowledgementOutcome.ACKNOWLEDGE));
    BpmnAwareTests.assertThat(pi).isEnded();
    assertThat(allocations.events(pi.getBusinessKey())).extracting(AllocationEvent::action)
        .containsExactly("REGISTERED", "ISSUED", "REFINED", "FILED", "ACKNOWLEDGED", "COMPLETED");
  }

  @Test
  void gxArticle15_theProvincesSelectionDoesNotBindACitysOwnMoney() {
    // a year of its own: the selection binds the province's money of the year in every test
    users.run(GUANGXI_FINANCE, () -> warehousing.select("450000", 2037, List.of(yangshuoProject),
        GUANGXI_FINANCE, "择优确定"));
    projects.withAnnualTargets(xingningProject, 2037);
    var pi = receive(NANNING_FINANCE, Submitted.onto(receipt("南财资环〔2037〕遴选1号", "CITY", "0", "70000"))
        .set(BUDGET_YEAR, 2037).build());
    tasklist.as(NANNING_FINANCE).complete(pi, TASK_ISSUE,
        issue("450102", xingningProject, "70000"));
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_REVIEW_PLAN);
    tasklist.as(NANNING_FISCAL).complete(pi, TASK_REVIEW_PLAN,
        PLAN_REVIEW_OUTCOME.with(PlanReviewOutcome.APPROVE));
    assertThat(allocations.events(pi.getBusinessKey()))
        .noneMatch(e -> e.action().equals("UNSELECTED_FUNDED"));
  }

  @Test
  void gxArticle18_fiscalMoneyStillGoesThroughTheFiscalDepartment() {
    var pi = receive(NANNING_FINANCE, receipt("南财资环〔2025〕8号", "CITY", "0", "80000"));
    assertThat(FISCAL_REVIEW.from(runtime, pi.getId())).isTrue();
    tasklist.as(NANNING_FINANCE).complete(pi, TASK_ISSUE,
        issue("450102", xingningProject, "80000"));
    BpmnAwareTests.assertThat(pi).hasPassed(GATEWAY_FISCAL_REVIEW_NEEDED, TASK_SUBMIT_PLAN)
        .isWaitingAt(TASK_REVIEW_PLAN);
    tasklist.as(NANNING_FISCAL).complete(pi, TASK_REVIEW_PLAN,
        PLAN_REVIEW_OUTCOME.with(PlanReviewOutcome.APPROVE));
    tasklist.as(XINGNING_FINANCE).complete(pi, TASK_REFINE,
        refinement(xingningProject, "80000"));
    BpmnAwareTests.assertThat(pi).hasPassed(GATEWAY_RELEASE_APPROVAL_NEEDED)
        .isWaitingAt(TASK_APPROVE_RELEASE);
  }

  @Test
  void mnrArticle9_aCountyIssuesItsOwnMoneyOnlyToItselfNotToAnotherCounty() {
    var pi = receive(XINGNING_FINANCE, receipt("兴财资环〔2025〕4号", "COUNTY", "0", "100000"));
    var issueTask = task(pi, TASK_ISSUE, "450102-finance");
    assertThatThrownBy(() -> tasklist.as(XINGNING_FINANCE).complete(issueTask,
        issue("450321", yangshuoProject, "100000")))
        .as("the jurisdiction guard stops it before the service would")
        .isInstanceOf(AuthorizationException.class).hasMessageContaining("行政区划“450321”不在本单位及下级单位范围内");
    assertThatThrownBy(() -> users.run(NANNING_FINANCE, () -> tasks.complete(issueTask.getId(),
        issue("450102", xingningProject, "100000")))).as("another unit's finance office")
        .isInstanceOf(AuthorizationException.class);
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_ISSUE);
  }

  @Test
  void mnrArticle9_eachClassIsRegisteredOnlyByTheLevelItBelongsTo() {
    assertThatThrownBy(() -> receive(XINGNING_FINANCE,
        receipt("错级〔2025〕1号", "CITY", "0", "100000")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("“市级财政支持专项相关资金”由市级自然资源主管部门财务与资金运用处室登记");
    assertThatThrownBy(() -> receive(NANNING_FINANCE,
        receipt("错级〔2025〕2号", "COUNTY", "0", "100000")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("县级自然资源主管部门");
    assertThatThrownBy(() -> receive(XINGNING_FINANCE,
        receipt("错级〔2025〕3号", "CENTRAL", "100000", "0")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("省级自然资源主管部门");
    assertThatThrownBy(() -> receive(XINGNING_FINANCE,
        receipt("错级〔2025〕4号", "COUNTY", "100000", "0")))
        .as("a county's own money holds no central money")
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("资金类型为“县级财政支持专项相关资金”时不应有中央财政资金");
    assertThatThrownBy(() -> receive(XINGNING_ECO,
        receipt("错级〔2025〕5号", "COUNTY", "0", "100000")))
        .as("the eco department is not the finance office").isInstanceOf(RuntimeException.class);
    assertThatThrownBy(() -> receive(XINGNING_FISCAL,
        receipt("错级〔2025〕6号", "COUNTY", "0", "100000")))
        .as("the 财政局 starts no workflow").isInstanceOf(AuthorizationException.class);
    assertThat(jdbc.sql("select count(*) from fm_allocation where document_no like '错级%'")
        .query(Long.class).single()).isZero();
  }

  @Test
  void hostileReceiptsAreRefusedInChineseAndNothingIsSaved() {
    assertThatThrownBy(() -> receive(XINGNING_FINANCE,
        receipt("恶意〔2025〕1号", "COUNTY'; drop table fm_allocation; --", "0", "100000")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("资金类型");
    assertThatThrownBy(() -> receive(XINGNING_FINANCE,
        receipt("恶意〔2025〕2号", "COUNTY", "0", "-100000")))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> receive(XINGNING_FINANCE,
        receipt("<script>alert(1)</script>".repeat(10), "COUNTY", "0", "1e400")))
        .isInstanceOf(InvalidInputException.class);
    assertThat(jdbc.sql("select count(*) from fm_allocation where document_no like '恶意%' "
        + "or document_no like '<script>%'")
        .query(Long.class).single()).isZero();
  }
}
