package cn.fundmonitor.filing;

import java.util.Arrays;
import java.util.Optional;

/** Where paid money came from (MNR 第二条: 中央、地方财政支持专项相关资金，社会资金). */
public enum FundSource {
  CENTRAL("中央财政资金"),
  PROVINCIAL("省级财政资金"),
  LOCAL("市县财政资金"),
  SOCIAL("社会资金");

  private final String label;

  FundSource(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Optional<FundSource> parse(String text) {
    return Arrays.stream(values())
        .filter(s -> s.name().equalsIgnoreCase(text) || s.label.equals(text)).findFirst();
  }
}
