package cn.fundmonitor.overdue;

import static cn.fundmonitor.overdue.OverdueVariables.*;

import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.organisation.Role;
import cn.fundmonitor.organisation.UnitGroup;
import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The thin delegates of overdueRefresh, and the overdue steps every process with deadlines uses:
 * variables in, one service call, variables out.
 */
@Configuration(proxyBeanMethods = false)
class OverdueDelegates {

  /**
   * Daily: renews every open overdue step's incident so Cockpit shows today's days late, and closes
   * the records of steps that no longer wait (their instance was cancelled).
   */
  @Bean
  JavaDelegate refreshOverdueDelegate(OverdueIncidents incidents) {
    return execution -> execution.setVariable("renewedIncidents", incidents.renewAll());
  }

  /**
   * A deadline passed while its task still waits (non-interrupting timer): records the overdue
   * step, raises the Cockpit incident and prepares the superior's follow-up (催办). The BPMN says
   * which task through input parameters: overdueActivity (the task's id), overdueStep (its name),
   * overdueUnitVariable (the variable holding the responsible unit's code, which also tells the
   * branches of a multi-instance apart) and overdueResponsibleGroup. The superior unit's finance
   * department (a county's city, a city's province, a province's ministry) follows up: the BPMN
   * maps {@code overdueEscalationGroup} and {@code overdueInfo} out for the follow-up task, and
   * {@code overdueDueDate} (the late task's own due date) as the follow-up's due date, so the
   * follow-up is itself overdue and shows in the superior's 逾期任务 filter.
   */
  @Bean
  JavaDelegate recordOverdueDelegate(OverdueService overdue, OverdueIncidents incidents,
      OrganisationService organisation, Clock clock) {
    var zone = clock.getZone();
    return execution -> {
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
      var step = overdue.record(execution.getProcessInstanceId(),
          execution.getProcessBusinessKey(), activity,
          (String) execution.getVariableLocal("overdueStep"), unit,
          (String) execution.getVariableLocal("overdueResponsibleGroup"), escalation,
          LocalDate.ofInstant(task.getDueDate().toInstant(), zone), task.getExecutionId());
      incidents.raise(step);
      ESCALATION_GROUP.setLocal(execution, escalation);
      DUE_DATE.setLocal(execution, task.getDueDate());
      OVERDUE_INFO.setLocal(execution, overdue.describe(step) + "。请督促"
          + organisation.groupName(step.responsibleGroup()) + "尽快办理。");
    };
  }

  /**
   * On the end of a task that has a deadline: if it had become overdue, the record is closed with
   * the days it was late and the Cockpit incident resolved.
   */
  @Bean
  ExecutionListener overdueCompletionListener(OverdueService overdue, OverdueIncidents incidents) {
    return execution -> overdue.completeByExecution(execution.getId()).ifPresent(incidents::resolve);
  }
}
