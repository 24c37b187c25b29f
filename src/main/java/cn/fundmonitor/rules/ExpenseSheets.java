package cn.fundmonitor.rules;

import cn.fundmonitor.common.TextCells;
import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.common.WorkbookReader;
import cn.fundmonitor.common.Workbooks;
import cn.fundmonitor.rules.ExpenseInput.Field;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Checks a whole sheet of expenses and returns the same rows with a verdict and reasons each.
 * The sheet is read as a stream (POI's SAX event model) and written as one (SXSSF), so memory stays
 * flat however many rows; a workbook that is not an .xlsx, expands suspiciously (zip bomb), has no
 * header or more rows than allowed is refused with a clear error.
 */
@Component
public class ExpenseSheets {

  /** The columns a sheet needs; others (序号、支出内容、金额…) are carried through unchanged. */
  static final List<String> TEMPLATE = List.of("序号", Field.DIRECTION.column(),
      Field.CATEGORY.column(), "支出内容", "金额（元）", Field.OUTSIDE_AREA.column(),
      Field.FARMLAND.column(), Field.HAZARD_PARTY.column(), Field.HUMAN_CAUSED.column(),
      Field.LIABLE_PARTY.column(), Field.RELATED.column());
  static final List<String> VERDICT_COLUMNS = List.of("核查结论", "支出范围依据", "禁止条款", "原因");

  static {
    Workbooks.secure();
  }

  private final ExpenseChecker checker;
  private final int maxRows;

  private final WorkbookReader workbooks;

  @Autowired
  ExpenseSheets(ExpenseChecker checker, @Value("${fundmonitor.expenses.max-rows:200000}") int maxRows,
      WorkbookReader workbooks) {
    this.checker = checker;
    this.maxRows = maxRows;
    this.workbooks = workbooks;
  }

  ExpenseSheets(ExpenseChecker checker, int maxRows) {
    this(checker, maxRows, WorkbookReader.withDefaults());
  }

  /** Statistics of one checked sheet. */
  public record Result(byte[] workbook, int rows, int allowed, int refused, int invalid) {}

  /**
   * Checks an uploaded workbook, read as a stream with the reader's limits (rows, columns, cell
   * length, expanded size), and written out as one.
   */
  public Result check(InputStream upload) {
    try (var wb = workbooks.open(upload); var out = new SXSSFWorkbook(200)) {
      var handler = new RowHandler(out, checker.latest());
      wb.readFirst(maxRows + 1_000, row -> {
        handler.startRow(row.index());
        for (int c = 0; c < row.width(); c++) {
          if (row.present(c)) {
            handler.cells.put(c, row.formatted(c));
          }
        }
        handler.endRow(row.index());
      });
      if (handler.columns == null) {
        throw new InvalidInputException("表格有误", "第1行应为表头（" + String.join("、", TEMPLATE) + "）");
      }
      return new Result(Workbooks.bytes(out), handler.rows, handler.allowed, handler.refused,
          handler.invalid);
    } catch (TooManyRows e) {
      throw new InvalidInputException("表格过大", "一次最多核查 " + maxRows + " 行，请分批上传");
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An empty sheet with the columns and two examples, for units to fill in. */
  public byte[] template() {
    var wb = new SXSSFWorkbook();
    var sheet = wb.createSheet("支出核查");
    write(sheet.createRow(0), TEMPLATE);
    write(sheet.createRow(1), List.of("1", "国土综合整治与生态修复", "工程性支出", "边坡复绿工程款", "1250000.00",
        "否", "否", "不涉及", "否", "否", "是"));
    write(sheet.createRow(2), List.of("2", "地质灾害防治", "购置车辆", "巡查车辆", "260000", "否", "否",
        "自然资源部门", "否", "否", "是"));
    sheet.createFreezePane(0, 1);
    return Workbooks.bytes(wb);
  }

  private static void write(org.apache.poi.ss.usermodel.Row row, List<String> values) {
    for (int i = 0; i < values.size(); i++) {
      row.createCell(i).setCellValue(values.get(i));
    }
  }

  static final class TooManyRows extends RuntimeException {
    TooManyRows() {
      super(null, null, false, false);
    }
  }

  /** Reads one row at a time, checks it and writes it out with its verdict. */
  private final class RowHandler {
    private final org.apache.poi.ss.usermodel.Sheet out;
    private final ExpenseChecker.Rules rules;
    private final Map<Integer, String> cells = new HashMap<>();
    private Map<String, Integer> columns;
    private int width;
    int rows;
    int allowed;
    int refused;
    int invalid;

    RowHandler(SXSSFWorkbook workbook, ExpenseChecker.Rules rules) {
      this.out = workbook.createSheet("核查结果");
      this.rules = rules;
    }

    void startRow(int rowNum) {
      cells.clear();
    }

    void endRow(int rowNum) {
      if (columns == null) {
        header(rowNum);
        return;
      }
      if (cells.values().stream().allMatch(String::isBlank)) {
        return;
      }
      if (++rows > maxRows) {
        throw new TooManyRows();
      }
      var row = out.createRow(rowNum);
      for (var cell : cells.entrySet()) {
        TextCells.set(row.createCell(cell.getKey()), cell.getValue());
      }
      var problems = new ArrayList<String>();
      var expense = ExpenseInput.read(f -> value(f.column()), "第" + (rowNum + 1) + "行：",
          problems);
      if (expense == null) {
        invalid++;
        verdict(row, "数据有误", "", "", String.join("；", problems));
        return;
      }
      var verdict = checker.check(expense, rules);
      if (verdict.allowed()) {
        allowed++;
      } else {
        refused++;
      }
      verdict(row, verdict.allowed() ? "允许" : "不允许", verdict.inScope() ? verdict.scopeArticle() : "",
          String.join("、", verdict.prohibitions().stream().map(p -> "GX " + p.item()).toList()),
          verdict.reasons());
    }

    private void header(int rowNum) {
      var found = new HashMap<String, Integer>();
      cells.forEach((col, text) -> found.put(text.strip(), col));
      var missing = List.of(Field.DIRECTION.column(), Field.CATEGORY.column()).stream()
          .filter(h -> !found.containsKey(h)).toList();
      if (!missing.isEmpty()) {
        throw new InvalidInputException("表格有误", "第" + (rowNum + 1) + "行表头缺少列：" + String.join("、", missing)
            + "（可下载模板）");
      }
      columns = found;
      width = cells.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
      var header = out.createRow(rowNum);
      cells.forEach((col, text) -> TextCells.set(header.createCell(col), text));
      for (int i = 0; i < VERDICT_COLUMNS.size(); i++) {
        header.createCell(width + i).setCellValue(VERDICT_COLUMNS.get(i));
      }
    }

    private void verdict(org.apache.poi.ss.usermodel.Row row, String... values) {
      for (int i = 0; i < values.length; i++) {
        TextCells.set(row.createCell(width + i), values[i]);
      }
    }

    private String value(String column) {
      var col = columns.get(column);
      return col == null ? null : Optional.ofNullable(cells.get(col)).map(String::strip)
          .filter(s -> !s.isEmpty()).orElse(null);
    }
  }
}
