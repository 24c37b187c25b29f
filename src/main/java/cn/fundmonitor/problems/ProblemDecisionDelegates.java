package cn.fundmonitor.problems;

import static cn.fundmonitor.problems.ProblemEscalationProcess.*;

import cn.fundmonitor.platform.Actors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The thin delegates of the decision and rectification steps, one bean each. */
final class ProblemDecisionDelegates {

  private ProblemDecisionDelegates() {}

  /** The handling unit dismisses the problem with its reasons. */
  @Component("dismissProblemDelegate")
  static class Dismiss implements JavaDelegate {
    private final ProblemService problems;

    Dismiss(ProblemService problems) {
      this.problems = problems;
    }

    @Override
    public void execute(DelegateExecution execution) {
      problems.decide(PROBLEM_NO.get(execution), Decision.DISMISS.name(),
          DECISION_REASON.get(execution), null, Actors.current(execution));
    }
  }

  /** The handling unit orders a rectification (整改) by a date. */
  @Component("orderRectificationDelegate")
  static class OrderRectification implements JavaDelegate {
    private final ProblemService problems;

    OrderRectification(ProblemService problems) {
      this.problems = problems;
    }

    @Override
    public void execute(DelegateExecution execution) {
      problems.decide(PROBLEM_NO.get(execution), Decision.RECTIFY.name(),
          DECISION_REASON.get(execution), RECTIFY_BY.get(execution), Actors.current(execution));
    }
  }

  /** The unit reports its rectification done. */
  @Component("recordRectificationDelegate")
  static class RecordRectification implements JavaDelegate {
    private final ProblemService problems;

    RecordRectification(ProblemService problems) {
      this.problems = problems;
    }

    @Override
    public void execute(DelegateExecution execution) {
      problems.reportRectification(PROBLEM_NO.get(execution), RECTIFICATION_REPORT.get(execution),
          Actors.current(execution));
      CONFIRMATION_OUTCOME.set(execution, null);
      CONFIRMATION_COMMENT.set(execution, null);
    }
  }

  /** The superior confirms the rectification: the problem is closed. */
  @Component("closeProblemDelegate")
  static class Close implements JavaDelegate {
    private final ProblemService problems;

    Close(ProblemService problems) {
      this.problems = problems;
    }

    @Override
    public void execute(DelegateExecution execution) {
      problems.confirmRectification(PROBLEM_NO.get(execution), CONFIRMATION_COMMENT.get(execution),
          Actors.current(execution));
    }
  }

  /** The superior finds the rectification insufficient: the unit rectifies again. */
  @Component("rejectRectificationDelegate")
  static class RejectRectification implements JavaDelegate {
    private final ProblemService problems;

    RejectRectification(ProblemService problems) {
      this.problems = problems;
    }

    @Override
    public void execute(DelegateExecution execution) {
      problems.rejectRectification(PROBLEM_NO.get(execution), CONFIRMATION_COMMENT.get(execution),
          Actors.current(execution));
      RECTIFICATION_REPORT.set(execution, null);
    }
  }
}
