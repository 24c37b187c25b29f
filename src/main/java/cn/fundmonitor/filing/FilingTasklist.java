package cn.fundmonitor.filing;

import static cn.fundmonitor.organisation.DivisionLevel.MINISTRY;
import static cn.fundmonitor.organisation.DivisionLevel.PROVINCE;

import cn.fundmonitor.organisation.Role;
import cn.fundmonitor.organisation.TasklistAccess;
import cn.fundmonitor.platform.TaskSummary;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What filing offers in Tasklist: who reads and starts its processes, what its cards show. */
@Configuration(proxyBeanMethods = false)
class FilingTasklist {

  @Bean
  TasklistAccess quarterlyFilingAccess() {
    return TasklistAccess.readByEveryUnit(QuarterlyFilingProcess.KEY);
  }

  /**
   * MNR 第十一条: 其他填报时点，按要求执行 — a province's or the ministry's finance department opens
   * a monitoring point; no other unit sees the process.
   */
  @Bean
  TasklistAccess monitoringPointOpeningAccess() {
    return TasklistAccess.readByItsStarters(MonitoringPointOpeningProcess.KEY)
        .startedBy(Set.of(Role.FINANCE), PROVINCE, MINISTRY);
  }

  /** The execution warning's level in Chinese (红色预警), on the filing unit's and the reviewer's cards. */
  @Bean
  TaskSummary warningTextSummary() {
    return TaskSummary.of(QuarterlyFilingProcess.WARNING_TEXT, "执行预警", 80);
  }
}
