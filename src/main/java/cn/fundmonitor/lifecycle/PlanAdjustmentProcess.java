package cn.fundmonitor.lifecycle;

import cn.fundmonitor.platform.ProcessVariable;
import cn.fundmonitor.project.IndicatorRows;
import cn.fundmonitor.project.ProjectVariables;
import java.util.List;

/** Ids and variables of {@code processes/plan-adjustment.bpmn} (实施方案调整; business key = request number). */
public final class PlanAdjustmentProcess {

  public static final String KEY = "planAdjustment";

  public static final String START_EVENT = "StartEvent_AdjustmentRequested";
  public static final String TASK_OPEN = "ServiceTask_OpenAdjustment";
  public static final String GATEWAY_MERGE = "Gateway_MergeAdjustment";
  public static final String TASK_EDIT = "UserTask_EditAdjustment";
  public static final String TASK_CHECK = "ServiceTask_CheckAdjustment";
  public static final String TASK_REVIEW = "UserTask_ReviewAdjustment";
  public static final String GATEWAY_OUTCOME = "Gateway_AdjustmentOutcome";
  public static final String TASK_APPLY = "ServiceTask_ApplyAdjustment";
  public static final String END_APPROVED = "EndEvent_AdjustmentApproved";
  public static final String TASK_REJECT = "ServiceTask_RejectAdjustment";
  public static final String END_REJECTED = "EndEvent_AdjustmentRejected";
  public static final String TASK_RETURN = "ServiceTask_ReturnAdjustment";

  public static final String FORM_REQUEST = "planAdjustmentRequest";
  public static final String FORM_EDIT = "planAdjustmentEdit";
  public static final String FORM_REVIEW = "planAdjustmentReview";

  /** Values of {@link #OUTCOME}. */
  public enum Outcome { APPROVE, RETURN, REJECT }

  public static final ProcessVariable<String> REQUESTER = ProcessVariable.of("adjustmentRequester", String.class);
  public static final ProcessVariable<String> PROJECT_CODE = ProjectVariables.PROJECT_CODE;
  public static final ProcessVariable<String> PROJECT_NAME = ProjectVariables.PROJECT_NAME;
  public static final ProcessVariable<String> APPLICANT_UNIT_NAME = ProjectVariables.APPLICANT_UNIT_NAME;
  public static final ProcessVariable<String> REASON = ProcessVariable.of("adjustmentReason", String.class);
  /** JSON rows {level1, level2, name, comparator, target, unit}: the whole adjusted list. */
  public static final ProcessVariable<List<IndicatorRows.Row>> INDICATORS =
      ProcessVariable.rows("adjustedIndicators", IndicatorRows.Row.class, "调整后的全部绩效指标");
  public static final ProcessVariable<String> NUMBER = ProcessVariable.of("adjustmentNo", String.class);
  public static final ProcessVariable<String> UNIT_GROUPS = ProcessVariable.of("adjustmentGroups", String.class);
  public static final ProcessVariable<String> REVIEW_GROUP = ProcessVariable.of("adjustmentReviewGroup", String.class);
  /** The targets before and after, line by line, for the reviewer. */
  public static final ProcessVariable<String> COMPARISON = ProcessVariable.of("adjustmentComparison", String.class);
  public static final ProcessVariable<Outcome> OUTCOME = ProcessVariable.ofEnum("adjustmentOutcome", Outcome.class, "审批意见");
  public static final ProcessVariable<String> COMMENT = ProcessVariable.of("adjustmentComment", String.class);

  private PlanAdjustmentProcess() {}
}
