package cn.fundmonitor.rules;

import static cn.fundmonitor.support.TestUsers.GUANGXI_FINANCE;
import static cn.fundmonitor.support.TestUsers.PASSWORD;
import static cn.fundmonitor.support.TestUsers.POLICY_OWNER;
import static cn.fundmonitor.support.TestUsers.XINGNING_FINANCE;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.common.Workbooks;
import cn.fundmonitor.support.Http;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The policy rules on PostgreSQL with the production profile: an expense sheet checked, a rules
 * sheet imported as a new decision version that the next check uses, and the factor method.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.admin-user.password=It-Guanli-Mima#2026",
    "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("postgres")
class RulesPostgresIT {

  @LocalServerPort int port;
  @Value("${spring.datasource.url}") String url;
  @Value("${spring.datasource.username}") String user;
  @Value("${spring.datasource.password}") String password;
  final ObjectMapper json = new ObjectMapper();

  JsonNode vehicle(Http http) throws Exception {
    var response = http.post("/api/expenses/check", json.writeValueAsString(Map.of(
        "direction", "GEOHAZARD", "expenseCategory", "VEHICLE")), XINGNING_FINANCE, PASSWORD);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  int versions(String key) throws Exception {
    try (var db = DriverManager.getConnection(url, user, password);
        var ps = db.prepareStatement("select max(version_) from act_re_decision_def where key_ = ?")) {
      ps.setString(1, key);
      try (var rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  @Test
  void aRulesSheetBecomesTheNextVersionOnPostgres() throws Exception {
    assertThat(url).startsWith("jdbc:postgresql:");
    var http = new Http(port);
    var key = ExpenseChecker.PROHIBITION;
    assertThat(vehicle(http).get("allowed").asBoolean()).isFalse();

    var original = http.download("/api/rules/" + key + "/sheet", Workbooks.XLSX, POLICY_OWNER,
        PASSWORD).body();
    byte[] edited;
    try (var wb = new XSSFWorkbook(new ByteArrayInputStream(original))) {
      wb.getSheet("规则").getRow(10).getCell(2)
          .setCellValue("\"UNRELATED_EQUIPMENT\",\"UNRELATED_INFRASTRUCTURE\"");
      var out = new ByteArrayOutputStream();
      wb.write(out);
      edited = out.toByteArray();
    }
    var before = versions(key);
    var imported = http.upload("/api/rules/" + key + "/sheet", "file", "p.xlsx", edited, Map.of(),
        "application/json", POLICY_OWNER, PASSWORD);
    assertThat(imported.statusCode()).as(Http.text(imported)).isEqualTo(200);
    assertThat(versions(key)).isEqualTo(before + 1);
    assertThat(vehicle(http).get("prohibitions")).isEmpty();

    // and back: the original sheet is the version after that
    var restored = http.upload("/api/rules/" + key + "/sheet", "file", "p.xlsx", original,
        Map.of(), "application/json", POLICY_OWNER, PASSWORD);
    assertThat(restored.statusCode()).isEqualTo(200);
    assertThat(versions(key)).isEqualTo(before + 2);
    assertThat(vehicle(http).get("prohibitions").get(0).get("item").asText()).isEqualTo("第八条第七项");
  }

  @Test
  void anExpenseSheetAndTheFactorMethodOnPostgres() throws Exception {
    var http = new Http(port);
    var template = http.download("/api/expenses/template", Workbooks.XLSX, XINGNING_FINANCE, PASSWORD);
    var checked = http.upload("/api/expenses/check-sheet", "file", "t.xlsx", template.body(),
        Map.of(), Workbooks.XLSX, XINGNING_FINANCE, PASSWORD);
    assertThat(checked.statusCode()).isEqualTo(200);
    assertThat(checked.headers().firstValue("X-Rows")).hasValue("2");

    var request = Map.of("budgetYear", 2026, "total", "1000", "counties", List.of(
        Map.of("divisionCode", "450102", "factors", Map.of("HAZARD_POINTS", 1, "HIGH_RISK_AREA", 1,
            "THREATENED_POPULATION", 1)),
        Map.of("divisionCode", "450321", "factors", Map.of("HAZARD_POINTS", 3, "HIGH_RISK_AREA", 1,
            "THREATENED_POPULATION", 1))));
    var response = http.post("/api/factor-allocation", json.writeValueAsString(request),
        GUANGXI_FINANCE, PASSWORD);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    // 兴宁区: 1/4×0.5 + 1/2×0.3 + 1/2×0.2 = 0.375
    assertThat(json.readTree(response.body()).get("shares")).extracting(s -> s.get("amount").asText())
        .containsExactly("375.00", "625.00");
  }
}
