package cn.fundmonitor.evaluation;

/** Where a project's self-evaluation stands. */
public enum EvaluationStatus {
  OPEN("待自评"),
  SUBMITTED("待市级审核"),
  RETURNED("退回修改"),
  COLLECTED("已审核，省级汇总");

  private final String label;

  EvaluationStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
