package cn.fundmonitor.organisation;

import java.util.Arrays;
import java.util.Optional;

/**
 * Business roles of every authority (MNR 第十七条); a unit's department is a Camunda group. The
 * first four are departments of the natural-resources authority; {@link #FISCAL} is the fiscal
 * department of the same province, city or county (财政厅 / 财政局), which reviews and issues the
 * money with it and approves final accounts (GX 第五条第二项、第四项，第十八条，第二十三条).
 */
public enum Role {
  FINANCE("finance", "财务与资金运用"),
  ECO("eco", "生态保护修复"),
  MARINE("marine", "海洋预警监测"),
  GEOHAZARD("geohazard", "地质灾害防治"),
  FISCAL("fiscal", "财政");

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

  /**
   * Whether a division at this level has this department: the ministry's level has no fiscal
   * department in this system (the Ministry of Finance is not one of its users).
   */
  public boolean existsAt(DivisionLevel level) {
    return this != FISCAL || level != DivisionLevel.MINISTRY;
  }

  /** The departments of the natural-resources authority itself, without the fiscal department. */
  public boolean isNaturalResources() {
    return this != FISCAL;
  }

  public static Optional<Role> byId(String id) {
    return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
  }
}
