package cn.fundmonitor.reports;

import cn.fundmonitor.common.TextCells;
import cn.fundmonitor.common.Workbooks;
import cn.fundmonitor.money.Yuan;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * Statistics as Excel: one sheet per view, amounts in 万元 as numbers exact to the cent (up to six
 * decimals), rates as percentages, the header row frozen, a 合计 row equal to the sum of its rows.
 */
@Component
public class StatisticsSheets {

  /** A column: its header, how to get the value from a row's figures, and its kind. */
  record Column(String header, Function<Figures, Object> value, Kind kind) {}

  enum Kind { WAN, PERCENT, COUNT, DECIMAL }

  static final List<Column> MONEY_COLUMNS = List.of(
      new Column("到位资金（万元）", Figures::received, Kind.WAN),
      new Column("下达资金（万元）", Figures::issued, Kind.WAN),
      new Column("累计支出（万元）", Figures::paid, Kind.WAN),
      new Column("预算执行率", Figures::executionRate, Kind.PERCENT),
      new Column("时序进度", Figures::timeProgress, Kind.PERCENT),
      new Column("项目数", Figures::projects, Kind.COUNT),
      new Column("已填报", Figures::filed, Kind.COUNT),
      new Column("逾期未填报", Figures::overdueFilings, Kind.COUNT),
      new Column("红色预警", Figures::red, Kind.COUNT),
      new Column("黄色预警", Figures::yellow, Kind.COUNT),
      new Column("蓝色预警", Figures::blue, Kind.COUNT),
      new Column("未办结问题", Figures::openProblems, Kind.COUNT),
      new Column("三级指标数", Figures::indicators, Kind.COUNT),
      new Column("已达标指标", Figures::indicatorsMet, Kind.COUNT),
      new Column("平均完成率（%）", Figures::averageCompletion, Kind.DECIMAL));

  /** The split by fund source (MNR 第二条): the money columns only. */
  static final List<Column> SOURCE_COLUMNS = List.of(
      new Column("到位资金（万元）", Figures::received, Kind.WAN),
      new Column("下达资金（万元）", Figures::issued, Kind.WAN),
      new Column("累计支出（万元）", Figures::paid, Kind.WAN),
      new Column("预算执行率", Figures::executionRate, Kind.PERCENT));

  static final List<Column> TARGET_COLUMNS = List.of(
      new Column("三级指标数", Figures::indicators, Kind.COUNT),
      new Column("有完成率的指标", Figures::indicatorsRated, Kind.COUNT),
      new Column("已达标指标", Figures::indicatorsMet, Kind.COUNT),
      new Column("平均完成率（%）", Figures::averageCompletion, Kind.DECIMAL));

