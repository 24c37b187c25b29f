package cn.fundmonitor.warehousing;

import static cn.fundmonitor.warehousing.AnnualSelectionProcess.*;

import cn.fundmonitor.project.ProjectReserveService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Finds the provinces that have warehoused projects to choose from for the budget year. */
@Component
class PrepareSelectionDelegate implements JavaDelegate {

  private final ProjectReserveService reserve;
  private final AnnualSelectionSchedule schedule;

  PrepareSelectionDelegate(ProjectReserveService reserve, AnnualSelectionSchedule schedule) {
    this.reserve = reserve;
    this.schedule = schedule;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var year = BUDGET_YEAR.get(execution);
    if (year == null) {
      year = schedule.nextBudgetYear();
      BUDGET_YEAR.set(execution, year);
    }
    if (execution.getProcessBusinessKey() == null) {
      execution.setProcessBusinessKey("selection-" + year);
    }
    PROVINCE_CODES.set(execution, reserve.provincesWithCandidates(year));
    SELECTION_DUE_DATE.set(execution, schedule.dueDate());
  }
}
