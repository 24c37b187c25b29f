package cn.fundmonitor.correction;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Corrections of allocation data on PostgreSQL (issue 15; V19_50's record key). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.admin-user.password=It-Guanli-Mima#2026",
    "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles(profiles = "postgres", inheritProfiles = false)
class AllocationCorrectionPostgresIT extends AllocationCorrectionTest {}
