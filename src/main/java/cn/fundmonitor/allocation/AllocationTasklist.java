package cn.fundmonitor.allocation;

import static cn.fundmonitor.organisation.DivisionLevel.CITY;
import static cn.fundmonitor.organisation.DivisionLevel.COUNTY;
import static cn.fundmonitor.organisation.DivisionLevel.PROVINCE;

import cn.fundmonitor.organisation.Role;
import cn.fundmonitor.organisation.TasklistAccess;
import cn.fundmonitor.platform.TaskSummary;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What allocation offers in Tasklist: who reads and starts fundAllocation, what its cards show. */
@Configuration(proxyBeanMethods = false)
class AllocationTasklist {

  /**
   * A province's finance department registers money that arrived (MNR 第九条); a city's or county's
   * its own special funds and social funds (MNR 第二条第二项、第三项，第九条末句，第十五条).
   */
  @Bean
  TasklistAccess fundAllocationAccess() {
    return TasklistAccess.readByEveryUnit(FundAllocationProcess.KEY)
        .startedBy(Set.of(Role.FINANCE), PROVINCE, CITY, COUNTY);
  }

  @Bean
  TaskSummary documentNoSummary() {
    return TaskSummary.of(FundAllocationProcess.DOCUMENT_NO, "批复文号", 10);
  }

  @Bean
  TaskSummary recipientNameSummary() {
    return TaskSummary.of(FundAllocationProcess.RECIPIENT_NAME, "下达单位", 20);
  }

  @Bean
  TaskSummary budgetYearSummary() {
    return TaskSummary.of(FundAllocationProcess.BUDGET_YEAR, "预算年度", 70);
  }
}
