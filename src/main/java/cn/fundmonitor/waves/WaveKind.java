package cn.fundmonitor.waves;

/** What a wave opens: the quarter's filings or the year's self-evaluations. */
public enum WaveKind {
  /**
   * 季度填报 (MNR 第十一条), period {@code 2026Q1}; or a monitoring point's filings (其他填报时点),
   * period {@code 2026P7} (the point's year and id).
   */
  QUARTERLY_FILING,
  /** 年度绩效自评 (GX 第二十八条), period {@code 2026}. */
  SELF_EVALUATION
}
