package cn.fundmonitor.rules;

import cn.fundmonitor.common.TextCells;
import cn.fundmonitor.common.ConflictException;
import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.common.NotFoundException;
import cn.fundmonitor.common.WorkbookReader;
import cn.fundmonitor.common.Workbooks;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Description;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.Text;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.springframework.stereotype.Component;

/**
 * A decision table as an Excel sheet and back (the policy owner's round trip): the latest version
 * is exported one rule per row; the edited sheet is checked cell by cell with the FEEL parser the
 * engine uses and deployed as the table's next version. Columns cannot be added, removed or moved
 * in the sheet (that changes the table's inputs: Camunda Modeler's job); rules can be changed,
 * added, removed and reordered. An invalid sheet is refused with every bad cell named by row and
 * column, and nothing is deployed.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class RuleSheets {

  public static final String DEPLOYMENT_NAME = "fund-monitor-rule-sheet";
  static final String SHEET = "规则";
  static final String RULE_ID = "规则编号";
  static final String DESCRIPTION = "说明（依据条款）";
  static final String DESCRIPTION_ID = "description";
  static final int INFO_ROW = 0;
  static final int LABEL_ROW = 1;
  static final int ID_ROW = 2;
  static final int FIRST_RULE_ROW = 3;
  static final int MAX_RULES = 2_000;

  private static final Pattern XML_ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,99}");
  private static final Pattern BARE_CODE = Pattern.compile("(?<![\\w\"])[A-Z][A-Z0-9]*(_[A-Z0-9]+)+(?![\\w\"])|(?<![\\w\"])[A-Z]{3,}(?![\\w\"(])");

  private final RepositoryService repository;
  private final FeelEngineApi feel = FeelEngineBuilder.forJava().build();

  private final WorkbookReader workbooks;

  /** A table's key, name and latest version, for the list of what can be exported. */
  public record TableInfo(String key, String name, int version, String resourceName) {}

  /** What an import did. */
  public record Imported(String key, int version, String deploymentId, int rules, boolean changed) {}

  public List<TableInfo> tables() {
    return repository.createDecisionDefinitionQuery().latestVersion().orderByDecisionDefinitionKey()
        .asc().list().stream()
        .map(d -> new TableInfo(d.getKey(), d.getName(), d.getVersion(), d.getResourceName()))
        .toList();
  }

  public byte[] export(String key) {
    var latest = latest(key);
    var table = table(model(latest), key);
    var wb = new XSSFWorkbook();
    var sheet = wb.createSheet(SHEET);
    var bold = wb.createCellStyle();
    var font = wb.createFont();
    font.setBold(true);
    bold.setFont(font);
    var grey = wb.createCellStyle();
    grey.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
    grey.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    var text = wb.createCellStyle();
    text.setDataFormat(wb.createDataFormat().getFormat("@"));

    var info = sheet.createRow(INFO_ROW);
    cells(info, "决策表", latest.getName(), "决策键", key, "版本", String.valueOf(latest.getVersion()),
        "命中策略", table.getHitPolicy().name() + (table.getAggregation() == null ? ""
            : " " + table.getAggregation().name()));
    var labels = sheet.createRow(LABEL_ROW);
    var ids = sheet.createRow(ID_ROW);
    var columns = columns(table);
    for (int c = 0; c < columns.size(); c++) {
      var label = labels.createCell(c);
      label.setCellValue(columns.get(c).label());
      label.setCellStyle(bold);
      var id = ids.createCell(c);
      id.setCellValue(columns.get(c).id());
      id.setCellStyle(grey);
      sheet.setColumnWidth(c, Math.min(60, Math.max(12, columns.get(c).label().length() * 2 + 4)) * 256);
      sheet.setDefaultColumnStyle(c, text);
    }
    int r = FIRST_RULE_ROW;
    for (var rule : table.getRules()) {
      var row = sheet.createRow(r++);
      var values = new ArrayList<String>();
      values.add(rule.getId());
      rule.getInputEntries().forEach(e -> values.add(textOf(e.getText())));
      rule.getOutputEntries().forEach(e -> values.add(textOf(e.getText())));
      values.add(rule.getDescription() == null ? "" : rule.getDescription().getTextContent());
      for (int c = 0; c < values.size(); c++) {
        var cell = row.createCell(c);
        cell.setCellStyle(text);
        TextCells.set(cell, values.get(c));
      }
    }
    sheet.createFreezePane(1, FIRST_RULE_ROW);
    help(wb.createSheet("填写说明"), columns);
    return Workbooks.bytes(wb);
  }

  /** Checks the sheet and deploys it as the table's next version. */
  public Imported importSheet(String key, InputStream upload, String userId) {
    var latest = latest(key);
    var model = model(latest);
    var table = table(model, key);
    var columns = columns(table);
    var rows = new ArrayList<List<String>>();
    var problems = new ArrayList<String>();
    var read = new ArrayList<RuleRow>();
    try (var wb = workbooks.open(upload)) {
      var sheet = wb.sheetNames().contains(SHEET) ? SHEET
          : wb.sheetNames().isEmpty() ? null : wb.sheetNames().get(0);
      if (sheet == null) {
        throw new InvalidInputException("规则表有误", "工作簿中没有工作表");
      }
      // the reader's row limit is a backstop; the rule limit below says it in the sheet's terms
      wb.read(sheet, FIRST_RULE_ROW + MAX_RULES + 100, row -> {
        if (row.index() - FIRST_RULE_ROW >= MAX_RULES && !row.blank()) {
          throw new InvalidInputException("规则表有误", "一个决策表最多 " + MAX_RULES + " 条规则");
        }
        var formulas = new HashSet<Integer>();
        for (int c = 0; c <= columns.size(); c++) {
          if (row.formula(c)) {
            formulas.add(c);
          }
        }
        read.add(new RuleRow(row.index(), row.texts(columns.size() + 1), formulas));
      });
    }
    RuleRow info = null;
    RuleRow ids = null;
    for (var row : read) {
      if (row.index() == INFO_ROW) {
        info = row;
      } else if (row.index() == ID_ROW) {
        ids = row;
      }
    }
    checkLayout(info, ids, key, columns, problems);
    if (problems.isEmpty()) {
      for (var row : read) {
        if (row.index() >= FIRST_RULE_ROW) {
          var values = values(row, columns.size(), row.index(), columns, problems);
          if (values != null) {
            rows.add(values);
          }
        }
      }
    }
    if (problems.isEmpty() && rows.isEmpty()) {
      problems.add("第" + (FIRST_RULE_ROW + 1) + "行起没有任何规则：决策表至少需要一条规则");
    }
    if (problems.isEmpty()) {
      checkRuleIds(rows, problems);
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("规则表有误，未部署", problems);
    }
    if (sameRules(table, rows)) {
      return new Imported(key, latest.getVersion(), latest.getDeploymentId(), rows.size(), false);
    }
    replaceRules(model, table, rows);
    Dmn.validateModel(model);
    var deployment = repository.createDeployment()
        .name(DEPLOYMENT_NAME)
        .source("rule-sheet:" + userId)
        .addModelInstance(latest.getResourceName(), model)
        .deployWithResult();
    var deployed = deployment.getDeployedDecisionDefinitions().stream()
        .filter(d -> d.getKey().equals(key)).findFirst()
        .orElseThrow(() -> new IllegalStateException("decision " + key + " not deployed"));
    return new Imported(key, deployed.getVersion(), deployment.getId(), rows.size(), true);
  }

  // --- columns -----------------------------------------------------------------------------------

  enum Kind { RULE_ID, INPUT, OUTPUT, DESCRIPTION }

  record Column(Kind kind, String id, String label, String typeRef) {}

  static List<Column> columns(DecisionTable table) {
    var columns = new ArrayList<Column>();
    columns.add(new Column(Kind.RULE_ID, "id", RULE_ID, null));
    for (var input : table.getInputs()) {
      var expression = input.getInputExpression();
      var label = input.getLabel() != null ? input.getLabel() : textOf(expression.getText());
      columns.add(new Column(Kind.INPUT, input.getId(), label, expression.getTypeRef()));
    }
    for (var output : table.getOutputs()) {
      var label = output.getLabel() != null ? output.getLabel() : output.getName();
      columns.add(new Column(Kind.OUTPUT, output.getId(), label, output.getTypeRef()));
    }
    columns.add(new Column(Kind.DESCRIPTION, DESCRIPTION_ID, DESCRIPTION, null));
    return columns;
  }

  /** A row of the uploaded sheet: its index, the texts of its columns, which cells are formulas. */
  record RuleRow(int index, List<String> cells, java.util.Set<Integer> formulas) {
    String text(int column) {
      return column < cells.size() ? cells.get(column) : "";
    }
  }

  private static void checkLayout(RuleRow info, RuleRow ids, String key, List<Column> columns,
      List<String> problems) {
    var sheetKey = info == null ? "" : info.text(3);
    if (!key.equals(sheetKey)) {
      problems.add("第1行D列：决策键应为 " + key + "，收到“" + sheetKey + "”（是否上传了别的决策表？）");
      return;
    }
    for (int c = 0; c < columns.size(); c++) {
      var found = ids == null ? "" : ids.text(c);
      if (!columns.get(c).id().equals(found)) {
        problems.add("第" + (ID_ROW + 1) + "行" + letter(c) + "列：列标识应为 " + columns.get(c).id() + "（"
            + columns.get(c).label() + "），收到“" + found + "”。表格中不能增删或调换列；调整决策表的输入、输出请用 Camunda Modeler");
      }
    }
    if (ids != null && !ids.text(columns.size()).isEmpty()) {
      problems.add("第" + (ID_ROW + 1) + "行" + letter(columns.size()) + "列：多出的列“"
          + ids.text(columns.size()) + "”。表格中不能增加列；调整决策表的输入、输出请用 Camunda Modeler");
    }
  }

  /** One rule's cells, checked; null for a blank row. */
  private List<String> values(RuleRow row, int width, int r, List<Column> columns,
      List<String> problems) {
    if (row == null) {
      return null;
    }
    var values = new ArrayList<String>(width);
    var blank = true;
    for (int c = 0; c < width; c++) {
      if (row.formulas().contains(c)) {
        problems.add(where(r, c, columns) + "请填写值，不要使用公式");
        values.add("");
        continue;
      }
      var value = row.text(c);
      blank &= value.isEmpty();
      values.add(value);
    }
    if (blank) {
      return null;
    }
    for (int c = 1; c < width - 1; c++) {
      var problem = check(columns.get(c), values.get(c));
      if (problem != null) {
        problems.add(where(r, c, columns) + problem);
      }
    }
    return values;
  }

  /** Why an entry is not valid FEEL of the column's kind and type, or null when it is. */
  String check(Column column, String entry) {
    if (entry.isEmpty()) {
      return null;
    }
    if (entry.indexOf('“') >= 0 || entry.indexOf('”') >= 0) {
      return "“" + shorten(entry) + "”中使用了中文引号，文本请用英文双引号 \" 括起来";
    }
    if (entry.indexOf('，') >= 0 && column.kind() == Kind.INPUT) {
      return "“" + shorten(entry) + "”中使用了中文逗号，多个值请用英文逗号 , 分隔";
    }
    var parsed = column.kind() == Kind.INPUT ? feel.parseUnaryTests(entry) : feel.parseExpression(entry);
    if (!parsed.isSuccess()) {
      return "“" + shorten(entry) + "”不是有效的 FEEL " + (column.kind() == Kind.INPUT ? "条件" : "表达式")
          + "（" + shorten(parsed.failure().message()) + "）";
    }
    var type = column.typeRef() == null ? "" : column.typeRef();
    var unquoted = entry.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"");
    var bare = BARE_CODE.matcher(unquoted);
    if (type.equals("string") && bare.find()) {
      return "“" + bare.group() + "”是代码文本，应写作 \"" + bare.group() + "\"（加英文双引号），否则会被当作变量名，规则永远不会命中";
    }
    if (column.kind() == Kind.OUTPUT) {
      switch (type) {
        case "string" -> {
          if (!(entry.startsWith("\"") && entry.endsWith("\"")) && !entry.equals("null")) {
            return "输出为文本，应写作 \"" + shorten(entry) + "\"（加英文双引号）";
          }
        }
        case "boolean" -> {
          if (!entry.equals("true") && !entry.equals("false") && !entry.equals("null")) {
            return "输出为是/否，应填 true 或 false";
          }
        }
        case "integer", "long", "double" -> {
          try {
            new java.math.BigDecimal(entry);
          } catch (NumberFormatException e) {
            return "输出为数值，应填数字（如 0.5）";
          }
        }
        default -> { }
      }
    } else if (type.equals("boolean") && !List.of("true", "false", "-", "null").contains(entry)) {
      return "条件为是/否，应填 true、false 或留空（表示任意）";
    }
    return null;
  }

  private static void checkRuleIds(List<List<String>> rows, List<String> problems) {
    var seen = new HashSet<String>();
    for (int i = 0; i < rows.size(); i++) {
      var id = rows.get(i).get(0);
      if (id.isEmpty()) {
        continue;
      }
      if (!XML_ID.matcher(id).matches()) {
        problems.add("规则“" + shorten(id) + "”：规则编号只能由英文字母、数字、下划线组成且以字母开头；新增规则可留空，系统自动编号");
      } else if (!seen.add(id)) {
        problems.add("规则编号 " + id + " 重复出现；复制的行请清空规则编号，系统自动编号");
      }
    }
  }

  private static boolean sameRules(DecisionTable table, List<List<String>> rows) {
    var current = new ArrayList<List<String>>();
    for (var rule : table.getRules()) {
      var values = new ArrayList<String>();
      values.add(rule.getId());
      rule.getInputEntries().forEach(e -> values.add(textOf(e.getText()).strip()));
      rule.getOutputEntries().forEach(e -> values.add(textOf(e.getText()).strip()));
      values.add(rule.getDescription() == null ? "" : rule.getDescription().getTextContent().strip());
      current.add(values);
    }
    return current.equals(rows);
  }

  private static void replaceRules(DmnModelInstance model, DecisionTable table,
      List<List<String>> rows) {
    for (var rule : List.copyOf(table.getRules())) {
      table.removeChildElement(rule);
    }
    var taken = new HashSet<String>();
    rows.forEach(r -> taken.add(r.get(0)));
    int next = 1;
    int inputs = table.getInputs().size();
    for (var values : rows) {
      var id = values.get(0);
      if (id.isEmpty() || model.getModelElementById(id) != null) {
        do {
          id = "Rule_Sheet" + next++;
        } while (taken.contains(id) || model.getModelElementById(id) != null);
      }
      var rule = model.newInstance(Rule.class);
      rule.setId(id);
      var description = values.get(values.size() - 1);
      if (!description.isEmpty()) {
        var d = model.newInstance(Description.class);
        d.setTextContent(description);
        rule.setDescription(d);
      }
      for (int c = 1; c < values.size() - 1; c++) {
        var isInput = c <= inputs;
        var text = model.newInstance(Text.class);
        text.setTextContent(values.get(c));
        if (isInput) {
          var entry = model.newInstance(InputEntry.class);
          entry.setId(id + "_In" + c);
          entry.setText(text);
          rule.getInputEntries().add(entry);
        } else {
          var entry = model.newInstance(OutputEntry.class);
          entry.setId(id + "_Out" + (c - inputs));
          entry.setText(text);
          rule.getOutputEntries().add(entry);
        }
      }
      table.getRules().add(rule);
    }
  }

  // --- helpers -------------------------------------------------------------------------------------

  private DecisionDefinition latest(String key) {
    var latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
        .latestVersion().singleResult();
    if (latest == null) {
      throw new NotFoundException("决策表 " + key + " 不存在");
    }
    return latest;
  }

  private DmnModelInstance model(DecisionDefinition definition) {
    try (var in = repository.getDecisionModel(definition.getId())) {
      return Dmn.readModelFromStream(new ByteArrayInputStream(in.readAllBytes()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static DecisionTable table(DmnModelInstance model, String key) {
    Decision decision = model.getModelElementById(key);
    if (decision == null || !(decision.getExpression() instanceof DecisionTable table)) {
      throw new ConflictException("决策 " + key + " 不是决策表，不能导出为规则表");
    }
    return table;
  }

  private static void help(Sheet sheet, List<Column> columns) {
    var lines = new ArrayList<String>(List.of(
        "怎样修改规则",
        "1. 在“规则”工作表中修改、增加、删除或调整规则行的顺序；第1至3行不要修改，也不能增删或调换列。",
        "2. 新增规则的“规则编号”可以留空，系统自动编号；复制的行请清空规则编号。",
        "3. 条件（输入列）：留空或填 - 表示任意；文本用英文双引号，如 \"GEOHAZARD\"；多个值用英文逗号分隔，如 \"VEHICLE\",\"INVESTMENT\"；"
            + "是/否填 true 或 false；数值可写 < 60、[60..80[ 等（FEEL 语法）。",
        "4. 结论（输出列）：文本用英文双引号，如 \"第八条第五项\"；数值直接填写，如 0.5；是/否填 true 或 false。",
        "5. “说明”写明规则依据的条款，如 GX 第八条第五项。",
        "6. 上传后系统逐格检查，有误则指出行和列，不部署；无误则部署为该决策表的新版本，下一次决策即生效。",
        "",
        "各列"));
    for (var c : columns) {
      lines.add(c.label() + "（" + c.id() + (c.typeRef() == null ? "" : "，类型 " + c.typeRef()) + "）");
    }
    for (int i = 0; i < lines.size(); i++) {
      sheet.createRow(i).createCell(0).setCellValue(lines.get(i));
    }
    sheet.setColumnWidth(0, 120 * 256);
  }

  private static void cells(Row row, String... values) {
    for (int i = 0; i < values.length; i++) {
      row.createCell(i).setCellValue(values[i]);
    }
  }

  static String cellText(Cell cell) {
    if (cell == null) {
      return "";
    }
    return switch (cell.getCellType()) {
      case STRING -> cell.getStringCellValue().strip();
      case NUMERIC -> NumberToTextConverter.toText(cell.getNumericCellValue());
      case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
      default -> "";
    };
  }

  private static String textOf(Text text) {
    return text == null || text.getTextContent() == null ? "" : text.getTextContent();
  }

  private static String where(int r, int c, List<Column> columns) {
    return "第" + (r + 1) + "行" + letter(c) + "列（" + columns.get(c).label() + "）：";
  }

  static String letter(int c) {
    return CellReference.convertNumToColString(c);
  }

  private static String shorten(String text) {
    var oneLine = Objects.toString(text, "").replaceAll("\\s+", " ");
    return oneLine.length() > 80 ? oneLine.substring(0, 80) + "…" : oneLine;
  }
}
