package cn.fundmonitor.project;

import java.util.Arrays;
import java.util.Optional;

/** Level 2 of the indicator frame; each belongs to one level-1 heading. */
public enum IndicatorCategory {
  QUANTITY("数量", IndicatorLevel.OUTPUT),
  QUALITY("质量", IndicatorLevel.OUTPUT),
  TIMELINESS("时效", IndicatorLevel.OUTPUT),
  COST("成本", IndicatorLevel.OUTPUT),
  ECONOMIC("经济效益", IndicatorLevel.BENEFIT),
  SOCIAL("社会效益", IndicatorLevel.BENEFIT),
  ECOLOGICAL("生态效益", IndicatorLevel.BENEFIT),
  SUSTAINABILITY("可持续影响", IndicatorLevel.BENEFIT),
  SERVICE_SATISFACTION("服务对象满意度", IndicatorLevel.SATISFACTION);

  private final String label;
  private final IndicatorLevel level;

  IndicatorCategory(String label, IndicatorLevel level) {
    this.label = label;
    this.level = level;
  }

  public String label() {
    return label;
  }

  public IndicatorLevel level() {
    return level;
  }

  public static Optional<IndicatorCategory> parse(String text) {
    return Arrays.stream(values())
        .filter(c -> c.name().equalsIgnoreCase(text) || c.label.equals(text)).findFirst();
  }
}
