package cn.fundmonitor.architecture.seeded.problems;

import org.camunda.bpm.engine.RuntimeService;

/** Not a violation: problems/ starts its own process. */
public class ProblemStarter {
  public void raise(RuntimeService runtime) {
    runtime.createMessageCorrelation("ProblemRaised").correlateStartMessage();
  }
}
