package cn.fundmonitor.filing;

import static cn.fundmonitor.filing.QuarterlyFilingProcess.*;

import cn.fundmonitor.platform.Actors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The province returns the filing to the unit for correction. */
@Component
class ReturnQuarterFilingDelegate implements JavaDelegate {

  private final FilingService filings;

  ReturnQuarterFilingDelegate(FilingService filings) {
    this.filings = filings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    filings.returnFiling(execution.getProcessBusinessKey(), REVIEW_COMMENT.get(execution),
        Actors.current(execution));
  }
}
