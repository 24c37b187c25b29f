package cn.fundmonitor.project;

import java.util.Arrays;
import java.util.Optional;

/** Level 1 of the national three-level indicator frame (SPEC §2). */
public enum IndicatorLevel {
  OUTPUT("产出"),
  BENEFIT("效益"),
  SATISFACTION("满意度");

  private final String label;

  IndicatorLevel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Optional<IndicatorLevel> parse(String text) {
    return Arrays.stream(values())
        .filter(l -> l.name().equalsIgnoreCase(text) || l.label.equals(text)).findFirst();
  }
}
