package cn.fundmonitor.overdue;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Overdue steps as Camunda incidents of type {@value #TYPE} on the waiting task: Cockpit lists
 * them on its dashboard and on the task in the diagram, each with its unit and days late.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class OverdueIncidents {

  public static final String TYPE = "overdue";

  private final RuntimeService runtime;
  private final OverdueService overdue;

  /** Raises (or renews, with today's days late) the incident of an open overdue step. */
  public void raise(OverdueStep step) {
    resolve(step);
    var incident = runtime.createIncident(TYPE, step.taskExecutionId(), String.valueOf(step.id()),
        overdue.describe(step));
    overdue.attachIncident(step, incident.getId());
  }

  public void resolve(OverdueStep step) {
    if (step.incidentId() != null
        && runtime.createIncidentQuery().incidentId(step.incidentId()).count() > 0) {
      runtime.resolveIncident(step.incidentId());
    }
  }

  public boolean isWaiting(OverdueStep step) {
    return runtime.createExecutionQuery().executionId(step.taskExecutionId()).count() > 0;
  }

  /**
   * Renews every open overdue step's incident so Cockpit shows today's days late, and closes the
   * records of steps that no longer wait (their instance was cancelled); how many were renewed.
   */
  public int renewAll() {
    int renewed = 0;
    for (var step : overdue.open()) {
      if (isWaiting(step)) {
        raise(step);
        renewed++;
      } else {
        overdue.close(step);
      }
    }
    return renewed;
  }
}
