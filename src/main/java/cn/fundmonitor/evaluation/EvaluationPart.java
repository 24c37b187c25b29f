package cn.fundmonitor.evaluation;

import cn.fundmonitor.project.IndicatorLevel;
import java.util.Arrays;
import java.util.Optional;

/**
 * The parts a project's self-evaluation score is made of; their weights come from the DMN
 * {@code selfEvaluationWeights} (产出 50, 效益 30, 满意度 10, 预算执行率 10 by default).
 */
public enum EvaluationPart {
  OUTPUT("产出", IndicatorLevel.OUTPUT),
  BENEFIT("效益", IndicatorLevel.BENEFIT),
  SATISFACTION("满意度", IndicatorLevel.SATISFACTION),
  BUDGET_EXECUTION("预算执行率", null);

  private final String label;
  private final IndicatorLevel level;

  EvaluationPart(String label, IndicatorLevel level) {
    this.label = label;
    this.level = level;
  }

  public String label() {
    return label;
  }

  public IndicatorLevel level() {
    return level;
  }

  public static Optional<EvaluationPart> parse(String text) {
    return Arrays.stream(values()).filter(p -> p.name().equalsIgnoreCase(text) || p.label.equals(text))
        .findFirst();
  }
}
