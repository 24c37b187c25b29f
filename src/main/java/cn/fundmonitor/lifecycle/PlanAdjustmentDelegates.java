package cn.fundmonitor.lifecycle;

import static cn.fundmonitor.lifecycle.PlanAdjustmentProcess.*;

import cn.fundmonitor.common.Choices;
import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.organisation.Role;
import cn.fundmonitor.organisation.UnitGroup;
import cn.fundmonitor.platform.Actors;
import cn.fundmonitor.platform.JsonVariables;
import cn.fundmonitor.project.ProjectReserveService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The thin delegates of planAdjustment. */
final class PlanAdjustmentDelegates {

  private PlanAdjustmentDelegates() {}

  /** Registers the request and hands the unit its current targets to adjust. */
  @Component("openAdjustmentDelegate")
  static class Open implements JavaDelegate {
    private final PlanAdjustmentService adjustments;
    private final ProjectReserveService reserve;
    private final OrganisationService organisation;

    Open(PlanAdjustmentService adjustments, ProjectReserveService reserve, OrganisationService organisation) {
      this.adjustments = adjustments;
      this.reserve = reserve;
      this.organisation = organisation;
    }

    @Override
    public void execute(DelegateExecution execution) {
      var requester = REQUESTER.get(execution) != null ? REQUESTER.get(execution) : Actors.current(execution);
      var no = adjustments.open(PROJECT_CODE.get(execution), REASON.get(execution), requester,
          Actors.groups(execution, requester), execution.getProcessInstanceId());
      execution.setProcessBusinessKey(no);
      NUMBER.set(execution, no);
      var p = reserve.get(PROJECT_CODE.get(execution).strip());
      PROJECT_CODE.set(execution, p.code());
      PROJECT_NAME.set(execution, p.name());
      APPLICANT_UNIT_NAME.set(execution, organisation.get(p.applicantUnitCode()).name());
      UNIT_GROUPS.set(execution, UnitGroup.of(p.applicantUnitCode(), Role.FINANCE).id() + ","
          + UnitGroup.of(p.applicantUnitCode(), p.direction().reviewingRole()).id());
      REVIEW_GROUP.set(execution, reserve.reviewGroup(p).id());
      execution.setVariable(INDICATORS.name(), JsonVariables.json(PlanAdjustmentService.rows(p.indicators())));
    }
  }

  @Component("checkAdjustmentDelegate")
  static class Check implements JavaDelegate {
    private final PlanAdjustmentService adjustments;

    Check(PlanAdjustmentService adjustments) {
      this.adjustments = adjustments;
    }

    @Override
    public void execute(DelegateExecution execution) {
      COMPARISON.set(execution, adjustments.check(execution.getProcessBusinessKey(),
          JsonVariables.rows(INDICATORS.get(execution)), REASON.get(execution)));
      OUTCOME.set(execution, null);
      COMMENT.set(execution, null);
    }
  }

  @Component("applyAdjustmentDelegate")
  static class Apply implements JavaDelegate {
    private final PlanAdjustmentService adjustments;

    Apply(PlanAdjustmentService adjustments) {
      this.adjustments = adjustments;
    }

    @Override
    public void execute(DelegateExecution execution) {
      adjustments.approve(execution.getProcessBusinessKey(), COMMENT.get(execution), Actors.current(execution));
    }
  }

  @Component("rejectAdjustmentDelegate")
  static class Reject implements JavaDelegate {
    private final PlanAdjustmentService adjustments;

    Reject(PlanAdjustmentService adjustments) {
      this.adjustments = adjustments;
    }

    @Override
    public void execute(DelegateExecution execution) {
      adjustments.reject(execution.getProcessBusinessKey(), COMMENT.get(execution), Actors.current(execution));
    }
  }

  @Component("returnAdjustmentDelegate")
  static class Return implements JavaDelegate {
    private final PlanAdjustmentService adjustments;

    Return(PlanAdjustmentService adjustments) {
      this.adjustments = adjustments;
    }

    @Override
    public void execute(DelegateExecution execution) {
      adjustments.returnForRevision(execution.getProcessBusinessKey(), COMMENT.get(execution),
          Actors.current(execution));
    }
  }

  /** Refuses a review the gateway cannot route, or a return or rejection without its reason. */
  @Component("adjustmentReviewListener")
  static class ReviewListener implements ExecutionListener {
    @Override
    public void notify(DelegateExecution execution) {
      var outcome = Choices.required(OUTCOME.get(execution), Outcome.class, "审批意见有误",
          "请选择：批准调整、退回修改或不予批准");
      Choices.reasonRequired(outcome != Outcome.APPROVE, COMMENT.get(execution), "审批意见有误",
          "退回修改或不予批准时必须填写审批意见");
    }
  }
}
