package cn.fundmonitor.warehousing;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Annual targets over HTTP on PostgreSQL (GX 第二十五条、第二十六条; table fm_project_annual_indicator, V19_31). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.admin-user.password=It-Guanli-Mima#2026",
    "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles(profiles = "postgres", inheritProfiles = false)
class AnnualTargetsApiPostgresIT extends AnnualTargetsApiTest {}
