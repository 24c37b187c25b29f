package cn.fundmonitor.filing;

import static cn.fundmonitor.support.TestUsers.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.common.Workbooks;
import cn.fundmonitor.support.FundMonitorTest;
import cn.fundmonitor.support.Funding;
import cn.fundmonitor.support.Http;
import cn.fundmonitor.support.Projects;
import cn.fundmonitor.support.Sheets;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Quarterly filings imported from Excel: the template lists the caller's open filings; each row
 * goes through the 填报季度执行情况 task with the form's checks; errors name the cell; a second
 * upload files nothing twice.
 */
@FundMonitorTest
class FilingImportApiTest {

  static final Quarter Q = new Quarter(2026, 3);

  @LocalServerPort int port;
  @Autowired Projects projects;
  @Autowired Funding funding;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FilingService filings;
  @Autowired cn.fundmonitor.project.ProgressPlans plans;
  final ObjectMapper json = new ObjectMapper();
  Http http;
  String good;
  String tooMuch;
  String untouched;
  String yangshuo;

  @BeforeEach
  void open() {
    http = new Http(port);
    good = funded(XINGNING_ECO, "450102", "导入项目甲");
    tooMuch = funded(XINGNING_ECO, "450102", "导入项目乙");
    untouched = funded(XINGNING_ECO, "450102", "导入项目丙");
    yangshuo = funded(YANGSHUO_ECO, "450321", "导入项目丁");
  }

  String funded(String applicant, String region, String name) {
    var code = projects.warehoused(applicant, region, name);
    funding.fund(code, region, "1000000", LocalDate.of(2026, 4, 1));
    // an implementation plan every filing below meets (资阳 三(三)): the import is tested here,
    // not the warning, and a red warning would hold the filing at the county's explanation
    plans.record(code, List.of(Map.of("pointOn", "2026-09-30", "plannedExecution", 10,
        "plannedPhysical", 20)));
    runtime.startProcessInstanceByKey(QuarterlyFilingProcess.KEY, Q.key(code), Variables
        .createVariables().putValue("filingYear", Q.year()).putValue("filingQuarter", Q.quarter())
        .putValue("projectCode", code));
    return code;
  }

