package cn.fundmonitor.evaluation;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The province's overall evaluation record over HTTP on PostgreSQL (GX 第二十八条; table fm_overall_evaluation, V19_30). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.admin-user.password=It-Guanli-Mima#2026",
    "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles(profiles = "postgres", inheritProfiles = false)
class OverallEvaluationApiPostgresIT extends OverallEvaluationApiTest {}
