package cn.fundmonitor.evaluation;

import cn.fundmonitor.platform.ProcessVariable;
import cn.fundmonitor.waves.WaveVariables;
import cn.fundmonitor.project.ProjectVariables;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Ids and variables of {@code processes/project-self-evaluation.bpmn} (项目绩效自评; business key
 * {@code <projectCode>-<year>ZP}) and {@code processes/self-evaluation-wave.bpmn}.
 */
public final class SelfEvaluationProcess {

  public static final String KEY = "projectSelfEvaluation";
  public static final String DECISION_WEIGHTS = "selfEvaluationWeights";
  public static final String DECISION_GRADE = "selfEvaluationGrade";

  public static final String START_EVENT = "StartEvent_EvaluationOpened";
  public static final String TASK_OPEN = "ServiceTask_OpenEvaluation";
  public static final String GATEWAY_MERGE = "Gateway_MergeEvaluation";
  public static final String TASK_EVALUATE = "UserTask_SelfEvaluate";
  public static final String TIMER_OVERDUE = "Timer_EvaluationOverdue";
  public static final String TASK_RECORD_OVERDUE = "ServiceTask_RecordEvaluationOverdue";
  public static final String TIMER_REVIEW_OVERDUE = "Timer_ReviewOverdue";
  public static final String TASK_RECORD_REVIEW_OVERDUE = "ServiceTask_RecordReviewOverdue";
  public static final String TASK_FOLLOW_UP_REVIEW = "UserTask_FollowUpReview";
  public static final String END_REVIEW_FOLLOWED_UP = "EndEvent_ReviewFollowedUp";
  public static final String TASK_FOLLOW_UP = "UserTask_FollowUpEvaluation";
  public static final String END_FOLLOWED_UP = "EndEvent_EvaluationFollowedUp";
  public static final String TASK_WEIGHTS = "BusinessRuleTask_EvaluationWeights";
  public static final String TASK_SCORE = "ServiceTask_ScoreEvaluation";
  public static final String TASK_GRADE = "BusinessRuleTask_EvaluationGrade";
  public static final String TASK_RECORD_GRADE = "ServiceTask_RecordGrade";
  public static final String TASK_REVIEW = "UserTask_ReviewEvaluation";
  public static final String GATEWAY_REVIEW = "Gateway_EvaluationReviewOutcome";
  public static final String TASK_COLLECT = "ServiceTask_CollectEvaluation";
  public static final String END_COLLECTED = "EndEvent_EvaluationCollected";
  public static final String TASK_RETURN = "ServiceTask_ReturnEvaluation";

  public static final String WAVE_KEY = "selfEvaluationWave";
  public static final String WAVE_START = "StartEvent_EvaluationYearEnded";
  public static final String WAVE_PLAN = "ServiceTask_PlanEvaluations";
  public static final String WAVE_BATCH = "ServiceTask_StartEvaluationBatch";
  public static final String WAVE_RECONCILE = "ServiceTask_ReconcileEvaluations";
  public static final String WAVE_END = "EndEvent_EvaluationsStarted";

  public static final String FORM_EVALUATE = "selfEvaluation";
  public static final String FORM_REVIEW = "selfEvaluationReview";

  /** Values of {@link #REVIEW_OUTCOME}. */
  public enum ReviewOutcome { APPROVE, RETURN }

  public static final ProcessVariable<Integer> EVALUATION_YEAR = ProcessVariable.of("evaluationYear", Integer.class);
  public static final ProcessVariable<String> PROJECT_CODE = ProjectVariables.PROJECT_CODE;
  public static final ProcessVariable<String> PROJECT_NAME = ProjectVariables.PROJECT_NAME;
  public static final ProcessVariable<String> APPLICANT_UNIT_NAME = ProjectVariables.APPLICANT_UNIT_NAME;
  public static final ProcessVariable<String> DIRECTION = ProjectVariables.DIRECTION;
  public static final ProcessVariable<String> EVALUATION_UNIT = ProcessVariable.of("evaluationUnit", String.class);
  /** The unit's finance group and its business department for the direction, comma-separated. */
  public static final ProcessVariable<String> EVALUATION_GROUPS = ProcessVariable.of("evaluationGroups", String.class);
  public static final ProcessVariable<String> REVIEW_GROUP = ProcessVariable.of("evaluationReviewGroup", String.class);
  /** The unit's deadline (20 January by default); the engine's calendar moves it to a working day. */
  public static final ProcessVariable<LocalDate> DEADLINE = ProcessVariable.date("evaluationDeadline", "自评期限");
  /** The city's: 31 January of the next year (GX 第二十八条); the engine's calendar moves it. */
  public static final ProcessVariable<LocalDate> REVIEW_DEADLINE = ProcessVariable.date("reviewDeadline", "审核汇总期限");
  /** The reviewing unit (the city; the province for a unit directly under it). */
  public static final ProcessVariable<String> REVIEW_UNIT = ProcessVariable.of("reviewUnit", String.class);
  public static final ProcessVariable<String> CONTEXT = ProcessVariable.of("evaluationContext", String.class);

  // the unit's form
  public static final ProcessVariable<String> SELF_REPORT = ProcessVariable.of("selfReport", String.class);
  public static final ProcessVariable<Boolean> EMERGENCY = ProcessVariable.of("emergencyProject", Boolean.class);

  // computed
  @SuppressWarnings("rawtypes")
  public static final ProcessVariable<List> WEIGHTS = ProcessVariable.of("evaluationWeights", List.class);
  public static final ProcessVariable<Double> SCORE = ProcessVariable.of("evaluationScore", Double.class);
  public static final ProcessVariable<String> DETAILS = ProcessVariable.of("evaluationDetails", String.class);
  @SuppressWarnings("rawtypes")
  public static final ProcessVariable<Map> GRADE_RESULT = ProcessVariable.of("evaluationGradeResult", Map.class);
  /** e.g. "良（86.5分）" */
  public static final ProcessVariable<String> GRADE = ProcessVariable.of("evaluationGrade", String.class);
  public static final ProcessVariable<Boolean> FLAGGED = ProcessVariable.of("allocationReduced", Boolean.class);

  // the city's review
  public static final ProcessVariable<ReviewOutcome> REVIEW_OUTCOME = ProcessVariable.ofEnum("evaluationReviewOutcome", ReviewOutcome.class, "审核意见");
  public static final ProcessVariable<String> REVIEW_COMMENT = ProcessVariable.of("evaluationReviewComment", String.class);

  // the wave (its id is its process instance id): one multi-instance element per batch number
  @SuppressWarnings("rawtypes")
  public static final ProcessVariable<List> BATCHES = ProcessVariable.of("evaluationBatches", List.class);
  public static final ProcessVariable<Integer> BATCH_NUMBER = WaveVariables.BATCH_NUMBER;
  public static final ProcessVariable<Integer> WAVE_PLANNED = WaveVariables.WAVE_PLANNED;
  /** Evaluations the reconciliation opened: projects funded while the wave ran. */
  public static final ProcessVariable<Integer> WAVE_ADDED = WaveVariables.WAVE_ADDED;

  private SelfEvaluationProcess() {}
}
