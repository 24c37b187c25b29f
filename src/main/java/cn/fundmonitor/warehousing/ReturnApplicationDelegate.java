package cn.fundmonitor.warehousing;

import static cn.fundmonitor.warehousing.WarehousingVariables.*;

import cn.fundmonitor.platform.Actors;
import cn.fundmonitor.project.ProjectReserveService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The reviewer returns the application for correction (退回修改). */
@Component
class ReturnApplicationDelegate implements JavaDelegate {

  private final ProjectReserveService reserve;

  ReturnApplicationDelegate(ProjectReserveService reserve) {
    this.reserve = reserve;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var comment = REVIEW_COMMENT.get(execution);
    reserve.returnForCorrection(PROJECT_CODE.get(execution), Actors.current(execution), comment);
    CORRECTION_FEEDBACK.set(execution, "审核退回：" + comment.strip());
    REVISION_ACTION.set(execution, null);
    REVISION_NOTE.set(execution, null);
  }
}
