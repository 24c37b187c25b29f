package cn.fundmonitor.lifecycle;

import cn.fundmonitor.platform.ProcessVariable;
import cn.fundmonitor.project.ProjectVariables;

/** Ids and variables of {@code processes/project-lifecycle.bpmn} (项目实施与验收; business key = project code). */
public final class ProjectLifecycleProcess {

  public static final String KEY = "projectLifecycle";
  public static final String MESSAGE_FUNDED = "ProjectFunded";
  public static final String MESSAGE_FORCE_MAJEURE = "ForceMajeureReported";
  public static final String MESSAGE_RESUMED = "ProjectResumed";

  public static final String START_EVENT = "StartEvent_ProjectFunded";
  public static final String TASK_OPEN = "ServiceTask_OpenLifecycle";
  public static final String TASK_REPORT_START = "UserTask_ReportStart";
  public static final String TASK_RECORD_START = "ServiceTask_RecordStart";
  public static final String TIMER_START_OVERDUE = "Timer_StartOverdue";
  public static final String TASK_RECORD_START_OVERDUE = "ServiceTask_RecordStartOverdue";
  public static final String TASK_FOLLOW_UP_START = "UserTask_FollowUpStart";
  public static final String END_START_FOLLOWED_UP = "EndEvent_StartFollowedUp";
  public static final String GATEWAY_MERGE_IMPLEMENTATION = "Gateway_MergeImplementation";
  public static final String SUBPROCESS_IMPLEMENTATION = "SubProcess_Implementation";
  public static final String GATEWAY_ALREADY_COMPLETED = "Gateway_AlreadyCompleted";
  public static final String TASK_REPORT_COMPLETION = "UserTask_ReportCompletion";
  public static final String TASK_RECORD_COMPLETION = "ServiceTask_RecordCompletion";
  public static final String TASK_APPLY_ACCEPTANCE = "UserTask_ApplyAcceptance";
  public static final String TIMER_ACCEPTANCE_OVERDUE = "Timer_AcceptanceOverdue";
  public static final String TASK_RECORD_ACCEPTANCE_OVERDUE = "ServiceTask_RecordAcceptanceOverdue";
  public static final String TASK_FOLLOW_UP_ACCEPTANCE = "UserTask_FollowUpAcceptance";
  public static final String END_ACCEPTANCE_FOLLOWED_UP = "EndEvent_AcceptanceFollowedUp";
  public static final String TASK_RECORD_ACCEPTANCE_APPLICATION = "ServiceTask_RecordAcceptanceApplication";
  public static final String TASK_REPORT_ACCEPTANCE = "UserTask_ReportAcceptance";
  public static final String TASK_RECORD_ACCEPTANCE = "ServiceTask_RecordAcceptance";
  public static final String END_IMPLEMENTED = "EndEvent_Implemented";
  public static final String TIMER_TWO_YEARS = "Timer_TwoYears";
  public static final String TASK_RECORD_TERMINATION_DUE = "ServiceTask_RecordTerminationDue";
  public static final String TASK_TERMINATION_REVIEW = "UserTask_TerminationReview";
  public static final String TASK_EXTEND = "ServiceTask_ExtendImplementation";
  public static final String TASK_APPROVE_TERMINATION = "ServiceTask_ApproveTermination";
  public static final String END_TERMINATION_APPROVED = "EndEvent_TerminationApproved";
  public static final String TASK_CHECK_PAYMENT = "ServiceTask_CheckPayment";
  public static final String TASK_RAISE_PAYMENT_PROBLEM = "ServiceTask_RaisePaymentProblem";
  public static final String TASK_SETTLEMENT = "UserTask_Settlement";
  public static final String TASK_RECORD_SETTLEMENT = "ServiceTask_RecordSettlement";
  public static final String TIMER_SETTLEMENT_OVERDUE = "Timer_SettlementOverdue";
  public static final String TASK_RECORD_SETTLEMENT_OVERDUE = "ServiceTask_RecordSettlementOverdue";
  public static final String TASK_FOLLOW_UP_SETTLEMENT = "UserTask_FollowUpSettlement";
  public static final String END_SETTLEMENT_FOLLOWED_UP = "EndEvent_SettlementFollowedUp";
  public static final String TASK_FINAL_ACCOUNTS = "UserTask_FinalAccounts";
  public static final String TASK_RECORD_FINAL_ACCOUNTS = "ServiceTask_RecordFinalAccounts";
  public static final String TIMER_FINAL_ACCOUNTS_OVERDUE = "Timer_FinalAccountsOverdue";
  public static final String TASK_RECORD_FINAL_ACCOUNTS_OVERDUE = "ServiceTask_RecordFinalAccountsOverdue";
  public static final String TASK_FOLLOW_UP_FINAL_ACCOUNTS = "UserTask_FollowUpFinalAccounts";
  public static final String END_FINAL_ACCOUNTS_FOLLOWED_UP = "EndEvent_FinalAccountsFollowedUp";
  public static final String TASK_APPROVE_FINAL_ACCOUNTS = "UserTask_ApproveFinalAccounts";
  public static final String TASK_RECORD_FINAL_ACCOUNTS_APPROVAL = "ServiceTask_ApproveFinalAccounts";
  public static final String TASK_FINAL_ACCEPTANCE = "UserTask_FinalAcceptance";
  public static final String TASK_RECORD_FINAL_ACCEPTANCE = "ServiceTask_RecordFinalAcceptance";
  public static final String END_CLOSED = "EndEvent_ProjectClosed";
  public static final String EVENT_SUBPROCESS_FORCE_MAJEURE = "EventSubProcess_ForceMajeure";
  public static final String TASK_DECIDE_FORCE_MAJEURE = "UserTask_DecideForceMajeure";
  public static final String TASK_REJECT_FORCE_MAJEURE = "ServiceTask_RejectForceMajeure";
  public static final String END_FORCE_MAJEURE_REJECTED = "EndEvent_ForceMajeureRejected";
  public static final String TASK_SUSPEND = "ServiceTask_SuspendProject";
  public static final String EVENT_RESUMED = "Event_ProjectResumed";
  public static final String TASK_RESUME = "ServiceTask_ResumeProject";
  public static final String TASK_APPROVE_CANCELLATION = "ServiceTask_ApproveCancellation";
  public static final String END_CANCELLATION_APPROVED = "EndEvent_CancellationApproved";
  public static final String EVENT_SUBPROCESS_ENDED_EARLY = "EventSubProcess_EndedEarly";
  public static final String TASK_FINANCIAL_CLEARING = "UserTask_FinancialClearing";
  public static final String TASK_SETTLE_EARLY_END = "ServiceTask_SettleEarlyEnd";
  public static final String END_ENDED_EARLY = "EndEvent_ProjectEndedEarly";

