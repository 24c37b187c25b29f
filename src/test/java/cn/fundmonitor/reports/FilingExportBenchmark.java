package cn.fundmonitor.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.benchmark.HeapWatch;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Exports 100,000 quarterly filing rows from PostgreSQL (issue: large exports stream with bounded
 * memory) and, in the same run, writes the same rows bare with SXSSF from memory: rows per second
 * and heap for both. Run with {@code .ci/benchmark export}; the report goes to
 * target/benchmark/filing-export.txt. Not a test: it states figures.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "camunda.bpm.admin-user.password=Bench-Guanli-Mima#2026",
    "camunda.bpm.job-execution.enabled=false",
    "logging.level.root=warn"})
@ActiveProfiles("postgres")
class FilingExportBenchmark {

  static final int ROWS = Integer.getInteger("bench.filings", 100_000);

  @Autowired JdbcTemplate jdbc;
  @Autowired FilingExport export;
  @Autowired FilingRowRepository repository;

  final List<String> report = new ArrayList<>();

  void say(String format, Object... args) {
    var line = String.format(format, args);
    System.out.println("[benchmark] " + line);
    report.add(line);
  }

  /** Counts bytes and throws them away: the file system is not what is measured. */
  static final class Counting extends OutputStream {
    long bytes;

    @Override
    public void write(int b) {
      bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      bytes += len;
    }
  }

  @Test
  void exportFilings() throws Exception {
    seed();
    var scope = new Scope(List.of("000000"));
    say("PostgreSQL %s, %d cores, Java %s; %d filing rows of 2026 Q2",
        jdbc.queryForObject("show server_version", String.class),
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), ROWS);

    export.write(2026, 2, scope, new Counting(), n -> { }); // warm-up
    var out = new Counting();
    var progressCalls = new int[1];
    long exportNs;
    long written;
    String exportHeap;
    try (var watch = new HeapWatch()) {
      var t0 = System.nanoTime();
      written = export.write(2026, 2, scope, out, n -> progressCalls[0]++);
      exportNs = System.nanoTime() - t0;
      watch.close();
      exportHeap = watch.describe();
    }
    assertThat(written).isEqualTo(ROWS);
    say("export (PostgreSQL cursor → FilingExport → SXSSF): %.1f s = %,.0f rows/s; %,d bytes;"
        + " %d progress reports", exportNs / 1e9, ROWS / (exportNs / 1e9), out.bytes, progressCalls[0]);
    say("  heap: %s", exportHeap);

    var rows = new ArrayList<FilingRow>(ROWS);
    var readStart = System.nanoTime();
    repository.stream(2026, 2, r -> true, rows::add);
    say("reading the same rows from PostgreSQL alone: %.1f s", (System.nanoTime() - readStart) / 1e9);
    bare(rows, new Counting()); // warm-up

