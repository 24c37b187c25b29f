package cn.fundmonitor.browser;

import static cn.fundmonitor.allocation.FundAllocationProcess.*;
import static cn.fundmonitor.warehousing.ApplicationRequest.indicator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.fundmonitor.support.Submitted;
import cn.fundmonitor.allocation.AllocationEvent;
import cn.fundmonitor.allocation.AllocationService;
import cn.fundmonitor.allocation.AllocationStatus;
import cn.fundmonitor.allocation.DecomposedTarget;
import cn.fundmonitor.allocation.MoneyLine;
import cn.fundmonitor.allocation.PartStatus;
import cn.fundmonitor.overdue.OverdueService;
import cn.fundmonitor.support.Projects;
import cn.fundmonitor.support.TestUsers;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * fundAllocation (资金下达与报备, MNR 第九条、第十条; GX 第二十五条) done in Tasklist by its own users:
 * the province registers money that arrived and issues it to counties' projects with the targets;
 * the ministry follows up a late issue; a county refines its part to projects and files it; the
 * city follows up a late filing, and acknowledges or returns the filing.
 */
@BrowserTest
class AllocationBrowserIT {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired AllocationService allocations;
  @Autowired OverdueService overdue;
  @Autowired Projects projects;
  @Autowired TestUsers users;
  @Autowired Clock clock;

