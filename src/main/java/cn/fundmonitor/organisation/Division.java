package cn.fundmonitor.organisation;

import java.time.LocalDate;

/**
 * An administrative division (GB/T 2260 code) and the authority that governs it. A renamed or
 * merged division stays, abolished since {@code abolishedOn}, its work taken over by its successor.
 */
public record Division(String code, String name, DivisionLevel level, String parentCode,
    String successorCode, LocalDate abolishedOn) {

  /** The ministry's division code: the root of the division tree. */
  public static final String MINISTRY_CODE = "000000";


  public Division(String code, String name, DivisionLevel level, String parentCode) {
    this(code, name, level, parentCode, null, null);
  }

  public boolean isMinistry() {
    return level == DivisionLevel.MINISTRY;
  }

  /** The natural-resources authority of the division: 自然资源部, 广西壮族自治区自然资源厅, 兴宁区自然资源局. */
  public String bureau() {
    return switch (level) {
      case MINISTRY -> name;
      case PROVINCE -> name + "自然资源厅";
      case CITY, COUNTY -> name + "自然资源局";
    };
  }

  /** A department of that authority as staff name it: 财务与资金运用司 / 处 / 科 / 股. */
  public String department(Role role) {
    return role.label() + switch (level) {
      case MINISTRY -> "司";
      case PROVINCE -> "处";
      case CITY -> "科";
      case COUNTY -> "股";
    };
  }

  /**
   * What a person reads for a unit group, e.g. 兴宁区自然资源局 生态保护修复股 (never 450102-eco); the
   * fiscal department is its own authority: 广西壮族自治区财政厅, 兴宁区财政局.
   */
  public String unitName(Role role) {
    return role == Role.FISCAL ? fiscalAuthority() : bureau() + " " + department(role);
  }

  /** The division's fiscal department (GX 第五条): 自治区财政厅 for a province, 财政局 below it. */
  public String fiscalAuthority() {
    return name + (level == DivisionLevel.PROVINCE ? "财政厅" : "财政局");
  }

  /** Whether the division still exists (not renamed or merged into another). */
  public boolean active() {
    return successorCode == null;
  }
}
