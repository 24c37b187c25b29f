package cn.fundmonitor.reports;

import cn.fundmonitor.filing.RawFiling;
import static cn.fundmonitor.support.TestUsers.*;
import static cn.fundmonitor.warehousing.ApplicationRequest.indicator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fundmonitor.allocation.AllocationService;
import cn.fundmonitor.allocation.RawReceipt;
import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.common.Workbooks;
import cn.fundmonitor.filing.FilingService;
import cn.fundmonitor.filing.FundSource;
import cn.fundmonitor.filing.Quarter;
import cn.fundmonitor.support.Funding;
import cn.fundmonitor.support.Http;
import cn.fundmonitor.support.Projects;
import cn.fundmonitor.support.ReportsTest;
import cn.fundmonitor.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Money received and paid by fund source (MNR 第二条第一项: 上级下达、本级筹措、责任人出资、社会出资;
 * MNR 第十五条: 社会资金统计监测), in budget year 2025 so the shared 2026 fixture stays as it is:
 * 兴宁区 project gets 600,000 central money from the province, 200,000 of the county's own money and
 * 100,000 social money, and files 500,000 paid in Q2 split over all four sources.
 */
@ReportsTest
class FundSourceStatisticsTest {

  static final Quarter Q2 = new Quarter(2025, 2);
  static String project;

  @LocalServerPort int port;
  @Autowired Projects projects;
  @Autowired Funding funding;
  @Autowired AllocationService allocations;
  @Autowired FilingService filings;
  @Autowired TestUsers users;
  final ObjectMapper json = new ObjectMapper();
  Http http;

  @BeforeEach
  void seed() {
    http = new Http(port);
    synchronized (FundSourceStatisticsTest.class) {
      if (project != null) {
        return;
      }
      var p = projects.warehoused(XINGNING_ECO, "450102", "兴宁区多来源资金项目");
      funding.fund(p, "450102", "600000", LocalDate.of(2025, 3, 2));
      own(p, "兴财资环〔2025〕统计1号", "COUNTY", "200000");
      own(p, "社会出资〔2025〕统计1号", "SOCIAL", "100000");
      filings.open(Q2.key(p), Q2, null);
      filings.file(Q2.key(p), new RawFiling("500000", Map.of("CENTRAL", "250000", "LOCAL", "150000",
              "RESPONSIBLE", "50000", "SOCIAL", "50000"), "40", List.of(
              Map.of("position", 1, "actual", "60"), Map.of("position", 2, "notYetDue", true),
              Map.of("position", 3, "actual", "有所改善"), Map.of("position", 4, "notYetDue", true))),
          XINGNING_FINANCE);
      project = p;
    }
  }

  /** The county registers and issues its own (or social) money to its project. */
  void own(String p, String documentNo, String fundClass, String amount) {
    allocations.register(new RawReceipt(documentNo, fundClass, "ECO_RESTORATION", 2025, "0", amount,
            LocalDate.parse("2025-03-03"), List.of(indicator("OUTPUT", "QUANTITY", "修复治理面积", "GE", "1", "公顷"))),
        XINGNING_FINANCE, users.groups(XINGNING_FINANCE), null);
    allocations.issue(documentNo, "下达" + documentNo, LocalDate.parse("2025-03-03"), List.of(Map.of(
        "recipientCode", "450102", "projectCode", p, "centralShare", "0", "provincialShare", amount)),
        List.of(), XINGNING_FINANCE);
  }

  JsonNode statistics(String user, String query, int status) throws Exception {
    var response = http.get("/api/statistics?year=2025&quarter=2" + query, user, PASSWORD);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return json.readTree(response.body());
  }

  static BigDecimal wan(JsonNode view, String key, String field) {
    return StatisticsApiTest.row(view, key).get(field).decimalValue();
  }

  JsonNode sourceView2024() throws Exception {
    var response = http.get("/api/statistics?year=2024&quarter=2", XINGNING_FINANCE, PASSWORD);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return StatisticsApiTest.view(json.readTree(response.body()), "SOURCE");
  }

