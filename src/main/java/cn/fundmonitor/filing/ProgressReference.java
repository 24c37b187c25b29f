package cn.fundmonitor.filing;

/**
 * What progress a filing is measured against (资阳 三(三): 基本支出以时序进度作为参照，项目支出以项目
 * 实施进度或资金分配进度为参照); the value is an input of the DMN {@code executionWarning}.
 */
public enum ProgressReference {
  /** The project's implementation plan at the monitoring point (项目实施进度). */
  PLAN("项目实施进度"),
  /** The share of the project's money allocated to it by the monitoring point (资金分配进度). */
  ALLOCATION("资金分配进度"),
  /** Months of the year elapsed ÷ 12 (时序进度): basic spending only, never a project's. */
  TIME("时序进度");

  private final String label;

  ProgressReference(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static ProgressReference parse(String name) {
    for (var r : values()) {
      if (r.name().equals(name)) {
        return r;
      }
    }
    return null;
  }
}
