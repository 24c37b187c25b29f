package cn.fundmonitor.reports;

import static cn.fundmonitor.support.TestUsers.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.common.Workbooks;
import cn.fundmonitor.support.Http;
import cn.fundmonitor.support.ReportsTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Statistics (MNR 第十三条) over the fixture's Guangxi data at the end of 2026 Q2: by region rolled
 * up, by fund class, by direction, by quarter and by target achievement, as JSON and as Excel, each
 * user seeing its own unit and its subordinates only.
 */
@ReportsTest
class StatisticsApiTest {

  @LocalServerPort int port;
  @Autowired ReportsFixture fixture;
  @Autowired cn.fundmonitor.allocation.AllocationService allocations;
  @Autowired cn.fundmonitor.support.TestUsers users;
  @Autowired StatisticsRepository repository;
  final ObjectMapper json = new ObjectMapper();
  Http http;

  @BeforeEach
  void seed() {
    fixture.ensure();
    http = new Http(port);
  }

  JsonNode statistics(String user, String query, int status) throws Exception {
    var response = http.get("/api/statistics?year=2026&quarter=2" + query, user, PASSWORD);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return json.readTree(response.body());
  }

  static JsonNode view(JsonNode statistics, String name) {
    for (var v : statistics.get("views")) {
      if (v.get("name").asText().equals(name)) {
        return v;
      }
    }
    throw new AssertionError("no view " + name);
  }

  static JsonNode row(JsonNode view, String key) {
    for (var r : view.get("rows")) {
      if (r.get("key").asText().equals(key)) {
        return r.get("figures");
      }
    }
    throw new AssertionError("no row " + key);
  }

  static List<String> keys(JsonNode view) {
    var keys = new ArrayList<String>();
    view.get("rows").forEach(r -> keys.add(r.get("key").asText()));
    return keys;
  }

  @Test
  void byRegionRolledUpCountyCityProvince() throws Exception {
    var region = view(statistics(GUANGXI_FINANCE, "", 200), "REGION");
    // issue 16: the province and its cities; a city's counties are one drill-down away
    assertThat(keys(region)).containsExactly("450000", "450100", "450300");
    var nanningCounties = view(statistics(GUANGXI_FINANCE, "&divisionCode=450100", 200), "REGION");
    assertThat(keys(nanningCounties)).containsExactly("450100", "450102", "450103");
    var province = row(region, "450000");
    assertThat(province.get("receivedWan").decimalValue()).isEqualByComparingTo("430");
    assertThat(province.get("issuedWan").decimalValue()).isEqualByComparingTo("350");
    assertThat(province.get("paidWan").decimalValue()).isEqualByComparingTo("80");
    assertThat(province.get("executionRatePercent").decimalValue()).isEqualByComparingTo("22.86");
    assertThat(province.get("timeProgressPercent").decimalValue()).isEqualByComparingTo("50.00");
    assertThat(province.get("projects").asInt()).isEqualTo(3);
    assertThat(province.get("filed").asInt()).isEqualTo(2);
    assertThat(province.get("overdueFilings").asInt()).isEqualTo(1);
    assertThat(province.get("redWarnings").asInt()).isEqualTo(1);
    assertThat(province.get("openProblems").asInt()).isEqualTo(1);
    assertThat(province.get("indicators").asInt()).isEqualTo(8);
    assertThat(province.get("indicatorsMet").asInt()).isEqualTo(3);
    assertThat(province.get("averageCompletionPercent").decimalValue()).isEqualByComparingTo("87.5");

    var nanning = row(region, "450100");
    assertThat(nanning.get("receivedWan").decimalValue()).isEqualByComparingTo("150");
    assertThat(nanning.get("paidWan").decimalValue()).isEqualByComparingTo("80");
    assertThat(row(nanningCounties, "450100").toString()).isEqualTo(nanning.toString());
    assertThat(row(nanningCounties, "450102").get("executionRatePercent").decimalValue()).isEqualByComparingTo("30");
    assertThat(row(nanningCounties, "450103").get("executionRatePercent").decimalValue()).isEqualByComparingTo("100");
    var guilin = row(region, "450300");
    assertThat(guilin.get("overdueFilings").asInt()).isEqualTo(1);
    assertThat(guilin.get("filed").asInt()).isZero();
    assertThat(region.get("total").get("issuedYuan").asText()).isEqualTo("3500000.00");
  }

