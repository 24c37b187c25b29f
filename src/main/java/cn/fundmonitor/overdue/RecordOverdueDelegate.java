package cn.fundmonitor.overdue;

import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.organisation.Role;
import cn.fundmonitor.organisation.UnitGroup;
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
 * branches of a multi-instance apart) and overdueResponsibleGroup. The superior unit's finance
 * department (a county's city, a city's province, a province's ministry) follows up: the BPMN maps
 * {@code overdueEscalationGroup} and {@code overdueInfo} out for the follow-up task, and
 * {@code overdueDueDate} (the late task's own due date) as the follow-up's due date, so the
 * follow-up is itself overdue and shows in the superior's 逾期任务 filter.
 */
@Component
class RecordOverdueDelegate implements JavaDelegate {

  public static final String OVERDUE_INFO = "overdueInfo";

  public static final String ESCALATION_GROUP = "overdueEscalationGroup";

  public static final String DUE_DATE = "overdueDueDate";

  private final OverdueService overdue;
  private final OverdueIncidents incidents;
  private final OrganisationService organisation;
  private final ZoneId zone;

  RecordOverdueDelegate(OverdueService overdue, OverdueIncidents incidents,
      OrganisationService organisation, Clock clock) {
    this.overdue = overdue;
    this.incidents = incidents;
    this.organisation = organisation;
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
    var escalation = UnitGroup.of(organisation.get(unit).parentCode(), Role.FINANCE).id();
    var step = overdue.record(execution.getProcessInstanceId(), execution.getProcessBusinessKey(),
        activity, (String) execution.getVariableLocal("overdueStep"), unit,
        (String) execution.getVariableLocal("overdueResponsibleGroup"), escalation,
        LocalDate.ofInstant(task.getDueDate().toInstant(), zone), task.getExecutionId());
    incidents.raise(step);
    execution.setVariableLocal(ESCALATION_GROUP, escalation);
    execution.setVariableLocal(DUE_DATE, task.getDueDate());
    execution.setVariableLocal(OVERDUE_INFO, overdue.describe(step) + "。请督促"
        + organisation.groupName(step.responsibleGroup()) + "尽快办理。");
  }
}
