package cn.fundmonitor.inspection;

import static cn.fundmonitor.organisation.DivisionLevel.MINISTRY;
import static cn.fundmonitor.organisation.DivisionLevel.PROVINCE;

import cn.fundmonitor.organisation.Role;
import cn.fundmonitor.organisation.TasklistAccess;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What inspection offers in Tasklist: who reads and starts dataQualityInspection. */
@Configuration(proxyBeanMethods = false)
class InspectionTasklist {

  /** A province's or the ministry's finance department inspects the data of the units below. */
  @Bean
  TasklistAccess dataQualityInspectionAccess() {
    return TasklistAccess.readByEveryUnit(InspectionProcess.KEY)
        .startedBy(Set.of(Role.FINANCE), PROVINCE, MINISTRY);
  }
}
