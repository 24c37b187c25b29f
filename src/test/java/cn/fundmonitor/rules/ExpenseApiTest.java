package cn.fundmonitor.rules;

import cn.fundmonitor.support.Sheets;
import static cn.fundmonitor.support.TestUsers.PASSWORD;
import static cn.fundmonitor.support.TestUsers.XINGNING_FINANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.common.Workbooks;
import cn.fundmonitor.support.FundMonitorTest;
import cn.fundmonitor.support.Http;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Checking expenses against GX 第六条、第八条至第十三条 over HTTP: one as JSON, a sheet returned
 * with a verdict per row, and hostile or broken uploads refused with a Chinese problem JSON.
 */
@FundMonitorTest
class ExpenseApiTest {

  static final List<String> HEADER = ExpenseSheets.TEMPLATE;

  @LocalServerPort int port;
  @Autowired ExpenseChecker checker;
  final ObjectMapper json = new ObjectMapper();
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  JsonNode check(Map<String, Object> expense, int status) throws Exception {
    var response = http.post("/api/expenses/check", json.writeValueAsString(expense),
        XINGNING_FINANCE, PASSWORD);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return json.readTree(response.body());
  }

  @Test
  void anExpenseInScopeWithNoProhibitionIsAllowed_gxArticle12() throws Exception {
    var verdict = check(Map.of("direction", "GEOHAZARD", "expenseCategory", "HAZARD_MONITORING",
        "hazardResponsibleParty", "NATURAL_RESOURCES"), 200);
    assertThat(verdict.get("allowed").asBoolean()).isTrue();
    assertThat(verdict.get("scopeArticle").asText()).isEqualTo("GX 第十二条");
    assertThat(verdict.get("prohibitions")).isEmpty();
  }

  @Test
  void aVehicleBoughtWithGeohazardMoneyIsRefusedWithTheItem_gxArticle8Item7() throws Exception {
    var verdict = check(Map.of("direction", "地质灾害防治", "expenseCategory", "购置车辆",
        "hazardResponsibleParty", "厂矿企业"), 200);
    assertThat(verdict.get("allowed").asBoolean()).isFalse();
    assertThat(verdict.get("inScope").asBoolean()).isFalse();
    var items = new ArrayList<String>();
    verdict.get("prohibitions").forEach(p -> items.add(p.get("item").asText()));
    assertThat(items).containsExactlyInAnyOrder("第八条第三项", "第八条第七项");
    assertThat(verdict.get("reasons").asText()).contains("GX 第八条第七项：购置车辆");
  }

  @Test
  void badInputIsAProblemJsonInChinese() throws Exception {
    var problem = check(Map.of("direction", "水利", "expenseCategory", "请客吃饭",
        "relatedToProject", "也许"), 400);
    assertThat(problem.get("title").asText()).isEqualTo("支出信息有误");
    assertThat(problem.get("detail").asText()).contains("资金方向“水利”不是可选的值")
        .contains("支出类别“请客吃饭”不是可选的值").contains("与项目相关：应填“是”或“否”，收到“也许”");
    assertThat(http.post("/api/expenses/check", "{}", null, null).statusCode()).isEqualTo(401);
  }

