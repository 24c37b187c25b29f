package cn.fundmonitor.correction;

/** Where a correction request stands. */
public enum CorrectionStatus {
  AWAITING_SUPERIOR("待上级主管部门同意"),
  QUEUED("待省级财务部门汇总报部"),
  REPORTED("已报部待认定"),
  APPROVED("已同意，待更改"),
  APPLIED("已更改"),
  REFUSED("不予更改"),
  STALE("记录已被修改，未执行");

  private final String label;

  CorrectionStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
