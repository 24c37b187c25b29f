package cn.fundmonitor.filing;

/**
 * Progress against the reference progress (参照进度) at the monitoring point, in percent: the inputs
 * of the DMN {@code executionWarning}; null where there is nothing to compare. {@code reference}
 * says which reference was used; {@code referenceExecution} and {@code referencePhysical} are the
 * reference's own figures (in percent) shown beside the warning, {@code actualExecution} the
 * filing's payment progress measured the same way.
 */
public record ExecutionFacts(Double executionProgress, Double physicalProgressRatio,
    Double lowestIndicatorProgress, Double highestIndicatorProgress, ProgressReference reference,
    Double actualExecution, Double referenceExecution, Double referencePhysical) {

  /** What the warning was measured against, in words: "参照项目实施进度：计划预算执行率 25%…". */
  public String referenceText() {
    if (reference == null) {
      return null;
    }
    return switch (reference) {
      case PLAN -> "参照项目实施进度（实施方案所列本监控时点计划）：计划预算执行率 " + pct(referenceExecution)
          + "，计划实物工作量进度 " + pct(referencePhysical) + "；实际预算执行率 " + pct(actualExecution);
      case ALLOCATION -> "参照资金分配进度（到位资金占项目申报资金的比例）：" + pct(referenceExecution)
          + "；实际支付占项目申报资金 " + pct(actualExecution);
      case TIME -> "参照时序进度：" + pct(referenceExecution) + "；实际预算执行率 " + pct(actualExecution);
    };
  }

  private static String pct(Double value) {
    return value == null ? "—" : java.math.BigDecimal.valueOf(value)
        .setScale(1, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
  }
}
