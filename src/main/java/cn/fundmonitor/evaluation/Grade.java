package cn.fundmonitor.evaluation;

import cn.fundmonitor.common.ConflictException;
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

  /** The grade the DMN {@code selfEvaluationGrade} output; a code it cannot give is its mistake. */
  public static Grade fromDecision(Object code) {
    return parse(String.valueOf(code)).orElseThrow(() -> new ConflictException(
        "决策表“绩效自评等级”（selfEvaluationGrade）给出的等级“" + code + "”无法识别"));
  }

  public static Optional<Grade> parse(String text) {
    return Arrays.stream(values()).filter(g -> g.name().equalsIgnoreCase(text) || g.label.equals(text))
        .findFirst();
  }
}