  @Test
  void theToolsPageOffersTheUploadsOverTheApi() {
    var page = http.get("/tools/", null, null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("支出核查", "因素法资金分配测算", "决策表", "/api/expenses/check-sheet",
        "/api/factor-allocation/sheet", "/api/allocations/issue-lines", "/api/rules",
        "/api/statistics", "/api/exports/filings");
  }

  @Test
  void theOptionsNameEveryCategoryInChinese() throws Exception {
    var options = json.readTree(http.get("/api/expenses/options", XINGNING_FINANCE, PASSWORD).body());
    assertThat(options.get("expenseCategory")).hasSize(ExpenseCategory.values().length);
    assertThat(options.get("expenseCategory").get(0).get("label").asText()).isEqualTo("工程性支出");
  }

  @Test
  void aSheetComesBackWithAVerdictOnEveryRow() throws Exception {
    var rows = List.of(HEADER,
        List.of("1", "地质灾害防治", "地质灾害监测预警与信息化", "监测设备", "80000", "否", "否", "自然资源部门", "否", "否", "是"),
        List.of("2", "GEOHAZARD", "VEHICLE", "巡查车辆", "260000", "", "", "", "", "", ""),
        List.of("3", "国土综合整治与生态修复", "全域土地综合整治工程", "村道", "500000", "是", "否", "", "", "", ""),
        List.of("4", "地质灾害防治", "奖金", "年终奖", "10000", "否", "否", "", "否", "否", "是"));
    var response = http.upload("/api/expenses/check-sheet", "file", "支出.xlsx", Sheets.xlsx(rows),
        Map.of(), Workbooks.XLSX, XINGNING_FINANCE, PASSWORD);
    assertThat(response.statusCode()).as(Http.text(response)).isEqualTo(200);
    assertThat(response.headers().firstValue("X-Rows")).hasValue("4");
    assertThat(response.headers().firstValue("X-Allowed")).hasValue("1");
    assertThat(response.headers().firstValue("X-Refused")).hasValue("2");
    assertThat(response.headers().firstValue("X-Invalid")).hasValue("1");
    var out = Sheets.read(response.body());
    var verdict = HEADER.size();
    assertThat(out.get(0).subList(verdict, verdict + 4))
        .containsExactly("核查结论", "支出范围依据", "禁止条款", "原因");
    assertThat(out.get(1).get(3)).isEqualTo("监测设备");
    assertThat(out.get(1).subList(verdict, verdict + 2)).containsExactly("允许", "GX 第十二条");
    assertThat(out.get(2).get(verdict)).isEqualTo("不允许");
    assertThat(out.get(2).get(verdict + 2)).isEqualTo("GX 第八条第七项");
    assertThat(out.get(3).get(verdict)).isEqualTo("不允许");
    assertThat(out.get(3).get(verdict + 1)).isEqualTo("GX 第九条第三项");
    assertThat(out.get(3).get(verdict + 2)).isEqualTo("GX 第八条第一项");
    assertThat(out.get(4).get(verdict)).isEqualTo("数据有误");
    assertThat(out.get(4).get(verdict + 3)).isEqualTo("第5行：支出类别“奖金”不是可选的值");
  }

  @Test
  void theTemplateHasTheColumnsAndChecksClean() throws Exception {
    var template = http.download("/api/expenses/template", Workbooks.XLSX, XINGNING_FINANCE, PASSWORD);
    assertThat(template.statusCode()).isEqualTo(200);
    assertThat(Sheets.read(template.body()).get(0)).isEqualTo(HEADER);
    var checked = http.upload("/api/expenses/check-sheet", "file", "模板.xlsx", template.body(),
        Map.of(), Workbooks.XLSX, XINGNING_FINANCE, PASSWORD);
    assertThat(checked.headers().firstValue("X-Allowed")).hasValue("1");
    assertThat(checked.headers().firstValue("X-Refused")).hasValue("1");
  }

  String refusal(byte[] upload) throws Exception {
    var response = http.upload("/api/expenses/check-sheet", "file", "x.xlsx", upload, Map.of(),
        Workbooks.XLSX, XINGNING_FINANCE, PASSWORD);
    assertThat(response.statusCode()).as(Http.text(response)).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    return json.readTree(response.body()).get("detail").asText();
  }

  @Test
  void somethingThatIsNotAWorkbookIsRefused() throws Exception {
    assertThat(refusal("序号,资金方向\n1,地质灾害防治\n".getBytes()))
        .isEqualTo("上传的文件不是有效的 Excel 工作簿（.xlsx）");
    var truncated = Sheets.xlsx(List.of(HEADER));
    assertThat(refusal(java.util.Arrays.copyOf(truncated, truncated.length / 2)))
        .contains("Excel");
  }

  @Test
  void anOldXlsWorkbookIsRefusedWithAHint() throws Exception {
    var xls = new ByteArrayOutputStream();
    try (var wb = new HSSFWorkbook()) {
      wb.createSheet("支出").createRow(0).createCell(0).setCellValue("资金方向");
      wb.write(xls);
    }
    assertThat(refusal(xls.toByteArray())).contains("旧版 Excel（.xls）");
  }

  @Test
  void aZipBombIsRefused() throws Exception {
    var bomb = Sheets.zipBomb(Sheets.xlsx(List.of(HEADER)), 40);
    assertThat(bomb.length).isLessThan(200_000);
    assertThat(refusal(bomb)).contains("压缩炸弹");
  }

  @Test
  void aSheetWithoutTheColumnsIsRefused() throws Exception {
    assertThat(refusal(Sheets.xlsx(List.of(List.of("序号", "金额"), List.of("1", "5")))))
        .isEqualTo("第1行表头缺少列：资金方向、支出类别（可下载模板）");
  }

  @Test
  void aSheetWithMoreRowsThanAllowedIsRefused() {
    var rows = new ArrayList<List<String>>();
    rows.add(HEADER);
    for (int i = 0; i < 6; i++) {
      rows.add(List.of(String.valueOf(i), "GEOHAZARD", "SURVEY"));
    }
    var sheets = new ExpenseSheets(checker, 5);
    assertThatThrownBy(() -> sheets.check(new ByteArrayInputStream(Sheets.xlsx(rows))))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("一次最多核查 5 行");
    var fine = new ExpenseSheets(checker, 6).check(new ByteArrayInputStream(Sheets.xlsx(rows)));
    assertThat(fine.rows()).isEqualTo(6);
    assertThat(fine.allowed()).isEqualTo(6);
  }

  @Test
  void anUploadAboveTheLimitIsRefusedWithoutReadingIt() throws Exception {
    var huge = new byte[21 * 1024 * 1024];
    var response = http.upload("/api/expenses/check-sheet", "file", "big.xlsx", huge, Map.of(),
        Workbooks.XLSX, XINGNING_FINANCE, PASSWORD);
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(json.readTree(response.body()).get("detail").asText()).contains("超过 20MB");
  }
}