  @Test
  void mnrArticle2_aCountyFilesTheMoneyItsCityIssuedFromItsOwnBudgetAsFromAbove() throws Exception {
    var q = new Quarter(2024, 2);
    var before = sourceView2024();
    var p = projects.withAnnualTargets(
        projects.warehoused(XINGNING_ECO, "450102", "兴宁区市级下达资金项目"), 2024);
    var documentNo = "南财资环〔2024〕统计" + System.nanoTime() + "号";
    allocations.register(new RawReceipt(documentNo, "CITY", "ECO_RESTORATION", 2024, "0", "300000",
            LocalDate.parse("2024-03-04"), List.of(indicator("OUTPUT", "QUANTITY", "修复治理面积", "GE", "1", "公顷"))),
        NANNING_FINANCE, users.groups(NANNING_FINANCE), null);
    allocations.issue(documentNo, "下达" + documentNo, LocalDate.parse("2024-03-04"), List.of(Map.of(
        "recipientCode", "450102", "projectCode", p, "centralShare", "0", "provincialShare",
        "300000")), List.of(), NANNING_FINANCE);
    assertThat(filings.receivedSources(p)).as("上级下达 for the county").containsExactly(FundSource.CITY);
    assertThat(FundSource.CITY.channel()).isEqualTo(FundSource.Channel.SUPERIOR);

    // the county names no source: its city's money is filed as 市级下达资金, not as its own
    filings.open(q.key(p), q, null);
    filings.file(q.key(p), new RawFiling("120000", Map.of(), "30", List.of(
            Map.of("position", 1, "actual", "60"), Map.of("position", 2, "notYetDue", true),
            Map.of("position", 3, "actual", "有所改善"), Map.of("position", 4, "notYetDue", true))),
        XINGNING_FINANCE);
    var payments = filings.payments(q.key(p));
    assertThat(payments.get(FundSource.CITY).amount()).isEqualByComparingTo("120000");
    assertThat(payments.getOrDefault(FundSource.LOCAL, cn.fundmonitor.money.Yuan.ZERO).isPositive())
        .isFalse();

    // issued and paid both count as 上级下达 for the county, nothing as 本级筹措
    var after = sourceView2024();
    assertThat(wan(after, "SUPERIOR", "issuedWan").subtract(wan(before, "SUPERIOR", "issuedWan")))
        .isEqualByComparingTo("30");
    assertThat(wan(after, "SUPERIOR", "paidWan").subtract(wan(before, "SUPERIOR", "paidWan")))
        .isEqualByComparingTo("12");
    assertThat(wan(after, "OWN", "issuedWan")).isEqualByComparingTo(wan(before, "OWN", "issuedWan"));
    assertThat(wan(after, "OWN", "paidWan")).isEqualByComparingTo(wan(before, "OWN", "paidWan"));
  }

  @Test
  void mnrArticle2_paymentsAreFiledByAllFourSourcesAndStoredAsFiled() {
    var payments = filings.payments(Q2.key(project));
    assertThat(payments.get(FundSource.RESPONSIBLE).amount()).isEqualByComparingTo("50000");
    assertThat(payments.get(FundSource.LOCAL).amount()).isEqualByComparingTo("150000");
    assertThat(FundSource.RESPONSIBLE.label()).isEqualTo("责任人出资");
    assertThat(FundSource.LOCAL.channel().label()).isEqualTo("本级筹措");
    assertThat(FundSource.PROVINCIAL.channel().label()).isEqualTo("上级下达");
  }

  @Test
  void mnrArticle2_theCountySeesReceivedAndPaidSplitBySourceAddingUpToTheTotal() throws Exception {
    var all = statistics(XINGNING_FINANCE, "", 200);
    var source = StatisticsApiTest.view(all, "SOURCE");
    assertThat(StatisticsApiTest.keys(source))
        .containsExactly("SUPERIOR", "OWN", "RESPONSIBLE", "SOCIAL");
    assertThat(wan(source, "SUPERIOR", "receivedWan")).isEqualByComparingTo("60");
    assertThat(wan(source, "OWN", "receivedWan")).isEqualByComparingTo("20");
    assertThat(wan(source, "RESPONSIBLE", "receivedWan")).isEqualByComparingTo("0");
    assertThat(wan(source, "SOCIAL", "receivedWan")).isEqualByComparingTo("10");
    assertThat(wan(source, "SUPERIOR", "paidWan")).isEqualByComparingTo("25");
    assertThat(wan(source, "OWN", "paidWan")).isEqualByComparingTo("15");
    assertThat(wan(source, "RESPONSIBLE", "paidWan")).isEqualByComparingTo("5");
    assertThat(wan(source, "SOCIAL", "paidWan")).isEqualByComparingTo("5");
    var region = StatisticsApiTest.view(all, "REGION");
    for (var field : List.of("receivedWan", "issuedWan", "paidWan")) {
      assertThat(source.get("total").get(field).decimalValue()).as(field + ": the split adds up")
          .isEqualByComparingTo(region.get("total").get(field).decimalValue());
    }
    assertThat(source.get("total").get("paidWan").decimalValue()).isEqualByComparingTo("50");
  }

