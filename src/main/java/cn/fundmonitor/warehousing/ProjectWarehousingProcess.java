package cn.fundmonitor.warehousing;

/** Ids of {@code processes/project-warehousing.bpmn} (项目入库); code and tests use only these. */
public final class ProjectWarehousingProcess {

  public static final String KEY = "projectWarehousing";
  public static final String DECISION_ELIGIBILITY = "projectEligibility";

  public static final String START_EVENT = "StartEvent_ApplicationSubmitted";
  public static final String TASK_REGISTER = "ServiceTask_RegisterApplication";
  public static final String GATEWAY_MERGE_SUBMISSION = "Gateway_MergeSubmission";
  public static final String TASK_CHECK_ELIGIBILITY = "BusinessRuleTask_CheckEligibility";
  public static final String TASK_RECORD_ELIGIBILITY = "ServiceTask_RecordEligibility";
  public static final String GATEWAY_ELIGIBLE = "Gateway_ApplicationEligible";
  public static final String TASK_REVIEW = "UserTask_ReviewApplication";
  public static final String GATEWAY_REVIEW_OUTCOME = "Gateway_ReviewOutcome";
  public static final String TASK_WAREHOUSE = "ServiceTask_WarehouseProject";
  public static final String TASK_RETURN = "ServiceTask_ReturnApplication";
  public static final String TASK_REJECT = "ServiceTask_RejectApplication";
  public static final String GATEWAY_MERGE_REVISION = "Gateway_MergeRevision";
  public static final String TASK_REVISE = "UserTask_ReviseApplication";
  public static final String GATEWAY_REVISION_ACTION = "Gateway_RevisionAction";
  public static final String TASK_RESUBMIT = "ServiceTask_ResubmitApplication";
  public static final String TASK_WITHDRAW = "ServiceTask_WithdrawApplication";
  public static final String END_WAREHOUSED = "EndEvent_ProjectWarehoused";
  public static final String END_REJECTED = "EndEvent_ApplicationRejected";
  public static final String END_WITHDRAWN = "EndEvent_ApplicationWithdrawn";

  public static final String FORM_APPLICATION = "projectApplication";
  public static final String FORM_REVIEW = "projectReview";
  public static final String FORM_REVISION = "projectRevision";

  /** Values of {@link WarehousingVariables#REVIEW_OUTCOME}. */
  public enum ReviewOutcome { APPROVE, RETURN, REJECT }

  /** Values of {@link WarehousingVariables#REVISION_ACTION}. */
  public enum RevisionAction { RESUBMIT, WITHDRAW }

  private ProjectWarehousingProcess() {}
}
