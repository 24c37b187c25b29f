package cn.fundmonitor.reports;

import static cn.fundmonitor.support.TestUsers.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.common.Workbooks;
import cn.fundmonitor.dashboard.DashboardCharts;
import cn.fundmonitor.support.Http;
import cn.fundmonitor.support.ReportsTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The statistics dashboard's charts (issue 17) over the reports fixture (Guangxi, end of 2026 Q2):
 * every number a chart draws is the number /api/statistics gives for the same row (MNR 第十三条),
 * drill-down goes province → city → county within the user's units (MNR 第二十三条), and each
 * chart's workbook holds exactly its numbers.
 */
@ReportsTest
class DashboardApiTest {

  static final String Q2 = "year=2026&quarter=2";

  @LocalServerPort int port;
  @Autowired ReportsFixture fixture;
  final ObjectMapper json = new ObjectMapper();
  Http http;

  @BeforeEach
  void seed() {
    fixture.ensure();
    http = new Http(port);
  }

  JsonNode get(String path, String user, int status) throws Exception {
    var response = http.get(path, user, PASSWORD);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return json.readTree(response.body());
  }

  static JsonNode chart(JsonNode dashboard, String name) {
    for (var c : dashboard.get("charts")) {
      if (c.get("name").asText().equals(name)) {
        return c;
      }
    }
    throw new AssertionError("no chart " + name);
  }

  static JsonNode view(JsonNode statistics, String name) {
    for (var v : statistics.get("views")) {
      if (v.get("name").asText().equals(name)) {
        return v;
      }
    }
    throw new AssertionError("no view " + name);
  }

  static JsonNode figures(JsonNode view, String key) {
    for (var r : view.get("rows")) {
      if (r.get("key").asText().equals(key)) {
        return r.get("figures");
      }
    }
    throw new AssertionError("no row " + key);
  }

  static List<String> keys(JsonNode chart) {
    var keys = new ArrayList<String>();
    chart.get("rows").forEach(r -> keys.add(r.get("key").asText()));
    return keys;
  }

  /** The value of a chart's row in the named column, as text ("null" when there is none). */
  static String value(JsonNode chart, JsonNode row, String column) {
    var columns = new ArrayList<String>();
    chart.get("columns").forEach(c -> columns.add(c.asText()));
    return row.get("values").get(columns.indexOf(column)).asText();
  }

  static String number(JsonNode n) {
    return n == null || n.isNull() ? "null" : n.decimalValue().stripTrailingZeros().toPlainString();
  }

  static String same(String chartValue) {
    return chartValue.equals("null") ? chartValue
        : new java.math.BigDecimal(chartValue).stripTrailingZeros().toPlainString();
  }

  @Test
  void everyChartDrawsTheNumbersOfApiStatistics_mnrArticle13() throws Exception {
    var dashboard = get("/api/dashboard/charts?" + Q2, GUANGXI_FINANCE, 200);
    var statistics = get("/api/statistics?" + Q2, GUANGXI_FINANCE, 200);
    var region = view(statistics, "REGION");

    var execution = chart(dashboard, "execution");
    assertThat(keys(execution)).as("the province's cities").containsExactly("450100", "450300");
    for (var row : execution.get("rows")) {
      var f = figures(region, row.get("key").asText());
      assertThat(same(value(execution, row, "预算执行率（%）")))
          .isEqualTo(number(f.get("executionRatePercent")));
      assertThat(same(value(execution, row, "时序进度（%）")))
          .isEqualTo(number(f.get("timeProgressPercent")));
      assertThat(same(value(execution, row, "累计支出（万元）"))).isEqualTo(number(f.get("paidWan")));
      assertThat(row.get("drill").asBoolean()).as("a city opens its counties").isTrue();
    }
    assertThat(same(value(execution, execution.get("rows").get(0), "时序进度（%）"))).isEqualTo("50");

    var warnings = chart(dashboard, "warnings");
    int red = 0;
    for (var row : warnings.get("rows")) {
      var f = figures(region, row.get("key").asText());
      assertThat(value(warnings, row, "红色预警")).isEqualTo(f.get("redWarnings").asText());
      assertThat(value(warnings, row, "黄色预警")).isEqualTo(f.get("yellowWarnings").asText());
      assertThat(value(warnings, row, "蓝色预警")).isEqualTo(f.get("blueWarnings").asText());
      red += Integer.parseInt(value(warnings, row, "红色预警"));
    }
    assertThat(red).as("the province's one red warning").isEqualTo(1);

    var late = chart(dashboard, "overdue");
    for (var row : late.get("rows")) {
      var f = figures(region, row.get("key").asText());
      assertThat(value(late, row, "未办结问题")).isEqualTo(f.get("openProblems").asText());
      assertThat(value(late, row, "逾期未填报")).isEqualTo(f.get("overdueFilings").asText());
    }
    var overdueSteps = get("/api/overdue-steps", GUANGXI_FINANCE, 200);
    var lateCounts = new java.util.HashMap<String, String>();
    overdueSteps.get("regions").forEach(r -> lateCounts.put(r.get("code").asText(),
        r.get("count").asText()));
    for (var row : late.get("rows")) {
      assertThat(value(late, row, "逾期事项"))
          .isEqualTo(lateCounts.getOrDefault(row.get("key").asText(), "0"));
    }

    var quarters = chart(dashboard, "quarters");
    assertThat(keys(quarters)).containsExactly("2026Q1", "2026Q2");
    var quarterView = view(statistics, "QUARTER");
    for (var row : quarters.get("rows")) {
      assertThat(same(value(quarters, row, "预算执行率（%）"))).isEqualTo(
          number(figures(quarterView, row.get("key").asText()).get("executionRatePercent")));
    }

    var targets = chart(dashboard, "targets");
    var targetView = view(statistics, "TARGET");
    assertThat(keys(targets)).isNotEmpty();
    for (var row : targets.get("rows")) {
      var f = figures(targetView, row.get("key").asText());
      assertThat(value(targets, row, "三级指标数")).isEqualTo(f.get("indicators").asText());
      assertThat(value(targets, row, "已达标指标")).isEqualTo(f.get("indicatorsMet").asText());
    }
  }

