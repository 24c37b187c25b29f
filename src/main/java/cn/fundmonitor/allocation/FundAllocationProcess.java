package cn.fundmonitor.allocation;

import cn.fundmonitor.money.Yuan;
import cn.fundmonitor.platform.ProcessVariable;
import cn.fundmonitor.project.ProjectVariables;
import cn.fundmonitor.platform.UnitVariables;
import java.time.LocalDate;
import java.util.List;

/**
 * Ids and variables of {@code processes/fund-allocation.bpmn} (资金下达与报备); business key = the
 * approval document number (批复文号).
 */
public final class FundAllocationProcess {

  public static final String KEY = "fundAllocation";

  public static final String START_EVENT = "StartEvent_FundsReceived";
  public static final String TASK_REGISTER = "ServiceTask_RegisterAllocation";
  public static final String TASK_ISSUE = "UserTask_IssueFunds";
  public static final String TIMER_ISSUE_OVERDUE = "Timer_IssueOverdue";
  public static final String TASK_RECORD_ISSUE_OVERDUE = "ServiceTask_RecordIssueOverdue";
  public static final String TASK_FOLLOW_UP_ISSUE = "UserTask_FollowUpIssue";
  public static final String END_ISSUE_FOLLOWED_UP = "EndEvent_IssueFollowedUp";
  public static final String GATEWAY_MERGE_ISSUE = "Gateway_MergeIssue";
  /** Social money skips the fiscal department's review (MNR 第十五条: 统计监测). */
  public static final String GATEWAY_FISCAL_REVIEW_NEEDED = "Gateway_FiscalReviewNeeded";
  public static final String FLOW_SOCIAL_ISSUED_DIRECTLY = "SequenceFlow_SocialFundsIssuedDirectly";
  /** Checks the proposed plan and sends it to the 财政厅 (GX 第十八条). */
  public static final String TASK_SUBMIT_PLAN = "ServiceTask_SubmitAllocationPlan";
  /** The province's fiscal department reviews the allocation plan (GX 第五条第二项、第十八条). */
  public static final String TASK_REVIEW_PLAN = "UserTask_ReviewAllocationPlan";
  public static final String GATEWAY_PLAN_APPROVED = "Gateway_AllocationPlanApproved";
  public static final String TASK_RETURN_PLAN = "ServiceTask_ReturnAllocationPlan";
  public static final String TASK_RECORD_ISSUE = "ServiceTask_IssueFunds";
  public static final String SUBPROCESS_REFINEMENT = "SubProcess_Refinement";
  public static final String START_REFINEMENT = "StartEvent_Refinement";
  public static final String TASK_PREPARE_REFINEMENT = "ServiceTask_PrepareRefinement";
  public static final String GATEWAY_MERGE_REFINEMENT = "Gateway_MergeRefinement";
  public static final String TASK_REFINE = "UserTask_RefineFunds";
  public static final String TIMER_REFINEMENT_OVERDUE = "Timer_RefinementOverdue";
  public static final String TASK_RECORD_REFINEMENT_OVERDUE = "ServiceTask_RecordRefinementOverdue";
  public static final String TASK_FOLLOW_UP_REFINEMENT = "UserTask_FollowUpRefinement";
  public static final String END_REFINEMENT_FOLLOWED_UP = "EndEvent_RefinementFollowedUp";
  public static final String TASK_RECORD_REFINEMENT = "ServiceTask_RecordRefinement";
  /** Social money skips the 财政局's release (MNR 第十五条; GX 第五条第四项 governs 专项资金). */
  public static final String GATEWAY_RELEASE_APPROVAL_NEEDED = "Gateway_ReleaseApprovalNeeded";
  public static final String FLOW_SOCIAL_FILED_DIRECTLY = "SequenceFlow_SocialFundsFiledDirectly";
  /** The recipient's 财政局 reviews the refinement and releases the money (GX 第五条第四项: 审核拨付). */
  public static final String TASK_APPROVE_RELEASE = "UserTask_ApproveRelease";
  public static final String GATEWAY_RELEASE_APPROVED = "Gateway_ReleaseApproved";
  public static final String TASK_RECORD_RELEASE = "ServiceTask_RecordRelease";
  public static final String TASK_RETURN_RELEASE = "ServiceTask_ReturnRelease";
  public static final String TASK_FILE = "UserTask_FileRefinement";
  public static final String TIMER_FILING_OVERDUE = "Timer_FilingOverdue";
  public static final String TASK_RECORD_FILING_OVERDUE = "ServiceTask_RecordFilingOverdue";
  public static final String TASK_FOLLOW_UP_FILING = "UserTask_FollowUpFiling";
  public static final String END_FILING_FOLLOWED_UP = "EndEvent_FilingFollowedUp";
  public static final String TASK_RECORD_FILING = "ServiceTask_RecordFiling";
  public static final String TASK_ACKNOWLEDGE = "UserTask_AcknowledgeFiling";
  public static final String GATEWAY_ACKNOWLEDGED = "Gateway_FilingAcknowledged";
  public static final String TASK_RECORD_ACKNOWLEDGEMENT = "ServiceTask_RecordAcknowledgement";
  public static final String TASK_RETURN_FILING = "ServiceTask_ReturnFiling";
  public static final String END_REFINEMENT_FILED = "EndEvent_RefinementFiled";
  public static final String TASK_COMPLETE = "ServiceTask_CompleteAllocation";
  public static final String END_ALLOCATION_FILED = "EndEvent_AllocationFiled";

