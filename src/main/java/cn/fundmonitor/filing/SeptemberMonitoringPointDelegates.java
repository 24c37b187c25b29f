package cn.fundmonitor.filing;

import static cn.fundmonitor.filing.SeptemberMonitoringPointProcess.OPENED_POINTS;

import cn.fundmonitor.organisation.Division;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The thin delegate of septemberMonitoringPoint: variables in, one service call, variables out. */
@Configuration(proxyBeanMethods = false)
class SeptemberMonitoringPointDelegates {

  static final String BASIS = "资阳 三(三)：每年9月对1—8月绩效目标实现程度实施分类监控（定时开启）";

  /**
   * Opens the September monitoring point of each configured region (资阳 三(三): 每年9月对1—8月): the
   * figures as of the last day of the month before (31 August), due on the configured day of this
   * month. A region that has its point for the day already is skipped, so a retried job opens
   * nothing twice.
   */
  @Bean
  JavaDelegate openSeptemberPointsDelegate(MonitoringPointWaves waves,
      MonitoringPointService points, MonitoringPointSchedule schedule, Clock clock) {
    return execution -> {
      var today = LocalDate.now(clock);
      var asOf = today.withDayOfMonth(1).minusDays(1);
      var dueOn = points.workingDayOnOrAfter(today.withDayOfMonth(schedule.dueDayOfMonth()));
      var regions = schedule.regions().isEmpty() ? List.of(Division.MINISTRY_CODE)
          : schedule.regions();
      var opened = new ArrayList<String>();
      for (var region : regions) {
        waves.openScheduled(region, asOf, dueOn, BASIS)
            .ifPresent(p -> opened.add(String.valueOf(p.id())));
      }
      OPENED_POINTS.set(execution, String.join(",", opened));
    };
  }
}
