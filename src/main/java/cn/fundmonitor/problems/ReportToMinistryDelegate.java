package cn.fundmonitor.problems;

import static cn.fundmonitor.problems.ProblemEscalationProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A major problem is reported to the ministry at once (重大问题及时报部): the report is the record
 * made with the severity; this step tells the province of the unit, which keeps tracking it
 * (MNR 第十二条), and makes the report visible in the diagram and the log.
 */
@Component
class ReportToMinistryDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(ReportToMinistryDelegate.class);

  private final ProblemService problems;

  ReportToMinistryDelegate(ProblemService problems) {
    this.problems = problems;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var p = problems.get(PROBLEM_NO.get(execution));
    problems.informProvince(p.problemNo());
    LOG.info("Major problem {} ({}) reported to the ministry: {}", p.problemNo(), p.kind().label(),
        p.severityReason());
  }
}
