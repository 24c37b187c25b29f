package cn.fundmonitor.filing;

import static cn.fundmonitor.filing.QuarterlyFilingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Starts one batch of filings in one transaction (its own job): each filing opens at once, up to
 * its first task, so tens of thousands of projects cost a few hundred commits, not one each. A
 * retried batch skips the filings it already created.
 */
@Component
class StartFilingBatchDelegate implements JavaDelegate {

  private final FilingService filings;

  StartFilingBatchDelegate(FilingService filings) {
    this.filings = filings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var quarter = new Quarter(FILING_YEAR.get(execution), FILING_QUARTER.get(execution));
    var runtime = execution.getProcessEngineServices().getRuntimeService();
    for (var project : filings.funded(BATCH_OFFSET.get(execution), BATCH_SIZE.get(execution))) {
      if (filings.prepare(project, quarter)) {
        runtime.createProcessInstanceByKey(KEY).businessKey(quarter.key(project))
            .setVariables(Variables.createVariables()
                .putValue(FILING_YEAR.name(), quarter.year())
                .putValue(FILING_QUARTER.name(), quarter.quarter())
                .putValue(PROJECT_CODE.name(), project))
            .execute();
      }
    }
  }
}
