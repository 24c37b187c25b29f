package cn.fundmonitor.filing;

import static cn.fundmonitor.filing.QuarterlyFilingProcess.*;
import static cn.fundmonitor.support.TestUsers.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fundmonitor.support.Funding;
import cn.fundmonitor.support.Http;
import cn.fundmonitor.support.Projects;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A monitoring point (监测时点; MNR 第十一条: 其他填报时点，按要求执行) on PostgreSQL: opened by the
 * province over HTTP, its wave run, one filing filed and transmitted; the rows read back — a point's
 * filing has no quarter, and the schema refuses a filing that is both or neither.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.admin-user.password=Fm-Ce5hi-Mima!2026",
    "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("postgres")
class MonitoringPointPostgresIT {

  @LocalServerPort int port;
  @Autowired Projects projects;
  @Autowired Funding funding;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Value("${spring.datasource.url}") String url;
  @Value("${spring.datasource.username}") String user;
  @Value("${spring.datasource.password}") String password;
  final ObjectMapper json = new ObjectMapper();

  void complete(Http http, String key, String as, String variables) throws Exception {
    var tasks = json.readTree(http.get("/engine-rest/task?processInstanceBusinessKey=" + key, as,
        PASSWORD).body());
    assertThat(tasks).hasSize(1);
    var id = tasks.get(0).get("id").asText();
    http.post("/engine-rest/task/" + id + "/claim", "{\"userId\":\"" + as + "\"}", as, PASSWORD);
    var response = http.post("/engine-rest/task/" + id + "/submit-form", variables, as, PASSWORD);
    assertThat(response.statusCode()).as(response.body()).isIn(200, 204);
  }

  @Test
  void mnrArticle11_aMonitoringPointIsFiledAndTransmittedOnPostgres() throws Exception {
    var http = new Http(port);
    var project = projects.warehoused(XINGNING_ECO, "450102", "PG 监测时点项目");
    var today = LocalDate.now();
    funding.fund(project, "450102", "800000", today.minusMonths(1));
    // one point per region and day: a day no earlier run of this test (same database) took
    var asOf = today.minusDays(1);
    try (var db = DriverManager.getConnection(url, user, password);
        var ps = db.prepareStatement("select count(*) from fm_monitoring_point where as_of = ?")) {
      while (true) {
        ps.setObject(1, asOf);
        var rs = ps.executeQuery();
        rs.next();
        if (rs.getInt(1) == 0) {
          break;
        }
        asOf = asOf.minusDays(1);
      }
    }
    var opened = http.post("/api/monitoring-points", "{\"asOf\":\"" + asOf + "\",\"dueOn\":\""
        + today.plusDays(14) + "\",\"projectCodes\":[\"" + project + "\"]}", GUANGXI_FINANCE, PASSWORD);
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    var point = json.readTree(opened.body());
    var waveId = point.get("waveId").asText();
    for (int round = 0; round < 20
        && runtime.createProcessInstanceQuery().processInstanceId(waveId).count() > 0; round++) {
      WAVE_ID.whereEquals(runtime.createProcessInstanceQuery()
          .processDefinitionKey(BATCH_KEY), waveId).list().forEach(batch ->
              management.createJobQuery().processInstanceId(batch.getId()).list()
                  .forEach(j -> management.executeJob(j.getId())));
      management.createJobQuery().processInstanceId(waveId).list()
          .forEach(j -> management.executeJob(j.getId()));
    }
    var key = project + "-" + asOf.getYear() + "P" + point.get("id").asLong();

    var actuals = json.writeValueAsString(json.writeValueAsString(List.of(
        Map.of("position", 1, "actual", "120", "notYetDue", false),
        Map.of("position", 2, "actual", "", "notYetDue", true),
        Map.of("position", 3, "actual", "明显改善", "notYetDue", false),
        Map.of("position", 4, "actual", "", "notYetDue", true))));
    complete(http, key, XINGNING_FINANCE, "{\"variables\":{\"paidToDate\":{\"value\":\"800000\"},"
        + "\"paidCentral\":{\"value\":\"800000\"},\"physicalProgress\":{\"value\":100},"
        + "\"indicatorActuals\":{\"type\":\"Json\",\"value\":" + actuals + "}}}");
    var rates = json.writeValueAsString(json.writeValueAsString(List.of(
        Map.of("position", 3, "rate", 90))));
    complete(http, key, GUANGXI_ECO, "{\"variables\":{\"filingReviewOutcome\":{\"value\":\"TRANSMIT\"},"
        + "\"qualitativeRates\":{\"type\":\"Json\",\"value\":" + rates + "}}}");

    // the point's statistics and export read its filing on PostgreSQL too (MNR 第十一条)
    var id = point.get("id").asLong();
    var statistics = http.get("/api/statistics?pointId=" + id, GUANGXI_FINANCE, PASSWORD);
    assertThat(statistics.statusCode()).as(statistics.body()).isEqualTo(200);
    var stats = json.readTree(statistics.body());
    assertThat(stats.get("periodLabel").asText()).contains("监测时点（截至" + asOf + "）");
    var total = stats.get("views").get(0).get("total");
    assertThat(total.get("filed").asInt()).as("the point's own filing only").isOne();
    assertThat(new BigDecimal(total.get("paidYuan").asText())).isEqualByComparingTo("800000");
    var export = http.download("/api/exports/filings?pointId=" + id,
        cn.fundmonitor.common.Workbooks.XLSX, GUANGXI_FINANCE, PASSWORD);
    assertThat(export.statusCode()).isEqualTo(200);
    var rows = cn.fundmonitor.support.Sheets.read(export.body());
    assertThat(rows).hasSize(2);
    assertThat(rows.get(1).get(0)).isEqualTo(project);
    assertThat(rows.get(1).get(7)).contains("监测时点（截至" + asOf + "）");

    try (var db = DriverManager.getConnection(url, user, password)) {
      assertThat(db.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
      try (var ps = db.prepareStatement("select status, quarter, point_id, as_of, paid_to_date "
          + "from fm_quarterly_filing where business_key = ?")) {
        ps.setString(1, key);
        var rs = ps.executeQuery();
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString("status")).isEqualTo("TRANSMITTED");
        assertThat(rs.getObject("quarter")).isNull();
        assertThat(rs.getLong("point_id")).isEqualTo(point.get("id").asLong());
        assertThat(rs.getObject("as_of", LocalDate.class)).isEqualTo(asOf);
        assertThat(rs.getBigDecimal("paid_to_date")).isEqualTo(new BigDecimal("800000.00"));
      }
      try (var ps = db.prepareStatement("insert into fm_quarterly_filing (business_key, "
          + "project_code, filing_year, quarter, point_id, as_of, status, due_on, opened_at) values "
          + "(?, ?, 2026, 3, ?, ?, 'OPEN', current_date, current_timestamp)")) {
        ps.setString(1, project + "-both");
        ps.setString(2, project);
        ps.setLong(3, point.get("id").asLong());
        ps.setObject(4, asOf);
        assertThatThrownBy(ps::executeUpdate).as("a filing of a quarter and a point at once")
            .isInstanceOf(SQLException.class).hasMessageContaining("fm_quarterly_filing_period");
      }
    }
  }
}