  @Test
  void moneyCountsFromTheQuarterItArrivedNotBefore() throws Exception {
    // money of budget year 2019 that reached Guangxi on 2019-11-02, in the fourth quarter
    allocations.register(new cn.fundmonitor.allocation.RawReceipt("财资环〔2019〕四季度到位",
        "CENTRAL", "ECO_RESTORATION", 2019, "800000", "0", java.time.LocalDate.parse("2019-11-02"), java.util.List.of(
            cn.fundmonitor.warehousing.ApplicationRequest.indicator("OUTPUT", "QUANTITY",
                "修复治理面积", "GE", "1", "公顷"))),
        GUANGXI_FINANCE, users.groups(GUANGXI_FINANCE), null);

    var response = http.get("/api/statistics?year=2019&quarter=4", GUANGXI_FINANCE, PASSWORD);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    var quarters = view(json.readTree(response.body()), "QUARTER");
    assertThat(keys(quarters)).containsExactly("2019Q1", "2019Q2", "2019Q3", "2019Q4");
    for (var q : java.util.List.of("2019Q1", "2019Q2", "2019Q3")) {
      assertThat(row(quarters, q).get("receivedWan").decimalValue()).as(q).isZero();
    }
    assertThat(row(quarters, "2019Q4").get("receivedWan").decimalValue())
        .isEqualByComparingTo("80");

    var third = http.get("/api/statistics?year=2019&quarter=3", GUANGXI_FINANCE, PASSWORD);
    assertThat(row(view(json.readTree(third.body()), "REGION"), "450000").get("receivedWan")
        .decimalValue()).as("the third quarter's statistics: nothing had arrived").isZero();
  }

  @Test
  void byFundClassDirectionQuarterAndTargets() throws Exception {
    var all = statistics(GUANGXI_FINANCE, "", 200);
    var central = row(view(all, "FUND_CLASS"), "CENTRAL");
    assertThat(central.get("receivedWan").decimalValue()).isEqualByComparingTo("430");
    assertThat(central.get("paidWan").decimalValue()).isEqualByComparingTo("80");
    assertThat(keys(view(all, "DIRECTION"))).containsExactly("ECO_RESTORATION");

    var quarters = view(all, "QUARTER");
    assertThat(keys(quarters)).containsExactly("2026Q1", "2026Q2");
    assertThat(row(quarters, "2026Q1").get("filed").asInt()).isZero();
    assertThat(row(quarters, "2026Q1").get("timeProgressPercent").decimalValue()).isEqualByComparingTo("25");
    assertThat(row(quarters, "2026Q2").get("paidWan").decimalValue()).isEqualByComparingTo("80");
    assertThat(quarters.get("total").get("paidWan").decimalValue()).isEqualByComparingTo("80");

    var targets = view(all, "TARGET");
    assertThat(keys(targets)).containsExactly("OUTPUT", "QUANTITY", "TIMELINESS", "BENEFIT",
        "ECOLOGICAL", "SATISFACTION", "SERVICE_SATISFACTION");
    var quantity = row(targets, "QUANTITY");
    assertThat(quantity.get("indicators").asInt()).isEqualTo(2);
    assertThat(quantity.get("indicatorsMet").asInt()).isEqualTo(1);
    assertThat(quantity.get("averageCompletionPercent").decimalValue()).isEqualByComparingTo("75.0");
    assertThat(row(targets, "OUTPUT").get("averageCompletionPercent").decimalValue())
        .isEqualByComparingTo("83.3");
    assertThat(row(targets, "ECOLOGICAL").get("indicatorsRated").asInt()).isZero();
    assertThat(targets.get("total").get("indicators").asInt()).isEqualTo(8);
    assertThat(targets.get("total").get("averageCompletionPercent").decimalValue())
        .isEqualByComparingTo("87.5");
  }

  @Test
  void aUnitSeesItselfAndItsSubordinatesOnly() throws Exception {
    var county = view(statistics(XINGNING_ECO, "", 200), "REGION");
    assertThat(keys(county)).containsExactly("450102");
    assertThat(county.get("total").get("paidWan").decimalValue()).isEqualByComparingTo("30");
    assertThat(statistics(XINGNING_ECO, "&divisionCode=450000", 403).get("status").asInt())
        .isEqualTo(403);
    var guilin = view(statistics(GUANGXI_FINANCE, "&divisionCode=450300", 200), "REGION");
    assertThat(keys(guilin)).containsExactly("450300", "450321");
    var nation = view(statistics(MINISTRY_FINANCE, "", 200), "REGION");
    assertThat(keys(nation)).startsWith("000000", "450000");
    assertThat(row(nation, "000000").get("receivedWan").decimalValue()).isEqualByComparingTo("430");
    assertThat(keys(nation)).as("the ministry's region view: itself and its provinces")
        .allMatch(k -> k.equals("000000") || k.endsWith("0000"));
  }

  /** Issue 16: a division code no division has is not found (404), in Chinese, for any user. */
  @Test
  void anUnknownDivisionIsNotFound() throws Exception {
    for (var user : List.of(GUANGXI_FINANCE, MINISTRY_FINANCE, XINGNING_ECO)) {
      var problem = statistics(user, "&divisionCode=999999", 404);
      assertThat(problem.get("status").asInt()).isEqualTo(404);
      assertThat(problem.get("detail").asText()).as(user).contains("行政区划代码“999999”不存在");
    }
    assertThat(http.download("/api/statistics?year=2026&quarter=2&divisionCode=999999",
        Workbooks.XLSX, GUANGXI_FINANCE, PASSWORD).statusCode()).isEqualTo(404);
    var hostile = statistics(GUANGXI_FINANCE, "&divisionCode=%3Cscript%3E", 400);
    assertThat(hostile.get("detail").asText()).contains("应为6位数字").doesNotContain("<script>");
  }

