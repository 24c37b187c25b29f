package cn.fundmonitor.filing;

import cn.fundmonitor.platform.ProcessVariable;

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
  public static final ProcessVariable<Object> AS_OF = ProcessVariable.of("pointAsOf", Object.class);
  public static final ProcessVariable<Object> DUE_ON = ProcessVariable.of("pointDueOn", Object.class);
  /** REGION (every funded project of the region) or LIST (the project codes given). */
  public static final ProcessVariable<String> SCOPE = ProcessVariable.of("pointScope", String.class);
  public static final ProcessVariable<Object> REGION_CODE = ProcessVariable.of("pointRegionCode", Object.class);
  /** Project codes separated by commas, blanks or line breaks (scope LIST). */
  public static final ProcessVariable<Object> PROJECT_CODES = ProcessVariable.of("pointProjectCodes", Object.class);
  public static final ProcessVariable<Object> BASIS = ProcessVariable.of("pointBasis", Object.class);
  // set when the point is open
  public static final ProcessVariable<Long> OPENED_POINT_ID = ProcessVariable.of("openedPointId", Long.class);
  public static final ProcessVariable<String> OPENED_POINT_LABEL = ProcessVariable.of("openedPointLabel", String.class);

  private MonitoringPointOpeningProcess() {}
}
