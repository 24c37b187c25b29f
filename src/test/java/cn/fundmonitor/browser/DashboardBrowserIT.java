package cn.fundmonitor.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The statistics dashboard (/dashboard/, issue 17) in Chromium behind the HTTP Basic login of
 * /tools/: its charts are drawn (ECharts from the webjar, offline) and their data tables show
 * exactly the numbers of /api/statistics and /api/overdue-steps (MNR 第十三条); a click drills
 * from the nation into a province; a chart exports its numbers to Excel; a province sees only its
 * own subtree (MNR 第二十三条).
 */
@BrowserTest
class DashboardBrowserIT {

  final ObjectMapper json = new ObjectMapper();
  final int year = LocalDate.now().getYear();
  final int quarter = (LocalDate.now().getMonthValue() - 1) / 3 + 1;

  Page dashboard(Tasklist tasklist, String user, String query) {
    var context = tasklist.page().context().browser().newContext(new Browser.NewContextOptions()
        .setLocale("zh-CN").setTimezoneId("Asia/Shanghai")
        .setExtraHTTPHeaders(Map.of("Accept-Language", "zh-CN,zh;q=0.9"))
        .setViewportSize(1400, 1000).setHttpCredentials(user, "demo").setAcceptDownloads(true));
    var page = context.newPage();
    page.navigate(tasklist.base() + "/dashboard/" + query);
    page.waitForLoadState(LoadState.NETWORKIDLE);
    return page;
  }

  JsonNode api(Page page, String path) throws Exception {
    var response = page.request().get(page.url().replaceAll("(https?://[^/]+).*", "$1") + path);
    assertThat(response.status()).as(response.text()).isEqualTo(200);
    return json.readTree(response.text());
  }

  static Map<String, JsonNode> regionRows(JsonNode statistics) {
    var rows = new HashMap<String, JsonNode>();
    for (var view : statistics.get("views")) {
      if (view.get("name").asText().equals("REGION")) {
        view.get("rows").forEach(r -> rows.put(r.get("key").asText(), r.get("figures")));
      }
    }
    return rows;
  }

  /** A data-table cell of a chart: its row's key, the column's position (1 = first value). */
  static String cell(Page page, String chart, String key, int column) {
    return page.locator("#chart-" + chart + " table.chart-data tr[data-key='" + key + "'] td")
        .nth(column).textContent().trim();
  }

  static void assertSame(String shown, JsonNode value, String what) {
    if (value == null || value.isNull()) {
      assertThat(shown).as(what).isEqualTo("—");
    } else {
      assertThat(new BigDecimal(shown)).as(what).isEqualByComparingTo(value.decimalValue());
    }
  }

  void assertChartsMatchTheApi(Page page, String divisionQuery) throws Exception {
    var statistics = api(page, "/api/statistics?year=" + year + "&quarter=" + quarter
        + divisionQuery);
    var overdue = api(page, "/api/overdue-steps?" + divisionQuery.replaceFirst("^&", ""));
    var figures = regionRows(statistics);
    var late = new HashMap<String, Integer>();
    overdue.get("regions").forEach(r -> late.put(r.get("code").asText(), r.get("count").asInt()));
    var keys = page.locator("#chart-execution table.chart-data tbody tr")
        .evaluateAll("rows => rows.map(r => r.dataset.key)");
    assertThat((java.util.List<?>) keys).isNotEmpty();
    for (var k : (java.util.List<?>) keys) {
      var key = (String) k;
      var f = figures.get(key);
      assertThat(f).as("a region of /api/statistics: " + key).isNotNull();
      assertSame(cell(page, "execution", key, 1), f.get("executionRatePercent"), key + " 执行率");
      assertSame(cell(page, "execution", key, 2), f.get("timeProgressPercent"), key + " 时序进度");
      assertSame(cell(page, "execution", key, 4), f.get("paidWan"), key + " 支出");
      assertSame(cell(page, "warnings", key, 1), f.get("redWarnings"), key + " 红色预警");
      assertSame(cell(page, "warnings", key, 2), f.get("yellowWarnings"), key + " 黄色预警");
      assertSame(cell(page, "warnings", key, 3), f.get("blueWarnings"), key + " 蓝色预警");
      assertThat(cell(page, "overdue", key, 1)).as(key + " 逾期事项")
          .isEqualTo(String.valueOf(late.getOrDefault(key, 0)));
      assertSame(cell(page, "overdue", key, 2), f.get("openProblems"), key + " 未办结问题");
    }
  }

