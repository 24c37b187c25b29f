package cn.fundmonitor.correction;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@link CorrectionEndToEndTest} on PostgreSQL (MNR 第二十二条, issue 15): the demo loaded into an
 * empty PostgreSQL database, then file → correct → the export, the review form, statistics and the
 * audit API, over REST as the demo users.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "fundmonitor.demo.enabled=true",
    "camunda.bpm.admin-user.password=It-Guanli-Mima#2026",
    "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("postgres")
class CorrectionEndToEndPostgresIT extends CorrectionEndToEndTest {}
