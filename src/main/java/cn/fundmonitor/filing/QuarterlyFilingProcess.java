package cn.fundmonitor.filing;

import cn.fundmonitor.platform.ProcessVariable;
import java.util.List;

/**
 * Ids and variables of {@code processes/quarterly-filing.bpmn} (one project's filing for one
 * quarter; business key {@code <projectCode>-<year>Q<quarter>}) and
 * {@code processes/quarterly-filing-wave.bpmn} and {@code quarterly-filing-batch.bpmn} (the start of
 * every quarter's filings, batch by batch).
 */
public final class QuarterlyFilingProcess {

  public static final String KEY = "quarterlyFiling";
  public static final String DECISION_WARNING = "executionWarning";

  public static final String START_EVENT = "StartEvent_FilingOpened";
  public static final String TASK_OPEN = "ServiceTask_OpenFiling";
  public static final String GATEWAY_MERGE_FILING = "Gateway_MergeFiling";
  public static final String TASK_FILE = "UserTask_FileQuarter";
  public static final String TIMER_FILING_OVERDUE = "Timer_QuarterOverdue";
  public static final String TASK_RECORD_OVERDUE = "ServiceTask_RecordQuarterOverdue";
  public static final String TASK_FOLLOW_UP = "UserTask_FollowUpQuarter";
  public static final String END_FOLLOWED_UP = "EndEvent_QuarterFollowedUp";
  public static final String TASK_RECORD_FILING = "ServiceTask_RecordQuarterFiling";
  public static final String TASK_CHECK_EXECUTION = "BusinessRuleTask_ExecutionWarning";
  public static final String TASK_RECORD_WARNING = "ServiceTask_RecordWarning";
  public static final String GATEWAY_WARNING_RAISED = "Gateway_WarningRaised";
  public static final String TASK_RAISE_PROBLEM = "ServiceTask_RaiseProblem";
  public static final String GATEWAY_MERGE_WARNING = "Gateway_MergeWarning";
  public static final String TASK_REVIEW = "UserTask_ReviewQuarterFiling";
  public static final String GATEWAY_REVIEW_OUTCOME = "Gateway_QuarterReviewOutcome";
  public static final String TASK_TRANSMIT = "ServiceTask_TransmitToMinistry";
  public static final String TASK_RETURN = "ServiceTask_ReturnQuarterFiling";
  public static final String END_TRANSMITTED = "EndEvent_FilingTransmitted";

  public static final String WAVE_KEY = "quarterlyFilingWave";
  public static final String WAVE_START = "StartEvent_QuarterStarted";
  public static final String WAVE_PLAN = "ServiceTask_PlanWave";
  public static final String WAVE_MERGE_WAIT = "Gateway_MergeWaitForBatches";
  public static final String WAVE_WAIT = "Timer_WaitForBatches";
  public static final String WAVE_CHECK = "ServiceTask_CheckBatches";
  public static final String WAVE_GATEWAY_DONE = "Gateway_AllBatchesDone";
  public static final String WAVE_RECONCILE = "ServiceTask_ReconcileWave";
  public static final String WAVE_END = "EndEvent_WaveReconciled";

  public static final String BATCH_KEY = "quarterlyFilingBatch";
  public static final String BATCH_START = "StartEvent_BatchStarted";
  public static final String BATCH_TASK = "ServiceTask_StartFilingBatch";
  public static final String BATCH_END = "EndEvent_BatchDone";

  public static final String FORM_FILING = "quarterlyFiling";
  public static final String FORM_REVIEW = "quarterlyFilingReview";

  /** Values of {@link #REVIEW_OUTCOME}. */
  public enum ReviewOutcome { TRANSMIT, RETURN }

