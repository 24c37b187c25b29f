package cn.fundmonitor.filing;

import static cn.fundmonitor.filing.QuarterlyFilingProcess.*;

import cn.fundmonitor.common.Choices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Refuses a review the gateway cannot route, or a return without its reason. */
@Component
class QuarterReviewListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    var outcome = Choices.required(REVIEW_OUTCOME.get(execution), ReviewOutcome.class, "审核意见有误",
        "请选择：审核通过并传输至自然资源部，或退回修改");
    Choices.reasonRequired(outcome == ReviewOutcome.RETURN, REVIEW_COMMENT.get(execution), "审核意见有误",
        "退回修改时必须填写审核意见");
  }
}