  byte[] template() {
    var response = http.download("/api/filings/import-template?year=2026&quarter=3", Workbooks.XLSX,
        XINGNING_FINANCE, PASSWORD);
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  static byte[] fill(byte[] template, Consumer<XSSFWorkbook> edit) throws Exception {
    try (var wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
      edit.accept(wb);
      var out = new ByteArrayOutputStream();
      wb.write(out);
      return out.toByteArray();
    }
  }

  static Row row(XSSFWorkbook wb, String sheet, String key, int position) {
    var s = wb.getSheet(sheet);
    for (int r = 1; r <= s.getLastRowNum(); r++) {
      var row = s.getRow(r);
      if (row.getCell(0).getStringCellValue().equals(key)
          && (position == 0 || (int) row.getCell(1).getNumericCellValue() == position)) {
        return row;
      }
    }
    throw new AssertionError(key + " not in " + sheet);
  }

  static void filing(XSSFWorkbook wb, String key, String paid, String central, String physical) {
    var row = row(wb, "填报", key, 0);
    row.createCell(5).setCellValue(paid);
    row.createCell(6).setCellValue(central);
    row.createCell(11).setCellValue(physical);
  }

  static void indicators(XSSFWorkbook wb, String key, String area, String satisfaction) {
    row(wb, "指标", key, 1).createCell(7).setCellValue(area);
    row(wb, "指标", key, 2).createCell(8).setCellValue("是");
    row(wb, "指标", key, 3).createCell(7).setCellValue("有所改善");
    row(wb, "指标", key, 4).createCell(7).setCellValue(satisfaction);
  }

  JsonNode upload(byte[] xlsx, int status) throws Exception {
    var response = http.upload("/api/filings/import", "file", "填报.xlsx", xlsx, Map.of(),
        "application/json", XINGNING_FINANCE, PASSWORD);
    assertThat(response.statusCode()).as(Http.text(response)).isEqualTo(status);
    return json.readTree(response.body());
  }

  static JsonNode result(JsonNode import_, String key) {
    for (var r : import_.get("results")) {
      if (r.get("businessKey").asText().equals(key)) {
        return r;
      }
    }
    throw new AssertionError("no result for " + key);
  }

  @Test
  void validRowsAreFiledThroughTheWorkflowAndBadOnesNamedByCell() throws Exception {
    var template = template();
    var keys = new ArrayList<String>();
    Sheets.read(template).stream().skip(1).forEach(r -> keys.add(r.get(0)));
    assertThat(keys).contains(Q.key(good), Q.key(tooMuch), Q.key(untouched))
        .doesNotContain(Q.key(yangshuo));
    var indicatorRows = Sheets.read(template, 1);
    assertThat(indicatorRows.get(0)).containsExactly("业务编号", "序号", "一级指标", "二级指标", "指标名称",
        "目标值", "计量单位", "实际完成值", "未达监控节点（是/否）");

    var filled = fill(template, wb -> {
      filing(wb, Q.key(good), "300000", "300000", "45");
      indicators(wb, Q.key(good), "60", "92");
      filing(wb, Q.key(tooMuch), "1200000", "1200000", "50");
      indicators(wb, Q.key(tooMuch), "六十", "95");
    });
    var first = upload(filled, 200);
    assertThat(result(first, Q.key(good)).get("outcome").asText()).isEqualTo("FILED");
    assertThat(filings.get(Q.key(good)).status()).isEqualTo(FilingStatus.FILED);
    assertThat(filings.get(Q.key(good)).paidToDate().amount()).isEqualByComparingTo("300000");
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(Q.key(good))
        .taskDefinitionKey(QuarterlyFilingProcess.TASK_REVIEW).count()).isOne();

    var bad = result(first, Q.key(tooMuch));
    assertThat(bad.get("outcome").asText()).isEqualTo("INVALID");
    var problems = new ArrayList<String>();
    bad.get("problems").forEach(p -> problems.add(p.asText()));
    assertThat(String.join("\n", problems))
        .contains("累计支付 1200000.00 元 超过到位资金 1000000.00 元")
        .containsPattern("F\\d+：累计支付")
        .containsPattern("指标表H\\d+：第1项指标“修复治理面积”：实际完成值应为数字，收到“六十”");
    assertThat(filings.get(Q.key(tooMuch)).status()).isEqualTo(FilingStatus.OPEN);
    assertThat(result(first, Q.key(untouched)).get("outcome").asText()).isEqualTo("EMPTY");
    assertThat(first.get("filed").asInt()).isGreaterThanOrEqualTo(1);

    // the same file again: nothing is filed twice
    var second = upload(filled, 200);
    assertThat(result(second, Q.key(good)).get("outcome").asText()).isEqualTo("ALREADY_FILED");
    assertThat(result(second, Q.key(tooMuch)).get("outcome").asText()).isEqualTo("INVALID");

    var fixed = fill(filled, wb -> {
      filing(wb, Q.key(tooMuch), "500000", "500000", "50");
      indicators(wb, Q.key(tooMuch), "80", "95");
    });
    var third = upload(fixed, 200);
    assertThat(result(third, Q.key(tooMuch)).get("outcome").asText()).isEqualTo("FILED");
    assertThat(result(third, Q.key(good)).get("outcome").asText()).isEqualTo("ALREADY_FILED");
    assertThat(filings.actuals(Q.key(tooMuch)).get(0).completionRate()).isEqualTo(67);
  }

