package cn.fundmonitor.rules;

import cn.fundmonitor.support.Sheets;
import static cn.fundmonitor.support.TestUsers.GUANGXI_FINANCE;
import static cn.fundmonitor.support.TestUsers.PASSWORD;
import static cn.fundmonitor.support.TestUsers.POLICY_OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.common.Workbooks;
import cn.fundmonitor.support.FundMonitorTest;
import cn.fundmonitor.support.Http;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Factor-method allocation over HTTP (GX 第十六条): JSON and Excel in and out, the weights from the
 * DMN in force, a factor added by a policy owner without a code change, bad data named.
 */
@FundMonitorTest
class FactorAllocationApiTest {

  static final String FILE = "allocation-factor-weights.dmn";

  @LocalServerPort int port;
  @Autowired PolicyVersions versions;
  final ObjectMapper json = new ObjectMapper();
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  @AfterEach
  void restore() {
    versions.restore(FILE);
  }

  static Map<String, Object> county(String code, String project, Object points, Object area,
      Object people) {
    var factors = new LinkedHashMap<String, Object>();
    factors.put("HAZARD_POINTS", points);
    factors.put("HIGH_RISK_AREA", area);
    factors.put("THREATENED_POPULATION", people);
    var county = new LinkedHashMap<String, Object>();
    county.put("divisionCode", code);
    county.put("projectCode", project);
    county.put("factors", factors);
    return county;
  }

  static Map<String, Object> request(String total, List<Map<String, Object>> counties) {
    return Map.of("budgetYear", 2026, "total", total, "fundShare", "CENTRAL", "counties", counties);
  }

  static final List<Map<String, Object>> GUANGXI = List.of(
      county("450102", "450102-2026-0001", 30, "20.5", 1000),
      county("450103", null, 20, "9.5", 1000),
      county("450321", "450321-2026-0003", 50, "20", 2000));

  JsonNode allocate(Map<String, Object> request, int status) throws Exception {
    var response = http.post("/api/factor-allocation", json.writeValueAsString(request),
        GUANGXI_FINANCE, PASSWORD);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return json.readTree(response.body());
  }

  @Test
  void sharesFollowTheFormulaWith532AndAddUpToTheCent_gxArticle16() throws Exception {
    var result = allocate(request("1000000.00", GUANGXI), 200);
    // 兴宁区: 30/100×0.5 + 20.5/50×0.3 + 1000/4000×0.2 = 0.15 + 0.123 + 0.05 = 0.323
    // 青秀区: 0.1 + 0.057 + 0.05 = 0.207; 阳朔县: 0.25 + 0.12 + 0.1 = 0.47
    assertThat(result.get("shares")).extracting(s -> s.get("amount").asText())
        .containsExactly("323000.00", "207000.00", "470000.00");
    assertThat(result.get("shares").get(0).get("divisionName").asText()).isEqualTo("兴宁区");
    assertThat(result.get("shares").get(0).get("weightedPercent").decimalValue())
        .isEqualByComparingTo("32.3");
    assertThat(result.get("factors")).extracting(f -> f.get("code").asText())
        .containsExactly("HAZARD_POINTS", "HIGH_RISK_AREA", "THREATENED_POPULATION");
    assertThat(result.get("decisionVersion").asInt()).isPositive();
    var line = result.get("issueLines").get(0);
    assertThat(line.get("recipientCode").asText()).isEqualTo("450102");
    assertThat(line.get("projectCode").asText()).isEqualTo("450102-2026-0001");
    assertThat(line.get("centralShare").asText()).isEqualTo("323000.00");
    assertThat(line.get("provincialShare").asText()).isEqualTo("0");
  }

  @Test
  void centsLeftOverGoToTheLargestRemainders() throws Exception {
    var equal = List.of(county("450102", null, 1, 1, 1), county("450103", null, 1, 1, 1),
        county("450321", null, 1, 1, 1));
    var result = allocate(Map.of("budgetYear", "2026", "total", "100", "fundShare", "省级财政资金",
        "counties", equal), 200);
    assertThat(result.get("shares")).extracting(s -> s.get("amount").asText())
        .containsExactly("33.34", "33.33", "33.33");
    assertThat(result.get("issueLines").get(0).get("provincialShare").asText()).isEqualTo("33.34");
  }

