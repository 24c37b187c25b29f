package cn.fundmonitor.rules;

import cn.fundmonitor.support.Sheets;
import static cn.fundmonitor.support.TestUsers.PASSWORD;
import static cn.fundmonitor.support.TestUsers.POLICY_OWNER;
import static cn.fundmonitor.support.TestUsers.XINGNING_ECO;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.common.Workbooks;
import cn.fundmonitor.support.FundMonitorTest;
import cn.fundmonitor.support.Http;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The policy owner's round trip: a decision table exported to Excel, edited, imported as the next
 * version, effective at once; an invalid sheet refused with row and column named, nothing deployed.
 */
@FundMonitorTest
class RuleSheetApiTest {

  static final String KEY = ExpenseChecker.PROHIBITION;
  static final String FILE = "expenditure-prohibition.dmn";

  @LocalServerPort int port;
  @Autowired ExpenseChecker checker;
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

  byte[] export(String key) {
    var response = http.download("/api/rules/" + key + "/sheet", Workbooks.XLSX, XINGNING_ECO,
        PASSWORD);
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  /** The exported sheet with an edit applied, as Excel would save it. */
  static byte[] edit(byte[] xlsx, Consumer<Sheet> change) throws Exception {
    try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      change.accept(wb.getSheet("规则"));
      var out = new ByteArrayOutputStream();
      wb.write(out);
      return out.toByteArray();
    }
  }

  static void set(Sheet sheet, int row, int column, String value) {
    var r = sheet.getRow(row) == null ? sheet.createRow(row) : sheet.getRow(row);
    var cell = r.getCell(column) == null ? r.createCell(column) : r.getCell(column);
    cell.setCellValue(value);
  }

  JsonNode upload(String user, String key, byte[] xlsx, int status) throws Exception {
    var response = http.upload("/api/rules/" + key + "/sheet", "file", key + ".xlsx", xlsx,
        Map.of(), "application/json", user, PASSWORD);
    assertThat(response.statusCode()).as(Http.text(response)).isEqualTo(status);
    return json.readTree(response.body());
  }

  @Test
  void everyDecisionTableIsListedAndExported() throws Exception {
    var tables = json.readTree(http.get("/api/rules", XINGNING_ECO, PASSWORD).body());
    var keys = new ArrayList<String>();
    tables.forEach(t -> keys.add(t.get("key").asText()));
    assertThat(keys).contains("expenditureEligibility", "expenditureProhibition",
        "allocationFactorWeights", "projectEligibility", "executionWarning", "problemSeverity");

    var rows = Sheets.read(export(KEY));
    assertThat(rows.get(0)).startsWith("决策表", "禁止性支出", "决策键", KEY);
    assertThat(rows.get(1)).containsExactly("规则编号", "资金方向", "支出类别", "项目区外且不直接配套的基础设施",
        "以补充耕地为主要或单一目标", "地质灾害责任方", "工程建设、资源开发等人为活动引发", "有明确恢复治理、土地复垦责任主体",
        "与项目相关", "禁止条款", "理由", "说明（依据条款）");
    assertThat(rows.get(2).get(1)).isEqualTo("Input_Direction");
    assertThat(rows).hasSize(3 + 11);
    assertThat(rows.get(3).subList(0, 2)).containsExactly("Rule_Item1_Infrastructure", "\"ECO_RESTORATION\"");
    assertThat(rows.get(10).get(2)).isEqualTo("\"VEHICLE\",\"UNRELATED_EQUIPMENT\",\"UNRELATED_INFRASTRUCTURE\"");
    assertThat(rows.get(10).get(11)).startsWith("GX 第八条第七项");
    assertThat(Sheets.read(export(KEY), 1).get(0)).containsExactly("怎样修改规则");
  }

  @Test
  void anUnchangedSheetDeploysNothing() throws Exception {
    var before = versions.latestVersion(KEY);
    var result = upload(POLICY_OWNER, KEY, export(KEY), 200);
    assertThat(result.get("changed").asBoolean()).isFalse();
    assertThat(versions.latestVersion(KEY)).isEqualTo(before);
  }

  @Test
  void anEditedSheetBecomesTheNextVersionAndDecidesTheNextCheck() throws Exception {
    var before = versions.latestVersion(KEY);
    var vehicle = Expenses.of(Expenses.clean()).category(ExpenseCategory.VEHICLE).build();
    var other = Expenses.of(Expenses.clean()).category(ExpenseCategory.OTHER).build();
    assertThat(checker.check(vehicle).prohibitions()).hasSize(1);
    assertThat(checker.check(other).prohibitions()).isEmpty();

    var edited = edit(export(KEY), sheet -> {
      // rule 7 no longer lists vehicles; a new rule (no id) refuses "other" spending outright
      set(sheet, 10, 2, "\"UNRELATED_EQUIPMENT\",\"UNRELATED_INFRASTRUCTURE\"");
      var row = sheet.getLastRowNum() + 1;
      set(sheet, row, 0, "");
      set(sheet, row, 2, "\"OTHER\"");
      set(sheet, row, 9, "\"第八条第十项\"");
      set(sheet, row, 10, "\"其他与项目无关的支出（未列明的支出类别）\"");
      set(sheet, row, 11, "GX 第八条第十项：未列明类别一律按与项目无关处理");
    });
    var result = upload(POLICY_OWNER, KEY, edited, 200);
    assertThat(result.get("changed").asBoolean()).isTrue();
    assertThat(result.get("rules").asInt()).isEqualTo(12);
    assertThat(result.get("version").asInt()).isEqualTo(before + 1);
    assertThat(versions.latestVersion(KEY)).isEqualTo(before + 1);

    assertThat(checker.check(vehicle).prohibitions()).isEmpty();
    assertThat(checker.check(other).prohibitions()).extracting(ExpenseVerdict.Prohibition::reason)
        .containsExactly("其他与项目无关的支出（未列明的支出类别）");
    var again = Sheets.read(export(KEY));
    assertThat(again.get(again.size() - 1).get(0)).isEqualTo("Rule_Sheet1");
    assertThat(again.get(0).get(5)).isEqualTo(String.valueOf(before + 1));
  }

