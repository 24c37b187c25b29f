package cn.fundmonitor.common;

import static cn.fundmonitor.support.TestUsers.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.support.FundMonitorTest;
import cn.fundmonitor.support.Http;
import cn.fundmonitor.support.Sheets;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 13, "one upload takes a node down": each hostile workbook, uploaded to the quarterly-filing
 * import, is refused with a Chinese 4xx naming the limit, within seconds, while another user's
 * ordinary GET, sent again and again meanwhile, keeps answering fast. The old whole-workbook
 * reader held every cell (a 9 MB upload drove the JVM to 6.75 GB) and answered 500 or died.
 */
@FundMonitorTest
class HostileUploadTest {

  /** Generous bounds for a shared 2-core machine; the old reader took minutes or never answered. */
  static final long REFUSED_WITHIN_MS = 30_000;
  static final long OTHER_GET_WITHIN_MS = 3_000;

  @LocalServerPort int port;
  final ObjectMapper json = new ObjectMapper();
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  record Refusal(int status, String title, String detail, long millis, long slowestOtherGet,
      int otherGets) {}

  /** Uploads as Xingning's finance user while Guilin's user keeps asking for /api/me. */
  Refusal upload(byte[] xlsx) throws Exception {
    var done = new AtomicBoolean();
    var slowest = new AtomicLong();
    var gets = new AtomicInteger();
    var pool = Executors.newSingleThreadExecutor();
    var other = pool.submit(() -> {
      while (!done.get()) {
        long start = System.nanoTime();
        var response = http.get("/api/me", GUANGXI_FINANCE, PASSWORD);
        slowest.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
        assertThat(response.statusCode()).isEqualTo(200);
        gets.incrementAndGet();
        Thread.sleep(20);
      }
      return null;
    });
    long start = System.nanoTime();
    var response = http.upload("/api/filings/import", "file", "填报.xlsx", xlsx, Map.of(),
        "application/json", XINGNING_FINANCE, PASSWORD);
    long millis = (System.nanoTime() - start) / 1_000_000;
    // one more GET after the upload: the node is still answering
    Thread.sleep(50);
    done.set(true);
    other.get(30, TimeUnit.SECONDS);
    pool.shutdown();
    var body = json.readTree(response.body());
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    var refusal = new Refusal(response.statusCode(), body.path("title").asText(),
        body.path("detail").asText(), millis, slowest.get(), gets.get());
    System.out.println("[hostile upload] " + refusal);
    assertThat(refusal.status()).as(refusal.toString()).isBetween(400, 499);
    assertThat(refusal.detail()).as(refusal.toString()).containsPattern("\\p{IsHan}")
        .doesNotContain("Exception").doesNotContain("org.apache").doesNotContain("SAX");
    assertThat(refusal.millis()).as(refusal.toString()).isLessThan(REFUSED_WITHIN_MS);
    assertThat(refusal.otherGets()).as(refusal.toString()).isPositive();
    assertThat(refusal.slowestOtherGet()).as(refusal.toString()).isLessThan(OTHER_GET_WITHIN_MS);
    return refusal;
  }

  @Test
  void aSheetOfMillionsOfTinyCellsStopsAtTheRowLimit() throws Exception {
    // 10 random numbers a row, 300,000 rows: 3 million cells, ~70 MB of XML in ~8 MB of zip,
    // deflating under POI's ratio guard as the attacker's file did
    var random = new Random(13);
    var xlsx = HostileWorkbooks.filingImport().sheet("指标", w -> {
      w.raw(HostileWorkbooks.INDICATORS_HEADER);
      var row = new StringBuilder();
      for (int r = 0; r < 300_000; r++) {
        row.setLength(0);
        row.append("<row>");
        for (int c = 0; c < 10; c++) {
          row.append("<c><v>").append(random.nextInt(1000)).append("</v></c>");
        }
        w.raw(row.append("</row>").toString());
      }
    }).build();
    assertThat(xlsx.length).isLessThan(20 << 20);
    var refusal = upload(xlsx);
    assertThat(refusal.status()).isEqualTo(413);
    assertThat(refusal.detail()).contains("“指标”表超过 200000 行数据的上限");
  }

  @Test
  void aZipBombIsRefused() throws Exception {
    var bomb = Sheets.zipBomb(HostileWorkbooks.filingImport().build(), 200);
    assertThat(bomb.length).isLessThan(1 << 20);
    var refusal = upload(bomb);
    assertThat(refusal.status()).isEqualTo(400);
    assertThat(refusal.detail()).contains("压缩炸弹");
  }

  @Test
  void expandingSharedStringsStopAtTheirLimit() throws Exception {
    var random = new Random(16);
    var xlsx = HostileWorkbooks.filingImport().sharedStrings(w -> {
      for (int i = 0; i < 1_200_000; i++) {
        w.raw("<si><t>" + HostileWorkbooks.noise(random, 4) + "</t></si>");
      }
    }).build();
    var refusal = upload(xlsx);
    assertThat(refusal.status()).isEqualTo(413);
    assertThat(refusal.detail()).contains("共享字符串超过 1000000 个的上限");
  }

  @Test
  void deepXmlNestingIsRefused() throws Exception {
    var xlsx = HostileWorkbooks.filingImport().sheet("填报", w -> {
      w.raw(HostileWorkbooks.FILINGS_HEADER);
      w.raw("<row r=\"2\"><c t=\"inlineStr\"><is>" + "<x>".repeat(100) + "</x>".repeat(100)
          + "</is></c></row>");
    }).build();
    var refusal = upload(xlsx);
    assertThat(refusal.status()).isEqualTo(400);
    assertThat(refusal.detail()).contains("XML 嵌套超过 64 层");
  }

