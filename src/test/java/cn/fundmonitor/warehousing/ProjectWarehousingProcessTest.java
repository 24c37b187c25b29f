package cn.fundmonitor.warehousing;

import static cn.fundmonitor.support.TestUsers.*;
import static cn.fundmonitor.warehousing.ApplicationRequest.indicator;
import static cn.fundmonitor.warehousing.ProjectWarehousingProcess.*;
import static cn.fundmonitor.warehousing.WarehousingVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.project.InvalidApplicationException;
import cn.fundmonitor.project.ProgressPlans;
import cn.fundmonitor.project.ProjectCatalogue;
import cn.fundmonitor.project.ProjectStatus;
import cn.fundmonitor.support.Submitted;
import cn.fundmonitor.support.Tasklist;
import cn.fundmonitor.support.Applications;
import cn.fundmonitor.support.Covers;
import cn.fundmonitor.support.ProcessTest;
import cn.fundmonitor.support.TestUsers;
import cn.fundmonitor.warehousing.ProjectWarehousingProcess.ReviewOutcome;
import cn.fundmonitor.warehousing.ProjectWarehousingProcess.RevisionAction;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every path of projectWarehousing (项目入库; MNR 第九条、第十条; GX 第十五条; 资阳 目标前置). */
@ProcessTest
@Covers("projectWarehousing")
class ProjectWarehousingProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ApplicationStarter starter;
  @Autowired ProjectCatalogue catalogue;
  @Autowired TestUsers users;
  @Autowired Tasklist tasklist;
  @Autowired JdbcClient jdbc;
  @Autowired ProgressPlans plans;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  private ProcessInstance apply(String user, ApplicationRequest request) {
    var code = users.as(user, () -> starter.apply(request).code());
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).singleResult();
  }

  private void review(ProcessInstance pi, ReviewOutcome outcome, String comment) {
    tasklist.as(GUANGXI_ECO).complete(pi, TASK_REVIEW,
        REVIEW_OUTCOME.putInto(REVIEW_COMMENT.with(comment), outcome));
  }

  private static VariableMap revision(RevisionAction action, ApplicationRequest corrected,
      String note) {
    var vars = corrected == null ? org.camunda.bpm.engine.variable.Variables.createVariables()
        : corrected.toVariables();
    REVISION_ACTION.putInto(vars, action);
    return REVISION_NOTE.putInto(vars, note);
  }

  private ProjectStatus status(ProcessInstance pi) {
    return catalogue.get(pi.getBusinessKey()).status();
  }

  @Test
  void eligibleApplicationIsReviewedByTheProvinceAndWarehoused() {
    var pi = apply(XINGNING_ECO, Applications.xingningRestoration("兴宁区矿山生态修复（通过）"));

    BpmnAwareTests.assertThat(pi).hasPassed(TASK_REGISTER, TASK_CHECK_ELIGIBILITY,
        TASK_RECORD_ELIGIBILITY).isWaitingAt(TASK_REVIEW);
    BpmnAwareTests.assertThat(task(TASK_REVIEW, pi)).hasCandidateGroup("450000-eco");
    assertThat(pi.getBusinessKey()).matches("450102-\\d{4}-\\d{4}");
    assertThat(tasks.getVariablesLocal(task(TASK_REVIEW, pi).getId()))
        .as("Tasklist's list shows which project a task is about")
        .containsEntry("projectCode", pi.getBusinessKey())
        .containsEntry("projectName", "兴宁区矿山生态修复（通过）")
        .containsEntry("applicantUnitName", "兴宁区");
    assertThat(status(pi)).isEqualTo(ProjectStatus.UNDER_REVIEW);

    review(pi, ReviewOutcome.APPROVE, "同意入库");

    BpmnAwareTests.assertThat(pi).hasPassed(TASK_WAREHOUSE).isEnded()
        .hasPassed(END_WAREHOUSED);
    var project = catalogue.get(pi.getBusinessKey());
    assertThat(project.status()).isEqualTo(ProjectStatus.WAREHOUSED);
    assertThat(project.requestedAmount().amount()).isEqualByComparingTo("3961869.98");
    assertThat(project.indicators()).hasSize(4);
    assertThat(catalogue.history(project.code())).extracting(c -> c.to())
        .containsExactly(ProjectStatus.APPLIED, ProjectStatus.UNDER_REVIEW, ProjectStatus.WAREHOUSED);
    assertThat(catalogue.history(project.code()).get(2).actor()).isEqualTo(GUANGXI_ECO);
  }

  /**
   * 资阳 三(三): 项目支出以项目实施进度为参照 — the implementation plan by monitoring point is entered
   * with the application (the start form's list progressPlan), replaced when the applicant
   * resubmits, and a wrong plan is refused before anything is filed.
   */
  @Test
  void ziyang3_3_theImplementationPlanIsEnteredWithTheApplication() {
    var request = Applications.xingningRestoration("兴宁区矿山生态修复（实施进度计划）");
    var vars = request.toVariables();
    Submitted.onto(vars).value(PROGRESS_PLAN, org.camunda.bpm.engine.variable.Variables.objectValue(
        "[{\"pointOn\":\"2026-06-30\",\"plannedExecution\":30,\"plannedPhysical\":20},"
            + "{\"pointOn\":\"2026-12-31\",\"plannedExecution\":80,\"plannedPhysical\":70}]")
        .serializationDataFormat("application/json").create());
    var pi = users.as(XINGNING_ECO, () -> runtime.startProcessInstanceByKey(KEY, vars));
    assertThat(plans.of(pi.getBusinessKey())).extracting(p -> p.pointOn().toString(),
            p -> p.execution().intValue(), p -> p.physical().intValue())
        .containsExactly(org.assertj.core.groups.Tuple.tuple("2026-06-30", 30, 20),
            org.assertj.core.groups.Tuple.tuple("2026-12-31", 80, 70));

    review(pi, ReviewOutcome.RETURN, "实施进度计划过于保守");
    var bad = revision(RevisionAction.RESUBMIT, request, "调整计划");
    Submitted.onto(bad).text(PROGRESS_PLAN, "[{\"pointOn\":\"2026-06-30\",\"plannedExecution\":130,\"plannedPhysical\":20}]");
    assertThatThrownBy(() -> tasklist.as(XINGNING_ECO).complete(pi, TASK_REVISE, bad))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("实施进度计划第1行的计划预算执行率（%）应为0至100之间的数");
    var corrected = revision(RevisionAction.RESUBMIT, request, "调整计划");
    Submitted.onto(corrected).text(PROGRESS_PLAN, "[{\"pointOn\":\"2026-06-30\",\"plannedExecution\":40,\"plannedPhysical\":30}]");
    tasklist.as(XINGNING_ECO).complete(pi, TASK_REVISE, corrected);
    BpmnAwareTests.assertThat(pi).hasPassed(TASK_RESUBMIT).isWaitingAt(TASK_REVIEW);
    assertThat(PROGRESS_PLAN.from(runtime, pi.getId())).as("the form's rows read typed")
        .containsExactly(new ProgressPlans.PlannedProgress(java.time.LocalDate.of(2026, 6, 30),
            new java.math.BigDecimal("40"), new java.math.BigDecimal("30")));
    assertThat(plans.of(pi.getBusinessKey())).singleElement()
        .satisfies(p -> assertThat(p.execution()).isEqualByComparingTo("40"));

    var refused = Applications.xingningRestoration("兴宁区（错误计划）").toVariables();
    Submitted.onto(refused).text(PROGRESS_PLAN, "[{\"pointOn\":\"6月底\",\"plannedExecution\":10,\"plannedPhysical\":10}]");
    assertThatThrownBy(() -> users.as(XINGNING_ECO, () -> runtime.startProcessInstanceByKey(KEY, refused)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("实施进度计划第1行的监控时点“6月底”不是有效的日期");
    assertThat(jdbc.sql("select count(*) from fm_project where name = '兴宁区（错误计划）'")
        .query(Integer.class).single()).as("nothing filed").isZero();
  }

  @Test
  void ineligibleApplicationGoesBackToTheApplicantWithEveryReason() {
    // MNR 第十条: an output indicator must be quantified; a benefit indicator is required
    var pi = apply(XINGNING_ECO, Applications.with(
        Applications.xingningRestoration("兴宁区监测（不符合条件）"),
        List.of(indicator("OUTPUT", "QUALITY", "监测质量", "QUALITATIVE", "明显提升", ""))));

    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_REVISE).hasNotPassed(TASK_REVIEW);
    BpmnAwareTests.assertThat(task(TASK_REVISE, pi)).hasCandidateGroup("450102-eco")
        .hasCandidateUser(XINGNING_ECO);
    assertThat(status(pi)).isEqualTo(ProjectStatus.NOT_ELIGIBLE);
    assertThat(CORRECTION_FEEDBACK.get(runtime, pi)).contains("缺少效益指标").contains("产出指标须可量化");

    tasklist.as(XINGNING_ECO).complete(pi, TASK_REVISE, revision(RevisionAction.RESUBMIT,
        Applications.xingningRestoration("兴宁区监测（已修改）"), "补充效益指标"));

    BpmnAwareTests.assertThat(pi).hasPassed(TASK_RESUBMIT).isWaitingAt(TASK_REVIEW);
    var project = catalogue.get(pi.getBusinessKey());
    assertThat(project.name()).isEqualTo("兴宁区监测（已修改）");
    assertThat(catalogue.history(project.code()).get(2).reason())
        .contains("项目名称由“兴宁区监测（不符合条件）”改为“兴宁区监测（已修改）”").contains("补充效益指标");
  }

  @Test
  void returnedApplicationGoesBackToTheApplicantAndCanBeResubmitted() {
    var pi = apply(XINGNING_ECO, Applications.xingningRestoration("兴宁区整治（退回）"));
    review(pi, ReviewOutcome.RETURN, "修复面积与方案不一致");

    BpmnAwareTests.assertThat(pi).hasPassed(TASK_RETURN).isWaitingAt(TASK_REVISE);
    assertThat(status(pi)).isEqualTo(ProjectStatus.RETURNED);
    assertThat(CORRECTION_FEEDBACK.get(runtime, pi)).isEqualTo("审核退回：修复面积与方案不一致");

    tasklist.as(XINGNING_ECO).complete(pi, TASK_REVISE, revision(RevisionAction.RESUBMIT,
        Applications.withAmount(Applications.xingningRestoration("兴宁区整治（退回）"), "4000000"),
        "已按方案修改"));
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_REVIEW);
    assertThat(REVIEW_OUTCOME.get(runtime, pi)).as("the previous review is not offered again").isNull();

    review(pi, ReviewOutcome.APPROVE, null);
    BpmnAwareTests.assertThat(pi).hasPassed(END_WAREHOUSED).isEnded();
    assertThat(catalogue.get(pi.getBusinessKey()).requestedAmount().amount())
        .isEqualByComparingTo("4000000.00");
  }

  @Test
  void rejectedApplicationEndsWithoutWarehousing() {
    var pi = apply(XINGNING_ECO, Applications.xingningRestoration("兴宁区办公楼改扩建（不予入库）"));
    review(pi, ReviewOutcome.REJECT, "办公场所改扩建不得使用专项资金（GX 第八条第五项）");

    BpmnAwareTests.assertThat(pi).hasPassed(TASK_REJECT, END_REJECTED).isEnded();
    assertThat(status(pi)).isEqualTo(ProjectStatus.REJECTED);
    assertThat(catalogue.history(pi.getBusinessKey()).get(2).reason()).contains("GX 第八条第五项");
  }

  @Test
  void applicantMayWithdrawInsteadOfCorrecting() {
    var pi = apply(XINGNING_ECO, Applications.xingningRestoration("兴宁区项目（撤回）"));
    review(pi, ReviewOutcome.RETURN, "请补充可研");
    tasklist.as(XINGNING_ECO).complete(pi, TASK_REVISE, revision(RevisionAction.WITHDRAW, null, "项目暂缓"));

    BpmnAwareTests.assertThat(pi).hasPassed(TASK_WITHDRAW, END_WITHDRAWN).isEnded();
    assertThat(status(pi)).isEqualTo(ProjectStatus.WITHDRAWN);
  }

  @Test
  void geohazardApplicationIsReviewedByTheGeohazardDepartment() {
    var request = new ApplicationRequest("兴宁区滑坡治理", "450102", "GEOHAZARD", "PROVINCIAL", "500000",
        null, Applications.eligibleIndicators());
    var pi = apply(XINGNING_GEOHAZARD, request);
    BpmnAwareTests.assertThat(task(TASK_REVIEW, pi)).hasCandidateGroup("450000-geohazard");
  }

  @Test
  void badInputIsRefusedInChineseAndNothingIsSaved() {
    var before = jdbc.sql("select count(*) from fm_project").query(Integer.class).single();
    var instancesBefore = runtime.createProcessInstanceQuery().processDefinitionKey(KEY).count();
    var bad = Applications.withAmount(Applications.with(
        Applications.withRegion(Applications.xingningRestoration("坏数据"), "999999"), List.of()), "-5");

    assertThatThrownBy(() -> users.as(XINGNING_ECO, () -> starter.apply(bad)))
        .isInstanceOf(InvalidApplicationException.class)
        .hasMessageContaining("未知的行政区划代码：999999")
        .hasMessageContaining("申报金额不能为负数")
        .hasMessageContaining("未填写绩效目标");

    assertThat(jdbc.sql("select count(*) from fm_project").query(Integer.class).single())
        .isEqualTo(before);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(KEY).count())
        .isEqualTo(instancesBefore);
  }

  @Test
  void reviewWithoutReasonIsRefusedAndTheTaskStaysOpen() {
    var pi = apply(XINGNING_ECO, Applications.xingningRestoration("兴宁区项目（缺审核意见）"));
    assertThatThrownBy(() -> review(pi, ReviewOutcome.REJECT, " "))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("必须填写审核意见");
    assertThatThrownBy(() -> tasklist.as(GUANGXI_ECO).complete(pi, TASK_REVIEW, REVIEW_OUTCOME.withRaw("MAYBE")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("请选择审核结论");

    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_REVIEW);
    assertThat(status(pi)).isEqualTo(ProjectStatus.UNDER_REVIEW);
  }

  @Test
  void invalidCorrectionIsRefusedAndTheFiledDataStays() {
    var pi = apply(XINGNING_ECO, Applications.xingningRestoration("兴宁区项目（错误修改）"));
    review(pi, ReviewOutcome.RETURN, "请核实金额");
    var longName = "很".repeat(101);

    assertThatThrownBy(() -> tasklist.as(XINGNING_ECO).complete(pi, TASK_REVISE,
        revision(RevisionAction.RESUBMIT, Applications.withAmount(
            Applications.xingningRestoration(longName), "abc"), null)))
        .isInstanceOf(InvalidApplicationException.class)
        .hasMessageContaining("项目名称不能超过100个字")
        .hasMessageContaining("申报金额“abc”不是有效的数字");

    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_REVISE);
    var project = catalogue.get(pi.getBusinessKey());
    assertThat(project.name()).isEqualTo("兴宁区项目（错误修改）");
    assertThat(project.status()).isEqualTo(ProjectStatus.RETURNED);
    assertThat(PROJECT_NAME.get(runtime, pi)).as("the rejected input is not kept either")
        .isEqualTo("兴宁区项目（错误修改）");
    assertThatThrownBy(() -> tasklist.as(XINGNING_ECO).complete(pi, TASK_REVISE, REVISION_ACTION.withRaw("?")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("请选择处理方式");
  }
}
