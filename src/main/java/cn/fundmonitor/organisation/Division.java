package cn.fundmonitor.organisation;

/** An administrative division (GB/T 2260 code) and the authority that governs it. */
public record Division(String code, String name, DivisionLevel level, String parentCode) {

  public boolean isMinistry() {
    return level == DivisionLevel.MINISTRY;
  }
}
