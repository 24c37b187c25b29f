package cn.fundmonitor.overdue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A deadline passed while its task still waits (non-interrupting timer): records the overdue step,
 * raises the Cockpit incident and prepares the superior's follow-up (催办). The BPMN says which
 * task through input parameters: overdueActivity (the task's id), overdueStep (its name),
 * overdueUnitVariable (the variable holding the responsible unit's code, which also tells the
 * branches of a multi-instance apart), overdueResponsibleGroup, overdueEscalationGroup; it maps
 * the local {@code overdueInfo} out for the follow-up form.
 */
@Component
class RecordOverdueDelegate implements JavaDelegate {

  public static final String OVERDUE_INFO = "overdueInfo";

  private final OverdueService overdue;
  private final OverdueIncidents incidents;
  private final ZoneId zone;

  RecordOverdueDelegate(OverdueService overdue, OverdueIncidents incidents, Clock clock) {
    this.overdue = overdue;
    this.incidents = incidents;
    this.zone = clock.getZone();
  }

  @Override
  public void execute(DelegateExecution execution) {
    var activity = (String) execution.getVariableLocal("overdueActivity");
    var unitVariable = (String) execution.getVariableLocal("overdueUnitVariable");
    var unit = (String) execution.getVariable(unitVariable);
    var tasks = execution.getProcessEngineServices().getTaskService();
    var task = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(activity).list().stream()
        .filter(t -> unit.equals(tasks.getVariable(t.getId(), unitVariable)))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no waiting " + activity + " for " + unit));
    var step = overdue.record(execution.getProcessInstanceId(), execution.getProcessBusinessKey(),
        activity, (String) execution.getVariableLocal("overdueStep"), unit,
        (String) execution.getVariableLocal("overdueResponsibleGroup"),
        (String) execution.getVariableLocal("overdueEscalationGroup"),
        LocalDate.ofInstant(task.getDueDate().toInstant(), zone), task.getExecutionId());
    incidents.raise(step);
    execution.setVariableLocal(OVERDUE_INFO, overdue.describe(step) + "。请督促"
        + "责任单位尽快办理（候选组 " + step.responsibleGroup() + "）。");
  }
}
