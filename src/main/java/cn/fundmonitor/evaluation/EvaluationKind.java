package cn.fundmonitor.evaluation;

import java.util.List;

/**
 * Which of the evaluations GX 第二十五条 asks for a project-year's self-evaluation is
 * (按要求开展年度、中期和实施期后绩效评价).
 */
public enum EvaluationKind {
  ANNUAL("年度绩效评价"),
  MIDTERM("中期绩效评价"),
  FINAL("实施期后绩效评价");

  private final String label;

  EvaluationKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /**
   * The kind of a year's evaluation. FINAL once: the year the project's life ended, or the last
   * year of its implementation period (the years it has annual targets for), unless a final
   * evaluation was made before. MIDTERM: the middle year of a period of three years or more — the
   * seeds name the mid-term evaluation but not its year, so the middle year is a configurable
   * default of this code. Everything else, and projects without annual targets, ANNUAL.
   */
  static EvaluationKind of(int year, List<Integer> periodYears, boolean lifeEndedInYear,
      boolean finalBefore) {
    if (periodYears.isEmpty()) {
      return lifeEndedInYear && !finalBefore ? FINAL : ANNUAL;
    }
    int first = periodYears.get(0);
    int last = periodYears.get(periodYears.size() - 1);
    if (!finalBefore && (lifeEndedInYear || year == last)) {
      return FINAL;
    }
    if (last - first + 1 >= 3 && year == first + (last - first) / 2) {
      return MIDTERM;
    }
    return ANNUAL;
  }
}