  @Test
  void theCalculationTableComesAsExcel() throws Exception {
    var response = http.postForFile("/api/factor-allocation",
        json.writeValueAsString(request("1000000.00", GUANGXI)), Workbooks.XLSX, GUANGXI_FINANCE,
        PASSWORD);
    assertThat(response.statusCode()).isEqualTo(200);
    var rows = Sheets.read(response.body());
    assertThat(rows.get(0).get(0)).isEqualTo("2026年度因素法资金分配测算表（GX 第十六条）");
    assertThat(rows.get(1).get(5)).contains("地质灾害隐患点数量 50%", "中—极高风险区面积 30%", "隐患点威胁人口数 20%");
    assertThat(rows.get(3)).containsExactly("序号", "行政区划代码", "县（市、区）", "项目编码", "地质灾害隐患点数量",
        "地质灾害隐患点数量占比（%）", "中—极高风险区面积", "中—极高风险区面积占比（%）", "隐患点威胁人口数",
        "隐患点威胁人口数占比（%）", "综合系数（%）", "分配金额（元）");
    assertThat(rows.get(4).subList(1, 3)).containsExactly("450102", "兴宁区");
    assertThat(rows.get(4).get(11)).isEqualTo("323,000.00");
    assertThat(rows.get(7).get(0)).isEqualTo("合计");
    assertThat(rows.get(7).get(11)).isEqualTo("1,000,000.00");
  }

  @Test
  void theTemplateListsTheProvincesCountiesAndComesBackFilled() throws Exception {
    var template = http.download("/api/factor-allocation/template?budgetYear=2026", Workbooks.XLSX,
        GUANGXI_FINANCE, PASSWORD);
    assertThat(template.statusCode()).isEqualTo(200);
    var rows = Sheets.read(template.body());
    assertThat(rows.get(0)).containsExactly("行政区划代码", "县（市、区）", "项目编码", "地质灾害隐患点数量",
        "中—极高风险区面积", "隐患点威胁人口数");
    assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(0))
        .containsExactly("450102", "450103", "450321");

    var filled = fill(template.body(), Map.of("450102", List.of("30", "20.5", "1000"),
        "450103", List.of("20", "9.5", "1000"), "450321", List.of("50", "20", "2000")));
    var response = http.upload("/api/factor-allocation/sheet", "file", "因素.xlsx", filled,
        Map.of("budgetYear", "2026", "total", "1000000"), "application/json", GUANGXI_FINANCE,
        PASSWORD);
    assertThat(response.statusCode()).as(Http.text(response)).isEqualTo(200);
    assertThat(json.readTree(response.body()).get("shares")).extracting(s -> s.get("amount").asText())
        .containsExactly("323000.00", "207000.00", "470000.00");

