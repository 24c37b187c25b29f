package cn.fundmonitor.organisation;

/** The four levels of natural-resources authorities (SPEC §1, MNR 第十七条). */
public enum DivisionLevel {
  MINISTRY("部"),
  PROVINCE("省"),
  CITY("市"),
  COUNTY("县");

  private final String label;

  DivisionLevel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
