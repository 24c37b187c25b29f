package cn.fundmonitor.problems;

import static cn.fundmonitor.problems.ProblemEscalationProcess.*;

import cn.fundmonitor.common.InvalidInputException;
import java.util.Arrays;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Refuses a decision or confirmation the gateways cannot route. */
@Component
class ProblemDecisionListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    if (TASK_DECIDE.equals(execution.getCurrentActivityId())) {
      var decision = DECISION.get(execution);
      if (decision == null || Arrays.stream(Decision.values()).noneMatch(d -> d.name().equals(decision))) {
        throw new InvalidInputException("处理意见有误", "请选择处理意见：责令整改，或经核查不成立");
      }
    } else {
      var outcome = CONFIRMATION_OUTCOME.get(execution);
      if (outcome == null
          || Arrays.stream(ConfirmationOutcome.values()).noneMatch(o -> o.name().equals(outcome))) {
        throw new InvalidInputException("确认意见有误", "请选择：整改已到位，或整改未到位");
      }
      if (ConfirmationOutcome.REJECT.name().equals(outcome)) {
        var comment = CONFIRMATION_COMMENT.get(execution);
        if (comment == null || comment.isBlank()) {
          throw new InvalidInputException("确认意见有误", "整改未到位时必须说明原因");
        }
      }
    }
  }
}
