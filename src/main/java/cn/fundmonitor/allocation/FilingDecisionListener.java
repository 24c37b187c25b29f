package cn.fundmonitor.allocation;

import static cn.fundmonitor.allocation.FundAllocationProcess.*;

import cn.fundmonitor.common.Choices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Refuses an acknowledgement the gateway cannot route, or a return without its reason. */
@Component
class FilingDecisionListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    var outcome = Choices.required(ACKNOWLEDGEMENT_OUTCOME.get(execution),
        AcknowledgementOutcome.class, "确认意见有误", "请选择：确认报备，或退回修改");
    Choices.reasonRequired(outcome == AcknowledgementOutcome.RETURN,
        ACKNOWLEDGEMENT_COMMENT.get(execution), "确认意见有误", "退回报备时必须填写退回原因");
  }
}
