package cn.fundmonitor.lifecycle;

import static cn.fundmonitor.organisation.DivisionLevel.CITY;
import static cn.fundmonitor.organisation.DivisionLevel.COUNTY;
import static cn.fundmonitor.organisation.TasklistAccess.NATURAL_RESOURCES;

import cn.fundmonitor.organisation.TasklistAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What lifecycle offers in Tasklist: who reads and starts its processes. */
@Configuration(proxyBeanMethods = false)
class LifecycleTasklist {

  @Bean
  TasklistAccess projectLifecycleAccess() {
    return TasklistAccess.readByEveryUnit(ProjectLifecycleProcess.KEY);
  }

  /** A city or county asks to adjust its project's plan. */
  @Bean
  TasklistAccess planAdjustmentAccess() {
    return TasklistAccess.readByEveryUnit(PlanAdjustmentProcess.KEY)
        .startedBy(NATURAL_RESOURCES, CITY, COUNTY);
  }
}
