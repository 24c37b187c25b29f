package cn.fundmonitor.warehousing;

import static cn.fundmonitor.warehousing.WarehousingVariables.*;

import cn.fundmonitor.platform.Actors;
import cn.fundmonitor.project.ProjectReserveService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The applicant gives the application up instead of correcting it (撤回). */
@Component
class WithdrawApplicationDelegate implements JavaDelegate {

  private final ProjectReserveService reserve;

  WithdrawApplicationDelegate(ProjectReserveService reserve) {
    this.reserve = reserve;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reserve.withdraw(PROJECT_CODE.get(execution), Actors.current(execution),
        REVISION_NOTE.get(execution));
  }
}
