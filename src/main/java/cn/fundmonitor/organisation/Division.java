package cn.fundmonitor.organisation;

import java.time.LocalDate;

/**
 * An administrative division (GB/T 2260 code) and the authority that governs it. A renamed or
 * merged division stays, abolished since {@code abolishedOn}, its work taken over by its successor.
 */
public record Division(String code, String name, DivisionLevel level, String parentCode,
    String successorCode, LocalDate abolishedOn) {

  public Division(String code, String name, DivisionLevel level, String parentCode) {
    this(code, name, level, parentCode, null, null);
  }

  public boolean isMinistry() {
    return level == DivisionLevel.MINISTRY;
  }

  /** Whether the division still exists (not renamed or merged into another). */
  public boolean active() {
    return successorCode == null;
  }
}
