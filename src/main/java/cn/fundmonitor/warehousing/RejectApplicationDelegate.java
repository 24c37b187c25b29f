package cn.fundmonitor.warehousing;

import static cn.fundmonitor.warehousing.WarehousingVariables.*;

import cn.fundmonitor.platform.Actors;
import cn.fundmonitor.project.ProjectReserveService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The reviewer refuses the application (不予入库). */
@Component
class RejectApplicationDelegate implements JavaDelegate {

  private final ProjectReserveService reserve;

  RejectApplicationDelegate(ProjectReserveService reserve) {
    this.reserve = reserve;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reserve.reject(PROJECT_CODE.get(execution), Actors.current(execution),
        REVIEW_COMMENT.get(execution));
  }
}
