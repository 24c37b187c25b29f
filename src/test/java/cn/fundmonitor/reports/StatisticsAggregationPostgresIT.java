package cn.fundmonitor.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.organisation.OrganisationService;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Issue 16 (MNR 第十三条) on PostgreSQL: the statistics' grouped queries give what the former
 * per-project computation gives, on the generated dataset of {@link StatisticsAggregationTest},
 * for every scope and quarter, with the production profile.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.admin-user.password=It-Guanli-Mima#2026",
    "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("postgres")
class StatisticsAggregationPostgresIT {

  @Value("${spring.datasource.url}") String url;
  @Autowired StatisticsService statistics;
  @Autowired StatisticsRepository repository;
  @Autowired OrganisationService organisation;
  @Autowired Clock clock;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void mnrArticle13_sumsInPostgresEqualThePerProjectComputation() {
    assertThat(url).startsWith("jdbc:postgresql:");
    // no fixture: the dataset is written and rolled back by the comparison, whatever else the
    // database holds, so the class may run in any order and twice on one database
    StatisticsAggregationTest.sumsEqualPerProject(statistics, repository, organisation, clock, jdbc,
        transactions);
  }
}