  @Test
  void aDoctypeWithAnExternalEntityIsRefused() throws Exception {
    var xlsx = HostileWorkbooks.filingImport()
        .prolog("<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY secret SYSTEM "
            + "\"file:///etc/passwd\"><!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>")
        .sheet("填报", w -> w.raw(HostileWorkbooks.FILINGS_HEADER
            + HostileWorkbooks.row(2, "&secret;&lol2;")))
        .build();
    var refusal = upload(xlsx);
    assertThat(refusal.status()).isEqualTo(400);
    assertThat(refusal.detail()).contains("DOCTYPE").doesNotContain("root:");
  }

  @Test
  void tooManyRowsForOneImportAreRefused() throws Exception {
    var xlsx = HostileWorkbooks.filingImport().sheet("填报", w -> {
      w.raw(HostileWorkbooks.FILINGS_HEADER);
      for (int r = 2; r <= 5_002; r++) {
        w.raw(HostileWorkbooks.row(r, "X-" + r));
      }
    }).build();
    var refusal = upload(xlsx);
    assertThat(refusal.status()).isEqualTo(413);
    assertThat(refusal.detail()).contains("“填报”表超过 5000 行数据的上限");
  }

  @Test
  void tooManyColumnsAreRefused() throws Exception {
    var cells = new String[300];
    java.util.Arrays.fill(cells, "1");
    var xlsx = HostileWorkbooks.filingImport().sheet("填报", w -> w.raw(
        HostileWorkbooks.FILINGS_HEADER + HostileWorkbooks.row(2, cells))).build();
    var refusal = upload(xlsx);
    assertThat(refusal.status()).isEqualTo(413);
    assertThat(refusal.detail()).contains("“填报”表第 2 行超过 256 列的上限");
  }

  @Test
  void aHugeCellIsRefused() throws Exception {
    var huge = HostileWorkbooks.noise(new Random(32), 40_000);
    var xlsx = HostileWorkbooks.filingImport().sheet("填报", w -> w.raw(
        HostileWorkbooks.FILINGS_HEADER + HostileWorkbooks.row(2, huge))).build();
    var refusal = upload(xlsx);
    assertThat(refusal.status()).isEqualTo(413);
    assertThat(refusal.detail()).contains("单元格 A2 超过 32767 个字符的上限");
  }

  @Test
  void aFileThatIsNotAZipIsRefused() throws Exception {
    var garbage = new byte[4096];
    new Random(1).nextBytes(garbage);
    var refusal = upload(garbage);
    assertThat(refusal.status()).isEqualTo(400);
    assertThat(refusal.detail()).isEqualTo("上传的文件不是有效的 Excel 工作簿（.xlsx）");
    var truncated = HostileWorkbooks.filingImport().build();
    assertThat(upload(java.util.Arrays.copyOf(truncated, truncated.length / 2)).detail())
        .contains("Excel");
  }

  @Test
  void anOldXlsWorkbookIsRefusedWithAHint() throws Exception {
    var xls = new ByteArrayOutputStream();
    try (var wb = new HSSFWorkbook()) {
      wb.createSheet("填报").createRow(0).createCell(0).setCellValue("业务编号");
      wb.write(xls);
    }
    var refusal = upload(xls.toByteArray());
    assertThat(refusal.status()).isEqualTo(400);
    assertThat(refusal.detail()).contains("旧版 Excel（.xls）").contains(".xlsx");
  }

  @Test
  void theOrdinaryTemplateStillImports() throws Exception {
    var response = http.upload("/api/filings/import", "file", "填报.xlsx",
        HostileWorkbooks.filingImport().build(), Map.of(), "application/json", XINGNING_FINANCE,
        PASSWORD);
    assertThat(response.statusCode()).as(Http.text(response)).isEqualTo(200);
    assertThat(json.readTree(response.body()).get("rows").asInt()).isZero();
  }

  /** The same hostile files on every other Excel import: rule sheets, factor sheets, expenses. */
  @Test
  void everyOtherImportPathRefusesTheSameHostileFiles() throws Exception {
    var cells = new String[300];
    java.util.Arrays.fill(cells, "1");
    // the first row already too wide: each import stops there, before its own header checks
    var wide = HostileWorkbooks.filingImport().sheet("填报", w -> w.raw(
        HostileWorkbooks.row(1, cells))).build();
    var doctype = HostileWorkbooks.filingImport()
        .prolog("<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>")
        .build();
    record Path(String path, Map<String, String> fields, String user) {}
    var paths = List.of(
        new Path("/api/rules/" + cn.fundmonitor.rules.ExpenseChecker.PROHIBITION + "/sheet", Map.of(),
            POLICY_OWNER),
        new Path("/api/factor-allocation/sheet", Map.of("budgetYear", "2026", "total", "1000000"),
            GUANGXI_FINANCE),
        new Path("/api/expenses/check-sheet", Map.of(), XINGNING_FINANCE));
    for (var p : paths) {
      for (var file : List.of(wide, doctype)) {
        var response = http.upload(p.path(), "file", "x.xlsx", file, p.fields(), "application/json",
            p.user(), PASSWORD);
        var detail = json.readTree(response.body()).path("detail").asText();
        assertThat(response.statusCode()).as(p.path() + " " + detail)
            .isEqualTo(file == wide ? 413 : 400);
        assertThat(detail).as(p.path()).contains(file == wide ? "列的上限" : "DOCTYPE");
      }
    }
  }
}
