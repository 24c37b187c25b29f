package cn.fundmonitor.filing;

/** Where a quarterly filing stands; a transmitted one is locked (MNR 第二十二条). */
public enum FilingStatus {
  OPEN("待填报"),
  FILED("待省级审核"),
  RETURNED("退回修改"),
  TRANSMITTED("已传输至自然资源部（已锁定）");

  private final String label;

  FilingStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
