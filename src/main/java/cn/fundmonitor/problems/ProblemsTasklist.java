package cn.fundmonitor.problems;

import static cn.fundmonitor.organisation.DivisionLevel.CITY;
import static cn.fundmonitor.organisation.DivisionLevel.COUNTY;
import static cn.fundmonitor.organisation.DivisionLevel.PROVINCE;
import static cn.fundmonitor.organisation.TasklistAccess.NATURAL_RESOURCES;

import cn.fundmonitor.organisation.TasklistAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What problems offers in Tasklist: who reads and starts problemEscalation. */
@Configuration(proxyBeanMethods = false)
class ProblemsTasklist {

  /** Any unit below the ministry reports a problem (MNR 第十二条). */
  @Bean
  TasklistAccess problemEscalationAccess() {
    return TasklistAccess.readByEveryUnit(ProblemEscalationProcess.KEY)
        .startedBy(NATURAL_RESOURCES, PROVINCE, CITY, COUNTY);
  }
}
