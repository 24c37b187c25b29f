package cn.fundmonitor.filing;

import cn.fundmonitor.platform.ProcessVariable;

/**
 * Ids of {@code processes/september-monitoring-point.bpmn}: each September the schedule opens a
 * monitoring point for January–August (资阳 三(三)), if this deployment has it on.
 */
public final class SeptemberMonitoringPointProcess {

  public static final String KEY = "septemberMonitoringPoint";
  public static final String START = "StartEvent_SeptemberBegun";
  public static final String GATEWAY_ENABLED = "Gateway_SeptemberPointEnabled";
  public static final String TASK_OPEN = "ServiceTask_OpenSeptemberPoints";
  public static final String END_OPENED = "EndEvent_SeptemberPointsOpened";
  public static final String END_OFF = "EndEvent_SeptemberPointOff";

  /** The ids of the points opened, comma-separated (empty when they existed already). */
  public static final ProcessVariable<String> OPENED_POINTS = ProcessVariable.of("openedMonitoringPoints", String.class);

  private SeptemberMonitoringPointProcess() {}
}
