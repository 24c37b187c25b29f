package cn.fundmonitor.filing;

import cn.fundmonitor.platform.ProcessVariable;
import java.time.LocalDate;

/**
 * Ids and variables of {@code processes/monitoring-point-opening.bpmn}: a province's or the
 * ministry's finance department opens a monitoring point from Tasklist (MNR 第十一条: 其他填报时点，
 * 按要求执行); the start form's fields are the request {@code POST /api/monitoring-points} takes.
 */
public final class MonitoringPointOpeningProcess {

  public static final String KEY = "monitoringPointOpening";
  public static final String START = "StartEvent_PointRequested";
  public static final String TASK_OPEN = "ServiceTask_OpenPoint";
  public static final String END_OPENED = "EndEvent_PointOpened";

  /** The initiator (camunda:initiator). */
  public static final ProcessVariable<String> OPENER = ProcessVariable.of("pointOpener", String.class);
  // the start form
  public static final ProcessVariable<LocalDate> AS_OF = ProcessVariable.date("pointAsOf", "监测时点（数据截至日期）");
  public static final ProcessVariable<LocalDate> DUE_ON = ProcessVariable.date("pointDueOn", "填报截止日期");
  /** REGION (every funded project of the region) or LIST (the project codes given). */
  public static final ProcessVariable<String> SCOPE = ProcessVariable.of("pointScope", String.class);
  public static final ProcessVariable<String> REGION_CODE = ProcessVariable.string("pointRegionCode");
  /** Project codes separated by commas, blanks or line breaks (scope LIST). */
  public static final ProcessVariable<String> PROJECT_CODES = ProcessVariable.string("pointProjectCodes");
  public static final ProcessVariable<String> BASIS = ProcessVariable.string("pointBasis");
  // set when the point is open
  public static final ProcessVariable<Long> OPENED_POINT_ID = ProcessVariable.of("openedPointId", Long.class);
  public static final ProcessVariable<String> OPENED_POINT_LABEL = ProcessVariable.of("openedPointLabel", String.class);

  private MonitoringPointOpeningProcess() {}
}
