package cn.fundmonitor.filing;

import static cn.fundmonitor.filing.QuarterlyFilingProcess.*;

import cn.fundmonitor.platform.Actors;
import cn.fundmonitor.platform.JsonVariables;
import java.util.HashMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Checks and records the unit's filing; hands the progress ratios to the execution warning. */
@Component
class RecordQuarterFilingDelegate implements JavaDelegate {

  private final FilingService filings;

  RecordQuarterFilingDelegate(FilingService filings) {
    this.filings = filings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var sources = new HashMap<String, Object>();
    for (var source : FundSource.values()) {
      sources.put(source.name(), execution.getVariable(paidField(source)));
    }
    var facts = filings.file(execution.getProcessBusinessKey(), PAID_TO_DATE.get(execution),
        sources, PHYSICAL_PROGRESS.get(execution),
        JsonVariables.rows(INDICATOR_ACTUALS.get(execution)), Actors.current(execution));
    EXECUTION_PROGRESS.set(execution, facts.executionProgress());
    PHYSICAL_PROGRESS_RATIO.set(execution, facts.physicalProgressRatio());
    LOWEST_INDICATOR_PROGRESS.set(execution, facts.lowestIndicatorProgress());
    HIGHEST_INDICATOR_PROGRESS.set(execution, facts.highestIndicatorProgress());
    PROGRESS_REFERENCE.set(execution, facts.reference() == null ? null : facts.reference().name());
    ACTUAL_EXECUTION.set(execution, facts.actualExecution());
    REFERENCE_EXECUTION.set(execution, facts.referenceExecution());
    REFERENCE_PHYSICAL.set(execution, facts.referencePhysical());
  }
}
