package cn.fundmonitor.allocation;

import static cn.fundmonitor.allocation.FundAllocationProcess.*;

import cn.fundmonitor.common.Choices;
import cn.fundmonitor.platform.Actors;
import cn.fundmonitor.platform.JsonVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The fiscal departments in the money chain: the province's between the plan and the issue (GX 第五条第二项: 自治区财政厅负责
 * 审核专项资金安排计划的合理性，办理专项资金下达; GX 第十八条: 自治区自然资源厅提出资金分配建议方案，
 * 自治区财政厅审核后下达), the city's or county's between the refinement and its filing (GX 第五条第四项:
 * 市、县财政部门负责专项资金审核拨付).
 */
final class AllocationPlanDelegates {

  private AllocationPlanDelegates() {}

  /** Checks the proposed plan by every rule of the issue, then puts it before the 财政厅. */
  @Component("submitAllocationPlanDelegate")
  static class Submit implements JavaDelegate {
    private final AllocationService allocations;

    Submit(AllocationService allocations) {
      this.allocations = allocations;
    }

    @Override
    public void execute(DelegateExecution execution) {
      var documentNo = execution.getProcessBusinessKey();
      var plan = allocations.checkIssue(documentNo, execution.getVariable(ISSUE_DOCUMENT_NO.name()),
          execution.getVariable(ISSUED_ON.name()), JsonVariables.rows(ISSUE_LINES.get(execution)),
          JsonVariables.rows(DECOMPOSED_TARGETS.get(execution)),
          JsonVariables.rows(ANNUAL_TARGETS.get(execution)));
      PLAN_SUMMARY.set(execution, allocations.submitPlan(documentNo, plan, Actors.current(execution)));
      // a plan sent again after a return is reviewed afresh
      PLAN_REVIEW_OUTCOME.set(execution, null);
      PLAN_REVIEW_COMMENT.set(execution, null);
    }
  }

  /** Records the 财政厅's return and its reason; the plan goes back to its author. */
  @Component("returnAllocationPlanDelegate")
  static class Return implements JavaDelegate {
    private final AllocationService allocations;

    Return(AllocationService allocations) {
      this.allocations = allocations;
    }

    @Override
    public void execute(DelegateExecution execution) {
      allocations.returnPlan(execution.getProcessBusinessKey(), PLAN_REVIEW_COMMENT.get(execution),
          Actors.current(execution));
    }
  }

  /** Refuses a review the gateway cannot route, or a return without its reason. */
  @Component("planReviewDecisionListener")
  static class DecisionListener implements ExecutionListener {
    @Override
    public void notify(DelegateExecution execution) {
      var outcome = Choices.required(PLAN_REVIEW_OUTCOME.get(execution), PlanReviewOutcome.class,
          "审核意见有误", "请选择：审核通过并下达，或退回修改");
      Choices.reasonRequired(outcome == PlanReviewOutcome.RETURN, PLAN_REVIEW_COMMENT.get(execution),
          "审核意见有误", "退回资金分配方案时必须填写退回原因");
      Choices.reasonWithin(PLAN_REVIEW_COMMENT.get(execution), "审核意见有误", "审核意见");
    }
  }

  /** The 财政局 approved the refinement: the money is released to the projects (GX 第五条第四项). */
  @Component("recordReleaseDelegate")
  static class RecordRelease implements JavaDelegate {
    private final AllocationService allocations;

    RecordRelease(AllocationService allocations) {
      this.allocations = allocations;
    }

    @Override
    public void execute(DelegateExecution execution) {
      allocations.release(execution.getProcessBusinessKey(), RECIPIENT_CODE.get(execution),
          RELEASE_COMMENT.get(execution), Actors.current(execution));
    }
  }

  /** The 财政局 returned the refinement: the recipient refines again. */
  @Component("returnReleaseDelegate")
  static class ReturnRelease implements JavaDelegate {
    private final AllocationService allocations;

    ReturnRelease(AllocationService allocations) {
      this.allocations = allocations;
    }

    @Override
    public void execute(DelegateExecution execution) {
      allocations.returnRelease(execution.getProcessBusinessKey(), RECIPIENT_CODE.get(execution),
          RELEASE_COMMENT.get(execution), Actors.current(execution));
    }
  }

  /** Refuses a release decision the gateway cannot route, or a return without its reason. */
  @Component("releaseDecisionListener")
  static class ReleaseDecisionListener implements ExecutionListener {
    @Override
    public void notify(DelegateExecution execution) {
      var outcome = Choices.required(RELEASE_OUTCOME.get(execution), ReleaseOutcome.class,
          "审核意见有误", "请选择：审核通过并拨付，或退回修改");
      Choices.reasonRequired(outcome == ReleaseOutcome.RETURN, RELEASE_COMMENT.get(execution),
          "审核意见有误", "退回细化、不予拨付时必须填写原因");
      Choices.reasonWithin(RELEASE_COMMENT.get(execution), "审核意见有误", "审核意见");
    }
  }
}
