package cn.fundmonitor.correction;

import cn.fundmonitor.platform.ProcessVariable;
import cn.fundmonitor.platform.UnitVariables;
import cn.fundmonitor.project.ProjectVariables;
import java.util.List;

/**
 * Ids and variables of {@code processes/data-correction.bpmn} (one change request; business key
 * = request number) and {@code processes/correction-report.bpmn} (the province's periodic report of
 * changes to transmitted data to the ministry).
 */
public final class DataCorrectionProcess {

  public static final String KEY = "dataCorrection";
  public static final String MESSAGE_DECIDED = "CorrectionDecided";
  public static final String ERROR_STALE = "CORRECTION_STALE";

  public static final String START_EVENT = "StartEvent_CorrectionRequested";
  public static final String TASK_REGISTER = "ServiceTask_RegisterCorrection";
  public static final String GATEWAY_TRANSMITTED = "Gateway_AfterTransmission";
  public static final String TASK_CONSENT = "UserTask_SuperiorConsent";
  public static final String TASK_RECORD_CONSENT = "ServiceTask_RecordConsent";
  public static final String GATEWAY_CONSENTED = "Gateway_SuperiorConsented";
  public static final String EVENT_MINISTRY_DECIDED = "IntermediateCatchEvent_MinistryDecided";
  public static final String GATEWAY_MINISTRY_APPROVED = "Gateway_MinistryApproved";
  public static final String TASK_APPLY_BY_PROVINCE = "UserTask_ApplyByProvince";
  public static final String GATEWAY_MERGE_APPLY = "Gateway_MergeApply";
  public static final String TASK_APPLY = "ServiceTask_ApplyCorrection";
  public static final String ERROR_EVENT_STALE = "BoundaryEvent_RecordChanged";
  public static final String TASK_RECORD_STALE = "ServiceTask_RecordStale";
  public static final String END_STALE = "EndEvent_CorrectionStale";
  public static final String END_APPLIED = "EndEvent_CorrectionApplied";
  public static final String GATEWAY_MERGE_REFUSED = "Gateway_MergeRefused";
  public static final String END_REFUSED = "EndEvent_CorrectionRefused";

  public static final String REPORT_KEY = "correctionReport";
  public static final String REPORT_START = "StartEvent_ReportDue";
  public static final String REPORT_COLLECT = "ServiceTask_CollectCorrections";
  public static final String REPORT_GATEWAY_ANY = "Gateway_AnyCorrections";
  public static final String REPORT_END_NOTHING = "EndEvent_NothingToReport";
  public static final String REPORT_SUBPROCESS = "SubProcess_ProvinceReport";
  public static final String REPORT_PREPARE = "ServiceTask_PrepareReport";
  public static final String REPORT_SUBMIT = "UserTask_SubmitReport";
  public static final String REPORT_RECORD_SUBMISSION = "ServiceTask_RecordSubmission";
  public static final String REPORT_OPINION = "UserTask_BusinessOpinion";
  public static final String REPORT_RECORD_OPINION = "ServiceTask_RecordOpinion";
  public static final String REPORT_DECIDE = "UserTask_MinistryDecision";
  public static final String REPORT_RECORD_DECISIONS = "ServiceTask_RecordDecisions";
  public static final String REPORT_END = "EndEvent_ReportsDecided";

  public static final String FORM_REQUEST = "correctionRequest";
  public static final String FORM_CONSENT = "correctionConsent";
  public static final String FORM_APPLY = "correctionApplication";
  public static final String FORM_SUBMIT = "correctionReportSubmission";
  public static final String FORM_OPINION = "correctionReportOpinion";
  public static final String FORM_DECIDE = "correctionReportDecision";

