package cn.fundmonitor.overdue;

/**
 * Ids of {@code processes/overdue-refresh.bpmn} (逾期天数每日更新): every day the overdue steps'
 * incidents get their current number of days, and records of steps no longer waiting are closed.
 */
public final class OverdueRefreshProcess {

  public static final String KEY = "overdueRefresh";

  public static final String START_EVENT = "StartEvent_EveryDay";
  public static final String TASK_REFRESH = "ServiceTask_RefreshOverdue";
  public static final String END_REFRESHED = "EndEvent_OverdueRefreshed";

  private OverdueRefreshProcess() {}
}
