package cn.fundmonitor.allocation;

/** Where one receiving city's or county's refinement and filing stands. */
public enum PartStatus {
  ISSUED("已下达，待细化"),
  REFINED("已细化，待报备"),
  FILED("已报备，待上级确认"),
  RETURNED("报备被退回，待修改"),
  ACKNOWLEDGED("上级已确认");

  private final String label;

  PartStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
