package cn.fundmonitor.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fundmonitor.benchmark.HeapWatch;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The streaming reader gives the values the whole-workbook reader gave, and holds no sheet. */
class StreamingWorkbookTest {

  static byte[] excelLike() throws Exception {
    try (var wb = new XSSFWorkbook()) {
      var sheet = wb.createSheet("数据");
      var date = wb.createCellStyle();
      date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
      var grouped = wb.createCellStyle();
      grouped.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
      var row = sheet.createRow(0);
      row.createCell(0).setCellValue("  项目甲 ");
      row.createCell(1).setCellValue(12500000.5);
      row.getCell(1).setCellStyle(grouped);
      row.createCell(2).setCellValue(LocalDate.of(2026, 4, 1));
      row.getCell(2).setCellStyle(date);
      row.createCell(3).setCellValue(true);
      row.createCell(4).setCellFormula("1+1");
      row.createCell(6).setCellValue(45);
      sheet.createRow(3).createCell(1).setCellValue("第四行");
      wb.createSheet("其他").createRow(0).createCell(0).setCellValue("x");
      var out = new ByteArrayOutputStream();
      wb.write(out);
      return out.toByteArray();
    }
  }

  @Test
  void valuesAreReadAsTheWholeWorkbookReaderReadThem() throws Exception {
    var rows = new ArrayList<String>();
    try (var wb = Workbooks.open(new ByteArrayInputStream(excelLike()))) {
      assertThat(wb.sheetNames()).containsExactly("数据", "其他");
      wb.read("数据", row -> rows.add(row.index() + ":" + row.text(0) + "|" + row.text(1) + "|"
          + row.formatted(1) + "|" + row.text(2) + "|" + row.text(3) + "|" + row.formula(4) + "|"
          + row.text(5) + "|" + row.text(6) + "|" + row.width()));
    }
    assertThat(rows).containsExactly(
        "0:项目甲|12500000.5|12,500,000.50|2026-04-01|true|true||45|7",
        "3:|第四行|第四行|||false|||2");
  }

  @Test
  void anUnknownSheetIsNamed() throws Exception {
    try (var wb = Workbooks.open(new ByteArrayInputStream(excelLike()))) {
      assertThatThrownBy(() -> wb.read("填报", row -> { }))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("没有名为“填报”的工作表");
    }
  }

  @Test
  void whatTheCallerThrowsComesOutUnchanged() throws Exception {
    try (var wb = Workbooks.open(new ByteArrayInputStream(excelLike()))) {
      assertThatThrownBy(() -> wb.readFirst(row -> {
        throw new ConflictException("调用方的冲突");
      })).isInstanceOf(ConflictException.class).hasMessage("调用方的冲突");
    }
  }

  @Test
  void theExpandedSizeIsCountedAcrossAllParts() {
    var random = new Random(3);
    var xlsx = HostileWorkbooks.filingImport().sheet("指标", w -> {
      for (int r = 1; r <= 40_000; r++) {
        w.raw(HostileWorkbooks.row(r, HostileWorkbooks.noise(random, 40)));
      }
    }).build();
    var limits = StreamingWorkbook.Limits.DEFAULTS.withMaxBytes(1 << 20);
    try (var wb = StreamingWorkbook.open(new ByteArrayInputStream(xlsx), limits)) {
      wb.read("填报", row -> { });
      assertThatThrownBy(() -> wb.read("指标", row -> { }))
          .isInstanceOf(WorkbookLimitException.class)
          .hasMessageContaining("文件解压后超过 1 MB 的上限")
          .matches(e -> ((WorkbookLimitException) e).tooLarge());
      assertThat(wb.bytesRead()).isBetween(1L << 20, (1L << 20) + (64 << 10));
    }
  }

  /** The regular-test variant of the upload benchmark: 200,000 rows read, little heap held. */
  @Test
  void twoHundredThousandRowsAreReadInBoundedHeap() throws Exception {
    var random = new Random(200);
    var xlsx = HostileWorkbooks.filingImport().sheet("指标", w -> {
      w.raw(HostileWorkbooks.INDICATORS_HEADER);
      for (int r = 2; r <= 200_001; r++) {
        w.raw(HostileWorkbooks.row(r, "450102-2026Q3-" + r, String.valueOf(r % 9),
            "产出指标", "数量指标", "修复治理面积" + HostileWorkbooks.noise(random, 6), "≥ 100",
            "亩", String.valueOf(random.nextInt(200)), "否"));
      }
    }).build();
    var count = new int[1];
    List<Long> held;
    try (var watch = new HeapWatch()) {
      try (var wb = Workbooks.open(new ByteArrayInputStream(xlsx))) {
        wb.read("指标", row -> {
          if (row.index() > 0 && !row.text(7).isEmpty()) {
            count[0]++;
          }
        });
      }
      watch.close();
      held = List.of(watch.peakLiveBytes() - watch.baselineBytes());
      System.out.println("[streaming 200,000 rows] " + watch.describe());
    }
    assertThat(count[0]).isEqualTo(200_000);
    // the old reader held ~1 KB per cell: about 1.8 GB for these 1.8 million cells
    assertThat(held.get(0)).isLessThan(64L << 20);
  }
}
