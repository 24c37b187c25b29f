package cn.fundmonitor.filing;

import static cn.fundmonitor.filing.QuarterlyFilingProcess.*;

import cn.fundmonitor.common.InvalidInputException;
import java.util.Arrays;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Refuses a review the gateway cannot route, or a return without its reason. */
@Component
class QuarterReviewListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    var outcome = REVIEW_OUTCOME.get(execution);
    if (outcome == null || Arrays.stream(ReviewOutcome.values()).noneMatch(o -> o.name().equals(outcome))) {
      throw new InvalidInputException("审核意见有误", "请选择：审核通过并传输至自然资源部，或退回修改");
    }
    var comment = REVIEW_COMMENT.get(execution);
    if (ReviewOutcome.RETURN.name().equals(outcome) && (comment == null || comment.isBlank())) {
      throw new InvalidInputException("审核意见有误", "退回修改时必须填写审核意见");
    }
  }
}