  public static final String FORM_START = "lifecycleStart";
  public static final String FORM_COMPLETION = "lifecycleCompletion";
  public static final String FORM_ACCEPTANCE = "lifecycleAcceptance";
  public static final String FORM_ACCEPTANCE_APPLICATION = "lifecycleAcceptanceApplication";
  public static final String FORM_SETTLEMENT = "lifecycleSettlement";
  public static final String FORM_FINAL_ACCOUNTS = "lifecycleFinalAccounts";
  public static final String FORM_FINAL_ACCOUNTS_APPROVAL = "lifecycleFinalAccountsApproval";
  public static final String FORM_FINAL_ACCEPTANCE = "lifecycleFinalAcceptance";
  public static final String FORM_TERMINATION_REVIEW = "terminationReview";
  public static final String FORM_FORCE_MAJEURE_DECISION = "forceMajeureDecision";
  public static final String FORM_FINANCIAL_CLEARING = "financialClearing";

  /** Values of {@link #TERMINATION_DECISION}. */
  public enum TerminationDecision { TERMINATE, EXTEND }

  /** Values of {@link #FORCE_MAJEURE_DECISION}. */
  public enum ForceMajeureDecision { APPROVE, REJECT }

  public static final ProcessVariable<String> PROJECT_CODE = ProjectVariables.PROJECT_CODE;
  public static final ProcessVariable<String> PROJECT_NAME = ProjectVariables.PROJECT_NAME;
  public static final ProcessVariable<String> APPLICANT_UNIT_NAME = ProjectVariables.APPLICANT_UNIT_NAME;
  public static final ProcessVariable<String> UNIT = ProcessVariable.of("lifecycleUnit", String.class);
  /** The project unit's finance group and its business department for the direction. */
  public static final ProcessVariable<String> UNIT_GROUPS = ProcessVariable.of("lifecycleGroups", String.class);
  /** The province's business department for the direction: terminations, force majeure. */
  public static final ProcessVariable<String> PROVINCE_GROUP = ProcessVariable.of("provinceGroup", String.class);
  /**
   * The unit's finance department, which approved final accounts up to version 1.2.0; instances
   * of later versions ask the fiscal department ({@link #FISCAL_GROUP}).
   */
  public static final ProcessVariable<String> FINANCE_GROUP = ProcessVariable.of("financeGroup", String.class);
  /** The local fiscal department (财政局) that approves the final accounts (GX 第二十三条). */
  public static final ProcessVariable<String> FISCAL_GROUP = ProcessVariable.of("fiscalGroup", String.class);
  public static final ProcessVariable<String> CONTEXT = ProcessVariable.of("lifecycleContext", String.class);

