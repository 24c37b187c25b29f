package cn.fundmonitor.project;

import java.util.List;

/**
 * The targets a project's year is measured against (GX 第二十五条、第二十六条): the year's annual
 * targets (年度绩效目标) when the province issued them, else the overall targets (总体绩效目标)
 * entered at warehousing — so a year without annual targets, and all data from before, still has
 * something to be measured against.
 */
public record YearTargets(String projectCode, int year, boolean annual, List<Indicator> indicators) {

  public YearTargets {
    indicators = List.copyOf(indicators);
  }

  /** What people read: which targets these are. */
  public String label() {
    return annual ? year + " 年度绩效目标" : "总体绩效目标（" + year + " 年度未下达年度绩效目标）";
  }
}
