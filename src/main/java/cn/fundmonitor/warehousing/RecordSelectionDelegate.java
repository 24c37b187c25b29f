package cn.fundmonitor.warehousing;

import static cn.fundmonitor.warehousing.AnnualSelectionProcess.*;

import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.platform.Actors;
import cn.fundmonitor.platform.JsonVariables;
import cn.fundmonitor.project.ProjectReserveService;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the province's choice of next year's supported projects. */
@Component
class RecordSelectionDelegate implements JavaDelegate {

  private final ProjectReserveService reserve;

  RecordSelectionDelegate(ProjectReserveService reserve) {
    this.reserve = reserve;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reserve.select(PROVINCE_CODE.get(execution), BUDGET_YEAR.get(execution),
        codes(SELECTED_PROJECTS.get(execution)), Actors.current(execution),
        SELECTION_NOTE.get(execution));
  }

  private static List<String> codes(Object value) {
    try {
      return JsonVariables.strings(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("遴选结果有误", "所选项目应为项目编码列表");
    }
  }
}
