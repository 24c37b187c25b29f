package cn.fundmonitor.lifecycle;

/** Where a funded project stands in its life (GX 第二十二条、第二十三条). */
public enum LifecycleStatus {
  FUNDED("已下达资金，待开工"),
  STARTED("实施中"),
  COMPLETED("已完工，待验收"),
  ACCEPTED("已验收，待结算"),
  SETTLED("已结算，待决算"),
  FINAL_ACCOUNTS("决算待财政部门审批"),
  AWAITING_FINAL_ACCEPTANCE("已决算，待满一个水文年终验"),
  CLOSED("已决算，项目结束"),
  SUSPENDED("因不可抗力中止"),
  TERMINATED("开工2年未完工验收，已终止"),
  CANCELLED("因不可抗力撤销");

  private final String label;

  LifecycleStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean ended() {
    return this == CLOSED || this == TERMINATED || this == CANCELLED;
  }
}
