package cn.fundmonitor.project;

import cn.fundmonitor.money.Yuan;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Server-side validation of an application: the same rules the form enforces, and more, because a
 * form can be bypassed. Policy questions (is the direction in scope, are the targets enough) are the
 * DMN's; this class only refuses what cannot be stored or understood.
 */
public final class ApplicationValidator {

  public static final int MAX_NAME = 100;
  public static final int MAX_DESCRIPTION = 2000;
  public static final int MAX_INDICATORS = 50;
  public static final int MAX_INDICATOR_NAME = 100;
  public static final int MAX_TARGET = 100;
  public static final int MAX_UNIT = 20;
  static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000"); // 1 万亿元
  private static final Pattern DIVISION_CODE = Pattern.compile("\\d{6}");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private ApplicationValidator() {}

  /**
   * @param defaultRegion the applicant's own division, used when no region is given
   * @param regionExists whether a division code is known
   */
  public static ProjectApplication validate(RawApplication raw, String defaultRegion,
      Predicate<String> regionExists) {
    var problems = new ArrayList<String>();

    var name = requiredText(raw.name(), "项目名称", MAX_NAME, problems);
    var region = text(raw.regionCode());
    if (region == null) {
      region = defaultRegion;
    } else if (!DIVISION_CODE.matcher(region).matches()) {
      problems.add("项目所在地行政区划代码应为6位数字，收到“" + shorten(region) + "”");
    } else if (!regionExists.test(region)) {
      problems.add("未知的行政区划代码：" + region);
    }
    var direction = required(raw.direction(), "申报方向", Direction::parse, problems);
    var fundClass = required(raw.fundClass(), "资金类型", FundClass::parse, problems);
    var amount = amount(raw.requestedAmount(), problems);
    var description = text(raw.description());
    if (description != null && description.length() > MAX_DESCRIPTION) {
      problems.add("项目简介不能超过" + MAX_DESCRIPTION + "个字（现为" + description.length() + "个字）");
    }
    var indicators = indicators(raw.indicators(), problems);

    if (!problems.isEmpty()) {
      throw new InvalidApplicationException(problems);
    }
    return new ProjectApplication(name, region, direction, fundClass, amount, description,
        indicators);
  }

  private static List<Indicator> indicators(List<Map<String, Object>> rows, List<String> problems) {
    if (rows == null || rows.isEmpty()) {
      problems.add("未填写绩效目标：每个项目至少要有一条绩效指标，无目标不得入库（资阳 目标前置；MNR 第十条）");
      return List.of();
    }
    if (rows.size() > MAX_INDICATORS) {
      problems.add("绩效指标不能超过" + MAX_INDICATORS + "条（现为" + rows.size() + "条）");
      return List.of();
    }
    var result = new ArrayList<Indicator>();
    for (int i = 0; i < rows.size(); i++) {
      var row = rows.get(i) == null ? Map.<String, Object>of() : rows.get(i);
      var before = problems.size();
      var prefix = "第" + (i + 1) + "条指标";
      var rowProblems = new ArrayList<String>();
      var level = required(row.get("level1"), "一级指标", IndicatorLevel::parse, rowProblems);
      var category = required(row.get("level2"), "二级指标", IndicatorCategory::parse, rowProblems);
      if (level != null && category != null && category.level() != level) {
        rowProblems.add("二级指标“" + category.label() + "”不属于一级指标“" + level.label() + "”");
      }
      var name = requiredText(row.get("name"), "三级指标名称", MAX_INDICATOR_NAME, rowProblems);
      var comparator = required(row.get("comparator"), "比较符", Comparator::parse, rowProblems);
      var targetText = requiredText(row.get("target"), "目标值", MAX_TARGET, rowProblems);
      var unit = text(row.get("unit"));
      if (unit != null && unit.length() > MAX_UNIT) {
        rowProblems.add("计量单位不能超过" + MAX_UNIT + "个字");
      }
      IndicatorTarget target = null;
      if (comparator != null && targetText != null) {
        target = target(comparator, targetText, rowProblems);
      }
      rowProblems.forEach(p -> problems.add(prefix + "：" + p));
      if (problems.size() == before) {
        result.add(new Indicator(level, category, name, comparator, target, unit));
      }
    }
    return result;
  }

  private static IndicatorTarget target(Comparator comparator, String text, List<String> problems) {
    if (!comparator.isQuantified()) {
      return new IndicatorTarget.Qualitative(text);
    }
    var cleaned = text.replace(",", "").replace("%", "").trim();
    if (DATE.matcher(cleaned).matches()) {
      try {
        return new IndicatorTarget.Deadline(LocalDate.parse(cleaned));
      } catch (DateTimeParseException e) {
        problems.add("目标值“" + text + "”不是有效的日期");
        return null;
      }
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

  private static Yuan amount(Object value, List<String> problems) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      problems.add("请填写申报金额（元）");
      return null;
    }
    BigDecimal amount;
    try {
      amount = new BigDecimal(value.toString().replace(",", "").trim());
    } catch (NumberFormatException e) {
      problems.add("申报金额“" + shorten(value.toString()) + "”不是有效的数字");
      return null;
    }
    if (amount.signum() < 0) {
      problems.add("申报金额不能为负数");
      return null;
    }
    if (amount.stripTrailingZeros().scale() > 2) {
      problems.add("申报金额以元为单位，最多保留两位小数（到分）");
      return null;
    }
    if (amount.compareTo(MAX_AMOUNT) > 0) {
      problems.add("申报金额超过上限（1万亿元），请核对单位是否为元");
      return null;
    }
    return Yuan.of(amount);
  }

  private static <T> T required(Object value, String label, Function<String, Optional<T>> parser,
      List<String> problems) {
    var text = text(value);
    if (text == null) {
      problems.add("请填写" + label);
      return null;
    }
    var parsed = parser.apply(text);
    if (parsed.isEmpty()) {
      problems.add(label + "“" + shorten(text) + "”不是可选的值");
      return null;
    }
    return parsed.get();
  }

  private static String requiredText(Object value, String label, int max, List<String> problems) {
    var text = text(value);
    if (text == null) {
      problems.add("请填写" + label);
      return null;
    }
    if (text.length() > max) {
      problems.add(label + "不能超过" + max + "个字（现为" + text.length() + "个字）");
      return null;
    }
    return text;
  }

  private static String text(Object value) {
    if (value == null) {
      return null;
    }
    var text = value.toString().strip();
    return text.isEmpty() ? null : text;
  }

  private static String shorten(String text) {
    return text.length() <= 20 ? text : text.substring(0, 20) + "…";
  }
}