  @Test
  void anInvalidSheetIsRefusedCellByCellAndNothingIsDeployed() throws Exception {
    var before = versions.latestVersion(KEY);
    var edited = edit(export(KEY), sheet -> {
      set(sheet, 3, 1, "“ECO_RESTORATION”");           // Chinese quotes
      set(sheet, 4, 2, "VEHICLE");                       // a code without quotes
      set(sheet, 5, 3, "是");                            // boolean column
      set(sheet, 6, 1, "[1..");                          // not FEEL
      set(sheet, 7, 9, "第八条第五项");                   // text output without quotes
    });
    var problem = upload(POLICY_OWNER, KEY, edited, 400);
    assertThat(problem.get("title").asText()).isEqualTo("规则表有误，未部署");
    var detail = problem.get("detail").asText();
    assertThat(detail)
        .contains("第4行B列（资金方向）：““ECO_RESTORATION””中使用了中文引号")
        .contains("第5行C列（支出类别）：“VEHICLE”是代码文本，应写作 \"VEHICLE\"")
        .contains("第6行D列（项目区外且不直接配套的基础设施）：条件为是/否，应填 true、false 或留空")
        .contains("第7行B列（资金方向）：“[1..”不是有效的 FEEL 条件")
        .contains("第8行J列（禁止条款）：输出为文本，应写作 \"第八条第五项\"");
    assertThat(versions.latestVersion(KEY)).isEqualTo(before);
    assertThat(checker.check(Expenses.of(Expenses.clean()).category(ExpenseCategory.VEHICLE)
        .build()).prohibitions()).hasSize(1);
  }

  @Test
  void duplicateRuleIdsAreRefused() throws Exception {
    var edited = edit(export(KEY), sheet -> set(sheet, 9, 0, "Rule_Item5_Office"));
    assertThat(upload(POLICY_OWNER, KEY, edited, 400).get("detail").asText())
        .contains("规则编号 Rule_Item5_Office 重复出现");
  }

  @Test
  void columnsCannotBeMovedAndSheetsCannotBeSwapped() throws Exception {
    var moved = edit(export(KEY), sheet -> {
      set(sheet, 2, 1, "Input_Category");
      set(sheet, 2, 2, "Input_Direction");
    });
    assertThat(upload(POLICY_OWNER, KEY, moved, 400).get("detail").asText())
        .contains("第3行B列：列标识应为 Input_Direction（资金方向），收到“Input_Category”")
        .contains("调整决策表的输入、输出请用 Camunda Modeler");
    assertThat(upload(POLICY_OWNER, KEY, export("expenditureEligibility"), 400).get("detail").asText())
        .isEqualTo("第1行D列：决策键应为 expenditureProhibition，收到“expenditureEligibility”（是否上传了别的决策表？）");
    assertThat(upload(POLICY_OWNER, KEY, "不是表格".getBytes(), 400).get("detail").asText())
        .contains("不是有效的 Excel 工作簿");
  }

  @Test
  void emptyRuleSetsAreRefused() throws Exception {
    var emptied = edit(export(KEY), sheet -> {
      for (int r = sheet.getLastRowNum(); r >= 3; r--) {
        sheet.removeRow(sheet.getRow(r));
      }
    });
    assertThat(upload(POLICY_OWNER, KEY, emptied, 400).get("detail").asText())
        .contains("决策表至少需要一条规则");
  }

  @Test
  void onlyPolicyOwnersImport() throws Exception {
    var before = versions.latestVersion(KEY);
    var problem = upload(XINGNING_ECO, KEY, export(KEY), 403);
    assertThat(problem.get("status").asInt()).isEqualTo(403);
    assertThat(versions.latestVersion(KEY)).isEqualTo(before);
    assertThat(http.get("/api/rules/noSuchTable/sheet", XINGNING_ECO, PASSWORD).statusCode())
        .isEqualTo(404);
  }

  @Test
  void rowsInTheSheetMayBeReordered() throws Exception {
    var reordered = edit(export(KEY), sheet -> {
      var first = new ArrayList<String>();
      var last = new ArrayList<String>();
      sheet.getRow(3).forEach(c -> first.add(c.getStringCellValue()));
      sheet.getRow(13).forEach(c -> last.add(c.getStringCellValue()));
      for (int c = 0; c < first.size(); c++) {
        set(sheet, 3, c, last.get(c));
        set(sheet, 13, c, first.get(c));
      }
    });
    var result = upload(POLICY_OWNER, KEY, reordered, 200);
    assertThat(result.get("changed").asBoolean()).isTrue();
    assertThat(Sheets.read(export(KEY)).get(3).get(0)).isEqualTo("Rule_Item10_Unrelated");
    assertThat(checker.check(Expenses.of(Expenses.clean()).related(false).build()).prohibitions())
        .extracting(ExpenseVerdict.Prohibition::item).containsExactly("第八条第十项");
  }
}
