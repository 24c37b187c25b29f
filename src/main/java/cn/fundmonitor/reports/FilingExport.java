package cn.fundmonitor.reports;

import cn.fundmonitor.common.TextCells;
import cn.fundmonitor.filing.FilingPeriod;
import cn.fundmonitor.filing.FilingStatus;
import cn.fundmonitor.filing.MonitoringPeriod;
import cn.fundmonitor.filing.Quarter;
import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.project.Direction;
import cn.fundmonitor.project.FundClass;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * The quarter's filings as one Excel sheet, streamed: rows come from a database cursor and go to
 * an SXSSF window of a hundred rows, so memory stays flat for any number of rows. Progress is
 * reported every thousand rows.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class FilingExport {

  static final int WINDOW = 100;
  static final int PROGRESS_EVERY = 1000;
  static final List<String> HEADERS = List.of("项目编码", "项目名称", "行政区划代码", "地区", "资金方向", "资金类别",
      "年度", "季度", "填报状态", "填报截止日期", "到位资金（万元）", "累计支付（万元）", "中央财政资金支付（万元）",
      "省级财政资金支付（万元）", "市县财政资金支付（万元）", "社会资金支付（万元）", "支付进度", "实物工作量进度（%）",
      "预警等级", "预警原因", "填报人", "填报时间", "责任人出资支付（万元）", "市级下达资金支付（万元）");
  static final Map<String, String> WARNINGS = Map.of("RED", "红色", "YELLOW", "黄色", "BLUE", "蓝色");
  private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
      .withZone(ZoneId.of("Asia/Shanghai"));

  private final FilingRowRepository rows;
  private final OrganisationService organisation;

  /** The regions a scope covers. */
  public Set<String> regions(Scope scope) {
    var visible = new HashSet<String>();
    scope.roots().forEach(r -> visible.addAll(organisation.subtree(r)));
    return visible;
  }

  public long count(int year, int quarter, Scope scope) {
    return count(new Quarter(year, quarter), scope);
  }

  public long count(FilingPeriod period, Scope scope) {
    var visible = regions(scope);
    return rows.count(period, visible::contains);
  }

  /** Writes the workbook; returns the number of rows. */
  public long write(int year, int quarter, Scope scope, OutputStream out, LongConsumer progress) {
    return write(new Quarter(year, quarter), scope, out, progress);
  }

  /**
   * Writes the workbook of a quarter's filings or of a monitoring point's (MNR 第十一条: 其他填报
   * 时点，按要求执行): a point's rows name the point in the period column, never a quarter.
   */
  public long write(FilingPeriod period, Scope scope, OutputStream out, LongConsumer progress) {
    var visible = regions(scope);
    var wb = new SXSSFWorkbook(WINDOW);
    try {
      var sheet = wb.createSheet(sheetName(period));
      var writer = new RowWriter(wb, sheet, period instanceof MonitoringPeriod ? period.label() : null);
      writer.header();
      var written = new long[1];
      rows.stream(period, visible::contains, row -> {
        writer.row(row);
        if (++written[0] % PROGRESS_EVERY == 0) {
          progress.accept(written[0]);
        }
      });
      progress.accept(written[0]);
      sheet.createFreezePane(2, 1);
      wb.write(out);
      return written[0];
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      wb.dispose();
      try {
        wb.close();
      } catch (IOException e) {
        // nothing left to release
      }
    }
  }

  /** 2026年第3季度填报; a point's sheet, 2026年1—8月监测时点填报 (a sheet name holds 31 characters). */
  static String sheetName(FilingPeriod period) {
    var name = period.label();
    return (period instanceof MonitoringPeriod ? name.substring(0, name.indexOf('（')) : name) + "填报";
  }

  /** The period column's header: 季度, or 监测时点 for a point's export. */
  static final int PERIOD_COLUMN = 7;

  /** Writes header and rows with their styles; also used bare by the export benchmark. */
  final class RowWriter {
    private final org.apache.poi.ss.usermodel.Sheet sheet;
    private final String pointLabel;
    private final CellStyle wan;
    private final CellStyle percent;
    private final CellStyle decimal;
    private final CellStyle bold;
    private int next;

    RowWriter(SXSSFWorkbook wb, org.apache.poi.ss.usermodel.Sheet sheet) {
      this(wb, sheet, null);
    }

    /** {@code pointLabel}: the monitoring point's name, written in the period column; null for quarters. */
    RowWriter(SXSSFWorkbook wb, org.apache.poi.ss.usermodel.Sheet sheet, String pointLabel) {
      this.sheet = sheet;
      this.pointLabel = pointLabel;
      wan = style(wb, "#,##0.00####");
      percent = style(wb, "0.00%");
      decimal = style(wb, "0.00");
      bold = wb.createCellStyle();
      var font = wb.createFont();
      font.setBold(true);
      bold.setFont(font);
    }

    void header() {
      var row = sheet.createRow(next++);
      for (int c = 0; c < HEADERS.size(); c++) {
        var cell = row.createCell(c);
        cell.setCellValue(c == PERIOD_COLUMN && pointLabel != null ? "监测时点" : HEADERS.get(c));
        cell.setCellStyle(bold);
        sheet.setColumnWidth(c, (c == 1 || c == 19 || c == PERIOD_COLUMN && pointLabel != null ? 30 : 14) * 256);
      }
    }

    void row(FilingRow f) {
      var row = sheet.createRow(next++);
      text(row, 0, f.projectCode());
      text(row, 1, f.projectName());
      text(row, 2, f.regionCode());
      text(row, 3, organisation.find(f.regionCode()).map(d -> d.name()).orElse(f.regionCode()));
      text(row, 4, Direction.valueOf(f.direction()).label());
      text(row, 5, FundClass.valueOf(f.fundClass()).label());
      row.createCell(6).setCellValue(f.year());
      if (pointLabel != null) {
        text(row, PERIOD_COLUMN, pointLabel);
      } else {
        row.createCell(PERIOD_COLUMN).setCellValue(f.quarter());
      }
      text(row, 8, FilingStatus.valueOf(f.status()).label());
      text(row, 9, f.dueOn() == null ? null : f.dueOn().toString());
      wan(row, 10, f.received());
      wan(row, 11, f.paid());
      wan(row, 12, f.central());
      wan(row, 13, f.provincial());
      wan(row, 14, f.local());
      wan(row, 15, f.social());
      if (f.paid() != null && f.received() != null && f.received().signum() > 0) {
        var cell = row.createCell(16);
        cell.setCellValue(f.paid().doubleValue() / f.received().doubleValue());
        cell.setCellStyle(percent);
      }
      if (f.physicalProgress() != null) {
        var cell = row.createCell(17);
        cell.setCellValue(f.physicalProgress().doubleValue());
        cell.setCellStyle(decimal);
      }
      text(row, 18, f.warningLevel() == null ? null : WARNINGS.getOrDefault(f.warningLevel(), f.warningLevel()));
      text(row, 19, f.warningReason());
      text(row, 20, f.filedBy());
      text(row, 21, f.filedAt() == null ? null : TIME.format(f.filedAt()));
      wan(row, 22, f.responsible());
      wan(row, 23, f.city());
    }

    private void text(Row row, int column, String value) {
      if (value != null) {
        TextCells.set(row.createCell(column), value);
      }
    }

    private void wan(Row row, int column, BigDecimal yuan) {
      if (yuan != null) {
        var cell = row.createCell(column);
        cell.setCellValue(yuan.divide(TEN_THOUSAND).doubleValue());
        cell.setCellStyle(wan);
      }
    }
  }

  private static CellStyle style(SXSSFWorkbook wb, String format) {
    var style = wb.createCellStyle();
    style.setDataFormat(wb.createDataFormat().getFormat(format));
    return style;
  }
}
