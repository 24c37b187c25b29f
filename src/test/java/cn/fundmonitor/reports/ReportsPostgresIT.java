package cn.fundmonitor.reports;

import static cn.fundmonitor.support.TestUsers.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.common.Workbooks;
import cn.fundmonitor.evaluation.EvaluationPart;
import cn.fundmonitor.evaluation.SelfEvaluation;
import cn.fundmonitor.evaluation.SelfEvaluationService;
import cn.fundmonitor.support.Http;
import cn.fundmonitor.support.Sheets;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Statistics, the streamed filing export (a PostgreSQL cursor), the monitoring report kept as JSON
 * text and the self-evaluation, on PostgreSQL with the production profile.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.admin-user.password=It-Guanli-Mima#2026",
    "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("postgres")
class ReportsPostgresIT {

  @LocalServerPort int port;
  @Value("${spring.datasource.url}") String url;
  @Autowired ReportsFixture fixture;
  @Autowired SelfEvaluationService evaluations;
  final ObjectMapper json = new ObjectMapper();

  @Test
  void statisticsExportsAndReportsOnPostgres() throws Exception {
    assertThat(url).startsWith("jdbc:postgresql:");
    fixture.ensure();
    var http = new Http(port);

    var stats = json.readTree(http.get("/api/statistics?year=2026&quarter=2&divisionCode=450102",
        GUANGXI_FINANCE, PASSWORD).body());
    var county = stats.get("views").get(0).get("rows").get(0).get("figures");
    assertThat(county.get("paidYuan").asText()).isEqualTo("300000.00");
    assertThat(county.get("redWarnings").asInt()).isEqualTo(1);
    var excel = http.download("/api/statistics?year=2026&quarter=2", Workbooks.XLSX, GUANGXI_FINANCE,
        PASSWORD);
    assertThat(Sheets.read(excel.body()).get(0)).contains("到位资金（万元）");

    var export = Sheets.read(http.download("/api/exports/filings?year=2026&quarter=2", Workbooks.XLSX,
        GUANGXI_FINANCE, PASSWORD).body());
    assertThat(export.stream().map(r -> r.get(0))).contains(fixture.a(), fixture.b(), fixture.c());

    var saved = http.put("/api/monitoring-reports/652825/2021/2021-06-30",
        json.writeValueAsString(QiemoMonitoringReportTest.qiemo()), QIEMO_ECO, PASSWORD);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    assertThat(json.readTree(http.get("/api/monitoring-reports/652825/2021/2021-06-30", XINJIANG_ECO,
        PASSWORD).body()).get("basic").get("executionRate").asInt()).isEqualTo(29);

    var key = SelfEvaluation.key(fixture.a(), 2026);
    evaluations.open(key, fixture.a(), 2026, null);
    var result = evaluations.submit(key, Map.of(EvaluationPart.OUTPUT, BigDecimal.valueOf(50),
        EvaluationPart.BUDGET_EXECUTION, BigDecimal.valueOf(50)), "自评报告", false, XINGNING_FINANCE);
    // area 60 of 120 → 25 of 50; paid 300,000 of 1,000,000 → 15 of 50
    assertThat(result.score()).isEqualByComparingTo("40.0");
    assertThat(evaluations.recordGrade(key, cn.fundmonitor.evaluation.Grade.POOR)).isTrue();
  }
}