  @Test
  void theMinistrysChartsShowTheNumbersOfApiStatisticsAndDrillIntoGuangxi_mnrArticle13(
      Tasklist tasklist) throws Exception {
    var page = dashboard(tasklist, "ministry-finance", "");
    page.locator("#chart-execution table.chart-data tbody tr").first().waitFor(
        new com.microsoft.playwright.Locator.WaitForOptions()
            .setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
    assertThat(page.locator("#where").innerText()).contains("自然资源部", year + "年第" + quarter + "季度");
    for (var chart : java.util.List.of("execution", "quarters", "warnings", "overdue", "targets")) {
      assertThat(page.locator("#chart-" + chart + " canvas").count()).as(chart + " drawn")
          .isPositive();
    }
    assertChartsMatchTheApi(page, "");
    assertThat(Integer.parseInt(cell(page, "overdue", "450000", 1)))
        .as("the demo's late issue in Guangxi").isPositive();
    shot(tasklist, page, "ministry-dashboard");

    // drill-down: the nation → Guangxi's cities
    page.locator("#chart-execution tr[data-key='450000'] a.drill").dispatchEvent("click");
    page.waitForURL("**divisionCode=450000**");
    page.locator("#chart-execution table.chart-data tbody tr[data-key='450100']").waitFor(
        new com.microsoft.playwright.Locator.WaitForOptions()
            .setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
    assertThat(page.locator("#where").innerText()).contains("广西壮族自治区");
    assertThat(page.locator("#up").isVisible()).isTrue();
    assertChartsMatchTheApi(page, "&divisionCode=450000");
    shot(tasklist, page, "ministry-guangxi");

    // each chart exports its own numbers
    var download = page.waitForDownload(() ->
        page.locator("#chart-execution button.export").click());
    assertThat(download.suggestedFilename()).endsWith("预算执行率与时序进度（按地区）.xlsx");
    var file = Files.createTempFile("chart", ".xlsx");
    download.saveAs(file);
    try (var wb = new XSSFWorkbook(Files.newInputStream(file))) {
      var sheet = wb.getSheetAt(0);
      assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("预算执行率（%）");
      var rows = page.locator("#chart-execution table.chart-data tbody tr").count();
      assertThat(sheet.getLastRowNum()).isEqualTo(1 + rows);
      var label = sheet.getRow(2).getCell(0).getStringCellValue();
      var shown = page.locator("#chart-execution table.chart-data tbody tr").first()
          .locator("td").nth(1).textContent().trim();
      assertThat(page.locator("#chart-execution table.chart-data tbody tr").first()
          .locator("td").first().textContent().trim()).isEqualTo(label);
      if (!shown.equals("—")) {
        assertThat(BigDecimal.valueOf(sheet.getRow(2).getCell(1).getNumericCellValue()))
            .isEqualByComparingTo(shown);
      }
    }
    Files.deleteIfExists(file);
  }

  @Test
  void aProvinceSeesOnlyItsOwnSubtree_mnrArticle23(Tasklist tasklist) throws Exception {
    var page = dashboard(tasklist, "guangxi-finance", "");
    page.locator("#chart-execution table.chart-data tbody tr").first().waitFor(
        new com.microsoft.playwright.Locator.WaitForOptions()
            .setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
    assertThat(page.locator("#where").innerText()).contains("广西壮族自治区");
    assertThat(page.locator("#up").isVisible()).as("nothing above its own unit").isFalse();
    var keys = (java.util.List<?>) page.locator("table.chart-data tbody tr[data-key]")
        .evaluateAll("rows => rows.map(r => r.dataset.key)");
    keys.stream().map(String.class::cast).filter(k -> k.matches("\\d{6}"))
        .forEach(k -> assertThat(k).as("within Guangxi").startsWith("45"));
    assertChartsMatchTheApi(page, "");
    shot(tasklist, page, "guangxi-dashboard");

    var other = dashboard(tasklist, "guangxi-finance", "?divisionCode=650000");
    other.locator("#message").waitFor();
    other.waitForFunction("() => document.querySelector('#message').textContent.length > 0");
    assertThat(other.locator("#message").innerText()).contains("没有访问");
    assertThat(other.locator("#charts canvas").count()).isZero();
    shot(tasklist, other, "guangxi-refused-xinjiang");
  }

  private static void shot(Tasklist tasklist, Page page, String name) {
    var dir = Path.of("target", "browser", "DashboardBrowserIT");
    page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
        .setPath(dir.resolve(name + ".png")));
  }
}
