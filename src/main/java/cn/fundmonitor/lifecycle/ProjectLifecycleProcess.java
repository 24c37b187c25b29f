package cn.fundmonitor.lifecycle;

import cn.fundmonitor.money.Yuan;
import cn.fundmonitor.platform.ProcessVariable;
import cn.fundmonitor.project.ProjectVariables;
import java.time.LocalDate;

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

  /** Values of {@link #ENDED_EARLY_REASON}: why a project ended before its end. */
  public enum EndedEarly { TERMINATED, CANCELLED }

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
  public static final ProcessVariable<LocalDate> START_DEADLINE = ProcessVariable.date("startDeadline", "开工报告期限");
  public static final ProcessVariable<LocalDate> STARTED_ON = ProcessVariable.date("startedOn", "开工日期");
  public static final ProcessVariable<LocalDate> IMPLEMENTATION_DEADLINE = ProcessVariable.date("implementationDeadline", "完工验收期限");
  public static final ProcessVariable<LocalDate> COMPLETED_ON = ProcessVariable.date("completedOn", "完工日期");
  public static final ProcessVariable<LocalDate> ACCEPTANCE_DEADLINE = ProcessVariable.date("acceptanceDeadline", "申请验收期限");
  public static final ProcessVariable<LocalDate> ACCEPTANCE_APPLIED_ON = ProcessVariable.date("acceptanceAppliedOn", "申请验收日期");
  public static final ProcessVariable<LocalDate> ACCEPTED_ON = ProcessVariable.date("acceptedOn", "验收通过日期");
  public static final ProcessVariable<AcceptanceKind> ACCEPTANCE_KIND = ProcessVariable.ofEnum("acceptanceKind", AcceptanceKind.class, "验收类型");
  public static final ProcessVariable<Yuan> RETAINED = ProcessVariable.yuan("retainedAmount", "留待逐年监测、后期管护成效后支付的金额");
  /** The amount paid to date at acceptance (GX 第二十三条's 95% on current figures). */
  public static final ProcessVariable<Yuan> PAID_AT_ACCEPTANCE = ProcessVariable.yuan("paidAtAcceptance", "截至验收通过的累计支付金额");
  public static final ProcessVariable<String> PAYMENT_SHORTFALL = ProcessVariable.of("paymentShortfall", String.class);
  public static final ProcessVariable<LocalDate> SETTLEMENT_DEADLINE = ProcessVariable.date("settlementDeadline", "竣工结算期限");
  public static final ProcessVariable<LocalDate> SETTLED_ON = ProcessVariable.date("settledOn", "竣工结算完成日期");
  public static final ProcessVariable<Yuan> SETTLED_AMOUNT = ProcessVariable.yuan("settledAmount", "结算金额");
  public static final ProcessVariable<LocalDate> FINAL_ACCOUNTS_DEADLINE = ProcessVariable.date("finalAccountsDeadline", "决算报告期限");
  public static final ProcessVariable<LocalDate> FINAL_ACCOUNTS_ON = ProcessVariable.date("finalAccountsOn", "决算报告报送日期");
  public static final ProcessVariable<String> FINAL_ACCOUNTS_COMMENT = ProcessVariable.of("finalAccountsComment", String.class);
  public static final ProcessVariable<Boolean> FINAL_ACCEPTANCE_PENDING = ProcessVariable.of("finalAcceptancePending", Boolean.class);
  public static final ProcessVariable<LocalDate> FINAL_ACCEPTANCE_DEADLINE = ProcessVariable.date("finalAcceptanceDeadline", "终验期限");
  public static final ProcessVariable<LocalDate> FINAL_ACCEPTED_ON = ProcessVariable.date("finalAcceptedOn", "终验通过日期");

  public static final ProcessVariable<TerminationDecision> TERMINATION_DECISION = ProcessVariable.ofEnum("terminationDecision", TerminationDecision.class, "决定");
  public static final ProcessVariable<LocalDate> EXTENDED_UNTIL = ProcessVariable.date("extendedUntil", "延期至");
  public static final ProcessVariable<String> TERMINATION_COMMENT = ProcessVariable.of("terminationComment", String.class);
  /** Set by the message ForceMajeureReported: SUSPEND or CANCEL. */
  public static final ProcessVariable<ProjectLifecycleService.ForceMajeure> FORCE_MAJEURE_KIND = ProcessVariable.ofEnum("forceMajeureKind", ProjectLifecycleService.ForceMajeure.class, "不可抗力申请类型");
  public static final ProcessVariable<String> FORCE_MAJEURE_KIND_LABEL = ProcessVariable.of("forceMajeureKindLabel", String.class);
  public static final ProcessVariable<String> FORCE_MAJEURE_REASON = ProcessVariable.of("forceMajeureReason", String.class);
  public static final ProcessVariable<ForceMajeureDecision> FORCE_MAJEURE_DECISION = ProcessVariable.ofEnum("forceMajeureDecision", ForceMajeureDecision.class, "审批意见");
  public static final ProcessVariable<String> FORCE_MAJEURE_COMMENT = ProcessVariable.of("forceMajeureComment", String.class);
  /** Who reported the force majeure, or the resumption (they come through the API). */
  public static final ProcessVariable<String> REPORTED_BY = ProcessVariable.of("lifecycleReportedBy", String.class);
  /** TERMINATED or CANCELLED, for the clearing of a project ended early. */
  public static final ProcessVariable<EndedEarly> ENDED_EARLY_REASON = ProcessVariable.ofEnum("endedEarlyReason", EndedEarly.class, "提前结束原因");
  public static final ProcessVariable<Yuan> WORK_DONE = ProcessVariable.yuan("workDoneAmount", "已完成工作量对应金额");

  private ProjectLifecycleProcess() {}
}
