package cn.fundmonitor.divisions;

/** What happened to a county: a new code and name, or its absorption into another county. */
public enum DivisionChangeKind {
  RENAME("更名"),
  MERGE("合并");

  private final String label;

  DivisionChangeKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
