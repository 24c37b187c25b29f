package cn.fundmonitor.inspection;

import cn.fundmonitor.platform.ProcessVariable;
import cn.fundmonitor.project.ProjectVariables;
import java.util.List;

/** Ids and variables of {@code processes/data-quality-inspection.bpmn} (数据质量抽查; business key = inspection number). */
public final class InspectionProcess {

  public static final String KEY = "dataQualityInspection";

  public static final String START_EVENT = "StartEvent_InspectionStarted";
  public static final String TASK_RUN = "ServiceTask_RunInspection";
  public static final String GATEWAY_FINDINGS = "Gateway_FindingsFound";
  public static final String SUBPROCESS_RECTIFICATION = "SubProcess_Rectification";
  public static final String TASK_PREPARE = "ServiceTask_PrepareFinding";
  public static final String TASK_RECTIFY = "UserTask_RectifyFinding";
  public static final String TASK_RECORD_RECTIFICATION = "ServiceTask_RecordRectification";
  public static final String TASK_CONFIRM = "UserTask_ConfirmRectification";
  public static final String GATEWAY_CONFIRMED = "Gateway_RectificationConfirmed";
  public static final String TASK_RECORD_CONFIRMATION = "ServiceTask_RecordConfirmation";
  public static final String END_FINDING_CLOSED = "EndEvent_FindingClosed";
  public static final String TASK_CLOSE = "ServiceTask_CloseInspection";
  public static final String END_CLOSED = "EndEvent_InspectionClosed";

  public static final String FORM_START = "dataQualityInspection";
  public static final String FORM_RECTIFY = "findingRectification";
  public static final String FORM_CONFIRM = "findingConfirmation";

  public static final ProcessVariable<String> INSPECTOR = ProcessVariable.of("inspector", String.class);
  public static final ProcessVariable<Integer> YEAR = ProcessVariable.whole("inspectionYear", "检查年度");
  public static final ProcessVariable<String> SAMPLE_UNITS = ProcessVariable.of("sampleUnits", String.class);
  public static final ProcessVariable<Integer> SAMPLE_SIZE = ProcessVariable.whole("sampleSize", "随机抽取的单位数");
  public static final ProcessVariable<String> NUMBER = ProcessVariable.of("inspectionNo", String.class);
  public static final ProcessVariable<String> INSPECTOR_GROUP = ProcessVariable.of("inspectorGroup", String.class);
  public static final ProcessVariable<String> SUMMARY = ProcessVariable.of("inspectionSummary", String.class);
  @SuppressWarnings("rawtypes")
  public static final ProcessVariable<List> FINDING_IDS = ProcessVariable.of("findingIds", List.class);

  // local to each finding's rectification
  public static final ProcessVariable<Number> FINDING_ID = ProcessVariable.of("findingId", Number.class);
  public static final ProcessVariable<String> FINDING_UNIT_GROUP = ProcessVariable.of("findingUnitGroup", String.class);
  public static final ProcessVariable<String> FINDING_TEXT = ProcessVariable.of("findingText", String.class);
  /**
   * The project the finding is about, if it names one: shown on the finding's cards in Tasklist
   * (platform.TaskSummaryPlugin), so a unit and its inspector can tell one finding from another.
   */
  public static final ProcessVariable<String> PROJECT_CODE = ProjectVariables.PROJECT_CODE;
  public static final ProcessVariable<String> PROJECT_NAME = ProjectVariables.PROJECT_NAME;
  public static final ProcessVariable<String> RECTIFICATION = ProcessVariable.of("rectification", String.class);
  public static final ProcessVariable<Boolean> CONFIRMED = ProcessVariable.of("rectificationConfirmed", Boolean.class);
  public static final ProcessVariable<String> CONFIRMATION_COMMENT = ProcessVariable.of("confirmationComment", String.class);

  private InspectionProcess() {}
}