  public static final ProcessVariable<Integer> FILING_YEAR = ProcessVariable.of("filingYear", Integer.class);
  public static final ProcessVariable<Integer> FILING_QUARTER = ProcessVariable.of("filingQuarter", Integer.class);
  // set when the filing opens
  public static final ProcessVariable<String> PROJECT_CODE = ProcessVariable.of("projectCode", String.class);
  public static final ProcessVariable<String> PROJECT_NAME = ProcessVariable.of("projectName", String.class);
  public static final ProcessVariable<String> APPLICANT_UNIT_NAME = ProcessVariable.of("applicantUnitName", String.class);
  public static final ProcessVariable<String> FILING_UNIT = ProcessVariable.of("filingUnit", String.class);
  /** "<unit>-finance,<unit>-<role>": the unit's finance and business departments. */
  public static final ProcessVariable<String> FILING_GROUPS = ProcessVariable.of("filingGroups", String.class);
  public static final ProcessVariable<String> REVIEW_GROUP = ProcessVariable.of("reviewGroup", String.class);
  /** The 15th after the quarter; the engine's working-day calendar moves it. */
  public static final ProcessVariable<String> FILING_DEADLINE = ProcessVariable.of("filingDeadline", String.class);
  public static final ProcessVariable<String> FILING_CONTEXT = ProcessVariable.of("filingContext", String.class);
  // the filing form
  public static final ProcessVariable<Object> PAID_TO_DATE = ProcessVariable.of("paidToDate", Object.class);
  public static final ProcessVariable<Object> PHYSICAL_PROGRESS = ProcessVariable.of("physicalProgress", Object.class);
  /** JSON [{position, name, target, unit, actual, notYetDue}] */
  public static final ProcessVariable<Object> INDICATOR_ACTUALS = ProcessVariable.of("indicatorActuals", Object.class);
  // inputs and result of the DMN executionWarning
  public static final ProcessVariable<Double> EXECUTION_PROGRESS = ProcessVariable.of("executionProgress", Double.class);
  public static final ProcessVariable<Double> PHYSICAL_PROGRESS_RATIO = ProcessVariable.of("physicalProgressRatio", Double.class);
  public static final ProcessVariable<Double> LOWEST_INDICATOR_PROGRESS = ProcessVariable.of("lowestIndicatorProgress", Double.class);
  public static final ProcessVariable<Double> HIGHEST_INDICATOR_PROGRESS = ProcessVariable.of("highestIndicatorProgress", Double.class);
  @SuppressWarnings("rawtypes")
  public static final ProcessVariable<List> EXECUTION_WARNINGS = ProcessVariable.of("executionWarnings", List.class);
  public static final ProcessVariable<String> WARNING_LEVEL = ProcessVariable.of("warningLevel", String.class);
  public static final ProcessVariable<String> FILING_SUMMARY = ProcessVariable.of("filingSummary", String.class);
  // the review form
  /** JSON [{position, name, target, actual, rate}] for qualitative indicators. */
  public static final ProcessVariable<Object> QUALITATIVE_RATES = ProcessVariable.of("qualitativeRates", Object.class);
  public static final ProcessVariable<String> REVIEW_OUTCOME = ProcessVariable.of("filingReviewOutcome", String.class);
  public static final ProcessVariable<String> REVIEW_COMMENT = ProcessVariable.of("filingReviewComment", String.class);
  // the wave (its own id is its process instance id) and its batches
  public static final ProcessVariable<Integer> WAVE_PLANNED = ProcessVariable.of("wavePlanned", Integer.class);
  public static final ProcessVariable<Integer> WAVE_BATCHES = ProcessVariable.of("waveBatches", Integer.class);
  public static final ProcessVariable<Boolean> ALL_BATCHES_DONE = ProcessVariable.of("allBatchesDone", Boolean.class);
  /** Filings the reconciliation opened: projects funded while the wave ran. */
  public static final ProcessVariable<Integer> WAVE_ADDED = ProcessVariable.of("waveAdded", Integer.class);
  /** On a batch: its wave's process instance id and its number (0, 1, …) in the wave's plan. */
  public static final ProcessVariable<String> WAVE_ID = ProcessVariable.of("waveId", String.class);
  public static final ProcessVariable<Integer> BATCH_NUMBER = ProcessVariable.of("batchNumber", Integer.class);

  /** Form fields of the payments by fund source: paidCentral, paidProvincial, ... */
  public static String paidField(FundSource source) {
    return "paid" + source.name().charAt(0) + source.name().substring(1).toLowerCase();
  }

  private QuarterlyFilingProcess() {}
}
