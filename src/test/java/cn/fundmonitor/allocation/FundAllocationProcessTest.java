package cn.fundmonitor.allocation;

import static cn.fundmonitor.allocation.FundAllocationProcess.*;
import static cn.fundmonitor.support.TestUsers.*;
import static cn.fundmonitor.warehousing.ApplicationRequest.indicator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fundmonitor.support.Submitted;
import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.overdue.OverdueIncidents;
import cn.fundmonitor.overdue.OverdueRefreshProcess;
import cn.fundmonitor.overdue.OverdueService;
import cn.fundmonitor.platform.JsonVariables;
import cn.fundmonitor.rules.FactorAllocationService;
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
 * fundAllocation (资金下达与报备, MNR 第九条、第十条): on time; late issue and late filing escalated
 * (催办) and shown in Cockpit; a filing returned; failed sums, a non-warehoused project and lowered
 * targets refused. Time moves with ClockUtil.
 */
@ProcessTest
@Covers({"fundAllocation", "overdueRefresh"})
class FundAllocationProcessTest {

  static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired cn.fundmonitor.support.Tasklist tasklist;
  @Autowired ManagementService management;
  @Autowired AllocationService allocations;
  @Autowired OverdueService overdue;
  @Autowired TestUsers users;
  @Autowired Projects projects;
  @Autowired JdbcClient jdbc;
  @Autowired FactorAllocationService factorMethod;
  @Autowired cn.fundmonitor.project.ProjectCatalogue catalogue;
  @Autowired cn.fundmonitor.project.ProjectWarehousing warehousing;

  String xingningProject;
  String yangshuoProject;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    at(2025, 9, 10, 9);
    xingningProject = projects.warehoused(XINGNING_ECO, "450102", "兴宁区修复项目");
    yangshuoProject = projects.warehoused(YANGSHUO_ECO, "450321", "阳朔县修复项目");
    // the province issued both projects' 2025 targets (GX 第二十六条)
    projects.withAnnualTargets(xingningProject, 2025);
    projects.withAnnualTargets(yangshuoProject, 2025);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static void at(int y, int m, int d, int h) {
    ClockUtil.setCurrentTime(beijing(y, m, d, h, 0, 0));
  }

  static Date beijing(int y, int m, int d, int h, int min, int s) {
    return Date.from(OffsetDateTime.of(y, m, d, h, min, s, 0, BEIJING).toInstant());
  }

  // --- steps, as the forms submit them ---

  ProcessInstance receive(String documentNo) {
    return receive(documentNo, "200000.00", Variables.createVariables());
  }

  ProcessInstance receive(String documentNo, String provincial, VariableMap more) {
    var vars = Submitted.form()
        .set(DOCUMENT_NO, documentNo)
        .set(FUND_CLASS, "CENTRAL")
        .set(DIRECTION, "ECO_RESTORATION")
        .value(BUDGET_YEAR, 2025)
        .text(CENTRAL_AMOUNT, "1000000.00")
        .text(PROVINCIAL_AMOUNT, provincial)
        .text(RECEIVED_ON, "2025-09-05")
        .json(APPROVED_TARGETS, List.of(
            indicator("OUTPUT", "QUANTITY", "修复治理面积", "GE", "100", "公顷"),
            indicator("OUTPUT", "QUALITY", "工程验收合格率", "GE", "98", "%"),
            indicator("BENEFIT", "ECOLOGICAL", "生态环境", "QUALITATIVE", "有效改善", ""))).build();
    vars.putAll(more);
    return users.as(GUANGXI_FINANCE, () -> runtime.startProcessInstanceByKey(KEY, vars));
  }

  static Map<String, Object> line(String recipient, String project, String central,
      String provincial) {
    return Map.of("recipientCode", recipient, "projectCode", project, "centralShare", central,
        "provincialShare", provincial);
  }

  static Map<String, Object> target(String unitKey, String unit, String name, String value) {
    return Map.of(unitKey, unit, "indicatorName", name, "target", value);
  }

