package cn.fundmonitor.warehousing;

import static cn.fundmonitor.warehousing.WarehousingVariables.*;

import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.platform.Actors;
import cn.fundmonitor.project.Project;
import cn.fundmonitor.platform.JsonVariables;
import cn.fundmonitor.project.ProgressPlans;
import cn.fundmonitor.project.ProjectReserveService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Files the submitted application in the project reserve (status 已申报). */
@Component
class RegisterApplicationDelegate implements JavaDelegate {

  private final ProjectReserveService reserve;
  private final OrganisationService organisation;
  private final ProgressPlans plans;

  RegisterApplicationDelegate(ProjectReserveService reserve, OrganisationService organisation,
      ProgressPlans plans) {
    this.reserve = reserve;
    this.plans = plans;
    this.organisation = organisation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var applicant = APPLICANT.get(execution);
    if (applicant == null) {
      applicant = Actors.current(execution);
      APPLICANT.set(execution, applicant);
    }
    var plan = JsonVariables.rows(PROGRESS_PLAN.get(execution));
    ProgressPlans.check(plan); // refused before anything is filed
    var project = reserve.register(execution.getProcessBusinessKey(),
        WarehousingVariables.application(execution), applicant,
        Actors.groups(execution, applicant), execution.getProcessInstanceId());
    plans.record(project.code(), plan);
    if (!project.code().equals(execution.getProcessBusinessKey())) {
      execution.setProcessBusinessKey(project.code());
    }
    publish(execution, project, reserve, organisation);
  }

  /** Writes what the next steps need: the filed data, the facts for the DMN, the groups. */
  static void publish(DelegateExecution execution, Project project, ProjectReserveService reserve,
      OrganisationService organisation) {
    putFiled(execution, project, organisation.get(project.regionCode()).name(),
        organisation.get(project.applicantUnitCode()).name());
    putFacts(execution, reserve.eligibilityFacts(project.code()));
    REVIEW_GROUP.set(execution, reserve.reviewGroup(project).id());
    APPLICANT_GROUP.set(execution, reserve.applicantGroup(project).id());
  }
}
