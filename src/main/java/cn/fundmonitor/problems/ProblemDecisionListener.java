package cn.fundmonitor.problems;

import static cn.fundmonitor.problems.ProblemEscalationProcess.*;

import cn.fundmonitor.common.Choices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Refuses a decision or confirmation the gateways cannot route. */
@Component
class ProblemDecisionListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    if (TASK_DECIDE.equals(execution.getCurrentActivityId())) {
      Choices.required(DECISION.get(execution), Decision.class, "处理意见有误",
          "请选择处理意见：责令整改，或经核查不成立");
    } else {
      var outcome = Choices.required(CONFIRMATION_OUTCOME.get(execution), ConfirmationOutcome.class,
          "确认意见有误", "请选择：整改已到位，或整改未到位");
      Choices.reasonRequired(outcome == ConfirmationOutcome.REJECT, CONFIRMATION_COMMENT.get(execution),
          "确认意见有误", "整改未到位时必须说明原因");
    }
  }
}
