package cn.fundmonitor.warehousing;

import static cn.fundmonitor.warehousing.WarehousingVariables.*;

import cn.fundmonitor.project.ProjectReserveService;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the DMN's verdict: to review, or back to the applicant with every reason. */
@Component
class RecordEligibilityDelegate implements JavaDelegate {

  private final ProjectReserveService reserve;

  RecordEligibilityDelegate(ProjectReserveService reserve) {
    this.reserve = reserve;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<?> result = INELIGIBILITY_REASONS.get(execution);
    var reasons = result == null ? List.<String>of()
        : result.stream().filter(Objects::nonNull).map(Object::toString).distinct().toList();
    reserve.recordEligibility(PROJECT_CODE.get(execution), reasons);
    ELIGIBLE.set(execution, reasons.isEmpty());
    if (reasons.isEmpty()) {
      REVIEW_OUTCOME.set(execution, null);
      REVIEW_COMMENT.set(execution, null);
    } else {
      CORRECTION_FEEDBACK.set(execution, "资格审查未通过：\n" + String.join("\n", reasons));
      REVISION_ACTION.set(execution, null);
      REVISION_NOTE.set(execution, null);
    }
  }
}
