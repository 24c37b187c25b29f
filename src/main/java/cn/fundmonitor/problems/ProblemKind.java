package cn.fundmonitor.problems;

import java.util.Arrays;
import java.util.Optional;

/** The problems MNR 第十二条 names, and others. */
public enum ProblemKind {
  SLOW_PAYMENT("资金支付缓慢"),
  SLOW_PROGRESS("绩效目标进展缓慢"),
  UNAUTHORISED_CHANGE("擅自调整、终止项目"),
  MISAPPROPRIATION("挪用套取财政资金"),
  OTHER("其他问题");

  private final String label;

  ProblemKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Optional<ProblemKind> parse(String text) {
    return Arrays.stream(values())
        .filter(k -> k.name().equalsIgnoreCase(text) || k.label.equals(text)).findFirst();
  }
}
