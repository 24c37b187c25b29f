package cn.fundmonitor.organisation;

import java.util.Arrays;
import java.util.Optional;

/** Business roles of every authority (MNR 第十七条); a unit's department is a Camunda group. */
public enum Role {
  FINANCE("finance", "财务与资金运用"),
  ECO("eco", "生态保护修复"),
  MARINE("marine", "海洋预警监测"),
  GEOHAZARD("geohazard", "地质灾害防治");

  private final String id;
  private final String label;

  Role(String id, String label) {
    this.id = id;
    this.label = label;
  }

  public String id() {
    return id;
  }

  public String label() {
    return label;
  }

  public static Optional<Role> byId(String id) {
    return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
  }
}