  @Test
  void eachServerProblemIsNamedByTheCellOfItsField_issue18() throws Exception {
    var filled = fill(template(), wb -> {
      filing(wb, Q.key(untouched), "300000", "-5", "150");
      indicators(wb, Q.key(untouched), "60", "很多");
      filing(wb, Q.key(tooMuch), "300000", "200000", "50");
      indicators(wb, Q.key(tooMuch), "60", "92");
    });
    var report = upload(filled, 200);

    var invalid = result(report, Q.key(untouched));
    assertThat(invalid.get("outcome").asText()).isEqualTo("INVALID");
    var row = invalid.get("row").asInt();
    var problems = new ArrayList<String>();
    invalid.get("problems").forEach(p -> problems.add(p.asText()));
    assertThat(problems).contains("G" + row + "：中央财政资金支付金额不能为负数")
        .anyMatch(p -> p.startsWith("L" + row + "：实物工作量完成进度（%）"))
        .anyMatch(p -> p.matches("指标表H\\d+：第4项指标“.*”：实际完成值应为数字，收到“很多”"));

    var unbalanced = result(report, Q.key(tooMuch));
    var at = unbalanced.get("row").asInt();
    assertThat(unbalanced.get("problems").get(0).asText()).isEqualTo("G" + at + "至K" + at + "、M" + at
        + "：分资金来源合计 200000.00 元，与累计支付 300000.00 元不一致");
    assertThat(filings.get(Q.key(tooMuch)).status()).isEqualTo(FilingStatus.OPEN);
  }

  @Test
  void aNumberWithAHugeExponentOrEndlessDigitsIsRefusedByCellNotExpanded() throws Exception {
    // "1E999999999" as a plain number would be a billion characters: refused, never expanded
    var filled = fill(template(), wb -> {
      filing(wb, Q.key(untouched), "1E999999999", "1E999999999", "5".repeat(5000));
      indicators(wb, Q.key(untouched), "60", "92");
    });
    var result = result(upload(filled, 200), Q.key(untouched));
    assertThat(result.get("outcome").asText()).isEqualTo("INVALID");
    var problems = new ArrayList<String>();
    result.get("problems").forEach(p -> problems.add(p.asText()));
    assertThat(String.join("\n", problems)).containsPattern("F\\d+：累计支付金额（元）“1E999999999”不是有效的数字")
        .contains("…”不是有效的数字");
    assertThat(filings.get(Q.key(untouched)).status()).isEqualTo(FilingStatus.OPEN);
  }

  @Test
  void anotherUnitsFilingAndForeignWorkbooksAreRefused() throws Exception {
    var foreign = fill(template(), wb -> {
      var row = wb.getSheet("填报").createRow(wb.getSheet("填报").getLastRowNum() + 1);
      row.createCell(0).setCellValue(Q.key(yangshuo));
      row.createCell(5).setCellValue("1000");
    });
    var result = result(upload(foreign, 200), Q.key(yangshuo));
    assertThat(result.get("outcome").asText()).isEqualTo("INVALID");
    assertThat(result.get("problems").get(0).asText()).contains("不是您所在单位待填报的任务");
    assertThat(filings.get(Q.key(yangshuo)).status()).isEqualTo(FilingStatus.OPEN);

    assertThat(upload(Sheets.xlsx(List.of(List.of("项目", "金额"))), 400).get("detail").asText())
        .contains("工作簿应有“填报”和“指标”两个工作表");
    var moved = fill(template(), wb -> wb.getSheet("填报").getRow(0).getCell(5).setCellValue("金额"));
    assertThat(upload(moved, 400).get("detail").asText())
        .isEqualTo("“填报”表第1行F列应为“累计支付金额（元）”（请使用系统下载的模板，不要增删或调换列）");
  }

  byte[] allThreeFilled() throws Exception {
    return fill(template(), wb -> {
      filing(wb, Q.key(good), "300000", "300000", "45");
      indicators(wb, Q.key(good), "60", "92");
      filing(wb, Q.key(tooMuch), "200000", "200000", "30");
      indicators(wb, Q.key(tooMuch), "50", "90");
      filing(wb, Q.key(untouched), "100000", "100000", "20");
      indicators(wb, Q.key(untouched), "40", "91");
    });
  }

