package cn.fundmonitor.filing;

import static cn.fundmonitor.filing.QuarterlyFilingProcess.*;

import cn.fundmonitor.problems.ProblemEscalationProcess;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * A yellow or red execution warning raises a problem (MNR 第十二条: 及时反馈资金支付和绩效目标进展
 * 缓慢等问题): the message ProblemRaised starts problemEscalation with the project and the reason.
 */
@Component
class RaiseProblemDelegate implements JavaDelegate {

  private final FilingService filings;

  RaiseProblemDelegate(FilingService filings) {
    this.filings = filings;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void execute(DelegateExecution execution) {
    var f = filings.get(execution.getProcessBusinessKey());
    List<Map<String, Object>> warnings = EXECUTION_WARNINGS.get(execution);
    var slowPayment = warnings != null && warnings.stream()
        .anyMatch(w -> "EXECUTION".equals(w.get("dimension")));
    execution.getProcessEngineServices().getRuntimeService()
        .createMessageCorrelation(ProblemEscalationProcess.MESSAGE_PROBLEM_RAISED)
        .setVariables(Variables.createVariables()
            .putValue(ProblemEscalationProcess.PROJECT_CODE.name(), f.projectCode())
            .putValue(ProblemEscalationProcess.PROBLEM_KIND.name(),
                slowPayment ? "SLOW_PAYMENT" : "SLOW_PROGRESS")
            .putValue(ProblemEscalationProcess.PROBLEM_AMOUNT.name(),
                f.receivedAmount().amount().toPlainString())
            .putValue(ProblemEscalationProcess.PROBLEM_DESCRIPTION.name(),
                f.quarter().label() + "执行监控" + FilingTexts.level(f.warningLevel()) + "预警："
                    + f.warningReason())
            .putValue(ProblemEscalationProcess.SOURCE_REF.name(), f.businessKey())
            .putValue(ProblemEscalationProcess.WARNING_LEVEL.name(), f.warningLevel()))
        .correlateStartMessage();
  }
}