  @Test
  void badQueriesAreProblems() throws Exception {
    var response = http.get("/api/statistics?year=2026&quarter=5", GUANGXI_FINANCE, PASSWORD);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json.readTree(response.body()).get("detail").asText()).contains("季度应为1至4");
    assertThat(http.get("/api/statistics?year=abc&quarter=1", GUANGXI_FINANCE, PASSWORD).statusCode())
        .isEqualTo(400);
    assertThat(http.get("/api/statistics?year=2026&quarter=1", null, null).statusCode()).isEqualTo(401);
  }

  @Test
  void theExcelExportHasOneSheetPerViewInWanWithFrozenHeadersAndTotals() throws Exception {
    var response = http.download("/api/statistics?year=2026&quarter=2", Workbooks.XLSX,
        GUANGXI_FINANCE, PASSWORD);
    assertThat(response.statusCode()).isEqualTo(200);
    try (var wb = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
      var names = new ArrayList<String>();
      wb.forEach(s -> names.add(s.getSheetName()));
      assertThat(names).containsExactly("按地区", "按资金类别", "按资金方向", "按季度", "绩效目标完成情况", "按资金来源",
          "说明");
      var region = wb.getSheet("按地区");
      assertThat(region.getPaneInformation().isFreezePane()).isTrue();
      assertThat(region.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
      assertThat(region.getRow(0).getCell(2).getStringCellValue()).isEqualTo("到位资金（万元）");
      var province = region.getRow(1);
      assertThat(province.getCell(1).getStringCellValue()).isEqualTo("广西壮族自治区");
      assertThat(province.getCell(2).getNumericCellValue()).isEqualTo(430.0);
      assertThat(province.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00####");
      assertThat(province.getCell(5).getCellStyle().getDataFormatString()).isEqualTo("0.00%");
      assertThat(province.getCell(5).getNumericCellValue()).isEqualTo(0.228571, org.assertj.core.data.Offset.offset(1e-6));
      assertThat(region.getRow(2).getCell(1).getStringCellValue()).isEqualTo("南宁市");
      assertThat(region.getRow(2).getCell(1).getCellStyle().getIndention()).isEqualTo((short) 2);
      // the 合计 row is the province's own row: its cities add up to it
      var total = region.getRow(region.getLastRowNum());
      assertThat(total.getCell(1).getStringCellValue()).isEqualTo("合计");
      assertThat(total.getCell(3).getNumericCellValue()).isEqualTo(province.getCell(3).getNumericCellValue());
      assertThat(sum(region, 3, "450100", "450300")).isEqualByComparingTo("350");
      var byClass = wb.getSheet("按资金类别");
      var classTotal = byClass.getRow(byClass.getLastRowNum());
      assertThat(classTotal.getCell(0).getStringCellValue()).isEqualTo("合计");
      for (int c = 1; c <= 3; c++) {
        var rows = BigDecimal.ZERO;
        for (int r = 1; r < byClass.getLastRowNum(); r++) {
          rows = rows.add(BigDecimal.valueOf(byClass.getRow(r).getCell(c).getNumericCellValue()));
        }
        assertThat(BigDecimal.valueOf(classTotal.getCell(c).getNumericCellValue()))
            .as("column %d total", c).isEqualByComparingTo(rows);
      }
    }
  }

  static BigDecimal sum(Sheet sheet, int column, String... keys) {
    var sum = BigDecimal.ZERO;
    for (int r = 1; r <= sheet.getLastRowNum(); r++) {
      var row = sheet.getRow(r);
      var key = row.getCell(0);
      if (key != null && key.getCellType() == CellType.STRING && List.of(keys).contains(key.getStringCellValue())) {
        sum = sum.add(BigDecimal.valueOf(row.getCell(column).getNumericCellValue()));
      }
    }
    return sum;
  }

  /** Issue 16: a county's statistics read its own projects in SQL, not the nation's. */
  @Test
  void aScopeIsReadInSqlAndGivesWhatTheWholeTableFilteredGives() {
    for (int q = 1; q <= 2; q++) {
      var all = repository.projects(2026, q);
      for (var regions : List.of(java.util.Set.of("450102"), java.util.Set.of("450102", "450321"),
          java.util.Set.<String>of())) {
        var expected = all.stream().filter(f -> regions.contains(f.regionCode())).toList();
        assertThat(repository.projects(2026, q, regions)).as(regions + " Q" + q)
            .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(repository.indicators(2026, q, regions)).as(regions + " Q" + q)
            .containsExactlyInAnyOrderElementsOf(repository.indicators(2026, q).stream()
                .filter(i -> expected.stream().anyMatch(f -> f.projectCode().equals(i.projectCode())))
                .toList());
      }
      assertThat(repository.projects(2026, q, java.util.Set.of("450102"))).as("Q" + q)
          .allMatch(f -> f.regionCode().equals("450102"));
    }
    assertThat(repository.projects(2026, 2, java.util.Set.of("450102"))).isNotEmpty();
  }
}