  @Test
  void drillingDownGoesProvinceCityCountyWithinTheUsersUnits_mnrArticle23() throws Exception {
    var ministry = get("/api/dashboard/charts?" + Q2, MINISTRY_FINANCE, 200);
    assertThat(keys(chart(ministry, "execution"))).contains("450000");
    assertThat(ministry.get("parentCode").isNull()).isTrue();

    var guangxi = get("/api/dashboard/charts?" + Q2 + "&divisionCode=450000", MINISTRY_FINANCE, 200);
    assertThat(guangxi.get("parentCode").asText()).as("back up to the nation").isEqualTo("000000");
    var nanning = get("/api/dashboard/charts?" + Q2 + "&divisionCode=450100", GUANGXI_FINANCE, 200);
    var counties = chart(nanning, "execution");
    assertThat(keys(counties)).containsExactly("450102", "450103");
    assertThat(counties.get("rows").get(0).get("drill").asBoolean()).as("a county is the bottom")
        .isFalse();
    assertThat(same(value(counties, counties.get("rows").get(0), "预算执行率（%）"))).isEqualTo("30");
    assertThat(nanning.get("parentCode").asText()).isEqualTo("450000");

    var own = get("/api/dashboard/charts?" + Q2, GUANGXI_FINANCE, 200);
    assertThat(own.get("parentCode").isNull()).as("nothing above its own unit").isTrue();
  }

  @Test
  void eachChartExportsItsOwnNumbersToExcel() throws Exception {
    var dashboard = get("/api/dashboard/charts?" + Q2, GUANGXI_FINANCE, 200);
    for (var name : DashboardCharts.NAMES) {
      var chart = chart(dashboard, name);
      var response = http.download("/api/dashboard/charts/" + name + "?" + Q2, Workbooks.XLSX,
          GUANGXI_FINANCE, PASSWORD);
      assertThat(response.statusCode()).as(name).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
          .contains(".xlsx");
      try (var wb = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
        var sheet = wb.getSheetAt(0);
        assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
            .contains("2026年第2季度", chart.get("title").asText(), "广西壮族自治区");
        for (int c = 0; c < chart.get("columns").size(); c++) {
          assertThat(sheet.getRow(1).getCell(c + 1).getStringCellValue())
              .isEqualTo(chart.get("columns").get(c).asText());
        }
        int r = 2;
        for (var row : chart.get("rows")) {
          var line = sheet.getRow(r++);
          assertThat(line.getCell(0).getStringCellValue()).isEqualTo(row.get("label").asText());
          for (int c = 0; c < row.get("values").size(); c++) {
            var v = row.get("values").get(c);
            if (v.isNull()) {
              assertThat(line.getCell(c + 1)).isNull();
            } else {
              assertThat(line.getCell(c + 1).getNumericCellValue()).as(name + " " + r + "/" + c)
                  .isEqualTo(v.asDouble());
            }
          }
        }
        assertThat(sheet.getLastRowNum()).isEqualTo(1 + chart.get("rows").size());
      }
    }
  }

  @Test
  void anotherUnitsRegionOrAHostileRequestIsRefusedInChinese() throws Exception {
    assertThat(get("/api/dashboard/charts?" + Q2 + "&divisionCode=650000", GUANGXI_FINANCE, 403)
        .get("title").asText()).isEqualTo("无权访问");
    get("/api/dashboard/charts?" + Q2 + "&divisionCode=450100", XINGNING_FINANCE, 403);
    get("/api/dashboard/charts?" + Q2 + "&divisionCode=000000", GUANGXI_FINANCE, 403);
    get("/api/dashboard/charts?" + Q2, POLICY_OWNER, 403);
    var download = http.download("/api/dashboard/charts/execution?" + Q2 + "&divisionCode=650000",
        Workbooks.XLSX, GUANGXI_FINANCE, PASSWORD);
    assertThat(download.statusCode()).isEqualTo(403);

    for (var path : List.of("/api/dashboard/charts?year=abc&quarter=2",
        "/api/dashboard/charts?year=2026&quarter=9", "/api/dashboard/charts?quarter=2",
        "/api/dashboard/charts?" + Q2 + "&divisionCode=%27%20or%201%3D1--",
        "/api/dashboard/charts?" + Q2 + "&divisionCode=" + "9".repeat(3000))) {
      var response = http.get(path, GUANGXI_FINANCE, PASSWORD);
      assertThat(response.statusCode()).as(path).isEqualTo(400);
      assertThat(response.body()).doesNotContain("Exception", "999999999");
    }
    var unknown = http.download("/api/dashboard/charts/%3Cscript%3E?" + Q2, Workbooks.XLSX,
        GUANGXI_FINANCE, PASSWORD);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(new String(unknown.body(), java.nio.charset.StandardCharsets.UTF_8))
        .doesNotContain("<script>");
  }
}