  public static final String FORM_RECEIPT = "fundReceipt";
  public static final String FORM_ISSUE = "fundIssue";
  public static final String FORM_PLAN_REVIEW = "allocationPlanReview";
  public static final String FORM_REFINEMENT = "fundRefinement";
  public static final String FORM_FILING = "refinementFiling";
  public static final String FORM_RELEASE = "releaseApproval";
  public static final String FORM_ACKNOWLEDGEMENT = "filingAcknowledgement";
  public static final String FORM_FOLLOW_UP = "overdueFollowUp";

  /** Values of {@link #RELEASE_OUTCOME}. */
  public enum ReleaseOutcome { APPROVE, RETURN }

  /** Values of {@link #PLAN_REVIEW_OUTCOME}. */
  public enum PlanReviewOutcome { APPROVE, RETURN }

  /** Values of {@link #ACKNOWLEDGEMENT_OUTCOME}. */
  public enum AcknowledgementOutcome { ACKNOWLEDGE, RETURN }

  /** One choice of a form's select of targets: the indicator in words, the approved name. */
  public record TargetOption(String label, String value) {}

  // The forms' rows as entered (texts; a number field's number read as its text): the services
  // validate them from the raw variables, reporting every problem of a submission at once.
  /** A row of the approved targets (批复的绩效目标). */
  public record TargetRow(String level1, String level2, String name, String comparator,
      String target, String unit) {}

  /** A project's annual target entered in the issue step (GX 第二十六条). */
  public record AnnualTargetRow(String projectCode, String level1, String level2, String name,
      String comparator, String target, String unit) {}

  /** A line of the issue: what a recipient gets for a project, in yuan as entered. */
  public record IssueLine(String recipientCode, String projectCode, String centralShare,
      String provincialShare) {}

  /** An approved target decomposed onto a recipient. */
  public record RecipientTargetRow(String recipientCode, String indicatorName, String target) {}

  /** A line of a recipient's refinement onto its projects, in yuan as entered. */
  public record RefinementLine(String projectCode, String centralShare, String provincialShare) {}

  /** A recipient's target refined onto one of its projects. */
  public record ProjectTargetRow(String projectCode, String indicatorName, String target) {}

  /** Set by the start event ({@code camunda:initiator}). */
  public static final ProcessVariable<String> REGISTRAR = ProcessVariable.of("registrar", String.class);

