package cn.fundmonitor.problems;

import static cn.fundmonitor.problems.ProblemEscalationProcess.*;

import cn.fundmonitor.platform.Actors;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the problem, from a user's report or from monitoring, and sets the DMN's inputs. */
@Component
class RegisterProblemDelegate implements JavaDelegate {

  private final ProblemService problems;

  RegisterProblemDelegate(ProblemService problems) {
    this.problems = problems;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var reporter = REPORTER.get(execution);
    if (reporter == null) {
      reporter = Actors.current(execution);
      REPORTER.set(execution, reporter);
    }
    var monitoring = SOURCE_REF.get(execution) != null;
    var p = problems.raise(new RawProblem(execution.getVariable(PROJECT_CODE.name()),
            execution.getVariable(PROBLEM_KIND.name()), PROBLEM_AMOUNT.get(execution),
            execution.getVariable(PROBLEM_DESCRIPTION.name()), monitoring ? "MONITORING" : "USER",
            SOURCE_REF.get(execution), WARNING_LEVEL.get(execution)),
        reporter, monitoring ? List.of() : Actors.groups(execution, reporter),
        execution.getProcessInstanceId());
    execution.setProcessBusinessKey(p.problemNo());
    PROBLEM_NO.set(execution, p.problemNo());
    KIND_INPUT.set(execution, p.kind().name());
    AMOUNT_INPUT.set(execution, p.amount() == null ? null : p.amount().amount().doubleValue());
    UNIT_LEVEL.set(execution, problems.unitLevel(p).name());
    if (!execution.hasVariable(WARNING_LEVEL.name())) {
      WARNING_LEVEL.set(execution, null); // the DMN reads it; a user's report has none
    }
  }
}
