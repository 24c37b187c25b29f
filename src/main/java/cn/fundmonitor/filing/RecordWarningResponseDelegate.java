package cn.fundmonitor.filing;

import static cn.fundmonitor.filing.QuarterlyFilingProcess.*;

import cn.fundmonitor.platform.Actors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the filing unit's answer to a red warning (资阳 三(三): 偏离目标的及时纠偏) and adds it to
 * what the province reads when it reviews.
 */
@Component
class RecordWarningResponseDelegate implements JavaDelegate {

  private final FilingService filings;

  RecordWarningResponseDelegate(FilingService filings) {
    this.filings = filings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var key = execution.getProcessBusinessKey();
    filings.recordWarningResponse(key, WARNING_RESPONSE_KIND.get(execution),
        WARNING_RESPONSE_TEXT.get(execution), Actors.current(execution));
    // from the record, not from what the completion sent: the province reads what was decided
    var f = filings.get(key);
    WARNING_TEXT.set(execution, f.warningText());
    WARNING_DETAILS.set(execution, f.warningDetails() + "\n填报单位" + f.warningResponse());
  }
}
