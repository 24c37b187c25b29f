package cn.fundmonitor.project;

import java.util.ArrayList;
import java.util.List;

/**
 * GX 第二十一条: an adjusted implementation plan may not lower the performance targets. The
 * adjusted list keeps every indicator in its place (the quarterly filings refer to them by
 * position), with the same comparator and unit and a target at least as demanding; indicators
 * may be added at the end.
 */
public final class TargetAdjustment {

  private TargetAdjustment() {}

  /** What the adjustment would lower or lose, indicator by indicator, in Chinese; empty if none. */
  public static List<String> problems(List<Indicator> before, List<Indicator> after) {
    var problems = new ArrayList<String>();
    for (int i = 0; i < before.size(); i++) {
      var old = before.get(i);
      var label = "第" + (i + 1) + "项指标“" + old.name() + "”";
      if (i >= after.size()) {
        problems.add(label + "不得删除");
        continue;
      }
      var now = after.get(i);
      if (!now.name().equals(old.name()) || now.category() != old.category()) {
        problems.add(label + "不得改名、改变类别或调换顺序（调整后为“" + now.name() + "”）；新增指标请排在最后");
        continue;
      }
      if (now.comparator() != old.comparator() || !same(now.unit(), old.unit())) {
        problems.add(label + "的比较符和计量单位不得改变");
        continue;
      }
      var lowered = lowered(old, now);
      if (lowered != null) {
        problems.add(label + lowered + "（GX 第二十一条：调整实施方案应坚持绩效目标不降低）");
      }
    }
    return problems;
  }

  private static String lowered(Indicator old, Indicator now) {
    if (old.target() instanceof IndicatorTarget.Numeric o && now.target() instanceof IndicatorTarget.Numeric n) {
      if (old.comparator() == Comparator.LE) {
        return n.value().compareTo(o.value()) > 0
            ? "目标值由 ≤ " + o.text() + " 放宽为 ≤ " + n.text() : null;
      }
      return n.value().compareTo(o.value()) < 0
          ? "目标值由 " + o.text() + " 降低为 " + n.text() : null;
    }
    if (old.target() instanceof IndicatorTarget.Deadline o && now.target() instanceof IndicatorTarget.Deadline n) {
      return n.date().isAfter(o.date()) ? "完成期限由 " + o.date() + " 推迟至 " + n.date() : null;
    }
    if (old.target() instanceof IndicatorTarget.Qualitative o) {
      return o.text().equals(now.target().text()) ? null
          : "为定性目标，不得修改（原为“" + o.text() + "”）";
    }
    return "目标值的类型不得改变";
  }

  private static boolean same(String a, String b) {
    return (a == null ? "" : a.strip()).equals(b == null ? "" : b.strip());
  }
}
