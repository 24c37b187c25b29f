package cn.fundmonitor.warehousing;

import static cn.fundmonitor.warehousing.WarehousingVariables.*;

import cn.fundmonitor.common.Choices;
import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.project.ProjectReserveService;
import cn.fundmonitor.warehousing.ProjectWarehousingProcess.ReviewOutcome;
import cn.fundmonitor.warehousing.ProjectWarehousingProcess.RevisionAction;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Refuses to complete the review or revision task with a decision the gateways cannot route (a
 * client may bypass the form): the task stays open and the user reads why, in Chinese. An execution
 * listener on the task's end, because the engine wraps task listeners' exceptions in an English
 * message, and passes these through as they are.
 */
@Component
class DecisionInputListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution task) {
    if (ProjectWarehousingProcess.TASK_REVIEW.equals(task.getCurrentActivityId())) {
      var outcome = Choices.required(REVIEW_OUTCOME.get(task), ReviewOutcome.class, "审核意见有误",
          "请选择审核结论：通过入库、退回修改或不予入库");
      var comment = REVIEW_COMMENT.get(task);
      Choices.reasonRequired(outcome != ReviewOutcome.APPROVE, comment, "审核意见有误",
          "退回修改或不予入库时必须填写审核意见，说明原因");
      checkLength(comment);
    } else {
      Choices.required(REVISION_ACTION.get(task), RevisionAction.class, "处理方式有误",
          "请选择处理方式：修改后重新提交，或撤回申报");
      checkLength(REVISION_NOTE.get(task));
    }
  }

  private static void checkLength(String text) {
    if (text != null && text.strip().length() > ProjectReserveService.MAX_COMMENT) {
      throw new InvalidInputException("意见有误", "意见不能超过" + ProjectReserveService.MAX_COMMENT + "个字");
    }
  }
}
