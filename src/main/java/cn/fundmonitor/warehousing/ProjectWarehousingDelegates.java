package cn.fundmonitor.warehousing;

import static cn.fundmonitor.warehousing.WarehousingVariables.*;

import cn.fundmonitor.common.Choices;
import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.platform.Actors;
import cn.fundmonitor.platform.DecisionTasks;
import cn.fundmonitor.platform.JsonVariables;
import cn.fundmonitor.project.ProgressPlans;
import cn.fundmonitor.project.Project;
import cn.fundmonitor.project.ProjectCatalogue;
import cn.fundmonitor.project.ProjectTeams;
import cn.fundmonitor.project.ProjectWarehousing;
import cn.fundmonitor.warehousing.ProjectWarehousingProcess.ReviewOutcome;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The thin delegates of projectWarehousing: variables in, one service call, variables out. */
@Configuration(proxyBeanMethods = false)
class ProjectWarehousingDelegates {

  /** Files the submitted application in the project reserve (status 已申报). */
  @Bean
  JavaDelegate registerApplicationDelegate(ProjectWarehousing warehousing, ProjectCatalogue catalogue,
      OrganisationService organisation, ProjectTeams teams, ProgressPlans plans) {
    return execution -> {
      var applicant = APPLICANT.get(execution);
      if (applicant == null) {
        applicant = Actors.current(execution);
        APPLICANT.set(execution, applicant);
      }
      // the submitted rows, read raw: the check reports every wrong cell at once
      var plan = JsonVariables.rows(PROGRESS_PLAN.raw(execution));
      ProgressPlans.check(plan); // refused before anything is filed
      var project = warehousing.register(execution.getProcessBusinessKey(),
          WarehousingVariables.application(execution), applicant,
          Actors.groups(execution, applicant), execution.getProcessInstanceId());
      plans.record(project.code(), plan);
      if (!project.code().equals(execution.getProcessBusinessKey())) {
        execution.setProcessBusinessKey(project.code());
      }
      publish(execution, project, catalogue, organisation, teams);
    };
  }

  /** The applicant files the corrected application again; it is checked anew. */
  @Bean
  JavaDelegate resubmitApplicationDelegate(ProjectWarehousing warehousing, ProjectCatalogue catalogue,
      OrganisationService organisation, ProjectTeams teams, ProgressPlans plans) {
    return execution -> {
      var plan = JsonVariables.rows(PROGRESS_PLAN.raw(execution));
      ProgressPlans.check(plan);
      var project = warehousing.resubmit(PROJECT_CODE.get(execution),
          WarehousingVariables.application(execution), Actors.current(execution),
          REVISION_NOTE.get(execution));
      plans.record(project.code(), plan);
      publish(execution, project, catalogue, organisation, teams);
    };
  }

  /** Writes what the next steps need: the filed data, the facts for the DMN, the groups. */
  private static void publish(DelegateExecution execution, Project project,
      ProjectCatalogue catalogue, OrganisationService organisation, ProjectTeams teams) {
    putFiled(execution, project, organisation.get(project.regionCode()).name(),
        organisation.get(project.applicantUnitCode()).name());
    putFacts(execution, catalogue.eligibilityFacts(project.code()));
    REVIEW_GROUP.set(execution, teams.reviewGroup(project).id());
    APPLICANT_GROUP.set(execution, teams.applicantGroup(project).id());
  }

  /** Records the DMN's verdict: to review, or back to the applicant with every reason. */
  @Bean
  JavaDelegate recordEligibilityDelegate(ProjectWarehousing warehousing) {
    return execution -> {
      List<?> result = INELIGIBILITY_REASONS.get(execution);
      var reasons = result == null ? List.<String>of()
          : result.stream().filter(Objects::nonNull).map(Object::toString).distinct().toList();
      warehousing.recordEligibility(PROJECT_CODE.get(execution), reasons);
      ELIGIBLE.set(execution, reasons.isEmpty());
      if (reasons.isEmpty()) {
        REVIEW_OUTCOME.set(execution, null);
        REVIEW_COMMENT.set(execution, null);
      } else {
        CORRECTION_FEEDBACK.set(execution, "资格审查未通过：\n" + String.join("\n", reasons));
        REVISION_ACTION.set(execution, null);
        REVISION_NOTE.set(execution, null);
      }
    };
  }

  /** Approval: the project is filed and warehoused (备案入库, MNR 第九条). */
  @Bean
  JavaDelegate warehouseProjectDelegate(ProjectWarehousing warehousing) {
    return execution -> warehousing.warehouse(PROJECT_CODE.get(execution), Actors.current(execution),
        REVIEW_COMMENT.get(execution));
  }

  /** The reviewer returns the application for correction (退回修改). */
  @Bean
  JavaDelegate returnApplicationDelegate(ProjectWarehousing warehousing) {
    return execution -> {
      var comment = REVIEW_COMMENT.get(execution);
      warehousing.returnForCorrection(PROJECT_CODE.get(execution), Actors.current(execution), comment);
      CORRECTION_FEEDBACK.set(execution, "审核退回：" + comment.strip());
      REVISION_ACTION.set(execution, null);
      REVISION_NOTE.set(execution, null);
    };
  }

  /** The reviewer refuses the application (不予入库). */
  @Bean
  JavaDelegate rejectApplicationDelegate(ProjectWarehousing warehousing) {
    return execution -> warehousing.reject(PROJECT_CODE.get(execution), Actors.current(execution),
        REVIEW_COMMENT.get(execution));
  }

  /** The applicant gives the application up instead of correcting it (撤回). */
  @Bean
  JavaDelegate withdrawApplicationDelegate(ProjectWarehousing warehousing) {
    return execution -> warehousing.withdraw(PROJECT_CODE.get(execution), Actors.current(execution),
        REVISION_NOTE.get(execution));
  }

  /**
   * Refuses to complete the review or revision task with a decision the gateways cannot route (a
   * client may bypass the form): the task stays open and the user reads why, in Chinese. An
   * execution listener on the task's end, because the engine wraps task listeners' exceptions in an
   * English message, and passes these through as they are.
   */
  @Bean
  ExecutionListener decisionInputListener() {
    // the review and the revision share one length message (checkLength), so the rule checks none
    var review = new Choices.Decision<ReviewOutcome>("审核意见有误",
        "请选择审核结论：通过入库、退回修改或不予入库", outcome -> outcome != ReviewOutcome.APPROVE,
        "退回修改或不予入库时必须填写审核意见，说明原因", null);
    return task -> {
      if (ProjectWarehousingProcess.TASK_REVIEW.equals(task.getCurrentActivityId())) {
        DecisionTasks.check(task, review, REVIEW_OUTCOME, REVIEW_COMMENT);
        checkLength(REVIEW_COMMENT.get(task));
      } else {
        Choices.required(() -> REVISION_ACTION.get(task), "处理方式有误",
            "请选择处理方式：修改后重新提交，或撤回申报");
        checkLength(REVISION_NOTE.get(task));
      }
    };
  }

  private static void checkLength(String text) {
    if (text != null && text.strip().length() > ProjectWarehousing.MAX_COMMENT) {
      throw new InvalidInputException("意见有误", "意见不能超过" + ProjectWarehousing.MAX_COMMENT + "个字");
    }
  }
}
