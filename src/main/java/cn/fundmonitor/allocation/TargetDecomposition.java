package cn.fundmonitor.allocation;

import static cn.fundmonitor.common.Inputs.text;

import cn.fundmonitor.project.Comparator;
import cn.fundmonitor.project.Indicator;
import cn.fundmonitor.project.IndicatorCategory;
import cn.fundmonitor.project.IndicatorRows;
import cn.fundmonitor.project.IndicatorTarget;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Decomposing approved targets onto units (recipients, or projects) without lowering them
 * (MNR 第十条: 按照批复下达的绩效目标逐级分解; GX 第二十一条: 绩效目标不降低):
 * <ul>
 *   <li>an additive quantity (数量 with ≥ or =) is split: the units' targets must add up to at least
 *       (for =, exactly) the approved target; a unit that does not name it contributes nothing,
 *       except a single unit, which takes the whole target when it names none;
 *   <li>every other indicator holds for every unit: a unit's ≥ target is not below the approved
 *       one, a ≤ target not above it, an = target equal; a unit that does not name it inherits the
 *       approved target unchanged.
 * </ul>
 * A decomposed "≥ 100" can therefore never become "≥ 80".
 */
public final class TargetDecomposition {

  private TargetDecomposition() {}

  /** One row as entered: which unit, which approved indicator (by name), which value. */
  public record Input(String unitCode, String indicatorName, String target) {}

  static boolean additive(Indicator approved) {
    return approved.category() == IndicatorCategory.QUANTITY
        && (approved.comparator() == Comparator.GE || approved.comparator() == Comparator.EQ)
        && approved.target() instanceof IndicatorTarget.Numeric;
  }

  /**
   * @param approved the targets being handed down, by position (1-based)
   * @param units the units receiving them
   * @param rows the values entered
   * @param unitName how a unit is named in messages
   * @return every (unit, indicator) pair, entered or inherited
   */
  public static List<DecomposedTarget> decompose(List<Indicator> approved, Collection<String> units,
      List<Map<String, Object>> rows, Function<String, String> unitName, String unitLabel,
      List<String> problems) {
    var byName = new LinkedHashMap<String, Integer>();
    for (int i = 0; i < approved.size(); i++) {
      byName.put(approved.get(i).name(), i);
    }
    Map<String, IndicatorTarget> entered = new HashMap<>(); // unit|position -> target
    for (int r = 0; r < rows.size(); r++) {
      var row = rows.get(r);
      var prefix = "第" + (r + 1) + "条分解指标：";
      var unit = text(row.get("unitCode"));
      var name = text(row.get("indicatorName"));
      var value = text(row.get("target"));
      if (unit == null || !units.contains(unit)) {
        problems.add(prefix + unitLabel + "“" + (unit == null ? "" : unit) + "”不在本次资金的" + unitLabel + "中");
        continue;
      }
      var position = name == null ? null : byName.get(name);
      if (position == null) {
        problems.add(prefix + "指标“" + (name == null ? "" : name) + "”不在批复的绩效目标中");
        continue;
      }
      if (value == null) {
        problems.add(prefix + "请填写目标值");
        continue;
      }
      var ind = approved.get(position);
      var rowProblems = new ArrayList<String>();
      var target = IndicatorRows.target(ind.comparator(), value, rowProblems);
      rowProblems.forEach(p -> problems.add(prefix + p));
      if (target != null && entered.put(unit + "|" + position, target) != null) {
        problems.add(prefix + unitName.apply(unit) + "的指标“" + name + "”重复填写");
      }
    }

    var result = new ArrayList<DecomposedTarget>();
    for (int i = 0; i < approved.size(); i++) {
      var ind = approved.get(i);
      if (additive(ind) && units.size() == 1 && !entered.containsKey(units.iterator().next() + "|" + i)) {
        result.add(new DecomposedTarget(units.iterator().next(), i + 1, ind, ind.target(), true));
      } else if (additive(ind)) {
        var sum = BigDecimal.ZERO;
        for (var unit : units) {
          var t = entered.get(unit + "|" + i);
          if (t == null) {
            continue;
          }
          if (!(t instanceof IndicatorTarget.Numeric n)) {
            problems.add(unitName.apply(unit) + "：指标“" + ind.name() + "”应分解为数值");
            continue;
          }
          sum = sum.add(n.value());
          result.add(new DecomposedTarget(unit, i + 1, ind, t, false));
        }
        var approvedValue = ((IndicatorTarget.Numeric) ind.target()).value();
        var tooLow = ind.comparator() == Comparator.GE ? sum.compareTo(approvedValue) < 0
            : sum.compareTo(approvedValue) != 0;
        if (tooLow) {
          problems.add("指标“" + ind.name() + "”分解合计 " + plain(sum) + unit(ind) + "，"
              + (ind.comparator() == Comparator.GE ? "低于" : "不等于") + "批复目标 "
              + ind.comparator().symbol() + " " + ind.target().text() + unit(ind));
        }
      } else {
        for (var unit : units) {
          var t = entered.get(unit + "|" + i);
          if (t == null) {
            result.add(new DecomposedTarget(unit, i + 1, ind, ind.target(), true));
            continue;
          }
          var lower = lowerThan(ind, t);
          if (lower != null) {
            problems.add(unitName.apply(unit) + "：指标“" + ind.name() + "”分解为 "
                + ind.comparator().symbol() + " " + t.text() + unit(ind) + "，" + lower + "批复目标 "
                + ind.comparator().symbol() + " " + ind.target().text() + unit(ind));
          }
          result.add(new DecomposedTarget(unit, i + 1, ind, t, false));
        }
      }
    }
    return result;
  }

  /** Why a unit's target is weaker than the approved one ("低于", "高于", "不等于"), or null. */
  private static String lowerThan(Indicator approved, IndicatorTarget given) {
    var a = approved.target();
    if (a instanceof IndicatorTarget.Qualitative) {
      return null;
    }
    int cmp;
    if (a instanceof IndicatorTarget.Numeric an && given instanceof IndicatorTarget.Numeric gn) {
      cmp = gn.value().compareTo(an.value());
    } else if (a instanceof IndicatorTarget.Deadline ad
        && given instanceof IndicatorTarget.Deadline gd) {
      cmp = gd.date().compareTo(ad.date());
    } else {
      return "类型不同于";
    }
    return switch (approved.comparator()) {
      case GE -> cmp < 0 ? "低于" : null;
      case LE -> cmp > 0 ? "宽于" : null;
      case EQ -> cmp != 0 ? "不等于" : null;
      case QUALITATIVE -> null;
    };
  }

  private static String unit(Indicator i) {
    return i.unit() == null || i.unit().isBlank() ? "" : " " + i.unit();
  }

  private static String plain(BigDecimal value) {
    var v = value.stripTrailingZeros();
    return (v.scale() < 0 ? v.setScale(0) : v).toPlainString();
  }
}
