package cn.fundmonitor.evaluation;

import java.util.Arrays;
import java.util.Optional;

/** The grade of a self-evaluation, as the DMN {@code selfEvaluationGrade} gives it. */
public enum Grade {
  EXCELLENT("优"), GOOD("良"), FAIR("中"), POOR("差");

  private final String label;

  Grade(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Optional<Grade> parse(String text) {
    return Arrays.stream(values()).filter(g -> g.name().equalsIgnoreCase(text) || g.label.equals(text))
        .findFirst();
  }
}
