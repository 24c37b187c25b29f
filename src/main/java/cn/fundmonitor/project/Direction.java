package cn.fundmonitor.project;

import cn.fundmonitor.organisation.Role;
import java.util.Arrays;
import java.util.Optional;

/**
 * Directions money may be applied for. The first four are the Guangxi fund's (GX 第二条); whether a
 * direction is in scope is decided by the DMN {@code projectEligibility}, so a policy owner can widen
 * or narrow it. The reviewing role says which department of the province reviews: the roles of MNR
 * 第十七条 have no geology department of their own, so geological survey and heritage go to the
 * geohazard department, the province's geology office.
 */
public enum Direction {
  ECO_RESTORATION("国土综合整治与生态修复", Role.ECO),
  GEO_SURVEY("地质勘查", Role.GEOHAZARD),
  GEOHAZARD("地质灾害防治", Role.GEOHAZARD),
  GEO_HERITAGE("地质遗迹保护", Role.GEOHAZARD),
  MARINE_MONITORING("海洋预警监测", Role.MARINE);

  private final String label;
  private final Role reviewingRole;

  Direction(String label, Role reviewingRole) {
    this.label = label;
    this.reviewingRole = reviewingRole;
  }

  public String label() {
    return label;
  }

  public Role reviewingRole() {
    return reviewingRole;
  }

  /** Accepts the code or the Chinese name. */
  public static Optional<Direction> parse(String text) {
    return Arrays.stream(values())
        .filter(d -> d.name().equalsIgnoreCase(text) || d.label.equals(text)).findFirst();
  }
}
