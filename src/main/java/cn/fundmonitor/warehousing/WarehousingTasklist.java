package cn.fundmonitor.warehousing;

import static cn.fundmonitor.organisation.DivisionLevel.CITY;
import static cn.fundmonitor.organisation.DivisionLevel.COUNTY;
import static cn.fundmonitor.organisation.TasklistAccess.NATURAL_RESOURCES;

import cn.fundmonitor.organisation.TasklistAccess;
import cn.fundmonitor.platform.TaskSummary;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What warehousing offers in Tasklist: who reads and starts its processes, what its cards show. */
@Configuration(proxyBeanMethods = false)
class WarehousingTasklist {

  /** Cities and counties apply for warehousing (GX 第十五条). */
  @Bean
  TasklistAccess projectWarehousingAccess() {
    return TasklistAccess.readByEveryUnit(ProjectWarehousingProcess.KEY)
        .startedBy(NATURAL_RESOURCES, CITY, COUNTY);
  }

  @Bean
  TasklistAccess annualProjectSelectionAccess() {
    return TasklistAccess.readByEveryUnit(AnnualSelectionProcess.KEY);
  }

  @Bean
  TaskSummary projectCodeSummary() {
    return TaskSummary.of(WarehousingVariables.PROJECT_CODE, "项目编码", 30);
  }

  @Bean
  TaskSummary projectNameSummary() {
    return TaskSummary.of(WarehousingVariables.PROJECT_NAME, "项目名称", 40);
  }

  @Bean
  TaskSummary applicantUnitNameSummary() {
    return TaskSummary.of(WarehousingVariables.APPLICANT_UNIT_NAME, "申报单位", 50);
  }

  @Bean
  TaskSummary provinceNameSummary() {
    return TaskSummary.of(AnnualSelectionProcess.PROVINCE_NAME, "省份", 60);
  }
}
