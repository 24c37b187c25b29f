package cn.fundmonitor.project;

/** One level-3 performance indicator of a project's target (绩效目标). */
public record Indicator(IndicatorLevel level, IndicatorCategory category, String name,
    Comparator comparator, IndicatorTarget target, String unit) {

  public boolean isQuantified() {
    return comparator.isQuantified() && !(target instanceof IndicatorTarget.Qualitative);
  }

  /** e.g. "建设用地报批 ≥ 450 亩" */
  public String describe() {
    var u = unit == null || unit.isBlank() ? "" : " " + unit;
    return name + " " + comparator.symbol() + " " + target.text() + u;
  }
}
