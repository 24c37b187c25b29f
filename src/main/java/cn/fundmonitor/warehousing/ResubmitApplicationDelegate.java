package cn.fundmonitor.warehousing;

import static cn.fundmonitor.warehousing.WarehousingVariables.*;

import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.platform.Actors;
import cn.fundmonitor.platform.JsonVariables;
import cn.fundmonitor.project.ProgressPlans;
import cn.fundmonitor.project.ProjectReserveService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The applicant files the corrected application again; it is checked anew. */
@Component
class ResubmitApplicationDelegate implements JavaDelegate {

  private final ProjectReserveService reserve;
  private final OrganisationService organisation;
  private final ProgressPlans plans;

  ResubmitApplicationDelegate(ProjectReserveService reserve, OrganisationService organisation,
      ProgressPlans plans) {
    this.reserve = reserve;
    this.plans = plans;
    this.organisation = organisation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var plan = JsonVariables.rows(PROGRESS_PLAN.get(execution));
    ProgressPlans.check(plan);
    var project = reserve.resubmit(PROJECT_CODE.get(execution),
        WarehousingVariables.application(execution), Actors.current(execution),
        REVISION_NOTE.get(execution));
    plans.record(project.code(), plan);
    RegisterApplicationDelegate.publish(execution, project, reserve, organisation);
  }
}