    var bareOut = new Counting();
    long bareNs;
    String bareHeap;
    try (var watch = new HeapWatch()) {
      var t0 = System.nanoTime();
      bare(rows, bareOut);
      bareNs = System.nanoTime() - t0;
      watch.close();
      bareHeap = watch.describe();
    }
    say("bare SXSSF write of the same rows from memory: %.1f s = %,.0f rows/s; %,d bytes",
        bareNs / 1e9, ROWS / (bareNs / 1e9), bareOut.bytes);
    say("  heap (the %d rows held in memory are part of it): %s", rows.size(), bareHeap);
    say("export / bare write = %.2f", exportNs / (double) bareNs);
    var file = Path.of("target", "benchmark", "filing-export.txt");
    Files.createDirectories(file.getParent());
    Files.write(file, report);
  }

  /** The same cells, values only: no lookups, labels or number formats. */
  static void bare(List<FilingRow> rows, OutputStream out) throws IOException {
    var wb = new SXSSFWorkbook(FilingExport.WINDOW);
    try {
      var sheet = wb.createSheet("bare");
      var header = sheet.createRow(0);
      for (int c = 0; c < FilingExport.HEADERS.size(); c++) {
        header.createCell(c).setCellValue(FilingExport.HEADERS.get(c));
      }
      int r = 1;
      for (var f : rows) {
        var row = sheet.createRow(r++);
        row.createCell(0).setCellValue(f.projectCode());
        row.createCell(1).setCellValue(f.projectName());
        row.createCell(2).setCellValue(f.regionCode());
        row.createCell(3).setCellValue(f.regionCode());
        row.createCell(4).setCellValue(f.direction());
        row.createCell(5).setCellValue(f.fundClass());
        row.createCell(6).setCellValue(f.year());
        row.createCell(7).setCellValue(f.quarter());
        row.createCell(8).setCellValue(f.status());
        row.createCell(9).setCellValue(String.valueOf(f.dueOn()));
        row.createCell(10).setCellValue(f.received().doubleValue());
        row.createCell(11).setCellValue(f.paid().doubleValue());
        row.createCell(12).setCellValue(f.central().doubleValue());
        row.createCell(13).setCellValue(f.provincial().doubleValue());
        row.createCell(14).setCellValue(0);
        row.createCell(15).setCellValue(0);
        row.createCell(16).setCellValue(f.paid().doubleValue() / f.received().doubleValue());
        row.createCell(17).setCellValue(f.physicalProgress().doubleValue());
        row.createCell(18).setCellValue(String.valueOf(f.warningLevel()));
        row.createCell(19).setCellValue(String.valueOf(f.warningReason()));
        row.createCell(20).setCellValue(f.filedBy());
        row.createCell(21).setCellValue(String.valueOf(f.filedAt()));
      }
      wb.write(out);
    } finally {
      wb.dispose();
      wb.close();
    }
  }

  /** 100,000 filed projects in three Guangxi counties, written by SQL in one go. */
  void seed() {
    jdbc.update("delete from fm_filing_payment where business_key like 'BENCH-%'");
    jdbc.update("delete from fm_quarterly_filing where business_key like 'BENCH-%'");
    jdbc.update("delete from fm_project where code like 'BENCH-%'");
    jdbc.update("insert into fm_project (code, name, region_code, applicant_unit_code, direction, "
        + "fund_class, requested_amount, status, applied_by, applied_at, updated_at) "
        + "select 'BENCH-' || lpad(g::text, 6, '0'), '基准测试地质灾害综合治理项目' || g, "
        + "(array['450102','450103','450321'])[1 + g % 3], (array['450102','450103','450321'])[1 + g % 3], "
        + "'GEOHAZARD', 'CENTRAL', 1000000 + g, 'WAREHOUSED', 'bench', now(), now() "
        + "from generate_series(1, ?) g", ROWS);
    jdbc.update("insert into fm_quarterly_filing (business_key, project_code, filing_year, quarter, "
        + "status, due_on, received_amount, paid_to_date, physical_progress, warning_level, "
        + "warning_reason, opened_at, filed_by, filed_at) "
        + "select 'BENCH-' || lpad(g::text, 6, '0') || '-2026Q2', 'BENCH-' || lpad(g::text, 6, '0'), "
        + "2026, 2, 'FILED', date '2026-07-15', 1000000 + g, 300000 + g, 40.5, "
        + "case when g % 10 = 0 then 'RED' end, case when g % 10 = 0 then '支付进度滞后于时序进度' end, "
        + "now(), 'bench', now() from generate_series(1, ?) g", ROWS);
    jdbc.update("insert into fm_filing_payment (business_key, fund_source, paid) "
        + "select 'BENCH-' || lpad(g::text, 6, '0') || '-2026Q2', s.source, "
        + "case when s.source = 'CENTRAL' then 200000 + g else 100000 end "
        + "from generate_series(1, ?) g cross join (values ('CENTRAL'), ('PROVINCIAL')) s(source)", ROWS);
    jdbc.execute("analyze");
  }
}
