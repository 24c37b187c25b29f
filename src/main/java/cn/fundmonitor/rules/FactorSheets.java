package cn.fundmonitor.rules;

import cn.fundmonitor.common.TextCells;
import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.common.WorkbookReader;
import cn.fundmonitor.common.Workbooks;
import cn.fundmonitor.organisation.Division;
import cn.fundmonitor.organisation.DivisionLevel;
import cn.fundmonitor.organisation.OrganisationService;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * The factor-method calculation as Excel (GX 第十六条): a template listing the province's counties
 * with one column per factor in force, the filled template read back as a request, and the result
 * as the table a province attaches to its issue document. Columns follow the DMN, so a factor a
 * policy owner adds appears in the template without a code change.
 */
@Component
public class FactorSheets {

  static final String CODE = "行政区划代码";
  static final String NAME = "县（市、区）";
  static final String PROJECT = "项目编码";
  static final int MAX_ROWS = 5_000;

  private final FactorAllocationService service;
  private final OrganisationService organisation;

  private final WorkbookReader workbooks;

  FactorSheets(FactorAllocationService service, OrganisationService organisation,
      WorkbookReader workbooks) {
    this.workbooks = workbooks;
    this.service = service;
    this.organisation = organisation;
  }

  /** The counties of a province (or of a city), one row each, with empty factor columns. */
  public byte[] template(int budgetYear, String divisionCode) {
    var policy = service.policy(budgetYear);
    var wb = new XSSFWorkbook();
    var sheet = wb.createSheet("因素数据");
    var header = sheet.createRow(0);
    var columns = new ArrayList<>(List.of(CODE, NAME, PROJECT));
    policy.factors().forEach(f -> columns.add(f.label()));
    var bold = headerStyle(wb);
    for (int i = 0; i < columns.size(); i++) {
      var cell = header.createCell(i);
      cell.setCellValue(columns.get(i));
      cell.setCellStyle(bold);
      sheet.setColumnWidth(i, 20 * 256);
    }
    var counties = organisation.subtree(divisionCode).stream().map(organisation::get)
        .filter(d -> d.active() && d.level() == DivisionLevel.COUNTY).sorted(Comparator.comparing(Division::code))
        .toList();
    int r = 1;
    for (var county : counties) {
      var row = sheet.createRow(r++);
      row.createCell(0).setCellValue(county.code());
      TextCells.set(row.createCell(1), county.name());
    }
    sheet.createFreezePane(3, 1);
    return Workbooks.bytes(wb);
  }

  /** Reads a filled template: counties by code, factors by their label (or code) in the header. */
  public FactorAllocationRequest read(InputStream upload, Object budgetYear, Object total,
      String fundShare) {
    var year = parseYear(budgetYear);
    var factors = service.policy(year).factors();
    var byColumn = new HashMap<Integer, String>();
    var special = new Integer[2]; // the code column, the project column
    var header = new boolean[1];
    var lacking = new ArrayList<String>();
    var counties = new ArrayList<FactorAllocationService.CountyData>();
    try (var wb = workbooks.open(upload)) {
      wb.readFirst(MAX_ROWS, row -> {
        if (!header[0]) {
          header[0] = true;
          for (int c = 0; c < row.width(); c++) {
            var text = row.formatted(c);
            var column = c;
            if (text.equals(CODE)) {
              special[0] = c;
            } else if (text.equals(PROJECT)) {
              special[1] = c;
            } else if (!text.isEmpty()) {
              factors.stream().filter(f -> f.label().equals(text) || f.code().equals(text))
                  .findFirst().ifPresent(f -> byColumn.put(column, f.code()));
            }
          }
          var missing = missing(factors, byColumn);
          if (special[0] == null || !missing.isEmpty()) {
            if (special[0] == null) {
              lacking.add(CODE);
            }
            lacking.addAll(missing);
            throw new InvalidInputException("表格有误", "第1行表头缺少列：" + String.join("、", lacking)
                + "（现行分配因素以决策表为准，可下载最新模板）");
          }
          return;
        }
        var code = row.formatted(special[0]);
        if (code.isEmpty() || code.equals("合计")) {
          return;
        }
        var values = new LinkedHashMap<String, Object>();
        for (var column : byColumn.entrySet()) {
          var text = row.formatted(column.getKey());
          if (!text.isEmpty()) {
            values.put(column.getValue(), text);
          }
        }
        var project = special[1] == null ? null : row.formatted(special[1]);
        counties.add(new FactorAllocationService.CountyData(code, project, values));
      });
    }
    if (!header[0]) {
      lacking.add(CODE);
      lacking.addAll(missing(factors, byColumn));
      throw new InvalidInputException("表格有误", "第1行表头缺少列：" + String.join("、", lacking)
          + "（现行分配因素以决策表为准，可下载最新模板）");
    }
    return new FactorAllocationRequest(year, total, fundShare, counties);
  }

