package cn.fundmonitor.project;

import static cn.fundmonitor.common.Inputs.*;

import cn.fundmonitor.common.Inputs;
import cn.fundmonitor.common.Problems;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Performance indicators as forms and sheets send them: rows of {level1, level2, name, comparator,
 * target, unit}, checked against the national three-level frame (SPEC §2).
 */
public final class IndicatorRows {

  public static final int MAX_INDICATORS = 50;
  public static final int MAX_INDICATOR_NAME = 100;
  public static final int MAX_TARGET = 100;
  public static final int MAX_UNIT = 20;
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private IndicatorRows() {}

  /**
   * One indicator as a form's dynamic list carries it: the frame's codes and the texts as typed
   * (the process variables' typed reads; what a user submits is checked from the raw rows).
   */
  public record Row(String level1, String level2, String name, String comparator, String target,
      String unit) {

    /** The indicator's row; no unit is an empty text, as the form's field gives it. */
    public static Row of(Indicator i) {
      return new Row(i.level().name(), i.category().name(), i.name(), i.comparator().name(),
          i.target().text(), i.unit() == null ? "" : i.unit());
    }
  }

  /** Indicators back as rows, e.g. to issue a project's overall targets as a year's. */
  public static List<Map<String, Object>> rows(List<Indicator> indicators) {
    return indicators.stream().map(i -> {
      var row = new java.util.LinkedHashMap<String, Object>();
      row.put("level1", i.level().name());
      row.put("level2", i.category().name());
      row.put("name", i.name());
      row.put("comparator", i.comparator().name());
      row.put("target", i.target().text());
      row.put("unit", i.unit());
      return (Map<String, Object>) row;
    }).toList();
  }

  /** Parses every row; problems are prefixed with the row ("第2条指标：…"). */
  public static List<Indicator> parse(List<Map<String, Object>> rows, String missingProblem,
      List<String> problems) {
    var found = new Problems();
    var result = parse(rows, missingProblem, found, "indicators");
    problems.addAll(found.messages());
    return result;
  }

  /**
   * Parses every row; each problem names its cell as the field ({@code <field>/<row>/target}, rows
   * counted from 0 as in JSON) and its row in the text ("第2条指标：…").
   */
  public static List<Indicator> parse(List<Map<String, Object>> rows, String missingProblem,
      Problems problems, String field) {
    if (rows == null || rows.isEmpty()) {
      problems.add(field, missingProblem);
      return List.of();
    }
    if (rows.size() > MAX_INDICATORS) {
      problems.add(field, "绩效指标不能超过" + MAX_INDICATORS + "条（现为" + rows.size() + "条）");
      return List.of();
    }
    var result = new ArrayList<Indicator>();
    for (int i = 0; i < rows.size(); i++) {
      var row = rows.get(i) == null ? Map.<String, Object>of() : rows.get(i);
      var before = problems.errors().size();
      var prefix = "第" + (i + 1) + "条指标：";
      var cell = field + "/" + i + "/";
      var level = required(row.get("level1"), "一级指标", IndicatorLevel::parse,
          problems.at(cell + "level1", prefix));
      var category = required(row.get("level2"), "二级指标", IndicatorCategory::parse,
          problems.at(cell + "level2", prefix));
      if (level != null && category != null && category.level() != level) {
        problems.add(cell + "level2", prefix + "二级指标“" + category.label() + "”不属于一级指标“"
            + level.label() + "”");
      }
      var name = requiredText(row.get("name"), "三级指标名称", MAX_INDICATOR_NAME,
          problems.at(cell + "name", prefix));
      var comparator = required(row.get("comparator"), "比较符", Comparator::parse,
          problems.at(cell + "comparator", prefix));
      var targetText = requiredText(row.get("target"), "目标值", MAX_TARGET,
          problems.at(cell + "target", prefix));
      var unit = optionalText(row.get("unit"), "计量单位", MAX_UNIT, problems.at(cell + "unit", prefix));
      IndicatorTarget target = null;
      if (comparator != null && targetText != null) {
        target = target(comparator, targetText, problems.at(cell + "target", prefix));
      }
      if (problems.errors().size() == before) {
        result.add(new Indicator(level, category, name, comparator, target, unit));
      }
    }
    return result;
  }

  /** A target value for a comparator: a number or a date, or any phrase for "定性". */
  public static IndicatorTarget target(Comparator comparator, String text, List<String> problems) {
    if (!comparator.isQuantified()) {
      return new IndicatorTarget.Qualitative(text);
    }
    var cleaned = text.replace(",", "").replace("%", "").strip();
    if (DATE.matcher(cleaned).matches()) {
      try {
        return new IndicatorTarget.Deadline(LocalDate.parse(cleaned));
      } catch (DateTimeParseException e) {
        problems.add("目标值“" + text + "”不是有效的日期");
        return null;
      }
    }
    if (Inputs.tooLongForANumber(cleaned)) {
      problems.add("目标值“" + Inputs.shorten(text) + "”位数过多");
      return null;
    }
    try {
      var value = new BigDecimal(cleaned);
      if (value.signum() < 0) {
        problems.add("目标值不能为负数");
        return null;
      }
      return new IndicatorTarget.Numeric(value);
    } catch (NumberFormatException e) {
      problems.add("比较符为“" + comparator.symbol() + "”时目标值须为数字或日期（yyyy-MM-dd），收到“"
          + shorten(text) + "”；定性目标请选择比较符“定性”");
      return null;
    }
  }
}
