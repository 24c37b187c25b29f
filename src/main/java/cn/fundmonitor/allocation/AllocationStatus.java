package cn.fundmonitor.allocation;

/** Where the money of one approval document stands. */
public enum AllocationStatus {
  RECEIVED("已到位，待下达"),
  ISSUED("已下达，待细化报备"),
  COMPLETED("细化报备已完成");

  private final String label;

  AllocationStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
