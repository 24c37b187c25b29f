package cn.fundmonitor.common;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** A year's first numbers taken at once on PostgreSQL, where a failed insert aborts the caller. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.admin-user.password=It-Guanli-Mima#2026",
    "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles(profiles = "postgres", inheritProfiles = false)
class NumberSequencesPostgresIT extends NumberSequencesTest {}
