package cn.fundmonitor.architecture.seeded.filing;

import cn.fundmonitor.problems.ProblemEscalationProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Seeded violation: a feature starts problemEscalation itself, by its key and by its start message,
 * instead of through problems/ProblemReports.
 */
public class WarningRaisesProblem {
  public void startByKey(RuntimeService runtime) {
    runtime.startProcessInstanceByKey(ProblemEscalationProcess.KEY,
        Variables.createVariables().putValue("projectCode", "450102-2026-0001"));
  }

  public void correlateStartMessage(RuntimeService runtime) {
    runtime.createMessageCorrelation(ProblemEscalationProcess.MESSAGE_PROBLEM_RAISED)
        .correlateStartMessage();
  }
}
