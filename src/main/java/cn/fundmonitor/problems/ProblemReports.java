package cn.fundmonitor.problems;

import static cn.fundmonitor.problems.ProblemEscalationProcess.*;

import cn.fundmonitor.money.Yuan;
import java.util.Objects;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The front door of problemEscalation (issue 18, process triggers owned by the target): the one
 * place that starts it and knows the variables its model expects. Monitoring and the lifecycle
 * {@link #raise} a problem (message ProblemRaised, MNR 第十二条: 及时反馈资金支付和绩效目标进展缓慢等问题);
 * a user's own report starts at the form's start event ({@link #report}), as the user.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ProblemReports {

  /**
   * A problem as its source reports it.
   *
   * @param projectCode the project concerned
   * @param kind what went wrong
   * @param amount the money concerned
   * @param description what happened, in Chinese, shown to the handling unit
   * @param sourceRef where the problem was found (a filing's business key, a lifecycle step);
   *     null for a user's report
   * @param warningLevel the execution warning's level code ({@code YELLOW}, {@code RED}) when the
   *     problem comes from a warning; the DMN problemSeverity reads it
   */
  public record Report(String projectCode, ProblemKind kind, Yuan amount, String description,
      String sourceRef, String warningLevel) {

    public Report {
      Objects.requireNonNull(projectCode, "projectCode");
      Objects.requireNonNull(kind, "kind");
    }

    /** A person's report: no source but the reporter. */
    public static Report byUser(String projectCode, ProblemKind kind, Yuan amount,
        String description) {
      return new Report(projectCode, kind, amount, description, null, null);
    }

    VariableMap variables() {
      var vars = Variables.createVariables();
      PROJECT_CODE.putInto(vars, projectCode);
      PROBLEM_KIND.putInto(vars, kind.name());
      if (amount != null) {
        PROBLEM_AMOUNT.putInto(vars, amount.amount().toPlainString());
      }
      PROBLEM_DESCRIPTION.putInto(vars, description);
      // absent rather than null: registerProblemDelegate tells monitoring from a user by sourceRef
      if (sourceRef != null) {
        SOURCE_REF.putInto(vars, sourceRef);
      }
      if (warningLevel != null) {
        WARNING_LEVEL.putInto(vars, warningLevel);
      }
      return vars;
    }
  }

  private final RuntimeService runtime;
  private final HistoryService history;

  /**
   * A problem found by the system (monitoring, the lifecycle): the message ProblemRaised starts
   * problemEscalation. Called from a delegate, it joins the caller's transaction.
   *
   * <p>Idempotent per raise key: the raising steps run in a job of their own (asyncBefore), and a
   * step that runs again (its job retried, the step restarted in Cockpit) finds the problem an
   * earlier run started, running or ended, and starts none.
   *
   * @param raiseKey the same for every run of one raise, another for another raise (a returned
   *     filing filed again with a warning raises again)
   * @return the id of the problemEscalation instance, the one started or the one found
   */
  public String raise(Report report, String raiseKey) {
    Objects.requireNonNull(report.sourceRef(), "a raised problem names where it was found");
    Objects.requireNonNull(raiseKey, "raiseKey");
    var earlier = RAISE_KEY.whereEquals(history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(KEY), raiseKey).list();
    if (!earlier.isEmpty()) {
      return earlier.get(0).getId();
    }
    return runtime.createMessageCorrelation(MESSAGE_PROBLEM_RAISED)
        .setVariables(RAISE_KEY.putInto(report.variables(), raiseKey))
        .correlateStartMessage().getId();
  }

  /**
   * A problem a person reports: problemEscalation starts at the report form's start event, whose
   * initiator is the authenticated user.
   */
  public ProcessInstance report(Report report) {
    if (report.sourceRef() != null) {
      throw new IllegalArgumentException("a person's report has no source reference");
    }
    return runtime.startProcessInstanceByKey(KEY, report.variables());
  }
}
