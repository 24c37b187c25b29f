package cn.fundmonitor.correction;

import static cn.fundmonitor.organisation.DivisionLevel.CITY;
import static cn.fundmonitor.organisation.DivisionLevel.COUNTY;
import static cn.fundmonitor.organisation.DivisionLevel.PROVINCE;
import static cn.fundmonitor.organisation.TasklistAccess.NATURAL_RESOURCES;

import cn.fundmonitor.organisation.Role;
import cn.fundmonitor.organisation.TasklistAccess;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What correction offers in Tasklist: who reads and starts its processes. */
@Configuration(proxyBeanMethods = false)
class CorrectionTasklist {

  /**
   * Cities and counties ask to correct their data; the province corrects the issue data it sent
   * (MNR 第二十二条).
   */
  @Bean
  TasklistAccess dataCorrectionAccess() {
    return TasklistAccess.readByEveryUnit(DataCorrectionProcess.KEY)
        .startedBy(NATURAL_RESOURCES, CITY, COUNTY).startedBy(Set.of(Role.FINANCE), PROVINCE);
  }

  @Bean
  TasklistAccess correctionReportAccess() {
    return TasklistAccess.readByEveryUnit(DataCorrectionProcess.REPORT_KEY);
  }
}