  public byte[] write(StatisticsService.Statistics statistics) {
    var wb = new SXSSFWorkbook(500);
    var styles = new Styles(wb);
    for (var view : statistics.views()) {
      var sheet = wb.createSheet(view.title());
      var region = view.name().equals("REGION");
      var columns = switch (view.name()) {
        case "TARGET" -> TARGET_COLUMNS;
        case "SOURCE" -> SOURCE_COLUMNS;
        default -> MONEY_COLUMNS;
      };
      var first = new ArrayList<String>();
      if (region) {
        first.add("行政区划代码");
      }
      first.add(switch (view.name()) {
        case "REGION" -> "地区";
        case "FUND_CLASS" -> "资金类别";
        case "DIRECTION" -> "资金方向";
        case "QUARTER" -> "监控节点";
        case "SOURCE" -> "资金来源";
        default -> "指标层级";
      });
      var header = sheet.createRow(0);
      int c = 0;
      for (var h : first) {
        styles.text(header, c++, h, styles.header);
      }
      for (var col : columns) {
        styles.text(header, c++, col.header(), styles.header);
      }
      int r = 1;
      for (var row : view.rows()) {
        var line = sheet.createRow(r++);
        c = 0;
        if (region) {
          styles.text(line, c++, row.key(), null);
        }
        styles.text(line, c++, row.label(), styles.indent(row.depth()));
        for (var col : columns) {
          styles.value(line, c++, col, row.figures());
        }
      }
      var total = sheet.createRow(r);
      c = 0;
      if (region) {
        styles.text(total, c++, "", styles.header);
      }
      styles.text(total, c++, view.name().equals("QUARTER") ? "本年截至监控节点" : "合计", styles.header);
      for (var col : columns) {
        styles.value(total, c++, col, view.total());
      }
      sheet.createFreezePane(region ? 2 : 1, 1);
      sheet.setColumnWidth(0, (region ? 14 : 26) * 256);
      if (region) {
        sheet.setColumnWidth(1, 26 * 256);
      }
      for (int i = first.size(); i < first.size() + columns.size(); i++) {
        sheet.setColumnWidth(i, 16 * 256);
      }
    }
    var about = wb.createSheet("说明");
    var lines = List.of(
        "统计年度：" + statistics.year() + "年，监控节点：" + (statistics.quarter() != null
            ? "第" + statistics.quarter() + "季度末" : statistics.periodLabel()),
        "统计范围：" + String.join("、", statistics.scope()) + "（含下级）",
        "到位资金：省级及以上为部下达到省的资金，市县为省下达到本地区的资金；下达资金：省下达到项目的资金；"
            + "累计支出：本期已填报的累计支付金额。",
        "按资金来源（MNR 第二条）：从使用资金的市、县看，中央、省级资金为上级下达，市级、县级专项资金为本级筹措，"
            + "社会资金为社会出资；累计支出按填报的分来源支付金额，各来源合计等于累计支出。",
        "预算执行率 = 累计支出 ÷ 下达资金；时序进度 = 已过月份 ÷ 12；未办结问题为统计时尚未办结的问题。",
        "金额单位：万元（精确到分）。");
    for (int i = 0; i < lines.size(); i++) {
      about.createRow(i).createCell(0).setCellValue(lines.get(i));
    }
    about.setColumnWidth(0, 120 * 256);
    return Workbooks.bytes(wb);
  }

  private static final class Styles {
    final Workbook wb;
    final CellStyle header;
    final CellStyle wan;
    final CellStyle percent;
    final CellStyle count;
    final CellStyle decimal;
    final Map<Integer, CellStyle> indents = new HashMap<>();

    Styles(Workbook wb) {
      this.wb = wb;
      header = wb.createCellStyle();
      var bold = wb.createFont();
      bold.setBold(true);
      header.setFont(bold);
      header.setAlignment(HorizontalAlignment.CENTER);
      wan = numeric("#,##0.00####");
      percent = numeric("0.00%");
      count = numeric("0");
      decimal = numeric("0.0");
    }

    CellStyle numeric(String format) {
      var style = wb.createCellStyle();
      style.setDataFormat(wb.createDataFormat().getFormat(format));
      return style;
    }

    CellStyle indent(int depth) {
      return indents.computeIfAbsent(depth, d -> {
        var style = wb.createCellStyle();
        style.setIndention((short) (d * 2));
        return style;
      });
    }

    void text(Row row, int column, String value, CellStyle style) {
      var cell = row.createCell(column);
      if (style != null) {
        cell.setCellStyle(style);
      }
      TextCells.set(cell, value);
    }

    void value(Row row, int column, Column col, Figures figures) {
      var value = col.value().apply(figures);
      var cell = row.createCell(column);
      if (value == null) {
        return;
      }
      switch (col.kind()) {
        case WAN -> {
          cell.setCellValue(((Yuan) value).inWan().doubleValue());
          cell.setCellStyle(wan);
        }
        case PERCENT -> {
          cell.setCellValue(((BigDecimal) value).doubleValue());
          cell.setCellStyle(percent);
        }
        case COUNT -> {
          cell.setCellValue(((Number) value).doubleValue());
          cell.setCellStyle(count);
        }
        case DECIMAL -> {
          cell.setCellValue(((BigDecimal) value).doubleValue());
          cell.setCellStyle(decimal);
        }
      }
    }
  }
}