  List<String> mine() {
    return List.of(Q.key(good), Q.key(tooMuch), Q.key(untouched));
  }

  /** Issue 13: the same Excel uploaded twice answered 500 with later rows skipped. */
  @Test
  void theSameWorkbookUploadedTwiceAnswers200WithEveryRowAlreadyFiled() throws Exception {
    var filled = allThreeFilled();
    var first = upload(filled, 200);
    for (var key : mine()) {
      assertThat(result(first, key).get("outcome").asText()).as(key).isEqualTo("FILED");
    }
    var second = upload(filled, 200);
    assertThat(second.get("filed").asInt()).isZero();
    assertThat(second.get("failed").asInt()).isZero();
    for (var key : mine()) {
      var row = result(second, key);
      assertThat(row.get("outcome").asText()).as(key).isEqualTo("ALREADY_FILED");
      assertThat(row.get("problems").get(0).asText()).contains("未重复提交");
      assertThat(filings.get(key).status()).isEqualTo(FilingStatus.FILED);
    }
    // every row of the sheet has its line in the report
    assertThat(second.get("results")).hasSize(second.get("rows").asInt());
    assertThat(second.get("rows").asInt()).isEqualTo(Sheets.read(filled).size() - 1);
  }

  @Test
  void twoUploadsOfTheSameWorkbookAtOnceFileEachRowExactlyOnce() throws Exception {
    var filled = allThreeFilled();
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var a = pool.submit(() -> upload(filled, 200));
      var b = pool.submit(() -> upload(filled, 200));
      var answers = List.of(a.get(), b.get());
      for (var key : mine()) {
        var outcomes = answers.stream().map(r -> result(r, key).get("outcome").asText()).toList();
        assertThat(outcomes).as(key).containsOnlyOnce("FILED");
        assertThat(outcomes).as(key).allMatch(o -> o.equals("FILED") || o.equals("ALREADY_FILED")
            || o.equals("CONFLICT"));
        assertThat(filings.get(key).status()).isEqualTo(FilingStatus.FILED);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(key)
            .taskDefinitionKey(QuarterlyFilingProcess.TASK_REVIEW).count()).as(key).isOne();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void everyRowIsReportedAndAConflictingRowStopsNothingAfterIt() throws Exception {
    var claimed = tasks.createTaskQuery().processInstanceBusinessKey(Q.key(good))
        .taskDefinitionKey(QuarterlyFilingProcess.TASK_FILE).singleResult();
    tasks.claim(claimed.getId(), XINGNING_ECO);
    var filled = fill(allThreeFilled(), wb -> indicators(wb, Q.key(untouched), "很多", "91"));
    var report = upload(filled, 200);

    var conflict = result(report, Q.key(good));
    assertThat(conflict.get("outcome").asText()).isEqualTo("CONFLICT");
    assertThat(conflict.get("problems").get(0).asText()).contains("已由 " + XINGNING_ECO + " 认领");
    assertThat(filings.get(Q.key(good)).status()).isEqualTo(FilingStatus.OPEN);

    assertThat(result(report, Q.key(tooMuch)).get("outcome").asText()).isEqualTo("FILED");
    assertThat(filings.get(Q.key(tooMuch)).status()).isEqualTo(FilingStatus.FILED);

    var invalid = result(report, Q.key(untouched));
    assertThat(invalid.get("outcome").asText()).isEqualTo("INVALID");
    assertThat(invalid.get("problems").toString()).contains("实际完成值应为数字，收到“很多”");
    assertThat(report.get("conflict").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(report.get("results")).hasSize(report.get("rows").asInt());
    for (var row : report.get("results")) {
      assertThat(row.get("row").asInt()).isGreaterThan(1);
      if (!row.get("outcome").asText().equals("FILED")) {
        assertThat(row.get("problems").get(0).asText()).containsPattern("\\p{IsHan}");
      }
    }
  }
}
