package cn.fundmonitor.common;

import cn.fundmonitor.money.Yuan;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reading untyped input (form variables, JSON, spreadsheet cells) into typed values, collecting a
 * Chinese problem for each value that is missing or wrong instead of stopping at the first.
 */
public final class Inputs {

  /** 1 万亿元: anything above is a unit mistake (万元 entered as 元 and so on). */
  public static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");

  /** Digits grouped by thousands with commas, as a person types a large amount: 12,500,000.00 */
  private static final Pattern GROUPED = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

  /**
   * More characters than any number the system keeps (1 万亿 to the cent, with separators) could
   * have. Longer texts are refused unparsed: BigDecimal reads a million digits in quadratic time,
   * and one request with a 1 MB "amount" kept a web thread busy for about a minute.
   */
  public static final int MAX_NUMBER_LENGTH = 40;

  private Inputs() {}

  /** A text too long to be any number the system accepts (refuse it without parsing). */
  public static boolean tooLongForANumber(String text) {
    return text != null && text.length() > MAX_NUMBER_LENGTH;
  }

  /** The trimmed text, or null when empty. */
  public static String text(Object value) {
    if (value == null) {
      return null;
    }
    var text = value.toString().strip();
    return text.isEmpty() ? null : text;
  }

  public static String requiredText(Object value, String label, int max, List<String> problems) {
    var text = text(value);
    if (text == null) {
      problems.add("请填写" + label);
      return null;
    }
    return maxLength(text, label, max, problems);
  }

  public static String optionalText(Object value, String label, int max, List<String> problems) {
    var text = text(value);
    return text == null ? null : maxLength(text, label, max, problems);
  }

  private static String maxLength(String text, String label, int max, List<String> problems) {
    if (text.length() > max) {
      problems.add(label + "不能超过" + max + "个字（现为" + text.length() + "个字）");
      return null;
    }
    return text;
  }

  /** A value chosen from a list (an enum's code or Chinese name). */
  public static <T> T required(Object value, String label, Function<String, Optional<T>> parser,
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

  /**
   * Yuan, exact to the cent, not negative: a number or a text such as "1,250,000.50" (commas only
   * between groups of three digits). Never rounded: a third decimal is refused.
   */
  public static Yuan amount(Object value, String label, List<String> problems) {
    if (text(value) == null) {
      problems.add("请填写" + label + "（元）");
      return null;
    }
    var text = value.toString().strip();
    if (tooLongForANumber(text)) {
      problems.add(label + "“" + shorten(text) + "”位数过多，不是有效的金额");
      return null;
    }
    if (text.contains(",") && !GROUPED.matcher(text).matches()) {
      // "12,50,000" or "1,5" is a typing mistake, not 1250000 or 15: say so instead of guessing
      problems.add(label + "“" + shorten(text) + "”的千位分隔符位置不对，应每三位一个逗号，如 12,500,000.00");
      return null;
    }
    BigDecimal amount;
    try {
      amount = new BigDecimal(text.replace(",", ""));
    } catch (NumberFormatException e) {
      problems.add(label + "“" + shorten(text) + "”不是有效的数字");
      return null;
    }
    if (amount.signum() < 0) {
      problems.add(label + "不能为负数");
      return null;
    }
    if (amount.stripTrailingZeros().scale() > 2) {
      problems.add(label + "以元为单位，最多保留两位小数（到分）");
      return null;
    }
    if (amount.compareTo(MAX_AMOUNT) > 0) {
      problems.add(label + "超过上限（1万亿元），请核对单位是否为元");
      return null;
    }
    return Yuan.of(amount);
  }

  /** An amount that may be left empty, meaning zero. */
  public static Yuan amountOrZero(Object value, String label, List<String> problems) {
    return text(value) == null ? Yuan.ZERO : amount(value, label, problems);
  }

  /** A percentage from 0 to 100 (at most two decimals). */
  public static BigDecimal percent(Object value, String label, List<String> problems) {
    var text = text(value);
    if (text == null) {
      problems.add("请填写" + label);
      return null;
    }
    if (tooLongForANumber(text)) {
      problems.add(label + "“" + shorten(text) + "”不是有效的数字");
      return null;
    }
    try {
      var p = new BigDecimal(text.replace("%", "").strip());
      if (p.signum() < 0 || p.compareTo(BigDecimal.valueOf(100)) > 0 || p.stripTrailingZeros().scale() > 2) {
        problems.add(label + "应为0至100之间的数（最多两位小数）");
        return null;
      }
      return p;
    } catch (NumberFormatException e) {
      problems.add(label + "“" + shorten(text) + "”不是有效的数字");
      return null;
    }
  }

  /** A date written yyyy-MM-dd (a form's date field, or a date-time whose date is taken). */
  /** A budget year, 2000 to 2100; 0 with the problem noted otherwise. */
  public static int budgetYear(Object value, List<String> problems) {
    var text = text(value);
    try {
      var year = Integer.parseInt(text);
      if (year >= 2000 && year <= 2100) {
        return year;
      }
    } catch (RuntimeException e) {
      // reported below
    }
    problems.add("预算年度应为2000至2100之间的年份");
    return 0;
  }

  public static LocalDate date(Object value, String label, List<String> problems) {
    var text = text(value);
    if (text == null) {
      problems.add("请填写" + label);
      return null;
    }
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      problems.add(label + "“" + shorten(text) + "”不是有效的日期（yyyy-MM-dd）");
      return null;
    }
  }

  public static String shorten(String text) {
    return text.length() <= 20 ? text : text.substring(0, 20) + "…";
  }
}
