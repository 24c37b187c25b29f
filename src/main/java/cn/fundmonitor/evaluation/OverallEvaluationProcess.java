package cn.fundmonitor.evaluation;

import cn.fundmonitor.platform.ProcessVariable;
import cn.fundmonitor.platform.UnitVariables;

/**
 * Ids and variables of {@code processes/overall-evaluation.bpmn} (专项资金总体绩效评价, GX 第二十八条:
 * 自治区自然资源厅负责专项资金总体绩效评价工作并将评价结果报自治区财政厅); business key
 * {@code <province code>-<year>ZTPJ}.
 */
public final class OverallEvaluationProcess {

  public static final String KEY = "overallEvaluation";

  public static final String START_EVENT = "StartEvent_OverallEvaluationStarted";
  public static final String TASK_SUMMARISE = "ServiceTask_SummariseYear";
  public static final String TASK_WRITE = "UserTask_WriteOverallEvaluation";
  public static final String TASK_RECEIVE = "UserTask_ReceiveOverallEvaluation";
  public static final String END_REPORTED = "EndEvent_OverallEvaluationReported";

  public static final String FORM_START = "overallEvaluationStart";
  public static final String FORM_WRITE = "overallEvaluationReport";
  public static final String FORM_RECEIVE = "overallEvaluationReceipt";

  /** Values of {@link #RE_EVALUATION}. */
  public enum ReEvaluation { NONE, SELECTED }

  public static final ProcessVariable<String> EVALUATOR = ProcessVariable.of("evaluator", String.class);
  public static final ProcessVariable<Integer> YEAR = ProcessVariable.whole("overallEvaluationYear", "评价年度");
  public static final ProcessVariable<String> PROVINCE_CODE = UnitVariables.PROVINCE_CODE;
  public static final ProcessVariable<String> PROVINCE_FINANCE_GROUP = UnitVariables.PROVINCE_FINANCE_GROUP;
  public static final ProcessVariable<String> PROVINCE_FISCAL_GROUP = UnitVariables.PROVINCE_FISCAL_GROUP;
  /** The year's project self-evaluations of the province, in words. */
  public static final ProcessVariable<String> SUMMARY = ProcessVariable.of("overallEvaluationSummary", String.class);
  public static final ProcessVariable<String> CONCLUSION = ProcessVariable.of("overallConclusion", String.class);
  /** 自治区财政厅视情况选择部分专项资金项目开展绩效再评价 (GX 第二十八条). */
  public static final ProcessVariable<ReEvaluation> RE_EVALUATION = ProcessVariable.ofEnum("reEvaluation", ReEvaluation.class, "是否开展再评价");
  /** Project codes chosen for re-evaluation, separated by commas or new lines. */
  public static final ProcessVariable<String> RE_EVALUATION_PROJECTS = ProcessVariable.of("reEvaluationProjects", String.class);
  public static final ProcessVariable<String> FISCAL_COMMENT = ProcessVariable.of("fiscalComment", String.class);

  public static String businessKey(String provinceCode, int year) {
    return provinceCode + "-" + year + "ZTPJ";
  }

  private OverallEvaluationProcess() {}
}
