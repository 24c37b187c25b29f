package cn.fundmonitor.problems;

import static cn.fundmonitor.problems.ProblemEscalationProcess.*;

import cn.fundmonitor.common.Choices;
import cn.fundmonitor.platform.Actors;
import cn.fundmonitor.platform.DecisionTasks;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The thin delegates of problemEscalation: variables in, one service call, variables out. */
@Configuration(proxyBeanMethods = false)
class ProblemEscalationDelegates {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemEscalationDelegates.class);

  /**
   * To whom a misappropriation is referred, a configurable default
   * ({@code fundmonitor.problems.referral-recipients}): GX 第三十三条 (追究相应责任) and 第三十四条
   * (财政违法行为处罚) name the laws, not the body; 纪检监察机关 and the 财政部门 apply them.
   */
  static final String REFERRAL_RECIPIENTS = "纪检监察机关,同级财政部门";

  /** Records the problem, from a user's report or from monitoring, and sets the DMN's inputs. */
  @Bean
  JavaDelegate registerProblemDelegate(ProblemService problems) {
    return execution -> {
      var reporter = REPORTER.get(execution);
      if (reporter == null) {
        reporter = Actors.current(execution);
        REPORTER.set(execution, reporter);
      }
      var monitoring = SOURCE_REF.get(execution) != null;
      var p = problems.raise(new RawProblem(PROJECT_CODE.raw(execution),
              PROBLEM_KIND.raw(execution), PROBLEM_AMOUNT.get(execution),
              PROBLEM_DESCRIPTION.raw(execution), monitoring ? "MONITORING" : "USER",
              SOURCE_REF.get(execution), WARNING_LEVEL.get(execution)),
          reporter, monitoring ? List.of() : Actors.groups(execution, reporter),
          execution.getProcessInstanceId());
      execution.setProcessBusinessKey(p.problemNo());
      PROBLEM_NO.set(execution, p.problemNo());
      KIND_INPUT.set(execution, p.kind().name());
      AMOUNT_INPUT.set(execution, p.amount() == null ? null : p.amount().amount().doubleValue());
      UNIT_LEVEL.set(execution, problems.unitLevel(p).name());
      if (WARNING_LEVEL.get(execution) == null) {
        WARNING_LEVEL.set(execution, null); // the DMN reads it; a user's report has none
      }
    };
  }

  /** Records the DMN's verdict and who handles the problem: the ministry or the province. */
  @Bean
  JavaDelegate recordSeverityDelegate(ProblemService problems, Clock clock,
      @Value("${fundmonitor.problems.handling-days:" + HANDLING_DAYS + "}") int handlingDays) {
    return execution -> {
      var result = SEVERITY_RESULT.get(execution);
      var assignment = problems.recordSeverity(PROBLEM_NO.get(execution),
          String.valueOf(result.get("severity")), String.valueOf(result.get("reason")));
      var p = problems.get(PROBLEM_NO.get(execution));
      MAJOR.set(execution, p.isMajor());
      HANDLING_UNIT.set(execution, assignment.handlingUnit());
      HANDLING_GROUP.set(execution, assignment.handlingGroup());
      RECTIFYING_GROUPS.set(execution, assignment.rectifyingGroups());
      TRACKING_GROUP.set(execution, assignment.trackingGroup());
      HANDLING_DEADLINE.set(execution, LocalDate.now(clock).plusDays(handlingDays).toString());
      PROBLEM_SUMMARY.set(execution, problems.summary(p));
    };
  }

  /**
   * A major problem is reported to the ministry at once (重大问题及时报部): the report is the record
   * made with the severity; this step tells the province of the unit, which keeps tracking it
   * (MNR 第十二条), and makes the report visible in the diagram and the log.
   */
  @Bean
  JavaDelegate reportToMinistryDelegate(ProblemService problems) {
    return execution -> {
      var p = problems.get(PROBLEM_NO.get(execution));
      problems.informProvince(p.problemNo());
      LOG.info("Major problem {} ({}) reported to the ministry: {}", p.problemNo(), p.kind().label(),
          p.severityReason());
    };
  }

  /** The handling unit dismisses the problem with its reasons. */
  @Bean
  JavaDelegate dismissProblemDelegate(ProblemService problems) {
    return execution -> problems.decide(PROBLEM_NO.get(execution), Decision.DISMISS,
        DECISION_REASON.get(execution), null, Actors.current(execution));
  }

  /** The handling unit orders a rectification (整改) by a date. */
  @Bean
  JavaDelegate orderRectificationDelegate(ProblemService problems) {
    return execution -> problems.decide(PROBLEM_NO.get(execution), Decision.RECTIFY,
        DECISION_REASON.get(execution), RECTIFY_BY.get(execution), Actors.current(execution));
  }

  /** The unit reports its rectification done. */
  @Bean
  JavaDelegate recordRectificationDelegate(ProblemService problems) {
    return execution -> {
      problems.reportRectification(PROBLEM_NO.get(execution), RECTIFICATION_REPORT.get(execution),
          Actors.current(execution));
      // the next gateway routes by the record, not by a variable a task's completion could set
      MAJOR.set(execution, problems.get(PROBLEM_NO.get(execution)).isMajor());
      CONFIRMATION_OUTCOME.set(execution, null);
      CONFIRMATION_COMMENT.set(execution, null);
    };
  }

  /**
   * The superior confirms the rectification: the problem is closed; a misappropriation goes on to
   * its referral for accountability.
   */
  @Bean
  JavaDelegate closeProblemDelegate(ProblemService problems) {
    return execution -> {
      problems.confirmRectification(PROBLEM_NO.get(execution), CONFIRMATION_COMMENT.get(execution),
          Actors.current(execution));
      // GX 第三十三条: whether it is referred follows from the record, whatever the form sent
      ACCOUNTABILITY_REFERRAL.set(execution,
          problems.get(PROBLEM_NO.get(execution)).kind() == ProblemKind.MISAPPROPRIATION);
    };
  }

  /** The superior finds the rectification insufficient: the unit rectifies again. */
  @Bean
  JavaDelegate rejectRectificationDelegate(ProblemService problems) {
    return execution -> {
      problems.rejectRectification(PROBLEM_NO.get(execution), CONFIRMATION_COMMENT.get(execution),
          Actors.current(execution));
      RECTIFICATION_REPORT.set(execution, null);
      PROVINCE_VERIFICATION.set(execution, null);
    };
  }

  /** The province's opinion on a major problem's rectification (MNR 第十二条). */
  @Bean
  JavaDelegate recordProvinceVerificationDelegate(ProblemService problems) {
    return execution -> problems.verifyByProvince(PROBLEM_NO.get(execution),
        PROVINCE_VERIFICATION.get(execution), Actors.current(execution));
  }

  /** A confirmed misappropriation is referred for accountability (GX 第三十三条、第三十四条). */
  @Bean
  JavaDelegate referForAccountabilityDelegate(ProblemService problems,
      @Value("${fundmonitor.problems.referral-recipients:" + REFERRAL_RECIPIENTS + "}")
      String recipients) {
    return execution -> problems.referForAccountability(PROBLEM_NO.get(execution),
        Arrays.asList(recipients.split(",")), Actors.current(execution));
  }

  /** Refuses a decision or confirmation the gateways cannot route. */
  @Bean
  ExecutionListener problemDecisionListener() {
    var confirmation = new Choices.Decision<ConfirmationOutcome>("确认意见有误",
        "请选择：整改已到位，或整改未到位", outcome -> outcome == ConfirmationOutcome.REJECT,
        "整改未到位时必须说明原因", "确认意见");
    return execution -> {
      if (TASK_DECIDE.equals(execution.getCurrentActivityId())) {
        Choices.required(() -> DECISION.get(execution), "处理意见有误",
            "请选择处理意见：责令整改，或经核查不成立");
      } else {
        DecisionTasks.check(execution, confirmation, CONFIRMATION_OUTCOME, CONFIRMATION_COMMENT);
      }
    };
  }
}
