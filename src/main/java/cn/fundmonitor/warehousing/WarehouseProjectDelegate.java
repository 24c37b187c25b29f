package cn.fundmonitor.warehousing;

import static cn.fundmonitor.warehousing.WarehousingVariables.*;

import cn.fundmonitor.platform.Actors;
import cn.fundmonitor.project.ProjectReserveService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Approval: the project is filed and warehoused (备案入库, MNR 第九条). */
@Component
class WarehouseProjectDelegate implements JavaDelegate {

  private final ProjectReserveService reserve;

  WarehouseProjectDelegate(ProjectReserveService reserve) {
    this.reserve = reserve;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reserve.warehouse(PROJECT_CODE.get(execution), Actors.current(execution),
        REVIEW_COMMENT.get(execution));
  }
}
