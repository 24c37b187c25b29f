package cn.fundmonitor.project;

import java.util.Arrays;
import java.util.Optional;

/** The three fund classes of MNR 第二条, local funds by the level that supports them. */
public enum FundClass {
  CENTRAL("中央财政支持专项相关资金"),
  PROVINCIAL("省级财政支持专项相关资金"),
  CITY("市级财政支持专项相关资金"),
  COUNTY("县级财政支持专项相关资金"),
  SOCIAL("社会资金");

  private final String label;

  FundClass(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Optional<FundClass> parse(String text) {
    return Arrays.stream(values())
        .filter(f -> f.name().equalsIgnoreCase(text) || f.label.equals(text)).findFirst();
  }
}
