package cn.fundmonitor.project;

import java.util.EnumSet;
import java.util.Set;

/** Where an application stands in the project reserve (申报 → 备案入库). */
public enum ProjectStatus {
  APPLIED("已申报"),
  NOT_ELIGIBLE("未通过资格审查"),
  UNDER_REVIEW("审核中"),
  RETURNED("退回修改"),
  WAREHOUSED("已入库"),
  REJECTED("不予入库"),
  WITHDRAWN("已撤回");

  private final String label;

  ProjectStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public Set<ProjectStatus> next() {
    return switch (this) {
      case APPLIED -> EnumSet.of(NOT_ELIGIBLE, UNDER_REVIEW);
      case NOT_ELIGIBLE, RETURNED -> EnumSet.of(APPLIED, WITHDRAWN);
      case UNDER_REVIEW -> EnumSet.of(WAREHOUSED, RETURNED, REJECTED);
      case WAREHOUSED, REJECTED, WITHDRAWN -> EnumSet.noneOf(ProjectStatus.class);
    };
  }

  public boolean canMoveTo(ProjectStatus target) {
    return next().contains(target);
  }
}