  VariableMap issue(List<Map<String, Object>> lines, List<Map<String, Object>> targets) {
    return Submitted.form().set(ISSUE_DOCUMENT_NO, "桂财资环〔2025〕88号")
        .text(ISSUED_ON, LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(),
            BEIJING).toString())
        .json(ISSUE_LINES, lines)
        .json(DECOMPOSED_TARGETS, targets).build();
  }

  VariableMap goodIssue() {
    return issue(List.of(line("450102", xingningProject, "600000", "100000"),
            line("450321", yangshuoProject, "400000.00", "100000.00")),
        List.of(target("recipientCode", "450102", "修复治理面积", "60"),
            target("recipientCode", "450321", "修复治理面积", "40"),
            target("recipientCode", "450321", "工程验收合格率", "99")));
  }

  Task task(ProcessInstance pi, String key, String group) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key)
        .taskCandidateGroup(group).includeAssignedTasks().singleResult();
  }

  /** Completes the step as the user Tasklist offers it to, the step going to the group. */
  void complete(String user, ProcessInstance pi, String key, String group, VariableMap vars) {
    var task = tasklist.as(user).task(pi, key);
    assertThat(tasks.createTaskQuery().taskId(task.getId()).taskCandidateGroup(group)
        .includeAssignedTasks().count()).as(key + " goes to " + group).isOne();
    tasklist.as(user).complete(task, vars);
  }

  /** The province's natural-resources department proposes, the 财政厅 approves (GX 第十八条). */
  void issueApproved(ProcessInstance pi, VariableMap vars) {
    complete(GUANGXI_FINANCE, pi, TASK_ISSUE, "450000-finance", vars);
    review(pi, GUANGXI_FISCAL, "APPROVE", "方案合理，同意下达");
  }

  void review(ProcessInstance pi, String user, String outcome, String comment) {
    complete(user, pi, TASK_REVIEW_PLAN, "450000-fiscal", Submitted.form().set(PLAN_REVIEW_COMMENT, comment)
        // as a client may send it, also a value the form does not offer
        .text(PLAN_REVIEW_OUTCOME, outcome).build());
  }

  /** The county refines and its 财政局 approves the release (GX 第五条第四项). */
  void refine(ProcessInstance pi, String user, String group, String project, String central,
      String provincial, String area) {
    refineOnly(pi, user, group, project, central, provincial, area);
    var fiscalGroup = group.replace("-finance", "-fiscal");
    release(pi, FISCAL_USERS.get(fiscalGroup), fiscalGroup, "APPROVE", null);
  }

  static final Map<String, String> FISCAL_USERS = Map.of("450102-fiscal", XINGNING_FISCAL,
      "450321-fiscal", YANGSHUO_FISCAL);

  void refineOnly(ProcessInstance pi, String user, String group, String project, String central,
      String provincial, String area) {
    var today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), BEIJING).toString();
    var vars = Submitted.form().text(REFINED_ON, today)
        .json(REFINEMENT_LINES, List.of(Map.of(
            "projectCode", project, "centralShare", central, "provincialShare", provincial)))
        .json(PROJECT_TARGETS, List.of(
            target("projectCode", project, "修复治理面积", area))).build();
    complete(user, pi, TASK_REFINE, group, vars);
  }

  void release(ProcessInstance pi, String user, String fiscalGroup, String outcome, String comment) {
    complete(user, pi, TASK_APPROVE_RELEASE, fiscalGroup, Submitted.form().set(RELEASE_COMMENT, comment)
        // as a client may send it, also a value the form does not offer
        .text(RELEASE_OUTCOME, outcome).build());
  }

  void file(ProcessInstance pi, String user, String group) {
    complete(user, pi, TASK_FILE, group, FILING_NOTE.with("已细化到项目"));
  }

  void acknowledge(ProcessInstance pi, String user, String group, String outcome, String comment) {
    complete(user, pi, TASK_ACKNOWLEDGE, group, Submitted.form().set(ACKNOWLEDGEMENT_COMMENT, comment)
        // as a client may send it, also a value the form does not offer
        .text(ACKNOWLEDGEMENT_OUTCOME, outcome).build());
  }

  void refineFileAndAcknowledgeYangshuo(ProcessInstance pi) {
    refine(pi, YANGSHUO_FINANCE, "450321-finance", yangshuoProject, "400000", "100000", "40");
    file(pi, YANGSHUO_FINANCE, "450321-finance");
    acknowledge(pi, GUILIN_FINANCE, "450300-finance", "ACKNOWLEDGE", null);
  }

  // --- paths ---

  @Test
  void onTimeTheMoneyAndTargetsGoDownAndEveryFilingIsAcknowledged() {
    var pi = receive("财资环〔2025〕1号");

    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_ISSUE);
    assertThat(pi.getBusinessKey()).isEqualTo("财资环〔2025〕1号");
    var issueTask = task(pi, TASK_ISSUE, "450000-finance");
    assertThat(issueTask.getDueDate()).as("30 days into the National Day holiday → 10-09")
        .isEqualTo(beijing(2025, 10, 9, 23, 59, 59));
    assertThat(allocations.get(pi.getBusinessKey()).issueDueOn()).isEqualTo("2025-10-09");

    tasklist.as(GUANGXI_FINANCE).complete(issueTask, goodIssue());

    // GX 第十八条: 自治区自然资源厅提出资金分配建议方案，自治区财政厅审核后下达
    BpmnAwareTests.assertThat(pi).hasPassed(TASK_SUBMIT_PLAN).hasNotPassed(TASK_RECORD_ISSUE)
        .isWaitingAt(TASK_REVIEW_PLAN);
    assertThat(task(pi, TASK_REVIEW_PLAN, "450000-fiscal").getDueDate())
        .as("the review is due with the issue (MNR 第九条)").isEqualTo(beijing(2025, 10, 9, 23, 59, 59));
    assertThat(task(pi, TASK_REVIEW_PLAN, "450000-finance")).as("not the proposer's own step").isNull();
    assertThat(PLAN_SUMMARY.from(runtime, pi.getId()))
        .contains("兴宁区：中央 60 万元，省级 10 万元").contains(xingningProject)
        .contains("阳朔县：中央 40 万元，省级 10 万元");
    assertThat(allocations.parts(pi.getBusinessKey())).as("nothing issued before the review").isEmpty();
    assertThat(allocations.get(pi.getBusinessKey()).status()).isEqualTo(AllocationStatus.RECEIVED);
    // the natural-resources department cannot approve its own plan; a city's fiscal department is
    // not the 财政厅
    for (var user : List.of(GUANGXI_FINANCE, NANNING_FISCAL)) {
      tasklist.as(user).cannotComplete(pi, TASK_REVIEW_PLAN,
          PLAN_REVIEW_OUTCOME.with(PlanReviewOutcome.APPROVE));
    }
    assertThatThrownBy(() -> review(pi, GUANGXI_FISCAL, "MAYBE", null))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("请选择：审核通过并下达，或退回修改");
    review(pi, GUANGXI_FISCAL, "APPROVE", "方案合理，同意下达");

    BpmnAwareTests.assertThat(pi).hasPassed(TASK_REVIEW_PLAN, TASK_RECORD_ISSUE).isWaitingAt(TASK_REFINE);
    assertThat(allocations.parts(pi.getBusinessKey())).extracting(RecipientPart::recipientCode)
        .containsExactly("450102", "450321");
    var xingningTargets = allocations.recipientTargets(pi.getBusinessKey(), "450102");
    assertThat(xingningTargets).extracting(t -> t.target().text(), DecomposedTarget::inherited)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("60", false),
            org.assertj.core.groups.Tuple.tuple("98", true),
            org.assertj.core.groups.Tuple.tuple("有效改善", true));

    at(2025, 9, 20, 9);
    refine(pi, XINGNING_FINANCE, "450102-finance", xingningProject, "600000", "100000", "60");
    var filing = task(pi, TASK_FILE, "450102-finance");
    assertThat(filing.getDueDate()).as("2025-09-20 + 30 = 10-20, a Monday")
        .isEqualTo(beijing(2025, 10, 20, 23, 59, 59));
    file(pi, XINGNING_FINANCE, "450102-finance");
    assertThat(task(pi, TASK_ACKNOWLEDGE, "450100-finance")).as("Xingning files with Nanning")
        .isNotNull();
    acknowledge(pi, NANNING_FINANCE, "450100-finance", "ACKNOWLEDGE", "同意");
    refineFileAndAcknowledgeYangshuo(pi);

    BpmnAwareTests.assertThat(pi).hasPassed(TASK_RECORD_ACKNOWLEDGEMENT, END_REFINEMENT_FILED,
        TASK_COMPLETE, END_ALLOCATION_FILED).isEnded();
    var a = allocations.get(pi.getBusinessKey());
    assertThat(a.status()).isEqualTo(AllocationStatus.COMPLETED);
    assertThat(a.issuedBy()).as("the 财政厅 issues the money (GX 第五条第二项)").isEqualTo(GUANGXI_FISCAL);
    assertThat(allocations.parts(pi.getBusinessKey())).allSatisfy(p -> {
      assertThat(p.status()).isEqualTo(PartStatus.ACKNOWLEDGED);
      assertThat(p.filedBy()).isNotNull();
    });
    assertThat(allocations.events(pi.getBusinessKey())).extracting(AllocationEvent::action)
        .containsExactly("REGISTERED", "PLAN_SUBMITTED", "ISSUED", "REFINED", "RELEASED", "FILED",
            "ACKNOWLEDGED", "REFINED", "RELEASED", "FILED", "ACKNOWLEDGED", "COMPLETED");
    assertThat(overdue.forProcessInstance(pi.getId())).isEmpty();
  }

  @Test
  void lateIssueAndLateFilingAreEscalatedAndShownUntilDone() {
    var pi = receive("财资环〔2025〕2号");

    at(2025, 10, 10, 9);
    var timer = management.createJobQuery().processInstanceId(pi.getId())
        .activityId(TIMER_ISSUE_OVERDUE).singleResult();
    assertThat(timer.getDuedate()).isEqualTo(beijing(2025, 10, 9, 23, 59, 59));
    management.executeJob(timer.getId());

    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_ISSUE, TASK_FOLLOW_UP_ISSUE);
    var followUp = task(pi, TASK_FOLLOW_UP_ISSUE, "000000-finance");
    assertThat(followUp.getDueDate()).as("the date the follow-up is about: it is overdue itself")
        .isEqualTo(beijing(2025, 10, 9, 23, 59, 59));
    assertThat((String) tasks.getVariable(followUp.getId(), "overdueInfo"))
        .contains("逾期1天：广西壮族自治区 下达资金并分解绩效目标（截止 2025-10-09）");
    var incident = runtime.createIncidentQuery().processInstanceId(pi.getId())
        .incidentType(OverdueIncidents.TYPE).singleResult();
    assertThat(incident.getActivityId()).isEqualTo(TASK_ISSUE);
    assertThat(incident.getIncidentMessage()).startsWith("逾期1天：广西壮族自治区");

    // the daily refresh renews Cockpit's incident with today's days late
    at(2025, 10, 12, 0);
    var refresh = management.createJobQuery().processDefinitionKey(OverdueRefreshProcess.KEY).timers()
        .singleResult();
    management.executeJob(refresh.getId());
    assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).singleResult()
        .getIncidentMessage()).startsWith("逾期3天：");

    tasklist.as(MINISTRY_FINANCE).complete(followUp, Variables.putValue("followUpNote", "已电话督促"));
    BpmnAwareTests.assertThat(pi).hasPassed(END_ISSUE_FOLLOWED_UP).isWaitingAt(TASK_ISSUE);

    at(2025, 10, 13, 10);
    complete(GUANGXI_FINANCE, pi, TASK_ISSUE, "450000-finance", goodIssue());
    assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).count())
        .as("resolved when done").isZero();
    review(pi, GUANGXI_FISCAL, "APPROVE", null);
    assertThat(overdue.forProcessInstance(pi.getId())).singleElement().satisfies(s -> {
      assertThat(s.isOpen()).isFalse();
      assertThat(s.daysLate()).isEqualTo(4);
      assertThat(s.unitCode()).isEqualTo("450000");
    });
    assertThat(allocations.events(pi.getBusinessKey())).filteredOn(e -> e.action().equals("ISSUED"))
        .singleElement().satisfies(e -> assertThat(e.detail()).contains("逾期"));

    // Xingning refines on 10-14 and misses the filing deadline, 11-13
    at(2025, 10, 14, 9);
    refine(pi, XINGNING_FINANCE, "450102-finance", xingningProject, "600000", "100000", "60");
    assertThat(task(pi, TASK_FILE, "450102-finance").getDueDate())
        .isEqualTo(beijing(2025, 11, 13, 23, 59, 59));
    at(2025, 11, 14, 8);
    var filingTimer = management.createJobQuery().processInstanceId(pi.getId())
        .activityId(TIMER_FILING_OVERDUE).singleResult();
    management.executeJob(filingTimer.getId());
    var filingFollowUp = task(pi, TASK_FOLLOW_UP_FILING, "450100-finance");
    assertThat(filingFollowUp).as("Nanning, Xingning's superior, follows up").isNotNull();
    assertThat(filingFollowUp.getDueDate()).as("Xingning's filing deadline")
        .isEqualTo(beijing(2025, 11, 13, 23, 59, 59));
    tasklist.as(NANNING_FINANCE).complete(filingFollowUp, Variables.putValue("followUpNote", "已发函催办"));
    file(pi, XINGNING_FINANCE, "450102-finance");
    acknowledge(pi, NANNING_FINANCE, "450100-finance", "ACKNOWLEDGE", null);
    refineFileAndAcknowledgeYangshuo(pi);

    BpmnAwareTests.assertThat(pi).hasPassed(TASK_RECORD_FILING_OVERDUE, END_FILING_FOLLOWED_UP)
        .isEnded();
    assertThat(overdue.forProcessInstance(pi.getId())).hasSize(2)
        .allSatisfy(s -> assertThat(s.isOpen()).isFalse());
  }

  @Test
  void aSuperiorReturnsAFilingAndTheRecipientRefinesAgain() {
    var pi = receive("财资环〔2025〕3号");
    issueApproved(pi, goodIssue());
    refine(pi, XINGNING_FINANCE, "450102-finance", xingningProject, "600000", "100000", "60");
    file(pi, XINGNING_FINANCE, "450102-finance");

    assertThatThrownBy(() -> acknowledge(pi, NANNING_FINANCE, "450100-finance", "RETURN", " "))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("必须填写退回原因");
    acknowledge(pi, NANNING_FINANCE, "450100-finance", "RETURN", "请补充项目实施方案");

    BpmnAwareTests.assertThat(pi).hasPassed(TASK_RETURN_FILING);
    assertThat(task(pi, TASK_REFINE, "450102-finance")).isNotNull();
    assertThat(allocations.part(pi.getBusinessKey(), "450102").status())
        .isEqualTo(PartStatus.RETURNED);

    refine(pi, XINGNING_FINANCE, "450102-finance", xingningProject, "600000", "100000", "65");
    file(pi, XINGNING_FINANCE, "450102-finance");
    acknowledge(pi, NANNING_FINANCE, "450100-finance", "ACKNOWLEDGE", null);
    refineFileAndAcknowledgeYangshuo(pi);
    BpmnAwareTests.assertThat(pi).isEnded();
    assertThat(allocations.projectTargets(pi.getBusinessKey(), "450102"))
        .filteredOn(t -> t.approved().name().equals("修复治理面积"))
        .extracting(t -> t.target().text()).containsExactly("65");
  }

  @Test
  void theCountyFiscalDepartmentReleasesTheRefinedMoneyOrReturnsIt_gxArticle5() {
    // GX 第五条第四项: 市、县财政部门负责专项资金审核拨付
    var pi = receive("财资环〔2025〕11号");
    issueApproved(pi, goodIssue());
    refineOnly(pi, XINGNING_FINANCE, "450102-finance", xingningProject, "600000", "100000", "60");

    BpmnAwareTests.assertThat(pi).hasPassed(TASK_RECORD_REFINEMENT).isWaitingAt(TASK_APPROVE_RELEASE);
    var releaseDue = allocations.part(pi.getBusinessKey(), "450102").filingDueOn();
    assertThat(task(pi, TASK_APPROVE_RELEASE, "450102-fiscal").getDueDate()).as("兴宁区财政局, due with the filing")
        .isEqualTo(beijing(releaseDue.getYear(), releaseDue.getMonthValue(), releaseDue.getDayOfMonth(), 23, 59, 59));
    assertThat(task(pi, TASK_FILE, "450102-finance")).as("filed only after the release").isNull();
    // the bureau cannot release its own refinement; neither can another county's 财政局 nor the
    // city's, which is not Xingning's
    for (var user : List.of(XINGNING_FINANCE, YANGSHUO_FISCAL, NANNING_FISCAL)) {
      tasklist.as(user).cannotComplete(pi, TASK_APPROVE_RELEASE,
          RELEASE_OUTCOME.with(ReleaseOutcome.APPROVE));
    }
    assertThatThrownBy(() -> release(pi, XINGNING_FISCAL, "450102-fiscal", "RETURN", ""))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("退回细化、不予拨付时必须填写原因");
    assertThatThrownBy(() -> release(pi, XINGNING_FISCAL, "450102-fiscal", null, null))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("请选择：审核通过并拨付，或退回修改");

    release(pi, XINGNING_FISCAL, "450102-fiscal", "RETURN", "项目尚未完成招标，请核实后重新细化");
    BpmnAwareTests.assertThat(pi).hasPassed(TASK_RETURN_RELEASE).isWaitingAt(TASK_REFINE);
    assertThat(allocations.part(pi.getBusinessKey(), "450102").status()).isEqualTo(PartStatus.RETURNED);
    assertThat(task(pi, TASK_REFINE, "450102-finance")).isNotNull();

    refineOnly(pi, XINGNING_FINANCE, "450102-finance", xingningProject, "600000", "100000", "62");
    assertThat(RELEASE_OUTCOME.from(runtime,
        task(pi, TASK_APPROVE_RELEASE, "450102-fiscal").getExecutionId())).as("reviewed afresh").isNull();
    release(pi, XINGNING_FISCAL, "450102-fiscal", "APPROVE", "同意拨付");
    BpmnAwareTests.assertThat(pi).hasPassed(TASK_RECORD_RELEASE);
    assertThat(task(pi, TASK_FILE, "450102-finance")).isNotNull();
    assertThat(allocations.events(pi.getBusinessKey()))
        .filteredOn(e -> "450102".equals(e.recipientCode()))
        .extracting(AllocationEvent::action, AllocationEvent::actor)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("REFINED", XINGNING_FINANCE),
            org.assertj.core.groups.Tuple.tuple("RELEASE_RETURNED", XINGNING_FISCAL),
            org.assertj.core.groups.Tuple.tuple("REFINED", XINGNING_FINANCE),
            org.assertj.core.groups.Tuple.tuple("RELEASED", XINGNING_FISCAL));
    file(pi, XINGNING_FINANCE, "450102-finance");
    acknowledge(pi, NANNING_FINANCE, "450100-finance", "ACKNOWLEDGE", null);
    refineFileAndAcknowledgeYangshuo(pi);
    BpmnAwareTests.assertThat(pi).isEnded();
  }

  @Test
  void aCountyThatHasNotDecomposedItsTargetsThirtyDaysAfterTheIssueIsFollowedUp_mnrArticle10() {
    // MNR 第十条: "市、县自然资源主管部门须在30日内通过系统将绩效目标分解情况向上级部门报备"
    var pi = receive("财资环〔2025〕10号");
    issueApproved(pi, goodIssue()); // 2025-09-10

    var refine = task(pi, TASK_REFINE, "450102-finance");
    assertThat(refine.getDueDate()).as("issued 09-10 + 30 days = 10-10, a working day")
        .isEqualTo(beijing(2025, 10, 10, 23, 59, 59));
    assertThat(task(pi, TASK_REFINE, "450321-finance").getDueDate())
        .as("every recipient counts from the same issue").isEqualTo(refine.getDueDate());
    refineFileAndAcknowledgeYangshuo(pi);

    at(2025, 10, 11, 8);
    var timer = management.createJobQuery().processInstanceId(pi.getId())
        .activityId(TIMER_REFINEMENT_OVERDUE).singleResult();
    assertThat(timer).as("Yangshuo decomposed in time: only Xingning's deadline is left").isNotNull();
    management.executeJob(timer.getId());

    BpmnAwareTests.assertThat(pi).hasPassed(TASK_RECORD_REFINEMENT_OVERDUE);
    assertThat(task(pi, TASK_REFINE, "450102-finance")).as("the work goes on").isNotNull();
    var followUp = task(pi, TASK_FOLLOW_UP_REFINEMENT, "450100-finance");
    assertThat(followUp).as("Nanning, Xingning's superior, follows up").isNotNull();
    assertThat(followUp.getDueDate()).as("Xingning's refinement deadline, not Yangshuo's")
        .isEqualTo(refine.getDueDate());
    assertThat((String) tasks.getVariable(followUp.getId(), "overdueInfo"))
        .contains("逾期1天").contains("细化资金到项目并分解绩效目标（截止 2025-10-10）");
    tasklist.as(NANNING_FINANCE).complete(followUp, Variables.putValue("followUpNote", "已电话督促"));

    at(2025, 10, 14, 9);
    refine(pi, XINGNING_FINANCE, "450102-finance", xingningProject, "600000", "100000", "60");
    file(pi, XINGNING_FINANCE, "450102-finance");
    acknowledge(pi, NANNING_FINANCE, "450100-finance", "ACKNOWLEDGE", null);

    BpmnAwareTests.assertThat(pi).hasPassed(END_REFINEMENT_FOLLOWED_UP).isEnded();
    assertThat(overdue.forProcessInstance(pi.getId())).singleElement().satisfies(s -> {
      assertThat(s.isOpen()).as("closed when the decomposition is done").isFalse();
      assertThat(s.unitCode()).isEqualTo("450102");
      assertThat(s.daysLate()).isEqualTo(4);
    });
  }

  @Test
  void factorMethodSharesStartTheIssue_gxArticle16() {
    // the province computes the counties' shares (GX 第十六条) and starts fundAllocation with them
    // as the issue lines, as a client does through /engine-rest with the calculation's issueLines
    var shares = factorMethod.allocate(new FactorAllocationService.Request(2025,
        cn.fundmonitor.money.Yuan.of("1000000.00"), FactorAllocationService.FundShare.CENTRAL, List.of(
            new FactorAllocationService.CountyData("450102", xingningProject, Map.of(
                "HAZARD_POINTS", 30, "HIGH_RISK_AREA", "20.5", "THREATENED_POPULATION", 1000)),
            new FactorAllocationService.CountyData("450321", yangshuoProject, Map.of(
                "HAZARD_POINTS", 50, "HIGH_RISK_AREA", "20", "THREATENED_POPULATION", 2000)))));
    var pi = receive("财资环〔2025〕7号", "0", Submitted.form().json(
        ISSUE_LINES, shares.issueLines()).build());
    var issue = task(pi, TASK_ISSUE, "450000-finance");
    assertThat(JsonVariables.rows(ISSUE_LINES.from(tasks, issue.getId())))
        .as("the issue form opens with the shares filled in").isEqualTo(shares.issueLines());

    tasklist.as(GUANGXI_FINANCE).complete(issue, Submitted.form()
        .set(ISSUE_DOCUMENT_NO, "桂财资环〔2025〕89号")
        .text(ISSUED_ON, "2025-09-10")
        .json(DECOMPOSED_TARGETS, List.of(
            target("recipientCode", "450102", "修复治理面积", "40"),
            target("recipientCode", "450321", "修复治理面积", "60"))).build());
    review(pi, GUANGXI_FISCAL, "APPROVE", null);

    BpmnAwareTests.assertThat(pi).hasPassed(TASK_RECORD_ISSUE);
    var parts = allocations.parts("财资环〔2025〕7号");
    assertThat(parts).extracting(p -> p.recipientCode() + " " + p.central().amount().toPlainString())
        .containsExactlyElementsOf(shares.shares().stream()
            .map(s -> s.divisionCode() + " " + s.amount().amount().toPlainString()).toList());
    assertThat(parts.get(0).central().plus(parts.get(1).central()).amount())
        .isEqualByComparingTo("1000000.00");
  }

  @Test
  void mnrArticle9_theIssueDeadlineRunsFromReceiptAndCountsTheDaysWithTheFiscalDepartment() {
    // MNR 第九条: 配合财政部门，30日内……下达至市、县 — one deadline for both departments
    var pi = receive("财资环〔2025〕期限1号");
    complete(GUANGXI_FINANCE, pi, TASK_ISSUE, "450000-finance", goodIssue());
    assertThat(management.createJobQuery().processInstanceId(pi.getId())
        .activityId(TIMER_ISSUE_OVERDUE).count()).as("no unit timer while the 财政厅 reviews").isZero();
    assertThat(task(pi, TASK_REVIEW_PLAN, "450000-fiscal").getDueDate())
        .as("the 财政厅's review is due when the issue is").isEqualTo(beijing(2025, 10, 9, 23, 59, 59));

    // the 财政厅 holds the plan 33 days and returns it after the deadline
    at(2025, 10, 13, 9);
    review(pi, GUANGXI_FISCAL, "RETURN", "请调整阳朔县资金");
    var again = task(pi, TASK_ISSUE, "450000-finance");
    assertThat(again.getDueDate()).as("the review did not move the deadline")
        .isEqualTo(beijing(2025, 10, 9, 23, 59, 59));
    var timer = management.createJobQuery().processInstanceId(pi.getId())
        .activityId(TIMER_ISSUE_OVERDUE).singleResult();
    assertThat(timer.getDuedate()).isEqualTo(beijing(2025, 10, 9, 23, 59, 59));
    management.executeJob(timer.getId());
    assertThat((String) tasks.getVariable(task(pi, TASK_FOLLOW_UP_ISSUE, "000000-finance").getId(),
        "overdueInfo")).contains("逾期4天：广西壮族自治区 下达资金并分解绩效目标（截止 2025-10-09）");
  }

  @Test
  void theFiscalDepartmentReturnsThePlanWithItsReasonAndApprovesTheRevisedOne_gxArticle18() {
    var pi = receive("财资环〔2025〕8号");
    complete(GUANGXI_FINANCE, pi, TASK_ISSUE, "450000-finance", goodIssue());

    assertThatThrownBy(() -> review(pi, GUANGXI_FISCAL, "RETURN", " "))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("退回资金分配方案时必须填写退回原因");
    assertThatThrownBy(() -> review(pi, GUANGXI_FISCAL, "RETURN", "长".repeat(2001)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("不能超过 2000 个字");
    review(pi, GUANGXI_FISCAL, "RETURN", "阳朔县项目前期工作不足，请调减其省级资金");

    BpmnAwareTests.assertThat(pi).hasPassed(TASK_RETURN_PLAN, GATEWAY_MERGE_ISSUE)
        .isWaitingAt(TASK_ISSUE);
    assertThat(allocations.parts(pi.getBusinessKey())).as("nothing issued").isEmpty();
    assertThat(allocations.events(pi.getBusinessKey())).extracting(AllocationEvent::action)
        .containsExactly("REGISTERED", "PLAN_SUBMITTED", "PLAN_RETURNED");
    assertThat(allocations.events(pi.getBusinessKey()).get(2)).satisfies(e -> {
      assertThat(e.actor()).isEqualTo(GUANGXI_FISCAL);
      assertThat(e.detail()).isEqualTo("财政厅退回资金分配方案：阳朔县项目前期工作不足，请调减其省级资金");
    });
    var again = task(pi, TASK_ISSUE, "450000-finance");
    assertThat(JsonVariables.rows(ISSUE_LINES.from(tasks, again.getId())))
        .as("the returned plan opens as it was sent").hasSize(2);

    tasklist.as(GUANGXI_FINANCE).complete(again, issue(List.of(line("450102", xingningProject, "600000", "150000"),
            line("450321", yangshuoProject, "400000", "50000")),
        List.of(target("recipientCode", "450102", "修复治理面积", "60"),
            target("recipientCode", "450321", "修复治理面积", "40"))));
    assertThat(PLAN_REVIEW_OUTCOME.from(runtime, pi.getId()))
        .as("the revised plan is reviewed afresh").isNull();
    review(pi, GUANGXI_FISCAL, "APPROVE", "同意");

    BpmnAwareTests.assertThat(pi).hasPassed(TASK_RECORD_ISSUE).isWaitingAt(TASK_REFINE);
    assertThat(allocations.parts(pi.getBusinessKey())).extracting(
        p -> p.recipientCode() + " " + p.provincial().amount().stripTrailingZeros().toPlainString())
        .containsExactly("450102 150000", "450321 50000");
    assertThat(allocations.events(pi.getBusinessKey())).extracting(AllocationEvent::action)
        .containsExactly("REGISTERED", "PLAN_SUBMITTED", "PLAN_RETURNED", "PLAN_SUBMITTED", "ISSUED");
  }

  @Test
  void issuedPartsMustAddUpToTheCent() {
    var pi = receive("财资环〔2025〕4号");
    var wrong = issue(List.of(line("450102", xingningProject, "600000", "100000"),
        line("450321", yangshuoProject, "399999.99", "100000")), List.of(
            target("recipientCode", "450102", "修复治理面积", "60"),
            target("recipientCode", "450321", "修复治理面积", "40")));

    assertThatThrownBy(() -> complete(GUANGXI_FINANCE, pi, TASK_ISSUE, "450000-finance", wrong))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("中央财政资金下达合计 999999.99 元，与到位的 1000000.00 元不一致（相差 -0.01 元）");

    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_ISSUE);
    assertThat(allocations.get(pi.getBusinessKey()).status()).isEqualTo(AllocationStatus.RECEIVED);
    assertThat(allocations.parts(pi.getBusinessKey())).isEmpty();
  }

  @Test
  void moneyForAProjectNotWarehousedIsRefused_mnrArticle9() {
    var pending = projects.underReview(XINGNING_ECO, "450102", "兴宁区审核中项目");
    var pi = receive("财资环〔2025〕5号");
    var toPending = issue(List.of(line("450102", pending, "600000", "100000"),
        line("450321", yangshuoProject, "400000", "100000")), List.of(
            target("recipientCode", "450102", "修复治理面积", "60"),
            target("recipientCode", "450321", "修复治理面积", "40")));

    assertThatThrownBy(() -> complete(GUANGXI_FINANCE, pi, TASK_ISSUE, "450000-finance",
        toPending))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("未入库（当前状态：审核中），未入库项目不予安排资金（MNR 第九条）");
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_ISSUE);

    // a warehoused project outside the recipient is refused too
    var elsewhere = issue(List.of(line("450102", yangshuoProject, "1000000", "200000")),
        List.of(target("recipientCode", "450102", "修复治理面积", "100")));
    assertThatThrownBy(() -> complete(GUANGXI_FINANCE, pi, TASK_ISSUE, "450000-finance",
        elsewhere)).hasMessageContaining("位于阳朔县，不在兴宁区");
  }

  @Test
  void decomposedTargetsMayNotBeLowerThanApproved_mnrArticle10() {
    var pi = receive("财资环〔2025〕6号");
    var lowered = issue(List.of(line("450102", xingningProject, "600000", "100000"),
        line("450321", yangshuoProject, "400000", "100000")), List.of(
            target("recipientCode", "450102", "修复治理面积", "50"),
            target("recipientCode", "450321", "修复治理面积", "30"),
            target("recipientCode", "450102", "工程验收合格率", "80")));

    assertThatThrownBy(() -> complete(GUANGXI_FINANCE, pi, TASK_ISSUE, "450000-finance",
        lowered))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("指标“修复治理面积”分解合计 80 公顷，低于批复目标 ≥ 100 公顷")
        .hasMessageContaining("兴宁区：指标“工程验收合格率”分解为 ≥ 80 %，低于批复目标 ≥ 98 %");
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_ISSUE);
  }

  @Test
  void aWrongReceiptIsRefusedInChineseAndNothingIsSaved() {
    var before = jdbc.sql("select count(*) from fm_allocation").query(Integer.class).single();
    var vars = Submitted.form().set(DOCUMENT_NO, "财资环〔2025〕7号")
        .set(FUND_CLASS, "CENTRAL").set(DIRECTION, "ECO_RESTORATION")
        .value(BUDGET_YEAR, 2025).text(CENTRAL_AMOUNT, "-1")
        .text(RECEIVED_ON, "2099-01-01")
        .json(APPROVED_TARGETS, List.of()).build();

    assertThatThrownBy(() -> users.as(GUANGXI_FINANCE,
        () -> runtime.startProcessInstanceByKey(KEY, vars)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("中央财政资金不能为负数")
        .hasMessageContaining("资金到位日期不能晚于今天")
        .hasMessageContaining("未填写批复的绩效目标");
    assertThatThrownBy(() -> users.as(GUANGXI_ECO,
        () -> runtime.startProcessInstanceByKey(KEY, vars)))
        .as("only the province's finance department registers money")
        .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    assertThat(jdbc.sql("select count(*) from fm_allocation").query(Integer.class).single())
        .isEqualTo(before);
  }

  // --- GX 第十四条、第十五条、第二十五条: the method, the year's selection, factor-method targets ---

  @Test
  void gx14_eachAllocationRecordsItsMethod_projectOrFactor() {
    var factor = receive("财资环〔2025〕因素法1号", "200000.00",
        ALLOCATION_METHOD.with("FACTOR"));
    var project = receive("财资环〔2025〕项目法1号");
    assertThat(allocations.get(factor.getBusinessKey()).method()).isEqualTo(AllocationMethod.FACTOR);
    assertThat(allocations.get(project.getBusinessKey()).method())
        .as("项目法 when none is given").isEqualTo(AllocationMethod.PROJECT);
    assertThat(ALLOCATION_SUMMARY.from(runtime, factor.getId()))
        .contains("分配方式：因素法（GX 第十四条）");
    assertThat(allocations.events(factor.getBusinessKey()).get(0).detail()).contains("因素法");

    assertThatThrownBy(() -> receive("财资环〔2025〕方式有误号", "200000.00",
        ALLOCATION_METHOD.with("<script>抽签法</script>")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("分配方式");
  }

  @Test
  void gx25_factorMethodTargetsAreFiledWithTheFiscalBureauToTheProvinceWithin30DaysOfTheRecordedIssue() {
    var pi = receive("财资环〔2025〕因素法2号", "200000.00",
        ALLOCATION_METHOD.with("FACTOR"));
    // the issue is recorded on Monday 09-15; the date typed in the form says 09-08
    at(2025, 9, 15, 9);
    var vars = Submitted.onto(issue(List.of(line("450102", xingningProject, "1000000", "200000")),
        List.of(target("recipientCode", "450102", "修复治理面积", "100"))))
        .text(ISSUED_ON, "2025-09-08").build();
    issueApproved(pi, vars);
    var a = allocations.get(pi.getBusinessKey());
    assertThat(a.issuedOn()).isEqualTo("2025-09-08");
    assertThat(a.issueRecordedOn()).as("the day the system recorded the issue").isEqualTo("2025-09-15");

    // the county refines late and types a date of its own: the clock still runs from 09-15
    at(2025, 10, 10, 9);
    refine(pi, XINGNING_FINANCE, "450102-finance", xingningProject, "1000000", "200000", "100");
    var filing = task(pi, TASK_FILE, "450102-finance");
    assertThat(filing.getDueDate()).as("09-15 + 30 days = 10-15, not 30 days after refining")
        .isEqualTo(beijing(2025, 10, 15, 23, 59, 59));
    assertThat(task(pi, TASK_FILE, "450102-fiscal")).as("会同当地财政部门").isNotNull();
    assertThat(task(pi, TASK_FILE, "450100-finance")).isNull();
    assertThat(allocations.part(pi.getBusinessKey(), "450102").filingDueOn()).isEqualTo("2025-10-15");

    // late: escalated like every other step
    at(2025, 10, 16, 8);
    management.executeJob(management.createJobQuery().processInstanceId(pi.getId())
        .activityId(TIMER_FILING_OVERDUE).singleResult().getId());
    BpmnAwareTests.assertThat(pi).hasPassed(TASK_RECORD_FILING_OVERDUE)
        .isWaitingAt(TASK_FILE, TASK_FOLLOW_UP_FILING);
    assertThat(overdue.forProcessInstance(pi.getId())).singleElement()
        .satisfies(step -> assertThat(step.isOpen()).isTrue());

    // the 财政局 files with the bureau; the province (自治区自然资源厅), not the city, confirms
    complete(XINGNING_FISCAL, pi, TASK_FILE, "450102-fiscal", FILING_NOTE.with("项目绩效目标已报送"));
    assertThat(task(pi, TASK_ACKNOWLEDGE, "450100-finance")).as("not the parent city").isNull();
    tasklist.as(NANNING_FINANCE).cannotComplete(pi, TASK_ACKNOWLEDGE,
        ACKNOWLEDGEMENT_OUTCOME.with(AcknowledgementOutcome.ACKNOWLEDGE));
    acknowledge(pi, GUANGXI_FINANCE, "450000-finance", "ACKNOWLEDGE", "已收到项目绩效目标");
    assertThat(allocations.events(pi.getBusinessKey())).filteredOn(e -> e.action().equals("FILED"))
        .singleElement().satisfies(e -> {
          assertThat(e.actor()).isEqualTo(XINGNING_FISCAL);
          assertThat(e.detail()).contains("逾期，应于 2025-10-15 前报备");
        });
    assertThat(allocations.events(pi.getBusinessKey())).filteredOn(e -> e.action().equals("REFINED"))
        .singleElement().satisfies(e -> assertThat(e.detail()).contains("向广西壮族自治区自然资源厅报送项目绩效目标"));
  }

  static Map<String, Object> annualTarget(String project, String name, String value) {
    var row = new java.util.HashMap<>(indicator("OUTPUT", "QUANTITY", name, "GE", value, "公顷"));
    row.put("projectCode", project);
    return row;
  }

  @Test
  void gxArticle25And26_moneyIsIssuedOnlyWithEachProjectsAnnualTargets_enteredHereIfMissing() {
    var newProject = projects.warehoused(YANGSHUO_ECO, "450321", "阳朔县尚无年度目标项目");
    // 2039's selection: the issue step lists the selected projects with their 2039 targets
    users.run(GUANGXI_FINANCE, () -> warehousing.select("450000", 2039,
        List.of(xingningProject, newProject), GUANGXI_FINANCE, "择优确定"));
    projects.withAnnualTargets(xingningProject, 2039);
    var pi = receive("财资环〔2039〕年度目标1号", "200000.00",
        BUDGET_YEAR.with(2039));
    var summary = ANNUAL_TARGETS_SUMMARY.from(runtime, pi.getId());
    assertThat(summary).as("the step shows the year's targets of the projects money can go to")
        .contains(xingningProject + " 兴宁区修复项目：2039 年度绩效目标 ")
        .contains(newProject + " 阳朔县尚无年度目标项目：尚未下达2039年度绩效目标，下达资金前须补充")
        .doesNotContain(yangshuoProject);
    var lines = List.of(line("450102", xingningProject, "600000", "100000"),
        line("450321", newProject, "400000", "100000"));
    var targets = List.of(target("recipientCode", "450102", "修复治理面积", "60"),
        target("recipientCode", "450321", "修复治理面积", "40"));

    assertThatThrownBy(() -> complete(GUANGXI_FINANCE, pi, TASK_ISSUE, "450000-finance",
        issue(lines, targets)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("项目 " + newProject + "（阳朔县尚无年度目标项目）尚无2039年度绩效目标")
        .hasMessageContaining("GX 第二十五条、第二十六条")
        .hasMessageNotContaining("项目 " + xingningProject + "（");
    assertThatThrownBy(() -> complete(GUANGXI_FINANCE, pi, TASK_ISSUE, "450000-finance",
        Submitted.onto(issue(lines, targets)).json(ANNUAL_TARGETS, List.of(
            annualTarget(xingningProject, "修复治理面积", "70"),
            annualTarget("不存在的项目", "修复治理面积", "1"),
            annualTarget(newProject, "修复治理面积", "四十"))).build())).as("wrong rows are refused")
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("项目 " + xingningProject + " 已有2039年度绩效目标，不能在此重复填写")
        .hasMessageContaining("年度绩效目标第2行：项目编码“不存在的项目”不在下达明细中")
        .hasMessageContaining("项目 " + newProject + " 的年度绩效目标第1条指标");
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_ISSUE);
    assertThat(catalogue.annualTargetYears(newProject)).isEmpty();

    // entered in the step itself: reviewed with the plan, recorded with the issue
    issueApproved(pi, Submitted.onto(issue(lines, targets)).json(ANNUAL_TARGETS,
        List.of(annualTarget(newProject, "修复治理面积", "40"))).build());
    BpmnAwareTests.assertThat(pi).hasPassed(TASK_RECORD_ISSUE);
    var year = catalogue.targetsFor(newProject, 2039);
    assertThat(year.annual()).isTrue();
    assertThat(year.indicators()).extracting(i -> i.name() + " " + i.target().text())
        .containsExactly("修复治理面积 40");
    assertThat(catalogue.targetsFor(xingningProject, 2039).annual()).isTrue();
  }

  @Test
  void mnrArticle15_socialMoneyIsIssuedAndFiledWithoutTheFiscalDepartments() {
    // social money is not a special fund: no annual targets required (GX 第二十五条: 专项资金)
    var socialProject = projects.warehoused(XINGNING_ECO, "450102", "兴宁区社会资本修复项目");
    var pi = receive("社会出资〔2025〕桂1号", "200000.00", Submitted.form()
        .set(FUND_CLASS, "SOCIAL").text(CENTRAL_AMOUNT, "0").build());
    complete(GUANGXI_FINANCE, pi, TASK_ISSUE, "450000-finance", issue(
        List.of(line("450102", socialProject, "0", "200000")),
        List.of(target("recipientCode", "450102", "修复治理面积", "100"))));
    BpmnAwareTests.assertThat(pi).hasPassed(GATEWAY_FISCAL_REVIEW_NEEDED, TASK_RECORD_ISSUE)
        .hasNotPassed(TASK_SUBMIT_PLAN, TASK_REVIEW_PLAN).isWaitingAt(TASK_REFINE);
    assertThat(historyOf(pi, GATEWAY_FISCAL_REVIEW_NEEDED)).isOne();
    refineOnly(pi, XINGNING_FINANCE, "450102-finance", socialProject, "0", "200000", "100");
    BpmnAwareTests.assertThat(pi).hasPassed(GATEWAY_RELEASE_APPROVAL_NEEDED)
        .hasNotPassed(TASK_APPROVE_RELEASE).isWaitingAt(TASK_FILE);
    file(pi, XINGNING_FINANCE, "450102-finance");
    acknowledge(pi, NANNING_FINANCE, "450100-finance", "ACKNOWLEDGE", null);
    BpmnAwareTests.assertThat(pi).isEnded();
    assertThat(catalogue.annualTargetYears(socialProject)).isEmpty();
  }

  long historyOf(ProcessInstance pi, String activity) {
    return engine.getHistoryService().createHistoricActivityInstanceQuery()
        .processInstanceId(pi.getId()).activityId(activity).count();
  }

  @Test
  void gx15_beforeTheYearsSelectionExistsNoProjectIsRefused_onceItExistsItBinds() {
    projects.withAnnualTargets(xingningProject, 2038);
    projects.withAnnualTargets(yangshuoProject, 2038);
    var more = BUDGET_YEAR.with(2038);
    var targets = List.of(target("recipientCode", "450102", "修复治理面积", "60"),
        target("recipientCode", "450321", "修复治理面积", "40"));
    var lines = List.of(line("450102", xingningProject, "600000", "100000"),
        line("450321", yangshuoProject, "400000", "100000"));

    // no list for 2038 yet: both projects are funded, no exception recorded
    var before = receive("财资环〔2038〕遴选前1号", "200000.00", more);
    issueApproved(before, issue(lines, targets));
    BpmnAwareTests.assertThat(before).hasPassed(TASK_RECORD_ISSUE);
    assertThat(allocations.events(before.getBusinessKey()))
        .noneMatch(e -> e.action().equals("UNSELECTED_FUNDED"));

    // the year's selection produced its list: only Xingning's project
    users.run(GUANGXI_FINANCE, () -> warehousing.select("450000", 2038, List.of(xingningProject),
        GUANGXI_FINANCE, "择优确定"));
    var after = receive("财资环〔2038〕遴选后1号", "200000.00", more);
    assertThatThrownBy(() -> complete(GUANGXI_FINANCE, after, TASK_ISSUE, "450000-finance",
        issue(lines, targets))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("项目 " + yangshuoProject)
        .hasMessageContaining("不在2038年度遴选确定的支持项目中");
    BpmnAwareTests.assertThat(after).isWaitingAt(TASK_ISSUE);
  }

  static Map<String, Object> lineWithReason(String recipient, String project, String central,
      String provincial, String reason) {
    return Map.of("recipientCode", recipient, "projectCode", project, "centralShare", central,
        "provincialShare", provincial, "exceptionReason", reason);
  }

  @Test
  void gx15_projectMethodMoneyGoesOnlyToTheYearsSelectedProjects_anExceptionNeedsAReason() {
    // the year's selection (GX 第十五条): only Xingning's project was chosen for 2033
    users.run(GUANGXI_FINANCE, () -> warehousing.select("450000", 2033, List.of(xingningProject),
        GUANGXI_FINANCE, "择优确定"));
    projects.withAnnualTargets(xingningProject, 2033);
    projects.withAnnualTargets(yangshuoProject, 2033);
    var pi = receive("财资环〔2033〕项目法2号", "200000.00",
        BUDGET_YEAR.with(2033));
    var targets = List.of(target("recipientCode", "450102", "修复治理面积", "60"),
        target("recipientCode", "450321", "修复治理面积", "40"));

    assertThatThrownBy(() -> complete(GUANGXI_FINANCE, pi, TASK_ISSUE, "450000-finance",
        issue(List.of(line("450102", xingningProject, "600000", "100000"),
            line("450321", yangshuoProject, "400000", "100000")), targets)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("项目 " + yangshuoProject)
        .hasMessageContaining("不在2033年度遴选确定的支持项目中，项目法资金只安排给遴选确定的项目（GX 第十五条）")
        .hasMessageNotContaining("项目 " + xingningProject + "（");
    assertThatThrownBy(() -> complete(GUANGXI_FINANCE, pi, TASK_ISSUE, "450000-finance",
        issue(List.of(line("450102", xingningProject, "600000", "100000"),
            lineWithReason("450321", yangshuoProject, "400000", "100000", "理".repeat(501))), targets)))
        .as("a reason too long is refused, not cut").isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("不能超过500个字");
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_ISSUE);

    issueApproved(pi, issue(List.of(line("450102", xingningProject, "600000", "100000"),
        lineWithReason("450321", yangshuoProject, "400000", "100000", "汛期险情，须当年治理")), targets));
    BpmnAwareTests.assertThat(pi).hasPassed(TASK_RECORD_ISSUE);
    assertThat(allocations.events(pi.getBusinessKey()))
        .filteredOn(e -> e.action().equals("UNSELECTED_FUNDED")).singleElement().satisfies(e -> {
          assertThat(e.actor()).isEqualTo(GUANGXI_FISCAL);
          assertThat(e.detail()).contains(yangshuoProject).contains("汛期险情，须当年治理");
        });

    // the county refines the exception it was given without a second reason, but not a new project
    var other = projects.warehoused(YANGSHUO_ECO, "450321", "阳朔县未遴选项目");
    var today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), BEIJING).toString();
    assertThatThrownBy(() -> complete(YANGSHUO_FINANCE, pi, TASK_REFINE, "450321-finance",
        Submitted.form().text(REFINED_ON, today)
            .json(REFINEMENT_LINES, List.of(Map.of(
                "projectCode", other, "centralShare", "400000", "provincialShare", "100000")))
            .json(PROJECT_TARGETS, List.of(
                target("projectCode", other, "修复治理面积", "40"))).build()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("项目 " + other);
    refine(pi, YANGSHUO_FINANCE, "450321-finance", yangshuoProject, "400000", "100000", "40");
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_FILE);
  }
}
