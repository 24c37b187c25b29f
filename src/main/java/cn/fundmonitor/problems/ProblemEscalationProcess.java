package cn.fundmonitor.problems;

import cn.fundmonitor.platform.ProcessVariable;
import cn.fundmonitor.project.ProjectVariables;
import java.time.LocalDate;
import java.util.Map;

/** Ids and variables of {@code processes/problem-escalation.bpmn} (问题反馈、重大问题报部). */
public final class ProblemEscalationProcess {

  public static final String KEY = "problemEscalation";
  public static final String MESSAGE_PROBLEM_RAISED = "ProblemRaised";
  public static final String DECISION_SEVERITY = "problemSeverity";

  public static final String START_REPORTED = "StartEvent_ProblemReported";
  public static final String START_RAISED = "StartEvent_ProblemRaised";
  public static final String GATEWAY_MERGE_START = "Gateway_MergeProblemStart";
  public static final String TASK_REGISTER = "ServiceTask_RegisterProblem";
  public static final String TASK_SEVERITY = "BusinessRuleTask_ProblemSeverity";
  public static final String TASK_RECORD_SEVERITY = "ServiceTask_RecordSeverity";
  public static final String GATEWAY_MAJOR = "Gateway_ProblemMajor";
  public static final String TASK_REPORT_TO_MINISTRY = "ServiceTask_ReportToMinistry";
  public static final String GATEWAY_MERGE_HANDLING = "Gateway_MergeHandling";
  public static final String TASK_DECIDE = "UserTask_DecideProblem";
  public static final String TIMER_HANDLING_OVERDUE = "Timer_HandlingOverdue";
  public static final String TASK_RECORD_OVERDUE = "ServiceTask_RecordHandlingOverdue";
  public static final String TASK_FOLLOW_UP = "UserTask_FollowUpProblem";
  public static final String END_FOLLOWED_UP = "EndEvent_ProblemFollowedUp";
  public static final String GATEWAY_DECISION = "Gateway_ProblemDecision";
  public static final String TASK_DISMISS = "ServiceTask_DismissProblem";
  public static final String END_DISMISSED = "EndEvent_ProblemDismissed";
  public static final String TASK_ORDER_RECTIFICATION = "ServiceTask_OrderRectification";
  public static final String GATEWAY_MERGE_RECTIFICATION = "Gateway_MergeRectification";
  public static final String TASK_RECTIFY = "UserTask_Rectify";
  public static final String TASK_RECORD_RECTIFICATION = "ServiceTask_RecordRectification";
  public static final String TASK_CONFIRM = "UserTask_ConfirmRectification";
  public static final String GATEWAY_CONFIRMED = "Gateway_RectificationConfirmed";
  public static final String TASK_CLOSE = "ServiceTask_CloseProblem";
  public static final String END_CLOSED = "EndEvent_ProblemClosed";
  public static final String TASK_REJECT_RECTIFICATION = "ServiceTask_RejectRectification";
  public static final String GATEWAY_PROVINCE_TRACKS = "Gateway_ProvinceTracksRectification";
  public static final String TASK_PROVINCE_VERIFY = "UserTask_ProvinceVerifyRectification";
  public static final String TASK_RECORD_PROVINCE_VERIFICATION = "ServiceTask_RecordProvinceVerification";
  public static final String GATEWAY_MERGE_CONFIRMATION = "Gateway_MergeConfirmation";
  public static final String GATEWAY_REFERRAL = "Gateway_AccountabilityReferral";
  public static final String TASK_REFER = "ServiceTask_ReferForAccountability";
  public static final String END_REFERRED = "EndEvent_ProblemReferred";

  public static final String FORM_REPORT = "problemReport";
  public static final String FORM_DECISION = "problemDecision";
  public static final String FORM_RECTIFICATION = "problemRectification";
  public static final String FORM_CONFIRMATION = "rectificationConfirmation";
  public static final String FORM_PROVINCE_VERIFICATION = "problemProvinceVerification";

  /** Values of {@link #DECISION}. */
  public enum Decision { RECTIFY, DISMISS }

  /** Values of {@link #CONFIRMATION_OUTCOME}. */
  public enum ConfirmationOutcome { CONFIRM, REJECT }