  /** The result as the calculation table: values, each factor's share, weighted share, money. */
  public byte[] write(FactorAllocationService.Result result) {
    var wb = new XSSFWorkbook();
    var sheet = wb.createSheet("因素法分配测算");
    var bold = headerStyle(wb);
    var money = style(wb, "#,##0.00");
    var decimal = style(wb, "#,##0.####");
    var percent = style(wb, "0.0000");
    var factors = result.factors();
    int width = 4 + factors.size() * 2 + 2;

    var title = sheet.createRow(0).createCell(0);
    title.setCellValue(result.budgetYear() + "年度因素法资金分配测算表（GX 第十六条）");
    title.setCellStyle(bold);
    sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, width - 1));
    var info = sheet.createRow(1);
    info.createCell(0).setCellValue("分配总额（元）");
    var totalCell = info.createCell(1);
    totalCell.setCellValue(result.total().amount().doubleValue());
    totalCell.setCellStyle(money);
    info.createCell(2).setCellValue("资金来源");
    info.createCell(3).setCellValue(result.fundShare().label());
    info.createCell(4).setCellValue("权重依据");
    info.createCell(5).setCellValue("决策表“因素法分配权重”（" + FactorWeights.DECISION + "）第"
        + result.decisionVersion() + "版：" + String.join("、", factors.stream()
            .map(f -> f.label() + " " + FactorMethod.percent(f.weight()).stripTrailingZeros()
                .toPlainString() + "%").toList()));

    var header = sheet.createRow(3);
    var columns = new ArrayList<>(List.of("序号", CODE, NAME, PROJECT));
    for (var f : factors) {
      columns.add(f.label());
      columns.add(f.label() + "占比（%）");
    }
    columns.add("综合系数（%）");
    columns.add("分配金额（元）");
    for (int i = 0; i < columns.size(); i++) {
      var cell = header.createCell(i);
      cell.setCellValue(columns.get(i));
      cell.setCellStyle(bold);
      sheet.setColumnWidth(i, (i < 4 ? 16 : 18) * 256);
    }
    int r = 4;
    var sums = new BigDecimal[factors.size()];
    java.util.Arrays.fill(sums, BigDecimal.ZERO);
    for (var s : result.shares()) {
      var row = sheet.createRow(r);
      row.createCell(0).setCellValue(r - 3);
      row.createCell(1).setCellValue(s.divisionCode());
      TextCells.set(row.createCell(2), s.divisionName());
      TextCells.set(row.createCell(3), s.projectCode() == null ? "" : s.projectCode());
      int c = 4;
      for (int f = 0; f < factors.size(); f++) {
        var value = s.factorValues().get(factors.get(f).code());
        sums[f] = sums[f].add(value);
        number(row, c++, value, decimal);
        number(row, c++, FactorMethod.percent(s.factorShares().get(factors.get(f).code())), percent);
      }
      number(row, c++, FactorMethod.percent(s.weightedShare()), percent);
      number(row, c, s.amount().amount(), money);
      r++;
    }
    var total = sheet.createRow(r);
    total.createCell(0).setCellValue("合计");
    int c = 4;
    for (var sum : sums) {
      number(total, c++, sum, decimal);
      number(total, c++, BigDecimal.valueOf(100), percent);
    }
    number(total, c++, BigDecimal.valueOf(100), percent);
    number(total, c, result.total().amount(), money);
    sheet.createFreezePane(4, 4);
    return Workbooks.bytes(wb);
  }

  private static void number(Row row, int column, BigDecimal value, CellStyle style) {
    var cell = row.createCell(column);
    cell.setCellValue(value.doubleValue());
    cell.setCellStyle(style);
  }

  private static CellStyle style(Workbook wb, String format) {
    var style = wb.createCellStyle();
    style.setDataFormat(wb.createDataFormat().getFormat(format));
    style.setAlignment(HorizontalAlignment.RIGHT);
    return style;
  }

  private static CellStyle headerStyle(Workbook wb) {
    var style = wb.createCellStyle();
    var font = wb.createFont();
    font.setBold(true);
    style.setFont(font);
    style.setBorderBottom(BorderStyle.THIN);
    style.setAlignment(HorizontalAlignment.CENTER);
    return style;
  }

  private static int parseYear(Object value) {
    try {
      var year = Integer.parseInt(String.valueOf(value).strip());
      if (year >= 2000 && year <= 2100) {
        return year;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidInputException("因素法测算有误", "预算年度应为2000至2100之间的年份");
  }

  /** The factors in force that have no column in the sheet (other columns do not matter). */
  static List<String> missing(List<Factor> factors, Map<Integer, String> byColumn) {
    return factors.stream().filter(f -> !byColumn.containsValue(f.code())).map(Factor::label).toList();
  }

  /** Sheet name for downloads. */
  static String fileName(int year) {
    return year + "年度因素法分配测算.xlsx";
  }
}
