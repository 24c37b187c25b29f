package cn.fundmonitor.filing;

import cn.fundmonitor.money.Yuan;
import cn.fundmonitor.platform.ProcessVariable;
import cn.fundmonitor.problems.ProblemEscalationProcess;
import cn.fundmonitor.waves.WaveVariables;
import cn.fundmonitor.project.ProjectVariables;
import java.util.Arrays;
import java.util.List;

/**
 * Ids and variables of {@code processes/quarterly-filing.bpmn} (one project's filing for one
 * quarter; business key {@code <projectCode>-<year>Q<quarter>}) and
 * {@code processes/quarterly-filing-wave.bpmn} and {@code quarterly-filing-batch.bpmn} (the start of
 * every quarter's filings, batch by batch). A monitoring point's filings (business key
 * {@code <projectCode>-<year>P<point id>}) run through the same three processes.
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
  public static final String GATEWAY_RED_WARNING = "Gateway_RedWarning";
  public static final String TASK_RESPOND_TO_WARNING = "UserTask_RespondToRedWarning";
  public static final String TASK_RECORD_RESPONSE = "ServiceTask_RecordWarningResponse";
  public static final String GATEWAY_MERGE_RESPONSE = "Gateway_MergeWarningResponse";
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
  public static final String FORM_WARNING_RESPONSE = "executionWarningResponse";

  /** Values of {@link #REVIEW_OUTCOME}. */
  public enum ReviewOutcome { TRANSMIT, RETURN }

  public static final ProcessVariable<Integer> FILING_YEAR = ProcessVariable.of("filingYear", Integer.class);
  public static final ProcessVariable<Integer> FILING_QUARTER = ProcessVariable.of("filingQuarter", Integer.class);
  /**
   * Set instead of {@link #FILING_QUARTER} when the filing (its wave, its batch) is a monitoring
   * point's (监测时点, MNR 第十一条: 其他填报时点，按要求执行): the point's id.
   */
  public static final ProcessVariable<Long> MONITORING_POINT_ID = ProcessVariable.of("monitoringPointId", Long.class);
  // set when the filing opens
  public static final ProcessVariable<String> PROJECT_CODE = ProjectVariables.PROJECT_CODE;
  public static final ProcessVariable<String> PROJECT_NAME = ProjectVariables.PROJECT_NAME;
  public static final ProcessVariable<String> APPLICANT_UNIT_NAME = ProjectVariables.APPLICANT_UNIT_NAME;
  public static final ProcessVariable<String> FILING_UNIT = ProcessVariable.of("filingUnit", String.class);
  /** "<unit>-finance,<unit>-<role>": the unit's finance and business departments. */
  public static final ProcessVariable<String> FILING_GROUPS = ProcessVariable.of("filingGroups", String.class);
  public static final ProcessVariable<String> REVIEW_GROUP = ProcessVariable.of("reviewGroup", String.class);
  /** The 15th after the quarter; the engine's working-day calendar moves it. */
  public static final ProcessVariable<String> FILING_DEADLINE = ProcessVariable.of("filingDeadline", String.class);
  public static final ProcessVariable<String> FILING_CONTEXT = ProcessVariable.of("filingContext", String.class);
  /**
   * The filing's period by name (2026年第3季度; 2026年1—8月监测时点（截至2026-08-31）), shown by the
   * forms, which speak of 本季度 only when the period is a quarter.
   */
  public static final ProcessVariable<String> PERIOD_LABEL = ProcessVariable.of("periodLabel", String.class);
  /** The filing step's name in overdue notices (填报季度执行情况, 填报监测时点执行情况). */
  public static final ProcessVariable<String> FILING_STEP_NAME = ProcessVariable.of("filingStepName", String.class);
  // the filing form
  /**
   * Untyped on purpose: the filing sheet import (FilingSheetImport) submits the cell's text like a
   * form, and the service reports a negative or over-precise amount in that row; a {@code Yuan}
   * cannot carry such a value to the service.
   */
  public static final ProcessVariable<Object> PAID_TO_DATE = ProcessVariable.of("paidToDate", Object.class);
  /** A percentage with a fraction (no percent codec yet); the service reads it as entered. */
  public static final ProcessVariable<Object> PHYSICAL_PROGRESS = ProcessVariable.of("physicalProgress", Object.class);
  /** An indicator's row of the filing form: its actual as entered, or not yet due. */
  public record IndicatorActualRow(Integer position, String name, String target, String unit,
      String actual, Boolean notYetDue) {}
  public static final ProcessVariable<List<IndicatorActualRow>> INDICATOR_ACTUALS = ProcessVariable.rows("indicatorActuals", IndicatorActualRow.class, "绩效指标完成值");
  // inputs and result of the DMN executionWarning
  public static final ProcessVariable<Double> EXECUTION_PROGRESS = ProcessVariable.of("executionProgress", Double.class);
  public static final ProcessVariable<Double> PHYSICAL_PROGRESS_RATIO = ProcessVariable.of("physicalProgressRatio", Double.class);
  public static final ProcessVariable<Double> LOWEST_INDICATOR_PROGRESS = ProcessVariable.of("lowestIndicatorProgress", Double.class);
  public static final ProcessVariable<Double> HIGHEST_INDICATOR_PROGRESS = ProcessVariable.of("highestIndicatorProgress", Double.class);
  /** Which reference the progress was measured against: a {@link ProgressReference} name. */
  public static final ProcessVariable<String> PROGRESS_REFERENCE = ProcessVariable.of("progressReference", String.class);
  /** The filing's payment progress and the reference's own figures, in percent (shown, not decided on). */
  public static final ProcessVariable<Double> ACTUAL_EXECUTION = ProcessVariable.of("actualExecution", Double.class);
  public static final ProcessVariable<Double> REFERENCE_EXECUTION = ProcessVariable.of("referenceExecution", Double.class);
  public static final ProcessVariable<Double> REFERENCE_PHYSICAL = ProcessVariable.of("referencePhysical", Double.class);
  @SuppressWarnings("rawtypes")
  public static final ProcessVariable<List> EXECUTION_WARNINGS = ProcessVariable.of("executionWarnings", List.class);
  /** The warning level the problem it raises carries on (problemEscalation declares it). */
  public static final ProcessVariable<String> WARNING_LEVEL = ProblemEscalationProcess.WARNING_LEVEL;
  public static final ProcessVariable<String> FILING_SUMMARY = ProcessVariable.of("filingSummary", String.class);
  /**
   * The warning as people read it: "红色预警" / "黄色预警" / "蓝色预警" or "未预警" — a task summary
   * variable (platform/TaskSummaryPlugin), so the task cards show it.
   */
  public static final ProcessVariable<String> WARNING_TEXT = ProcessVariable.of("warningText", String.class);
  /** Each reason with its ratio, and the reference used, one per line (the review form shows it). */
  public static final ProcessVariable<String> WARNING_DETAILS = ProcessVariable.of("warningDetails", String.class);
  // the county's answer to a red warning (资阳 三(三): 偏离目标的及时纠偏)
  /** Values of {@link #WARNING_RESPONSE_KIND}. */
  public enum WarningResponseKind {
    EXPLAIN, RECTIFY;

    /** The kind a form submitted ({@code WARNING_RESPONSE_KIND.raw}); null when none or unknown. */
    public static WarningResponseKind of(Object submitted) {
      return Arrays.stream(values()).filter(k -> k.name().equals(submitted)).findFirst()
          .orElse(null);
    }
  }
  public static final ProcessVariable<WarningResponseKind> WARNING_RESPONSE_KIND = ProcessVariable.ofEnum("warningResponseKind", WarningResponseKind.class, "说明类型");
  public static final ProcessVariable<String> WARNING_RESPONSE_TEXT = ProcessVariable.of("warningResponseText", String.class);
  /** The response is due this many working days after the filing: a configurable default. */
  public static final ProcessVariable<String> WARNING_RESPONSE_DEADLINE = ProcessVariable.of("warningResponseDeadline", String.class);
  // the review form
  /** A qualitative indicator's row of the review form, rated by the reviewer as entered. */
  public record QualitativeRateRow(Integer position, String name, String target, String actual,
      String rate) {}
  public static final ProcessVariable<List<QualitativeRateRow>> QUALITATIVE_RATES = ProcessVariable.rows("qualitativeRates", QualitativeRateRow.class, "定性指标完成率");
  public static final ProcessVariable<ReviewOutcome> REVIEW_OUTCOME = ProcessVariable.ofEnum("filingReviewOutcome", ReviewOutcome.class, "审核结论");
  public static final ProcessVariable<String> REVIEW_COMMENT = ProcessVariable.of("filingReviewComment", String.class);
  // the wave (its own id is its process instance id) and its batches
  public static final ProcessVariable<Integer> WAVE_PLANNED = WaveVariables.WAVE_PLANNED;
  public static final ProcessVariable<Integer> WAVE_BATCHES = ProcessVariable.of("waveBatches", Integer.class);
  public static final ProcessVariable<Boolean> ALL_BATCHES_DONE = ProcessVariable.of("allBatchesDone", Boolean.class);
  /** Filings the reconciliation opened: projects funded while the wave ran. */
  public static final ProcessVariable<Integer> WAVE_ADDED = WaveVariables.WAVE_ADDED;
  /** On a batch: its wave's process instance id and its number (0, 1, …) in the wave's plan. */
  public static final ProcessVariable<String> WAVE_ID = ProcessVariable.of("waveId", String.class);
  public static final ProcessVariable<Integer> BATCH_NUMBER = WaveVariables.BATCH_NUMBER;
  /**
   * The money the project received, read by the batch (or reconciliation) that opens the filing,
   * for all its projects in one query, and handed to the filing's opening; transient (never
   * stored), absent where a filing is opened alone, which reads it then.
   */
  public static final ProcessVariable<Yuan> RECEIVED_AT_OPENING = ProcessVariable.yuan("receivedAtOpening", "到位资金");

  /** Form fields of the payments by fund source: paidCentral, paidProvincial, ... */
  public static String paidField(FundSource source) {
    return "paid" + source.name().charAt(0) + source.name().substring(1).toLowerCase();
  }

  private QuarterlyFilingProcess() {}
}
