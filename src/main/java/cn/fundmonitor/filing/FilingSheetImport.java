package cn.fundmonitor.filing;

import cn.fundmonitor.common.TextCells;
import static cn.fundmonitor.filing.QuarterlyFilingProcess.*;

import cn.fundmonitor.common.ConflictException;
import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.common.NotFoundException;
import cn.fundmonitor.common.WorkbookReader;
import cn.fundmonitor.common.Workbooks;
import cn.fundmonitor.project.ProjectCatalogue;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Quarterly filings from a spreadsheet, for units that collect their data in Excel: a template
 * of the filings waiting for the caller, filled and uploaded; each row goes through the same
 * 填报季度执行情况 task and the same server checks as the form, in a transaction of its own, so a
 * bad row loses nothing and stops nothing else. A filing already filed is not filed again.
 */
@Component
public class FilingSheetImport {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FilingSheetImport.class);

  static final String FILINGS = "填报";
  static final String INDICATORS = "指标";
  static final List<String> FILING_COLUMNS = List.of("业务编号", "项目编码", "项目名称", "到位资金（元）",
      "上季度累计支付（元）", "累计支付金额（元）", "中央财政资金（元）", "省级财政资金（元）", "市县财政资金（元）",
      "责任人出资（元）", "社会资金（元）", "实物工作量完成进度（%）", "市级下达资金（元）");
  static final List<String> INDICATOR_COLUMNS = List.of("业务编号", "序号", "一级指标", "二级指标", "指标名称",
      "目标值", "计量单位", "实际完成值", "未达监控节点（是/否）");
  static final int PAID = 5;
  static final int FIRST_SOURCE = 6;
  /** After the five sources older templates had; 市级下达资金 comes last so their columns stay. */
  static final int PHYSICAL = FIRST_SOURCE + 5;
  static final int CITY_SOURCE = PHYSICAL + 1;
  static final int ACTUAL = 7;
  static final int NOT_YET = 8;
  static final int MAX_ROWS = 5_000;
  private static final Pattern INDICATOR_FIELD = Pattern.compile("indicatorActuals/(\\d+)/\\w+");

  private final TaskService tasks;
  private final FilingService filings;
  private final ProjectCatalogue catalogue;
  private final TransactionTemplate transaction;
  private final WorkbookReader workbooks;

  FilingSheetImport(TaskService tasks, FilingService filings, ProjectCatalogue catalogue,
      TransactionTemplate transaction, WorkbookReader workbooks) {
    this.workbooks = workbooks;
    this.tasks = tasks;
    this.filings = filings;
    this.catalogue = catalogue;
    this.transaction = transaction;
  }

  /** What happened to one row. */
  public enum Outcome { FILED, ALREADY_FILED, EMPTY, INVALID, CONFLICT, FAILED }

  public record RowResult(int row, String businessKey, String projectCode, Outcome outcome,
      List<String> problems) {}

  /**
   * Counts and every row's result. A second upload of the same file answers 200 with each row
   * ALREADY_FILED: nothing is filed twice and the user sees why, row by row.
   */
  public record Result(int rows, int filed, int alreadyFiled, int empty, int invalid, int conflict,
      int failed, List<RowResult> results) {}

  // --- the template ------------------------------------------------------------------------------

  /**
   * The filings of a quarter or a monitoring point waiting for the caller's units, one row each,
   * indicators apart.
   */
  public byte[] template(FilingPeriod q, Collection<String> groupIds) {
    var wb = new XSSFWorkbook();
    var filingSheet = wb.createSheet(FILINGS);
    var indicatorSheet = wb.createSheet(INDICATORS);
    header(wb, filingSheet, FILING_COLUMNS);
    header(wb, indicatorSheet, INDICATOR_COLUMNS);
    int r = 1;
    int i = 1;
    for (var key : waiting(q, groupIds)) {
      var f = filings.get(key);
      var project = catalogue.get(f.projectCode());
      var row = filingSheet.createRow(r++);
      row.createCell(0).setCellValue(key);
      row.createCell(1).setCellValue(project.code());
      TextCells.set(row.createCell(2), project.name());
      if (f.receivedAmount() != null) {
        row.createCell(3).setCellValue(f.receivedAmount().amount().toPlainString());
      }
      row.createCell(4).setCellValue(filings.previousPaid(f).amount().toPlainString());
      var targets = catalogue.targetsFor(project.code(), f.quarter().year()).indicators();
      for (int p = 0; p < targets.size(); p++) {
        var ind = targets.get(p);
        var line = indicatorSheet.createRow(i++);
        line.createCell(0).setCellValue(key);
        line.createCell(1).setCellValue(p + 1);
        line.createCell(2).setCellValue(ind.level().label());
        line.createCell(3).setCellValue(ind.category().label());
        TextCells.set(line.createCell(4), ind.name());
        line.createCell(5).setCellValue(ind.comparator().symbol() + " " + ind.target().text());
        TextCells.set(line.createCell(6), ind.unit() == null ? "" : ind.unit());
      }
    }
    filingSheet.createFreezePane(3, 1);
    indicatorSheet.createFreezePane(5, 1);
    for (int c = 0; c < FILING_COLUMNS.size(); c++) {
      filingSheet.setColumnWidth(c, (c == 2 ? 36 : 18) * 256);
    }
    for (int c = 0; c < INDICATOR_COLUMNS.size(); c++) {
      indicatorSheet.setColumnWidth(c, (c == 4 ? 30 : 16) * 256);
    }
    return Workbooks.bytes(wb);
  }

  /** The business keys of the quarter's filing tasks the caller's units may work on. */
  private List<String> waiting(FilingPeriod q, Collection<String> groupIds) {
    return tasks.createTaskQuery().processDefinitionKey(KEY).taskDefinitionKey(TASK_FILE)
        .taskCandidateGroupIn(List.copyOf(groupIds)).includeAssignedTasks()
        .processInstanceBusinessKeyLike("%-" + q.period()).list().stream()
        .map(t -> q.key(PROJECT_CODE.from(tasks, t.getId())))
        .sorted().toList();
  }

  private static void header(XSSFWorkbook wb, Sheet sheet, List<String> columns) {
    var bold = wb.createCellStyle();
    var font = wb.createFont();
    font.setBold(true);
    bold.setFont(font);
    var row = sheet.createRow(0);
    for (int c = 0; c < columns.size(); c++) {
      var cell = row.createCell(c);
      cell.setCellValue(columns.get(c));
      cell.setCellStyle(bold);
    }
  }

  // --- the upload --------------------------------------------------------------------------------

  /** A row of the 填报 sheet as read: its index (0-based) and the texts of the template's columns. */
  record FilingRow(int index, List<String> cells) {
    String text(int column) {
      return column < cells.size() ? cells.get(column) : "";
    }
  }

  /** What the import needs of a row of the 指标 sheet. */
  record IndicatorRow(int index, String position, String actual, String notYet) {}

  /**
   * Files every completed row, each on its own, and reports every row: a row that fails (bad
   * values, another user's claim, a filing changed meanwhile, anything the engine refuses) is
   * reported with its reason and the next row is still processed. The workbook is read as a stream
   * with the reader's limits; the 填报 sheet (at most {@value #MAX_ROWS} rows) is read first, then
   * only the 指标 rows of those filings are kept.
   */
  public Result importSheet(InputStream upload, String userId) {
    var filingRows = new ArrayList<FilingRow>();
    var indicatorRows = new LinkedHashMap<String, List<IndicatorRow>>();
    try (var wb = workbooks.open(upload)) {
      if (!wb.sheetNames().contains(FILINGS) || !wb.sheetNames().contains(INDICATORS)) {
        throw new InvalidInputException("表格有误", "工作簿应有“" + FILINGS + "”和“" + INDICATORS
            + "”两个工作表（请下载模板填写）");
      }
      var header = new boolean[2];
      wb.read(FILINGS, MAX_ROWS, row -> {
        if (!header[0]) {
          checkHeader(FILINGS, row.index() == 0 ? row.texts(FILING_COLUMNS.size()) : List.of(),
              FILING_COLUMNS);
          header[0] = true;
          return;
        }
        var cells = row.texts(FILING_COLUMNS.size());
        if (!cells.get(0).isEmpty()) {
          filingRows.add(new FilingRow(row.index(), cells));
        }
      });
      if (!header[0]) {
        checkHeader(FILINGS, List.of(), FILING_COLUMNS);
      }
      var keys = new java.util.HashSet<String>();
      filingRows.forEach(r -> keys.add(r.text(0)));
      wb.read(INDICATORS, MAX_ROWS * 50, row -> {
        if (!header[1]) {
          checkHeader(INDICATORS, row.index() == 0 ? row.texts(INDICATOR_COLUMNS.size()) : List.of(),
              INDICATOR_COLUMNS);
          header[1] = true;
          return;
        }
        var key = row.text(0);
        if (keys.contains(key)) {
          indicatorRows.computeIfAbsent(key, k -> new ArrayList<>()).add(new IndicatorRow(
              row.index(), row.text(1), row.text(ACTUAL), row.text(NOT_YET)));
        }
      });
      if (!header[1]) {
        checkHeader(INDICATORS, List.of(), INDICATOR_COLUMNS);
      }
    }
    var results = new ArrayList<RowResult>();
    for (var row : filingRows) {
      results.add(importRowSafely(row, indicatorRows.getOrDefault(row.text(0), List.of()), userId));
    }
    int filed = 0;
    int already = 0;
    int empty = 0;
    int invalid = 0;
    int conflict = 0;
    int failed = 0;
    for (var result : results) {
      switch (result.outcome()) {
        case FILED -> filed++;
        case ALREADY_FILED -> already++;
        case EMPTY -> empty++;
        case INVALID -> invalid++;
        case CONFLICT -> conflict++;
        case FAILED -> failed++;
      }
    }
    return new Result(results.size(), filed, already, empty, invalid, conflict, failed, results);
  }

  /** One row, whatever happens to it: its failure is its own, never the whole upload's. */
  private RowResult importRowSafely(FilingRow row, List<IndicatorRow> indicators, String userId) {
    var key = row.text(0);
    try {
      return importRow(row.index(), key, row, indicators, userId);
    } catch (ConflictException e) {
      return new RowResult(row.index() + 1, key, projectOf(key), Outcome.CONFLICT,
          List.of(e.getMessage()));
    } catch (InvalidInputException e) {
      return new RowResult(row.index() + 1, key, projectOf(key), Outcome.INVALID, e.problems());
    } catch (OptimisticLockingException e) {
      return filedMeanwhile(row, key).orElseGet(() -> new RowResult(row.index() + 1, key,
          projectOf(key), Outcome.CONFLICT, List.of("该填报正由他人同时提交，本行未提交；请刷新后查看是否已填报")));
    } catch (RuntimeException e) {
      var meanwhile = filedMeanwhile(row, key);
      if (meanwhile.isPresent()) {
        return meanwhile.get();
      }
      log.warn("Filing import row {} ({}) failed", row.index() + 1, key, e);
      return new RowResult(row.index() + 1, key, projectOf(key), Outcome.FAILED,
          List.of(FILINGS + "表第" + (row.index() + 1) + "行未能提交（该填报的状态可能已被他人改变），请刷新后重试；其他行不受影响"));
    }
  }

  /** A row that lost a race with another submit of the same filing (e.g. the same file twice). */
  private java.util.Optional<RowResult> filedMeanwhile(FilingRow row, String key) {
    try {
      var filing = filings.get(key);
      if (filing.status() == FilingStatus.FILED || filing.status() == FilingStatus.TRANSMITTED) {
        return java.util.Optional.of(new RowResult(row.index() + 1, key, filing.projectCode(),
            Outcome.ALREADY_FILED, List.of("已由同时进行的另一次提交填报（" + filing.status().label()
                + "），本行未重复提交")));
      }
    } catch (RuntimeException e) {
      // fall back to reporting the row as not filed
    }
    return java.util.Optional.empty();
  }

  private static String projectOf(String key) {
    return key.contains("-") ? key.substring(0, Math.max(0, key.lastIndexOf('-'))) : key;
  }

  private RowResult importRow(int r, String key, FilingRow row, List<IndicatorRow> indicatorRows,
      String userId) {
    var excelRow = r + 1;
    var project = projectOf(key);
    QuarterlyFiling filing;
    try {
      filing = filings.get(key);
    } catch (NotFoundException e) {
      return new RowResult(excelRow, key, project, Outcome.INVALID,
          List.of(cell(FILINGS, 0, r) + "：业务编号“" + key + "”不存在，请使用系统下载的模板"));
    }
    if (filing.status() == FilingStatus.FILED || filing.status() == FilingStatus.TRANSMITTED) {
      return new RowResult(excelRow, key, filing.projectCode(), Outcome.ALREADY_FILED,
          List.of("已填报（" + filing.status().label() + "），未重复提交"));
    }
    var problems = new ArrayList<String>();
    var paid = number(row, PAID, r, problems);
    if (paid == null && problems.isEmpty() && blankRow(row) && indicatorRows.stream().allMatch(
        i -> i.actual().isEmpty() && i.notYet().isEmpty())) {
      return new RowResult(excelRow, key, filing.projectCode(), Outcome.EMPTY, List.of("未填写，未提交"));
    }
    var vars = PAID_TO_DATE.with(paid);
    for (var source : FundSource.values()) {
      vars.put(paidField(source), number(row, sourceColumn(source), r, problems));
    }
    PHYSICAL_PROGRESS.putInto(vars, number(row, PHYSICAL, r, problems));
    var actuals = new ArrayList<IndicatorActualRow>();
    var indicatorCells = new ArrayList<String>();
    for (var line : indicatorRows) {
      var positionText = line.position();
      int position;
      try {
        if (positionText.length() > 6) {
          throw new NumberFormatException("not a position");
        }
        position = new BigDecimal(positionText).intValueExact();
      } catch (RuntimeException e) {
        problems.add(cell(INDICATORS, 1, line.index()) + "：序号“" + positionText + "”有误，请勿修改模板中的序号");
        continue;
      }
      var notYet = flag(line.notYet(), line.index(), problems);
      actuals.add(new IndicatorActualRow(position, null, null, null,
          line.actual().isEmpty() ? null : line.actual(), notYet));
      indicatorCells.add(cell(INDICATORS, ACTUAL, line.index()));
    }
    if (!problems.isEmpty()) {
      return new RowResult(excelRow, key, filing.projectCode(), Outcome.INVALID, problems);
    }
    INDICATOR_ACTUALS.putInto(vars, actuals);
    var task = tasks.createTaskQuery().processInstanceBusinessKey(key).taskDefinitionKey(TASK_FILE)
        .singleResult();
    if (task == null) {
      return new RowResult(excelRow, key, filing.projectCode(), Outcome.INVALID,
          List.of(cell(FILINGS, 0, r) + "：“" + key + "”不是您所在单位待填报的任务"));
    }
    try {
      transaction.executeWithoutResult(status -> {
        if (task.getAssignee() == null) {
          tasks.claim(task.getId(), userId);
        } else if (!task.getAssignee().equals(userId)) {
          throw new ConflictException("该填报已由 " + task.getAssignee() + " 认领，请由其填报或先取消认领");
        }
        tasks.complete(task.getId(), vars);
      });
      return new RowResult(excelRow, key, filing.projectCode(), Outcome.FILED, List.of());
    } catch (InvalidInputException e) {
      return new RowResult(excelRow, key, filing.projectCode(), Outcome.INVALID,
          e.errors().stream().map(p -> where(p.field(), r, indicatorCells) + p.message()).toList());
    } catch (ConflictException e) {
      return new RowResult(excelRow, key, filing.projectCode(), Outcome.CONFLICT, List.of(e.getMessage()));
    }
  }

  /**
   * The cell of the field a server check's problem is about, as "F5：": a form field's column, an
   * indicator row's 实际完成值 (field {@code indicatorActuals/<i>/…}, the i-th row sent), else the row.
   */
  private static String where(String field, int r, List<String> indicatorCells) {
    if (field == null) {
      return FILINGS + "表第" + (r + 1) + "行：";
    }
    var m = INDICATOR_FIELD.matcher(field);
    if (m.matches() && Integer.parseInt(m.group(1)) < indicatorCells.size()) {
      return indicatorCells.get(Integer.parseInt(m.group(1))) + "：";
    }
    if (field.equals(FilingService.PAID_BY_SOURCE_FIELD)) {
      return cell(FILINGS, FIRST_SOURCE, r) + "至" + new CellReference(r, PHYSICAL - 1).formatAsString()
          + "、" + new CellReference(r, CITY_SOURCE).formatAsString() + "：";
    }
    for (var source : FundSource.values()) {
      if (field.equals(paidField(source))) {
        return cell(FILINGS, sourceColumn(source), r) + "：";
      }
    }
    return switch (field) {
      case "paidToDate" -> cell(FILINGS, PAID, r) + "：";
      case "physicalProgress" -> cell(FILINGS, PHYSICAL, r) + "：";
      default -> FILINGS + "表第" + (r + 1) + "行：";
    };
  }

  private static void checkHeader(String sheet, List<String> found, List<String> columns) {
    for (int c = 0; c < columns.size(); c++) {
      var text = c < found.size() ? found.get(c) : "";
      // a template from before 市级下达资金 had no last column: it still imports, that column blank
      var optional = FILINGS.equals(sheet) && c == CITY_SOURCE && text.isEmpty();
      if (!optional && !columns.get(c).equals(text)) {
        throw new InvalidInputException("表格有误", "“" + sheet + "”表第1行"
            + CellReference.convertNumToColString(c) + "列应为“" + columns.get(c) + "”（请使用系统下载的模板，不要增删或调换列）");
      }
    }
  }

  /** The template column of a fund source's payments. */
  static int sourceColumn(FundSource source) {
    return source == FundSource.CITY ? CITY_SOURCE : FIRST_SOURCE + source.ordinal();
  }

  private static boolean blankRow(FilingRow row) {
    for (int c = PAID; c <= CITY_SOURCE; c++) {
      if (!row.text(c).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private static String number(FilingRow row, int column, int r, List<String> problems) {
    var text = row.text(column);
    if (text.isEmpty()) {
      return null;
    }
    var plain = text.replace(",", "").replace("%", "").strip();
    // no exponent and no endless digits: "1E999999999" would expand to a billion characters
    if (cn.fundmonitor.common.Inputs.tooLongForANumber(plain) || plain.matches(".*[eE].*")) {
      problems.add(cell(FILINGS, column, r) + "：" + FILING_COLUMNS.get(column) + "“"
          + (text.length() > 20 ? text.substring(0, 20) + "…" : text) + "”不是有效的数字");
      return null;
    }
    try {
      return new BigDecimal(plain).toPlainString();
    } catch (NumberFormatException e) {
      problems.add(cell(FILINGS, column, r) + "：" + FILING_COLUMNS.get(column) + "“" + text + "”不是有效的数字");
      return null;
    }
  }

  private static boolean flag(String text, int r, List<String> problems) {
    return switch (text.toUpperCase()) {
      case "", "否", "N", "NO", "FALSE", "0" -> false;
      case "是", "Y", "YES", "TRUE", "1" -> true;
      default -> {
        problems.add(cell(INDICATORS, NOT_YET, r) + "：应填“是”或“否”，收到“" + text + "”");
        yield false;
      }
    };
  }

  static String cell(String sheet, int column, int r) {
    return (sheet.equals(FILINGS) ? "" : sheet + "表") + new CellReference(r, column).formatAsString();
  }
}