    var table = http.upload("/api/factor-allocation/sheet", "file", "因素.xlsx", filled,
        Map.of("budgetYear", "2026", "total", "1000000"), Workbooks.XLSX, GUANGXI_FINANCE, PASSWORD);
    assertThat(table.statusCode()).isEqualTo(200);
    assertThat(Sheets.read(table.body()).get(6).get(11)).isEqualTo("470,000.00");
  }

  /** Fills the factor columns of the template, as a province's staff would in Excel. */
  static byte[] fill(byte[] template, Map<String, List<String>> values) throws Exception {
    try (var wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
      var sheet = wb.getSheetAt(0);
      for (int r = 1; r <= sheet.getLastRowNum(); r++) {
        var row = sheet.getRow(r);
        var data = values.get(row.getCell(0).getStringCellValue());
        for (int i = 0; data != null && i < data.size(); i++) {
          row.createCell(3 + i).setCellValue(Double.parseDouble(data.get(i)));
        }
      }
      var out = new ByteArrayOutputStream();
      wb.write(out);
      return out.toByteArray();
    }
  }

  @Test
  void badDataIsNamedCountyByCounty() throws Exception {
    var counties = new ArrayList<Map<String, Object>>(List.of(
        county("450102", null, 10, "-1", 100),
        county("450102", null, 10, 1, 100),
        county("999999", null, 1, 1, 1),
        county("652825", null, 1, 1, 1),
        county("450000", null, 1, 1, 1),
        county("450321", null, "十", 1, 100)));
    var withUnknown = new LinkedHashMap<>(county("450103", null, 1, 1, 1));
    withUnknown.put("factors", Map.of("HAZARD_POINTS", 1, "HIGH_RISK_AREA", 1,
        "THREATENED_POPULATION", 1, "ROAD_LENGTH", 3));
    counties.add(withUnknown);
    var problem = allocate(request("1000", counties), 400);
    assertThat(problem.get("title").asText()).isEqualTo("因素法测算有误");
    assertThat(problem.get("detail").asText())
        .contains("第2行：兴宁区重复填写")
        .contains("第3行：行政区划代码“999999”不存在")
        .contains("第4行：且末县与其他县（市、区）不属于同一省份")
        .contains("第5行：广西壮族自治区不是市、县；因素法把资金分配到县（市、区）")
        .contains("第6行：地质灾害隐患点数量“十”不是有效的数字")
        .contains("第7行：“ROAD_LENGTH”不是现行分配因素")
        .contains("兴宁区：因素“中—极高风险区面积”不能为负数")
        .contains("阳朔县：缺少因素“地质灾害隐患点数量”的数据");
    var wrong = allocate(Map.of("budgetYear", "明年", "total", "-5", "fundShare", "地方",
        "counties", GUANGXI), 400);
    assertThat(wrong.get("detail").asText()).contains("预算年度应为2000至2100之间的年份", "分配总额不能为负数");
    // issue 18: each problem points at the body's field it is about
    assertThat(wrong.get("errors")).extracting(e -> e.get("pointer").asText())
        .containsExactly("#/budgetYear", "#/total", "#/fundShare");
  }

  @Test
  @SuppressWarnings("unchecked")
  void aPolicyOwnerAddsTheFiscalDifficultyFactorWithoutACodeChange() throws Exception {
    // the rules sheet round trip: 5:3:2 becomes 4:3:2:1 with 财政困难程度 (GX 第十六条 "今后考虑")
    var export = http.download("/api/rules/allocationFactorWeights/sheet", Workbooks.XLSX,
        POLICY_OWNER, PASSWORD).body();
    byte[] edited;
    try (var wb = new XSSFWorkbook(new ByteArrayInputStream(export))) {
      var sheet = wb.getSheet("规则");
      sheet.getRow(3).getCell(4).setCellValue("0.4");
      var row = sheet.createRow(6);
      row.createCell(2).setCellValue("\"FISCAL_DIFFICULTY\"");
      row.createCell(3).setCellValue("\"财政困难程度\"");
      row.createCell(4).setCellValue("0.1");
      row.createCell(5).setCellValue("GX 第十六条：今后考虑各市县财政困难程度");
      var out = new ByteArrayOutputStream();
      wb.write(out);
      edited = out.toByteArray();
    }
    var imported = http.upload("/api/rules/allocationFactorWeights/sheet", "file", "w.xlsx", edited,
        Map.of(), "application/json", POLICY_OWNER, PASSWORD);
    assertThat(imported.statusCode()).as(Http.text(imported)).isEqualTo(200);

    assertThat(allocate(request("1000000.00", GUANGXI), 400).get("detail").asText())
        .contains("兴宁区：缺少因素“财政困难程度”的数据");
    var counties = new ArrayList<Map<String, Object>>();
    for (var c : GUANGXI) {
      var copy = new LinkedHashMap<>(c);
      var factors = new LinkedHashMap<String, Object>((Map<String, Object>) c.get("factors"));
      factors.put("FISCAL_DIFFICULTY", c.get("divisionCode").equals("450321") ? 1 : 0);
      copy.put("factors", factors);
      counties.add(copy);
    }
    var result = allocate(request("1000000.00", counties), 200);
    // 兴宁区: 0.3×0.4 + 0.41×0.3 + 0.25×0.2 + 0 = 0.12 + 0.123 + 0.05 = 0.293
    assertThat(result.get("shares")).extracting(s -> s.get("amount").asText())
        .containsExactly("293000.00", "187000.00", "520000.00");
    var template = Sheets.read(http.download("/api/factor-allocation/template?budgetYear=2026",
        Workbooks.XLSX, GUANGXI_FINANCE, PASSWORD).body());
    assertThat(template.get(0)).endsWith("财政困难程度");
    assertThat(json.readTree(http.get("/api/factor-allocation/factors?budgetYear=2026",
        GUANGXI_FINANCE, PASSWORD).body()).get("factors")).hasSize(4);
  }

  @Test
  void weightsThatDoNotAddUpToOneStopTheCalculation() throws Exception {
    var wrong = PolicyVersions.original(FILE).replace("<text>0.2</text>", "<text>0.1</text>");
    versions.deploy(FILE, wrong);
    var response = http.post("/api/factor-allocation",
        json.writeValueAsString(request("1000", GUANGXI)), GUANGXI_FINANCE, PASSWORD);
    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(json.readTree(response.body()).get("detail").asText())
        .contains("配置有误：各因素权重合计为 0.9，应为 1（即100%）");
  }
}
