package cn.fundmonitor.overdue;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Daily: renews every open overdue step's incident so Cockpit shows today's days late, and closes
 * the records of steps that no longer wait (their instance was cancelled).
 */
@Component
class RefreshOverdueDelegate implements JavaDelegate {

  private final OverdueService overdue;
  private final OverdueIncidents incidents;

  RefreshOverdueDelegate(OverdueService overdue, OverdueIncidents incidents) {
    this.overdue = overdue;
    this.incidents = incidents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int renewed = 0;
    for (var step : overdue.open()) {
      if (incidents.isWaiting(step)) {
        incidents.raise(step);
        renewed++;
      } else {
        overdue.close(step);
      }
    }
    execution.setVariable("renewedIncidents", renewed);
  }
}
