package cn.fundmonitor.lifecycle;

import java.util.Arrays;
import java.util.Optional;

/**
 * Final acceptance (竣工验收), or the initial acceptance (初步验收) of geohazard works that need a
 * hydrological year before their final one (GX 第二十三条).
 */
public enum AcceptanceKind {
  FINAL("竣工验收"), INITIAL("初步验收（需满一个水文年终验）");

  private final String label;

  AcceptanceKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Optional<AcceptanceKind> parse(String text) {
    return Arrays.stream(values()).filter(k -> k.name().equalsIgnoreCase(text) || k.label.equals(text))
        .findFirst();
  }
}