  @Test
  void mnrArticle15_theProvinceCountsTheCountysOwnAndSocialMoneyAsReceived() throws Exception {
    var all = statistics(GUANGXI_FINANCE, "&divisionCode=450102", 200);
    var source = StatisticsApiTest.view(all, "SOURCE");
    assertThat(wan(source, "SOCIAL", "receivedWan")).isEqualByComparingTo("10");
    var province = StatisticsApiTest.view(statistics(GUANGXI_FINANCE, "", 200), "SOURCE");
    var region = StatisticsApiTest.view(statistics(GUANGXI_FINANCE, "", 200), "REGION");
    assertThat(province.get("total").get("receivedWan").decimalValue())
        .isEqualByComparingTo(region.get("total").get("receivedWan").decimalValue());
    assertThat(wan(province, "OWN", "receivedWan")).isGreaterThanOrEqualTo(new BigDecimal("20"));
  }

  @Test
  void anotherUnitAWrongRoleAndHostileQueriesSeeNothingOfTheCounty() throws Exception {
    assertThat(statistics(YANGSHUO_FINANCE, "&divisionCode=450102", 403).get("status").asInt())
        .isEqualTo(403);
    var yangshuo = StatisticsApiTest.view(statistics(YANGSHUO_FINANCE, "", 200), "SOURCE");
    assertThat(yangshuo.get("total").get("paidWan").decimalValue()).isZero();
    assertThat(yangshuo.get("total").get("receivedWan").decimalValue()).isZero();
    assertThat(statistics(XINGNING_FISCAL, "&divisionCode=450100", 403).get("status").asInt())
        .isEqualTo(403);
    assertThat(statistics(XINGNING_FINANCE, "&divisionCode=450102'%20or%20'1'='1", 400)
        .get("detail").asText()).contains("不存在");
    assertThat(http.get("/api/statistics?year=2025&quarter=2", null, null).statusCode())
        .isEqualTo(401);
  }

  @Test
  void theExcelExportHasAFundSourceSheetWhoseRowsAddUpToItsTotal() throws Exception {
    var response = http.download("/api/statistics?year=2025&quarter=2", Workbooks.XLSX,
        XINGNING_FINANCE, PASSWORD);
    assertThat(response.statusCode()).isEqualTo(200);
    try (var wb = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
      var sheet = wb.getSheet("按资金来源");
      assertThat(sheet).isNotNull();
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("资金来源");
      assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("累计支出（万元）");
      assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("上级下达");
      assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("责任人出资");
      var total = sheet.getRow(sheet.getLastRowNum());
      assertThat(total.getCell(0).getStringCellValue()).isEqualTo("合计");
      for (int c = 1; c <= 3; c++) {
        var rows = BigDecimal.ZERO;
        for (int r = 1; r < sheet.getLastRowNum(); r++) {
          rows = rows.add(BigDecimal.valueOf(sheet.getRow(r).getCell(c).getNumericCellValue()));
        }
        assertThat(BigDecimal.valueOf(total.getCell(c).getNumericCellValue())).as("column %d", c)
            .isEqualByComparingTo(rows);
      }
      assertThat(total.getCell(3).getNumericCellValue()).isEqualTo(50.0);
    }
  }

  @Test
  void aFilingWhoseSourcesDoNotAddUpIsRefusedInChinese() {
    // another year, so the statistics above stay as they are
    var q = new Quarter(2024, 2);
    var p = projects.warehoused(XINGNING_ECO, "450102", "兴宁区来源不符项目");
    funding.fund(p, "450102", "100000", LocalDate.of(2024, 3, 2));
    filings.open(q.key(p), q, null);
    assertThatThrownBy(() -> filings.file(q.key(p), new RawFiling("50000", Map.of("RESPONSIBLE", "40000"), "10", List.of()), XINGNING_FINANCE)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("分资金来源合计");
    assertThatThrownBy(() -> filings.file(q.key(p), new RawFiling("50000", Map.of("RESPONSIBLE", "-50000"), "10", List.of()), XINGNING_FINANCE)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("责任人出资支付金额");
  }
}