  public static final ProcessVariable<String> REQUESTER = ProcessVariable.of("requester", String.class);
  /**
   * QUARTERLY_FILING (the default when absent), ALLOCATION_ISSUE or ALLOCATION_REFINEMENT: MNR
   * 第二十二条 covers all data sent upward.
   */
  public static final ProcessVariable<String> RECORD_TYPE = ProcessVariable.of("recordType", String.class);
  /** The field of an allocation record (LINES, TARGET_n, TARGET_project_n); the form's free text. */
  public static final ProcessVariable<String> ALLOCATION_FIELD = ProcessVariable.of("allocationField", String.class);
  public static final ProcessVariable<String> RECORD_KEY = ProcessVariable.of("recordKey", String.class);
  public static final ProcessVariable<String> FIELD = ProcessVariable.of("correctionField", String.class);
  public static final ProcessVariable<String> NEW_VALUE = ProcessVariable.of("newValue", String.class);
  public static final ProcessVariable<String> REASON = ProcessVariable.of("correctionReason", String.class);
  public static final ProcessVariable<String> REQUEST_NO = ProcessVariable.of("requestNo", String.class);
  /** Which project's filing the request changes: Tasklist's cards show them (项目编码, 项目名称). */
  public static final ProcessVariable<String> PROJECT_CODE = ProjectVariables.PROJECT_CODE;
  public static final ProcessVariable<String> PROJECT_NAME = ProjectVariables.PROJECT_NAME;
  public static final ProcessVariable<Boolean> AFTER_TRANSMISSION = ProcessVariable.of("afterTransmission", Boolean.class);
  public static final ProcessVariable<String> SUPERIOR_GROUP = ProcessVariable.of("superiorGroup", String.class);
  public static final ProcessVariable<String> COUNTERPART_GROUP = ProcessVariable.of("counterpartGroup", String.class);
  public static final ProcessVariable<String> CORRECTION_SUMMARY = ProcessVariable.of("correctionSummary", String.class);
  /** Values of {@link #CONSENT}. */
  public enum Consent { APPROVE, REFUSE }

  public static final ProcessVariable<Consent> CONSENT = ProcessVariable.ofEnum("consent", Consent.class, "审核意见");
  public static final ProcessVariable<String> CONSENT_COMMENT = ProcessVariable.of("consentComment", String.class);
  /** Set by the message CorrectionDecided. */
  public static final ProcessVariable<Boolean> MINISTRY_APPROVED = ProcessVariable.of("ministryApproved", Boolean.class);
  public static final ProcessVariable<String> MINISTRY_REASON = ProcessVariable.of("ministryReason", String.class);
  // the report
  @SuppressWarnings("rawtypes")
  public static final ProcessVariable<List> REPORT_IDS = ProcessVariable.of("reportIds", List.class);
  public static final ProcessVariable<String> REPORT_ID = ProcessVariable.of("reportId", String.class);
  /** The reporting province, shown on the report's task cards (省份). */
  public static final ProcessVariable<String> PROVINCE_NAME = UnitVariables.PROVINCE_NAME;
  public static final ProcessVariable<String> PROVINCE_FINANCE_GROUP = UnitVariables.PROVINCE_FINANCE_GROUP;
  public static final ProcessVariable<String> MINISTRY_BUSINESS_GROUP = ProcessVariable.of("ministryBusinessGroup", String.class);
  public static final ProcessVariable<String> REPORT_SUMMARY = ProcessVariable.of("reportSummary", String.class);
  public static final ProcessVariable<String> SUBMISSION_NOTE = ProcessVariable.of("submissionNote", String.class);
  public static final ProcessVariable<String> BUSINESS_OPINION = ProcessVariable.of("businessOpinion", String.class);
  /** One row of the ministry's decision table; {@code decision} is APPROVE or REFUSE. */
  public record ReportDecision(String requestNo, String summary, String decision, String reason) {}

  public static final ProcessVariable<List<ReportDecision>> REPORT_DECISIONS =
      ProcessVariable.rows("reportDecisions", ReportDecision.class, "认定意见");

  private DataCorrectionProcess() {}
}
