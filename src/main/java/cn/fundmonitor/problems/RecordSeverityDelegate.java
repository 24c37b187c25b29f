package cn.fundmonitor.problems;

import static cn.fundmonitor.problems.ProblemEscalationProcess.*;

import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Records the DMN's verdict and who handles the problem: the ministry or the province. */
@Component
class RecordSeverityDelegate implements JavaDelegate {

  private final ProblemService problems;
  private final Clock clock;
  private final int handlingDays;

  RecordSeverityDelegate(ProblemService problems, Clock clock,
      @Value("${fundmonitor.problems.handling-days:" + HANDLING_DAYS + "}") int handlingDays) {
    this.problems = problems;
    this.clock = clock;
    this.handlingDays = handlingDays;
  }

  @Override
  public void execute(DelegateExecution execution) {
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
  }
}
