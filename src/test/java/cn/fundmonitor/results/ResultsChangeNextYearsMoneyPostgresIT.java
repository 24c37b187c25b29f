package cn.fundmonitor.results;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** A year's cycle on PostgreSQL (issue 14): selection, results flags and their overrides (V19_21), the next year's factor method cut by the resultReduction table, on the CI's database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.admin-user.password=It-Guanli-Mima#2026",
    "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles(profiles = "postgres", inheritProfiles = false)
class ResultsChangeNextYearsMoneyPostgresIT extends ResultsChangeNextYearsMoneyTest {}