  // the receipt form
  public static final ProcessVariable<String> DOCUMENT_NO = ProcessVariable.of("documentNo", String.class);
  public static final ProcessVariable<String> FUND_CLASS = ProjectVariables.FUND_CLASS;
  /** 项目法 (PROJECT) or 因素法 (FACTOR), GX 第十四条; PROJECT when not given. */
  public static final ProcessVariable<String> ALLOCATION_METHOD = ProcessVariable.of("allocationMethod", String.class);
  public static final ProcessVariable<String> DIRECTION = ProjectVariables.DIRECTION;
  public static final ProcessVariable<Integer> BUDGET_YEAR = ProcessVariable.whole("budgetYear", "预算年度");
  public static final ProcessVariable<Yuan> CENTRAL_AMOUNT = ProcessVariable.yuan("centralAmount", "中央财政资金");
  /** Named after the fund class in the receipt's problems (省级、市级、县级财政资金或社会资金). */
  public static final ProcessVariable<Yuan> PROVINCIAL_AMOUNT = ProcessVariable.yuan("provincialAmount", "地方财政资金");
  public static final ProcessVariable<LocalDate> RECEIVED_ON = ProcessVariable.date("receivedOn", "资金到位日期");
  /** JSON [{level1, level2, name, comparator, target, unit}] */
  public static final ProcessVariable<List<TargetRow>> APPROVED_TARGETS = ProcessVariable.rows("approvedTargets", TargetRow.class, "批复的绩效目标");

  // set on registration
  public static final ProcessVariable<String> PROVINCE_CODE = UnitVariables.PROVINCE_CODE;
  public static final ProcessVariable<String> PROVINCE_FINANCE_GROUP = UnitVariables.PROVINCE_FINANCE_GROUP;
  /** The province's fiscal department (自治区财政厅), which reviews and issues (GX 第十八条). */
  public static final ProcessVariable<String> PROVINCE_FISCAL_GROUP = UnitVariables.PROVINCE_FISCAL_GROUP;
  /**
   * Whether the fiscal departments review the plan and release the money (GX 第五条第二项、第四项、
   * 第十八条): true for every fund class but social money, which is filed for statistics only
   * (MNR 第十五条). Set on registration; the two gateways route on it.
   */
  public static final ProcessVariable<Boolean> FISCAL_REVIEW = ProcessVariable.of("fiscalReview", Boolean.class);
  /** The issue deadline as a date (30 days after receipt); the engine's calendar moves it. */
  public static final ProcessVariable<LocalDate> ISSUE_DEADLINE = ProcessVariable.date("issueDeadline", "下达期限");
  public static final ProcessVariable<String> ALLOCATION_SUMMARY = ProcessVariable.of("allocationSummary", String.class);
  /** JSON [{label, value}] of the approved indicators' names, for the forms' selects. */
  public static final ProcessVariable<List<TargetOption>> APPROVED_TARGET_OPTIONS = ProcessVariable.rows("approvedTargetOptions", TargetOption.class, "批复的绩效目标");

  // the issue form
  public static final ProcessVariable<String> ISSUE_DOCUMENT_NO = ProcessVariable.of("issueDocumentNo", String.class);
  public static final ProcessVariable<LocalDate> ISSUED_ON = ProcessVariable.date("issuedOn", "下达日期");
  /** JSON [{recipientCode, projectCode, centralShare, provincialShare}] */
  public static final ProcessVariable<List<IssueLine>> ISSUE_LINES = ProcessVariable.rows("issueLines", IssueLine.class, "下达明细");
  /** JSON [{recipientCode, indicatorName, target}] */
  public static final ProcessVariable<List<RecipientTargetRow>> DECOMPOSED_TARGETS = ProcessVariable.rows("decomposedTargets", RecipientTargetRow.class, "绩效目标分解");
  /**
   * JSON [{projectCode, level1, level2, name, comparator, target, unit}]: annual targets entered in
   * the issue step for funded projects that have none for the budget year (GX 第二十六条).
   */
  public static final ProcessVariable<List<AnnualTargetRow>> ANNUAL_TARGETS = ProcessVariable.rows("annualTargets", AnnualTargetRow.class, "项目年度绩效目标");
  /** The funded projects' annual targets for the budget year, in words (GX 第二十六条). */
  public static final ProcessVariable<String> ANNUAL_TARGETS_SUMMARY = ProcessVariable.of("annualTargetsSummary", String.class);
  // the fiscal department's review of the plan (GX 第十八条)
  /** The checked plan in words, for the 财政厅's review. */
  public static final ProcessVariable<String> PLAN_SUMMARY = ProcessVariable.of("allocationPlanSummary", String.class);
  public static final ProcessVariable<PlanReviewOutcome> PLAN_REVIEW_OUTCOME = ProcessVariable.ofEnum("planReviewOutcome", PlanReviewOutcome.class, "审核意见");
  public static final ProcessVariable<String> PLAN_REVIEW_COMMENT = ProcessVariable.of("planReviewComment", String.class);
  @SuppressWarnings("rawtypes")
  public static final ProcessVariable<List> RECIPIENT_CODES = ProcessVariable.of("recipientCodes", List.class);