  public static final ProcessVariable<String> REPORTER = ProcessVariable.of("reporter", String.class);
  // the report (form, or the ProblemRaised message)
  public static final ProcessVariable<String> PROJECT_CODE = ProjectVariables.PROJECT_CODE;
  public static final ProcessVariable<String> PROBLEM_KIND = ProcessVariable.of("problemKind", String.class);
  /**
   * Untyped on purpose: the report form's text field stores the amount as text, and so does a
   * raised problem (ProblemReports); the {@code yuan} codec would store a number instead.
   */
  public static final ProcessVariable<Object> PROBLEM_AMOUNT = ProcessVariable.of("problemAmount", Object.class);
  public static final ProcessVariable<String> PROBLEM_DESCRIPTION = ProcessVariable.of("problemDescription", String.class);
  /** Set by monitoring: where the problem was found (a filing) and its warning level. */
  public static final ProcessVariable<String> SOURCE_REF = ProcessVariable.of("sourceRef", String.class);
  public static final ProcessVariable<String> WARNING_LEVEL = ProcessVariable.of("warningLevel", String.class);
  /**
   * Set by {@link ProblemReports#raise}: the same for every try of one raise (its job retried, its
   * step run again), so that one raise starts one problem.
   */
  public static final ProcessVariable<String> RAISE_KEY = ProcessVariable.of("raiseKey", String.class);
  // inputs and result of the DMN problemSeverity
  public static final ProcessVariable<String> KIND_INPUT = ProcessVariable.of("kind", String.class);
  public static final ProcessVariable<Double> AMOUNT_INPUT = ProcessVariable.of("amount", Double.class);
  public static final ProcessVariable<String> UNIT_LEVEL = ProcessVariable.of("unitLevel", String.class);
  @SuppressWarnings("rawtypes")
  public static final ProcessVariable<Map> SEVERITY_RESULT = ProcessVariable.of("severityResult", Map.class);
  public static final ProcessVariable<Boolean> MAJOR = ProcessVariable.of("major", Boolean.class);
  // who works on it
  public static final ProcessVariable<String> PROBLEM_NO = ProcessVariable.of("problemNo", String.class);
  public static final ProcessVariable<String> PROBLEM_SUMMARY = ProcessVariable.of("problemSummary", String.class);
  public static final ProcessVariable<String> HANDLING_UNIT = ProcessVariable.of("handlingUnit", String.class);
  public static final ProcessVariable<String> HANDLING_GROUP = ProcessVariable.of("handlingGroup", String.class);
  public static final ProcessVariable<String> RECTIFYING_GROUPS = ProcessVariable.of("rectifyingGroups", String.class);
  /** The province of the unit concerned, which tracks every problem of its region (MNR 第十二条). */
  public static final ProcessVariable<String> TRACKING_GROUP = ProcessVariable.of("trackingGroup", String.class);
  /** A misappropriation (挪用套取): once its rectification is confirmed, it is referred (GX 第三十三条). */
  public static final ProcessVariable<Boolean> ACCOUNTABILITY_REFERRAL = ProcessVariable.of("accountabilityReferral", Boolean.class);
  /** Thirty days to decide (the working-day calendar moves a day off). */
  public static final ProcessVariable<String> HANDLING_DEADLINE = ProcessVariable.of("handlingDeadline", String.class);
  // the decision form
  public static final ProcessVariable<Decision> DECISION = ProcessVariable.ofEnum("problemDecision", Decision.class, "处理意见");
  public static final ProcessVariable<String> DECISION_REASON = ProcessVariable.of("decisionReason", String.class);
  public static final ProcessVariable<LocalDate> RECTIFY_BY = ProcessVariable.date("rectifyBy", "整改期限");
  // the rectification and its confirmation
  public static final ProcessVariable<String> RECTIFICATION_REPORT = ProcessVariable.of("rectificationReport", String.class);
  public static final ProcessVariable<ConfirmationOutcome> CONFIRMATION_OUTCOME = ProcessVariable.ofEnum("confirmationOutcome", ConfirmationOutcome.class, "确认意见");
  public static final ProcessVariable<String> CONFIRMATION_COMMENT = ProcessVariable.of("confirmationComment", String.class);
  /** The province's opinion on a major problem's rectification, before the ministry confirms it. */
  public static final ProcessVariable<String> PROVINCE_VERIFICATION = ProcessVariable.of("provinceVerification", String.class);

  /**
   * Handling time, a configurable default ({@code fundmonitor.problems.handling-days}): MNR 第十二条
   * asks the province to 及时研究解决 and sets no number of days; 30 is the project's choice.
   */
  public static final int HANDLING_DAYS = 30;

  private ProblemEscalationProcess() {}
}
