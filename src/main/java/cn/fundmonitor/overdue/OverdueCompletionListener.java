package cn.fundmonitor.overdue;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * On the end of a task that has a deadline: if it had become overdue, the record is closed with the
 * days it was late and the Cockpit incident resolved.
 */
@Component
class OverdueCompletionListener implements ExecutionListener {

  private final OverdueService overdue;
  private final OverdueIncidents incidents;

  OverdueCompletionListener(OverdueService overdue, OverdueIncidents incidents) {
    this.overdue = overdue;
    this.incidents = incidents;
  }

  @Override
  public void notify(DelegateExecution execution) {
    overdue.completeByExecution(execution.getId()).ifPresent(incidents::resolve);
  }
}
