package cn.fundmonitor.filing;

import cn.fundmonitor.project.Indicator;
import cn.fundmonitor.project.IndicatorTarget;

/**
 * An indicator's actual value at the monitoring point, or "not yet at the monitoring point"
 * (未达监控节点), with its completion rate (computed, or the reviewer's for a qualitative one).
 */
public record IndicatorActual(int position, Indicator indicator, IndicatorTarget actual,
    boolean notYetDue, Integer completionRate, boolean rateByReviewer) {

  public String actualText() {
    return notYetDue ? "未达监控节点" : actual == null ? "" : actual.text();
  }
}
