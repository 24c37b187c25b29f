package cn.fundmonitor.rules;

import cn.fundmonitor.project.Direction;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads one expense from text fields, the same way for the JSON API and for a sheet's row: codes
 * or Chinese names for the choices, 是/否 (or true/false) for the facts, every problem in Chinese.
 * Facts left empty take the harmless value (not outside the area, related to the project).
 */
public final class ExpenseInput {

  /** The fields, with their JSON name and their sheet column. */
  public enum Field {
    DIRECTION("direction", "资金方向"),
    CATEGORY("expenseCategory", "支出类别"),
    OUTSIDE_AREA("infrastructureOutsideProjectArea", "项目区外不直接配套的基础设施"),
    FARMLAND("mainlyFarmlandSupplement", "以补充耕地为主要或单一目标"),
    HAZARD_PARTY("hazardResponsibleParty", "地质灾害责任方"),
    HUMAN_CAUSED("hazardCausedByHumanActivity", "人为活动引发的地质灾害"),
    LIABLE_PARTY("liablePartyExists", "有明确恢复治理或复垦责任主体"),
    RELATED("relatedToProject", "与项目相关");

    final String json;
    final String column;

    Field(String json, String column) {
      this.json = json;
      this.column = column;
    }

    public String json() {
      return json;
    }

    public String column() {
      return column;
    }
  }

  private ExpenseInput() {}

  /** The expense, or null when a problem was added (prefixed, e.g. "第3行"). */
  public static Expense read(Function<Field, String> value, String prefix, List<String> problems) {
    var before = problems.size();
    var direction = choice(value, Field.DIRECTION, Direction::parse, prefix, problems, null);
    var category = choice(value, Field.CATEGORY, ExpenseCategory::parse, prefix, problems, null);
    var party = choice(value, Field.HAZARD_PARTY, HazardParty::parse, prefix, problems,
        HazardParty.NONE);
    var outside = flag(value, Field.OUTSIDE_AREA, false, prefix, problems);
    var farmland = flag(value, Field.FARMLAND, false, prefix, problems);
    var human = flag(value, Field.HUMAN_CAUSED, false, prefix, problems);
    var liable = flag(value, Field.LIABLE_PARTY, false, prefix, problems);
    var related = flag(value, Field.RELATED, true, prefix, problems);
    if (problems.size() > before) {
      return null;
    }
    return new Expense(direction, category, outside, farmland, party, human, liable, related);
  }

  private static <T> T choice(Function<Field, String> value, Field field,
      Function<String, Optional<T>> parse, String prefix, List<String> problems, T fallback) {
    var text = blankToNull(value.apply(field));
    if (text == null) {
      if (fallback == null) {
        problems.add(prefix + "请填写" + field.column);
      }
      return fallback;
    }
    var parsed = parse.apply(text);
    if (parsed.isEmpty()) {
      problems.add(prefix + field.column + "“" + shorten(text) + "”不是可选的值");
      return null;
    }
    return parsed.get();
  }

  private static boolean flag(Function<Field, String> value, Field field, boolean fallback,
      String prefix, List<String> problems) {
    var text = blankToNull(value.apply(field));
    if (text == null) {
      return fallback;
    }
    return switch (text.toUpperCase()) {
      case "是", "Y", "YES", "TRUE", "1" -> true;
      case "否", "N", "NO", "FALSE", "0" -> false;
      default -> {
        problems.add(prefix + field.column + "：应填“是”或“否”，收到“" + shorten(text) + "”");
        yield fallback;
      }
    };
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static String shorten(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }
}
