package cn.fundmonitor.allocation;

import static cn.fundmonitor.allocation.FundAllocationProcess.*;

import cn.fundmonitor.common.InvalidInputException;
import java.util.Arrays;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Refuses an acknowledgement the gateway cannot route, or a return without its reason. */
@Component
class FilingDecisionListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    var outcome = ACKNOWLEDGEMENT_OUTCOME.get(execution);
    if (outcome == null || Arrays.stream(AcknowledgementOutcome.values())
        .noneMatch(o -> o.name().equals(outcome))) {
      throw new InvalidInputException("确认意见有误", "请选择：确认报备，或退回修改");
    }
    var comment = ACKNOWLEDGEMENT_COMMENT.get(execution);
    if (AcknowledgementOutcome.RETURN.name().equals(outcome) && (comment == null || comment.isBlank())) {
      throw new InvalidInputException("确认意见有误", "退回报备时必须填写退回原因");
    }
  }
}
