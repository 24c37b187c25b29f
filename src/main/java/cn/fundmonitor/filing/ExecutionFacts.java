package cn.fundmonitor.filing;

/**
 * Progress against time progress (时序进度) at the monitoring point, in percent: the inputs of the
 * DMN {@code executionWarning}; null where there is nothing to compare.
 */
public record ExecutionFacts(Double executionProgress, Double physicalProgressRatio,
    Double lowestIndicatorProgress, Double highestIndicatorProgress) {}
