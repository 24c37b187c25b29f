package cn.fundmonitor.lifecycle;

import static cn.fundmonitor.lifecycle.PlanAdjustmentProcess.*;

import cn.fundmonitor.common.Choices;
import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.platform.Actors;
import cn.fundmonitor.platform.DecisionTasks;
import cn.fundmonitor.platform.JsonVariables;
import cn.fundmonitor.project.IndicatorRows;
import cn.fundmonitor.project.ProjectCatalogue;
import cn.fundmonitor.project.ProjectTeams;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The thin delegates of planAdjustment: variables in, one service call, variables out. */
@Configuration(proxyBeanMethods = false)
class PlanAdjustmentDelegates {

  /** Registers the request and hands the unit its current targets to adjust. */
  @Bean
  JavaDelegate openAdjustmentDelegate(PlanAdjustmentService adjustments,
      ProjectCatalogue catalogue, ProjectTeams teams, OrganisationService organisation) {
    return execution -> {
      var requester = REQUESTER.get(execution) != null ? REQUESTER.get(execution)
          : Actors.current(execution);
      var no = adjustments.open(PROJECT_CODE.get(execution), REASON.get(execution), requester,
          Actors.groups(execution, requester), execution.getProcessInstanceId());
      execution.setProcessBusinessKey(no);
      NUMBER.set(execution, no);
      var p = catalogue.get(PROJECT_CODE.get(execution).strip());
      PROJECT_CODE.set(execution, p.code());
      PROJECT_NAME.set(execution, p.name());
      APPLICANT_UNIT_NAME.set(execution, organisation.get(p.applicantUnitCode()).name());
      UNIT_GROUPS.set(execution, teams.unitGroups(p));
      REVIEW_GROUP.set(execution, teams.reviewGroup(p).id());
      INDICATORS.set(execution, p.indicators().stream().map(IndicatorRows.Row::of).toList());
    };
  }

  @Bean
  JavaDelegate checkAdjustmentDelegate(PlanAdjustmentService adjustments) {
    return execution -> {
      COMPARISON.set(execution, adjustments.check(execution.getProcessBusinessKey(),
          JsonVariables.rows(INDICATORS.raw(execution)), REASON.get(execution)));
      OUTCOME.set(execution, null);
      COMMENT.set(execution, null);
    };
  }

  @Bean
  JavaDelegate applyAdjustmentDelegate(PlanAdjustmentService adjustments) {
    return execution -> adjustments.approve(execution.getProcessBusinessKey(),
        COMMENT.get(execution), Actors.current(execution));
  }

  @Bean
  JavaDelegate rejectAdjustmentDelegate(PlanAdjustmentService adjustments) {
    return execution -> adjustments.reject(execution.getProcessBusinessKey(),
        COMMENT.get(execution), Actors.current(execution));
  }

  @Bean
  JavaDelegate returnAdjustmentDelegate(PlanAdjustmentService adjustments) {
    return execution -> adjustments.returnForRevision(execution.getProcessBusinessKey(),
        COMMENT.get(execution), Actors.current(execution));
  }

  /** Refuses a review the gateway cannot route, or a return or rejection without its reason. */
  @Bean
  ExecutionListener adjustmentReviewListener() {
    var rule = new Choices.Decision<Outcome>("审批意见有误", "请选择：批准调整、退回修改或不予批准",
        outcome -> outcome != Outcome.APPROVE, "退回修改或不予批准时必须填写审批意见", "审批意见");
    return execution -> DecisionTasks.check(execution, rule, OUTCOME, COMMENT);
  }
}
