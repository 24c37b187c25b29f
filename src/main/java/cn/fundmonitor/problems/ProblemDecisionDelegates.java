package cn.fundmonitor.problems;

import static cn.fundmonitor.problems.ProblemEscalationProcess.*;

import cn.fundmonitor.platform.Actors;
import java.util.Arrays;
import org.springframework.beans.factory.annotation.Value;
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
      // the next gateway routes by the record, not by a variable a task's completion could set
      MAJOR.set(execution, problems.get(PROBLEM_NO.get(execution)).isMajor());
      CONFIRMATION_OUTCOME.set(execution, null);
      CONFIRMATION_COMMENT.set(execution, null);
    }
  }

  /**
   * The superior confirms the rectification: the problem is closed; a misappropriation goes on to
   * its referral for accountability.
   */
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
      // GX 第三十三条: whether it is referred follows from the record, whatever the form sent
      ACCOUNTABILITY_REFERRAL.set(execution,
          problems.get(PROBLEM_NO.get(execution)).kind() == ProblemKind.MISAPPROPRIATION);
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
      PROVINCE_VERIFICATION.set(execution, null);
    }
  }

  /** The province's opinion on a major problem's rectification (MNR 第十二条). */
  @Component("recordProvinceVerificationDelegate")
  static class RecordProvinceVerification implements JavaDelegate {
    private final ProblemService problems;

    RecordProvinceVerification(ProblemService problems) {
      this.problems = problems;
    }

    @Override
    public void execute(DelegateExecution execution) {
      problems.verifyByProvince(PROBLEM_NO.get(execution), PROVINCE_VERIFICATION.get(execution),
          Actors.current(execution));
    }
  }

  /** A confirmed misappropriation is referred for accountability (GX 第三十三条、第三十四条). */
  @Component("referForAccountabilityDelegate")
  static class ReferForAccountability implements JavaDelegate {
    /**
     * To whom, a configurable default ({@code fundmonitor.problems.referral-recipients}): GX
     * 第三十三条 (追究相应责任) and 第三十四条 (财政违法行为处罚) name the laws, not the body;
     * 纪检监察机关 and the 财政部门 apply them.
     */
    static final String REFERRAL_RECIPIENTS = "纪检监察机关,同级财政部门";

    private final ProblemService problems;
    private final String recipients;

    ReferForAccountability(ProblemService problems,
        @Value("${fundmonitor.problems.referral-recipients:" + REFERRAL_RECIPIENTS + "}")
        String recipients) {
      this.problems = problems;
      this.recipients = recipients;
    }

    @Override
    public void execute(DelegateExecution execution) {
      problems.referForAccountability(PROBLEM_NO.get(execution),
          Arrays.asList(recipients.split(",")), Actors.current(execution));
    }
  }
}
