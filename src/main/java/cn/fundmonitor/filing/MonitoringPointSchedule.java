package cn.fundmonitor.filing;

import cn.fundmonitor.platform.ModelBean;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The September monitoring point (资阳 三(三): 设定监控时点，即每年9月对1—8月绩效目标实现程度实施分类
 * 监控): whether this deployment opens it ({@code ${monitoringPointSchedule.septemberEnabled}}; off by
 * default), when ({@code ${monitoringPointSchedule.septemberCron}}), for which regions (province
 * codes; none: the whole country) and the day of the month it is due (the 15th: a configurable
 * default, moved to a working day).
 */
@ModelBean
@Component("monitoringPointSchedule")
public class MonitoringPointSchedule {

  private volatile boolean septemberEnabled;
  private final String septemberCron;
  private volatile List<String> regions;
  private final int dueDayOfMonth;

  MonitoringPointSchedule(
      @Value("${fundmonitor.monitoring-point.september.enabled:false}") boolean septemberEnabled,
      @Value("${fundmonitor.monitoring-point.september.cron:0 0 1 1 9 ?}") String septemberCron,
      @Value("${fundmonitor.monitoring-point.september.regions:}") String regions,
      @Value("${fundmonitor.monitoring-point.september.due-day-of-month:15}") int dueDayOfMonth) {
    if (dueDayOfMonth < 1 || dueDayOfMonth > 28) {
      throw new IllegalArgumentException("fundmonitor.monitoring-point.september.due-day-of-month "
          + "must be 1 to 28, not " + dueDayOfMonth);
    }
    this.septemberEnabled = septemberEnabled;
    this.septemberCron = septemberCron;
    this.regions = parse(regions);
    this.dueDayOfMonth = dueDayOfMonth;
  }

  private static List<String> parse(String regions) {
    return regions == null ? List.of() : Arrays.stream(regions.split(",")).map(String::strip)
        .filter(s -> !s.isEmpty()).toList();
  }

  public boolean isSeptemberEnabled() {
    return septemberEnabled;
  }

  public String getSeptemberCron() {
    return septemberCron;
  }

  /** The regions a September point is opened for; empty: one point for the whole country. */
  public List<String> regions() {
    return regions;
  }

  public int dueDayOfMonth() {
    return dueDayOfMonth;
  }

  /** Turns the September point on or off and sets its regions (an operator's change, and tests). */
  void configure(boolean enabled, List<String> regions) {
    this.septemberEnabled = enabled;
    this.regions = List.copyOf(regions);
  }
}
