package cn.fundmonitor.filing;

import static cn.fundmonitor.filing.QuarterlyFilingProcess.*;

import cn.fundmonitor.platform.Actors;
import cn.fundmonitor.platform.JsonVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The province transmits the reviewed filing to the ministry; it is locked from now on. */
@Component
class TransmitToMinistryDelegate implements JavaDelegate {

  private final FilingService filings;

  TransmitToMinistryDelegate(FilingService filings) {
    this.filings = filings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    filings.transmit(execution.getProcessBusinessKey(),
        JsonVariables.rows(QUALITATIVE_RATES.get(execution)), Actors.current(execution));
  }
}
