package cn.fundmonitor.problems;

/** Where a problem stands; it ends closed after a confirmed rectification, or dismissed. */
public enum ProblemStatus {
  RAISED("已反馈"),
  HANDLING("省级跟踪处理中"),
  REPORTED_TO_MINISTRY("已报部，部跟踪处理中"),
  RECTIFYING("整改中"),
  RECTIFICATION_REPORTED("整改完成待确认"),
  CLOSED("整改已确认，已办结"),
  DISMISSED("经核查不成立，已办结");

  private final String label;

  ProblemStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