  /**
   * When the start should have been reported: the first money plus
   * {@code fundmonitor.lifecycle.start-report-days} (a configurable default, 90; MNR 第十一条 asks
   * for 尽早开工 and sets no number); the engine's calendar moves it to a working day.
   */
  public static final ProcessVariable<String> START_DEADLINE = ProcessVariable.of("startDeadline", String.class);
  public static final ProcessVariable<String> STARTED_ON = ProcessVariable.of("startedOn", String.class);
  public static final ProcessVariable<String> IMPLEMENTATION_DEADLINE = ProcessVariable.of("implementationDeadline", String.class);
  public static final ProcessVariable<String> COMPLETED_ON = ProcessVariable.of("completedOn", String.class);
  public static final ProcessVariable<String> ACCEPTANCE_DEADLINE = ProcessVariable.of("acceptanceDeadline", String.class);
  public static final ProcessVariable<String> ACCEPTANCE_APPLIED_ON = ProcessVariable.of("acceptanceAppliedOn", String.class);
  public static final ProcessVariable<String> ACCEPTED_ON = ProcessVariable.of("acceptedOn", String.class);
  public static final ProcessVariable<String> ACCEPTANCE_KIND = ProcessVariable.of("acceptanceKind", String.class);
  public static final ProcessVariable<Object> RETAINED = ProcessVariable.of("retainedAmount", Object.class);
  /** The amount paid to date at acceptance (GX 第二十三条's 95% on current figures). */
  public static final ProcessVariable<Object> PAID_AT_ACCEPTANCE = ProcessVariable.of("paidAtAcceptance", Object.class);
  public static final ProcessVariable<String> PAYMENT_SHORTFALL = ProcessVariable.of("paymentShortfall", String.class);
  public static final ProcessVariable<String> SETTLEMENT_DEADLINE = ProcessVariable.of("settlementDeadline", String.class);
  public static final ProcessVariable<String> SETTLED_ON = ProcessVariable.of("settledOn", String.class);
  public static final ProcessVariable<Object> SETTLED_AMOUNT = ProcessVariable.of("settledAmount", Object.class);
  public static final ProcessVariable<String> FINAL_ACCOUNTS_DEADLINE = ProcessVariable.of("finalAccountsDeadline", String.class);
  public static final ProcessVariable<String> FINAL_ACCOUNTS_ON = ProcessVariable.of("finalAccountsOn", String.class);
  public static final ProcessVariable<String> FINAL_ACCOUNTS_COMMENT = ProcessVariable.of("finalAccountsComment", String.class);
  public static final ProcessVariable<Boolean> FINAL_ACCEPTANCE_PENDING = ProcessVariable.of("finalAcceptancePending", Boolean.class);
  public static final ProcessVariable<String> FINAL_ACCEPTANCE_DEADLINE = ProcessVariable.of("finalAcceptanceDeadline", String.class);
  public static final ProcessVariable<String> FINAL_ACCEPTED_ON = ProcessVariable.of("finalAcceptedOn", String.class);

  public static final ProcessVariable<String> TERMINATION_DECISION = ProcessVariable.of("terminationDecision", String.class);
  public static final ProcessVariable<String> EXTENDED_UNTIL = ProcessVariable.of("extendedUntil", String.class);
  public static final ProcessVariable<String> TERMINATION_COMMENT = ProcessVariable.of("terminationComment", String.class);
  /** Set by the message ForceMajeureReported: SUSPEND or CANCEL. */
  public static final ProcessVariable<String> FORCE_MAJEURE_KIND = ProcessVariable.of("forceMajeureKind", String.class);
  public static final ProcessVariable<String> FORCE_MAJEURE_KIND_LABEL = ProcessVariable.of("forceMajeureKindLabel", String.class);
  public static final ProcessVariable<String> FORCE_MAJEURE_REASON = ProcessVariable.of("forceMajeureReason", String.class);
  public static final ProcessVariable<String> FORCE_MAJEURE_DECISION = ProcessVariable.of("forceMajeureDecision", String.class);
  public static final ProcessVariable<String> FORCE_MAJEURE_COMMENT = ProcessVariable.of("forceMajeureComment", String.class);
  /** Who reported the force majeure, or the resumption (they come through the API). */
  public static final ProcessVariable<String> REPORTED_BY = ProcessVariable.of("lifecycleReportedBy", String.class);
  /** TERMINATED or CANCELLED, for the clearing of a project ended early. */
  public static final ProcessVariable<String> ENDED_EARLY_REASON = ProcessVariable.of("endedEarlyReason", String.class);
  public static final ProcessVariable<Object> WORK_DONE = ProcessVariable.of("workDoneAmount", Object.class);

  private ProjectLifecycleProcess() {}
}