  // local to each recipient's branch
  public static final ProcessVariable<String> RECIPIENT_CODE = ProcessVariable.of("recipientCode", String.class);
  public static final ProcessVariable<String> RECIPIENT_NAME = ProcessVariable.of("recipientName", String.class);
  public static final ProcessVariable<String> RECIPIENT_FINANCE_GROUP = ProcessVariable.of("recipientFinanceGroup", String.class);
  /** The recipient's fiscal department (财政局), which approves the release (GX 第五条第四项). */
  public static final ProcessVariable<String> RECIPIENT_FISCAL_GROUP = ProcessVariable.of("recipientFiscalGroup", String.class);
  public static final ProcessVariable<ReleaseOutcome> RELEASE_OUTCOME = ProcessVariable.ofEnum("releaseOutcome", ReleaseOutcome.class, "审核意见");
  public static final ProcessVariable<String> RELEASE_COMMENT = ProcessVariable.of("releaseComment", String.class);
  /**
   * Who files the refinement, comma-separated: the recipient's finance office, and for
   * factor-method money its 财政局 too (GX 第二十五条: 会同当地财政部门).
   */
  public static final ProcessVariable<String> FILING_GROUPS = ProcessVariable.of("filingGroups", String.class);
  /** The finance office the filing goes to: the parent unit, or the province for 因素法 (GX 第二十五条). */
  public static final ProcessVariable<String> SUPERIOR_FINANCE_GROUP = ProcessVariable.of("superiorFinanceGroup", String.class);
  public static final ProcessVariable<String> PART_SUMMARY = ProcessVariable.of("partSummary", String.class);
  public static final ProcessVariable<List<TargetOption>> RECIPIENT_TARGET_OPTIONS = ProcessVariable.rows("recipientTargetOptions", TargetOption.class, "下达的绩效目标");
  public static final ProcessVariable<LocalDate> REFINED_ON = ProcessVariable.date("refinedOn", "细化日期");
  /** JSON [{projectCode, centralShare, provincialShare}] */
  public static final ProcessVariable<List<RefinementLine>> REFINEMENT_LINES = ProcessVariable.rows("refinementLines", RefinementLine.class, "细化明细");
  /** JSON [{projectCode, indicatorName, target}] */
  public static final ProcessVariable<List<ProjectTargetRow>> PROJECT_TARGETS = ProcessVariable.rows("projectTargets", ProjectTargetRow.class, "项目绩效目标");
  /**
   * The decomposition deadline as a date (MNR 第十条: 市、县须在30日内将绩效目标分解情况向上级报备 —
   * 30 days after the money and targets were issued); the engine's calendar moves it.
   */
  public static final ProcessVariable<LocalDate> REFINEMENT_DEADLINE = ProcessVariable.date("refinementDeadline", "分解报备期限");
  /** The filing deadline as a date (30 days after refining); the engine's calendar moves it. */
  public static final ProcessVariable<LocalDate> FILING_DEADLINE = ProcessVariable.date("filingDeadline", "报备期限");
  public static final ProcessVariable<String> REFINEMENT_SUMMARY = ProcessVariable.of("refinementSummary", String.class);
  public static final ProcessVariable<String> FILING_NOTE = ProcessVariable.of("filingNote", String.class);
  public static final ProcessVariable<AcknowledgementOutcome> ACKNOWLEDGEMENT_OUTCOME = ProcessVariable.ofEnum("acknowledgementOutcome", AcknowledgementOutcome.class, "确认意见");
  public static final ProcessVariable<String> ACKNOWLEDGEMENT_COMMENT = ProcessVariable.of("acknowledgementComment", String.class);

  private FundAllocationProcess() {}
}