  @Test
  void theProvinceRegistersMoneyThatArrivedOnTheStartForm_mnrArticle9(Tasklist tasklist) {
    var documentNo = documentNo("财资环");
    var receivedOn = today().minusDays(3);

    tasklist.login("guangxi-finance").startProcess("资金下达与报备")
        .fill("批复文号", documentNo)
        .choose("资金类型", "中央财政支持专项相关资金")
        .choose("资金方向", "国土综合整治与生态修复")
        .fill("资金年度", String.valueOf(receivedOn.getYear()))
        .fill("中央财政资金（元）", "12,500,000.00")
        .fill("省级或本级资金（元）", "1800000")
        .date("资金到位日期", receivedOn.toString())
        .choose("一级指标", 0, "产出").choose("二级指标", 0, "数量（产出）")
        .fill("三级指标", 0, "修复治理面积").choose("比较符", 0, "≥")
        .fill("目标值", 0, "150").fill("计量单位", 0, "公顷");
    tasklist.addRow("批复的绩效目标");
    tasklist.choose("一级指标", 1, "效益").choose("二级指标", 1, "生态效益（效益）")
        .fill("三级指标", 1, "生态环境").choose("比较符", 1, "定性")
        .fill("目标值", 1, "有效改善");
    assertThat(tasklist.field("省级或本级资金（元）").inputValue()).isEqualTo("1,800,000.00");

    assertThat(tasklist.start()).contains("流程已发起");

    var a = allocations.get(documentNo);
    assertThat(a.provinceCode()).isEqualTo("450000");
    assertThat(a.registeredBy()).isEqualTo("guangxi-finance");
    assertThat(a.fundClass().name()).isEqualTo("CENTRAL");
    assertThat(a.direction().name()).isEqualTo("ECO_RESTORATION");
    assertThat(a.budgetYear()).isEqualTo(receivedOn.getYear());
    assertThat(a.centralAmount().amount()).isEqualByComparingTo("12500000.00");
    assertThat(a.provincialAmount().amount()).isEqualByComparingTo("1800000");
    assertThat(a.receivedOn()).isEqualTo(receivedOn);
    assertThat(a.status()).isEqualTo(AllocationStatus.RECEIVED);
    assertThat(a.targets()).extracting(t -> t.describe())
        .containsExactly("修复治理面积 ≥ 150 公顷", "生态环境 定性 有效改善");
    var pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(documentNo)
        .processDefinitionKey(KEY).singleResult();
    assertThat(pi).as("the instance is keyed by the approval document").isNotNull();
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_ISSUE)
        .taskCandidateGroup("450000-finance").count()).isEqualTo(1);
  }

  @Test
  void theProvinceIssuesTheMoneyToCountyProjectsWithTheTargets_mnrArticles9And10(
      Tasklist tasklist) {
    var xingning = projects.warehoused("xingning-eco", "450102", unique("兴宁区浏览器下达项目"));
    var yangshuo = projects.warehoused(TestUsers.YANGSHUO_ECO, "450321", unique("阳朔县浏览器下达项目"));
    // GX 第二十六条: the province issued both projects' targets for the year
    projects.withAnnualTargets(xingning, today().getYear());
    projects.withAnnualTargets(yangshuo, today().getYear());
    var pi = receive(documentNo("财资环"), today().minusDays(2));
    var documentNo = pi.getBusinessKey();

    tasklist.login("guangxi-finance").openTask("下达资金并分解绩效目标", documentNo).claim();
    assertThat(tasklist.field("到位资金").inputValue()).contains(documentNo);
    assertThat(tasklist.field("可安排项目的本年度绩效目标").inputValue()).isNotBlank();
    tasklist.fill("下达文号", "桂财资环〔" + today().getYear() + "〕" + SEQUENCE.incrementAndGet() + "号")
        .date("下达日期", today().toString())
        .fill("下达单位（市、县行政区划代码）", 0, "450102")
        .fill("项目编码（已入库）", 0, xingning)
        .fill("中央财政资金（元）", 0, "600,000.00")
        .fill("省级或本级资金（元）", 0, "120000");
    tasklist.addRow("下达明细");
    tasklist.fill("下达单位（市、县行政区划代码）", 1, "450321")
        .fill("项目编码（已入库）", 1, yangshuo)
        .fill("中央财政资金（元）", 1, "400000")
        .fill("省级或本级资金（元）", 1, "80,000.00");
    tasklist.addRow("绩效目标分解");
    tasklist.fill("下达单位（行政区划代码）", 0, "450102")
        .choose("批复指标", 0, "修复治理面积 ≥ 100 公顷").fill("分解目标值", 0, "60");
    tasklist.addRow("绩效目标分解");
    tasklist.fill("下达单位（行政区划代码）", 1, "450321")
        .choose("批复指标", 1, "修复治理面积 ≥ 100 公顷").fill("分解目标值", 1, "40");
    tasklist.addRow("绩效目标分解");
    tasklist.fill("下达单位（行政区划代码）", 2, "450321")
        .choose("批复指标", 2, "工程验收合格率 ≥ 98 %").fill("分解目标值", 2, "99");
    assertThat(tasklist.field("中央财政资金（元）", 1).inputValue()).isEqualTo("400,000.00");
    tasklist.complete();

    // GX 第十八条: the plan goes to 自治区财政厅, which reviews it and issues the money
    assertThat(allocations.get(documentNo).status()).isEqualTo(AllocationStatus.RECEIVED);
    assertThat(task(pi, TASK_REVIEW_PLAN, "450000-fiscal")).isNotNull();
    tasklist.logout().login("guangxi-fiscal").openTask("财政厅审核资金分配方案", documentNo).claim();
    assertThat(tasklist.field("资金分配建议方案").inputValue())
        .contains("兴宁区：中央 60 万元，省级 12 万元").contains(xingning)
        .contains("阳朔县：中央 40 万元，省级 8 万元").contains(yangshuo);
    tasklist.radio("审核意见", "审核通过，下达资金").fill("意见（退回时必填）", "方案合理，同意下达。")
        .complete();

    var a = allocations.get(documentNo);
    assertThat(a.status()).isEqualTo(AllocationStatus.ISSUED);
    assertThat(a.issueDocumentNo()).startsWith("桂财资环〔");
    assertThat(a.issuedOn()).isEqualTo(today());
    assertThat(a.issuedBy()).as("the 财政厅 issues (GX 第五条第二项)").isEqualTo("guangxi-fiscal");
    assertThat(allocations.issuedLines(documentNo))
        .extracting(MoneyLine::recipientCode, MoneyLine::projectCode,
            l -> l.central().amount().toPlainString(), l -> l.provincial().amount().toPlainString())
        .containsExactlyInAnyOrder(tuple("450102", xingning, "600000.00", "120000.00"),
            tuple("450321", yangshuo, "400000.00", "80000.00"));
    assertThat(allocations.recipientTargets(documentNo, "450102"))
        .extracting(t -> t.approved().name(), t -> t.target().text(), DecomposedTarget::inherited)
        .containsExactly(tuple("修复治理面积", "60", false), tuple("工程验收合格率", "98", true),
            tuple("生态环境", "有效改善", true));
    assertThat(allocations.recipientTargets(documentNo, "450321"))
        .extracting(t -> t.approved().name(), t -> t.target().text())
        .contains(tuple("修复治理面积", "40"), tuple("工程验收合格率", "99"));
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId(TASK_RECORD_ISSUE).finished().count()).isEqualTo(1);
    assertThat(task(pi, TASK_REFINE, "450102-finance")).isNotNull();
    assertThat(task(pi, TASK_REFINE, "450321-finance")).isNotNull();
    assertThat(task(pi, TASK_ISSUE, "450000-finance")).isNull();
  }

  @Test
  void theMinistryFollowsUpAnIssueLateBeyondThirtyDays_mnrArticle9(Tasklist tasklist) {
    var pi = receive(documentNo("财资环"), today().minusDays(45));
    var timer = management.createJobQuery().processInstanceId(pi.getId())
        .activityId(TIMER_ISSUE_OVERDUE).singleResult();
    management.executeJob(timer.getId());

    tasklist.login("ministry-finance").openTask("催办：资金下达逾期", pi.getBusinessKey()).claim();
    assertThat(tasklist.field("逾期情况").inputValue())
        .contains("广西壮族自治区 下达资金并分解绩效目标");
    tasklist.fill("催办情况", "已电话督促广西壮族自治区自然资源厅财务与资金运用处，要求3个工作日内下达并报送下达文件。")
        .complete();

    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId(END_ISSUE_FOLLOWED_UP).count()).isEqualTo(1);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("followUpNote").singleResult().getValue())
        .isEqualTo("已电话督促广西壮族自治区自然资源厅财务与资金运用处，要求3个工作日内下达并报送下达文件。");
    assertThat(task(pi, TASK_FOLLOW_UP_ISSUE, "000000-finance")).isNull();
    assertThat(task(pi, TASK_ISSUE, "450000-finance")).as("the late issue is still to be done")
        .isNotNull();
    assertThat(overdue.forProcessInstance(pi.getId())).singleElement()
        .satisfies(s -> assertThat(s.isOpen()).isTrue());
  }

  @Test
  void aCountyRefinesItsMoneyToTwoLocalProjectsAndItsFiscalDepartmentReleasesIt_gxArticle5(Tasklist tasklist) {
    var first = projects.warehoused("xingning-eco", "450102", unique("兴宁区浏览器细化项目甲"));
    var second = projects.warehoused("xingning-eco", "450102", unique("兴宁区浏览器细化项目乙"));
    var pi = receive(documentNo("财资环"), today().minusDays(5));
    issueToXingning(pi, first);

    tasklist.login("xingning-finance").openTask("细化资金到项目并分解绩效目标", pi.getBusinessKey())
        .claim();
    assertThat(tasklist.field("项目编码（已入库）", 0).inputValue())
        .as("the form opens with what was issued").isEqualTo(first);
    assertThat(tasklist.field("中央财政资金（元）", 0).inputValue()).isEqualTo("1,000,000.00");
    tasklist.date("细化日期", today().toString())
        .fill("中央财政资金（元）", 0, "700,000.00")
        .fill("省级或本级资金（元）", 0, "200000");
    tasklist.addRow("细化明细");
    tasklist.fill("项目编码（已入库）", 1, second)
        .fill("中央财政资金（元）", 1, "300000")
        .fill("省级或本级资金（元）", 1, "0");
    tasklist.addRow("绩效目标分解到项目");
    tasklist.fill("项目编码", 0, first).choose("下达指标", 0, "修复治理面积 ≥ 100 公顷")
        .fill("分解目标值", 0, "70");
    tasklist.addRow("绩效目标分解到项目");
    tasklist.fill("项目编码", 1, second).choose("下达指标", 1, "修复治理面积 ≥ 100 公顷")
        .fill("分解目标值", 1, "30");
    tasklist.complete();

    var part = allocations.part(pi.getBusinessKey(), "450102");
    assertThat(part.status()).isEqualTo(PartStatus.REFINED);
    assertThat(part.refinedOn()).isEqualTo(today());
    assertThat(part.refinedBy()).isEqualTo("xingning-finance");
    assertThat(allocations.refinedLines(pi.getBusinessKey()))
        .extracting(MoneyLine::projectCode, l -> l.central().amount().toPlainString(),
            l -> l.provincial().amount().toPlainString())
        .containsExactlyInAnyOrder(tuple(first, "700000.00", "200000.00"),
            tuple(second, "300000.00", "0.00"));
    assertThat(allocations.projectTargets(pi.getBusinessKey(), "450102"))
        .filteredOn(t -> t.approved().name().equals("修复治理面积"))
        .extracting(DecomposedTarget::unitCode, t -> t.target().text())
        .containsExactlyInAnyOrder(tuple(first, "70"), tuple(second, "30"));
    assertThat(task(pi, TASK_FILE, "450102-finance")).as("not before the 财政局 releases").isNull();

    // GX 第五条第四项: 市、县财政部门负责专项资金审核拨付 — 兴宁区财政局 in Tasklist
    tasklist.logout().login("xingning-fiscal").openTask("财政局审核拨付", pi.getBusinessKey()).claim();
    assertThat(tasklist.field("细化结果").inputValue()).contains(first).contains(second)
        .contains("中央 70 万元");
    tasklist.radio("审核意见", "审核通过，拨付资金").fill("意见（退回时必填）", "细化结果与下达资金一致，同意拨付。")
        .complete();
    assertThat(allocations.events(pi.getBusinessKey())).filteredOn(e -> e.action().equals("RELEASED"))
        .singleElement().satisfies(e -> {
          assertThat(e.actor()).isEqualTo("xingning-fiscal");
          assertThat(e.detail()).isEqualTo("财政局审核拨付：细化结果与下达资金一致，同意拨付。");
        });
    var filing = task(pi, TASK_FILE, "450102-finance");
    assertThat(filing).as("the 30-day filing (MNR 第九条) is next").isNotNull();
    assertThat(filing.getDueDate()).isNotNull();
  }

  @Test
  void aCountyFilesItsRefinementWithTheCity_mnrArticle9(Tasklist tasklist) {
    var project = projects.warehoused("xingning-eco", "450102", unique("兴宁区浏览器报备项目"));
    var pi = receive(documentNo("财资环"), today().minusDays(6));
    issueToXingning(pi, project);
    refineXingning(pi, project);

    tasklist.login("xingning-finance").openTask("报备细化结果", pi.getBusinessKey()).claim();
    assertThat(tasklist.field("细化结果").inputValue()).contains(project);
    tasklist.fill("报备说明", "资金已全额细化到昆仑关片区修复项目，绩效目标按下达目标执行，请审核。")
        .complete();

    var part = allocations.part(pi.getBusinessKey(), "450102");
    assertThat(part.status()).isEqualTo(PartStatus.FILED);
    assertThat(part.filedBy()).isEqualTo("xingning-finance");
    assertThat(part.filedAt()).isNotNull();
    assertThat(allocations.events(pi.getBusinessKey())).last()
        .extracting(AllocationEvent::action, AllocationEvent::detail)
        .containsExactly("FILED", "报备细化结果：资金已全额细化到昆仑关片区修复项目，绩效目标按下达目标执行，请审核。");
    assertThat(task(pi, TASK_ACKNOWLEDGE, "450100-finance")).as("Nanning acknowledges next")
        .isNotNull();
  }

  @Test
  void theCityFollowsUpACountysLateFiling_mnrArticle9(Tasklist tasklist) {
    var project = projects.warehoused("xingning-eco", "450102", unique("兴宁区浏览器逾期报备项目"));
    var pi = receive(documentNo("财资环"), today().minusDays(7));
    issueToXingning(pi, project);
    refineXingning(pi, project);
    var timer = management.createJobQuery().processInstanceId(pi.getId())
        .activityId(TIMER_FILING_OVERDUE).singleResult();
    management.executeJob(timer.getId());

    tasklist.login("nanning-finance").openTask("催办：细化报备逾期", pi.getBusinessKey()).claim();
    assertThat(tasklist.field("逾期情况").inputValue()).contains("兴宁区 报备细化结果");
    tasklist.fill("催办情况", "已发函催办兴宁区自然资源局，限5个工作日内完成报备。").complete();

    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId(END_FILING_FOLLOWED_UP).count()).isEqualTo(1);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("followUpNote").singleResult().getValue())
        .isEqualTo("已发函催办兴宁区自然资源局，限5个工作日内完成报备。");
    assertThat(task(pi, TASK_FOLLOW_UP_FILING, "450100-finance")).isNull();
    assertThat(task(pi, TASK_FILE, "450102-finance")).as("the filing itself is still open")
        .isNotNull();
    assertThat(overdue.forProcessInstance(pi.getId())).singleElement().satisfies(s -> {
      assertThat(s.unitCode()).isEqualTo("450102");
      assertThat(s.isOpen()).isTrue();
    });
  }

  @Test
  void theCityAcknowledgesTheFilingAndTheAllocationIsComplete(Tasklist tasklist) {
    var project = projects.warehoused("xingning-eco", "450102", unique("兴宁区浏览器确认项目"));
    var pi = receive(documentNo("财资环"), today().minusDays(8));
    issueToXingning(pi, project);
    refineXingning(pi, project);
    fileXingning(pi);

    tasklist.login("nanning-finance").openTask("上级确认细化报备", pi.getBusinessKey()).claim();
    assertThat(tasklist.field("报备单位").inputValue()).isEqualTo("兴宁区");
    tasklist.radio("确认意见", "确认报备").fill("意见", "细化结果与下达一致，予以确认。").complete();

    var part = allocations.part(pi.getBusinessKey(), "450102");
    assertThat(part.status()).isEqualTo(PartStatus.ACKNOWLEDGED);
    assertThat(part.acknowledgedBy()).isEqualTo("nanning-finance");
    assertThat(allocations.events(pi.getBusinessKey())).extracting(AllocationEvent::detail)
        .contains("上级确认报备：细化结果与下达一致，予以确认。");
    assertThat(allocations.get(pi.getBusinessKey()).status()).isEqualTo(AllocationStatus.COMPLETED);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi.getId())
        .finished().singleResult().getEndActivityId()).isEqualTo(END_ALLOCATION_FILED);
  }

  @Test
  void theCityReturnsAFilingWithItsReasonAndTheCountyRefinesAgain(Tasklist tasklist) {
    var project = projects.warehoused("xingning-eco", "450102", unique("兴宁区浏览器退回项目"));
    var pi = receive(documentNo("财资环"), today().minusDays(9));
    issueToXingning(pi, project);
    refineXingning(pi, project);
    fileXingning(pi);

    tasklist.login("nanning-finance").openTask("上级确认细化报备", pi.getBusinessKey()).claim()
        .radio("确认意见", "退回修改").fill("意见", "请补充项目实施方案批复文件后重新报备。").complete();

    assertThat(allocations.part(pi.getBusinessKey(), "450102").status())
        .isEqualTo(PartStatus.RETURNED);
    assertThat(allocations.events(pi.getBusinessKey())).last()
        .extracting(AllocationEvent::action, AllocationEvent::detail)
        .containsExactly("RETURNED", "上级退回报备：请补充项目实施方案批复文件后重新报备。");
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId(TASK_RETURN_FILING).count()).isEqualTo(1);
    assertThat(task(pi, TASK_REFINE, "450102-finance")).as("back to the county").isNotNull();
  }

  // --- the steps before the one under test, through the services as their users ---

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  private static String documentNo(String prefix) {
    return prefix + "〔" + LocalDate.now().getYear() + "〕" + (System.nanoTime() % 100000)
        + SEQUENCE.incrementAndGet() + "号";
  }

  private static String unique(String name) {
    return name + System.nanoTime() % 100000;
  }

  /** 1,000,000 central and 200,000 provincial yuan for eco-restoration, with three targets. */
  private ProcessInstance receive(String documentNo, LocalDate receivedOn) {
    var vars = Submitted.form()
        .set(DOCUMENT_NO, documentNo)
        .set(FUND_CLASS, "CENTRAL")
        .set(DIRECTION, "ECO_RESTORATION")
        .set(BUDGET_YEAR, receivedOn.getYear())
        .text(CENTRAL_AMOUNT, "1000000.00")
        .text(PROVINCIAL_AMOUNT, "200000.00")
        .set(RECEIVED_ON, receivedOn)
        .json(APPROVED_TARGETS, List.of(
            indicator("OUTPUT", "QUANTITY", "修复治理面积", "GE", "100", "公顷"),
            indicator("OUTPUT", "QUALITY", "工程验收合格率", "GE", "98", "%"),
            indicator("BENEFIT", "ECOLOGICAL", "生态环境", "QUALITATIVE", "有效改善", ""))).build();
    return users.as("guangxi-finance", () -> runtime.startProcessInstanceByKey(KEY, vars));
  }

  /** The province issues everything to one Xingning project, the targets passed down unchanged. */
  private void issueToXingning(ProcessInstance pi, String project) {
    projects.withAnnualTargets(project, today().getYear());
    complete("guangxi-finance", task(pi, TASK_ISSUE, "450000-finance"), Submitted.form()
        .set(ISSUE_DOCUMENT_NO, "桂" + pi.getBusinessKey())
        .set(ISSUED_ON, today())
        .json(ISSUE_LINES, List.of(Map.of(
            "recipientCode", "450102", "projectCode", project, "centralShare", "1000000",
            "provincialShare", "200000")))
        .json(DECOMPOSED_TARGETS, List.of()).build());
    complete("guangxi-fiscal", task(pi, TASK_REVIEW_PLAN, "450000-fiscal"),
        PLAN_REVIEW_OUTCOME.with(PlanReviewOutcome.APPROVE));
  }

  private void refineXingning(ProcessInstance pi, String project) {
    complete("xingning-finance", task(pi, TASK_REFINE, "450102-finance"), Submitted
        .form().set(REFINED_ON, today())
        .json(REFINEMENT_LINES, List.of(Map.of(
            "projectCode", project, "centralShare", "1000000", "provincialShare", "200000")))
        .json(PROJECT_TARGETS, List.of()).build());
    // GX 第五条第四项: 兴宁区财政局审核拨付
    complete("xingning-fiscal", task(pi, TASK_APPROVE_RELEASE, "450102-fiscal"),
        RELEASE_OUTCOME.with(ReleaseOutcome.APPROVE));
  }

  private void fileXingning(ProcessInstance pi) {
    complete("xingning-finance", task(pi, TASK_FILE, "450102-finance"),
        FILING_NOTE.with("已细化到项目，请审核。"));
  }

  private Task task(ProcessInstance pi, String key, String group) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key)
        .taskCandidateGroup(group).includeAssignedTasks().singleResult();
  }

  private void complete(String user, Task task, VariableMap vars) {
    users.run(user, () -> {
      tasks.claim(task.getId(), user);
      tasks.complete(task.getId(), vars);
    });
  }
}
