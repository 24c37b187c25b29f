package cn.fundmonitor.filing;

import static cn.fundmonitor.filing.QuarterlyFilingProcess.*;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * The period a filing, wave or batch instance files: its quarter ({@link QuarterlyFilingProcess#FILING_YEAR},
 * {@link QuarterlyFilingProcess#FILING_QUARTER}) or its monitoring point
 * ({@link QuarterlyFilingProcess#MONITORING_POINT_ID}).
 */
final class FilingPeriodVariables {

  private FilingPeriodVariables() {}

  static FilingPeriod read(VariableScope scope, MonitoringPointService points) {
    var point = MONITORING_POINT_ID.get(scope);
    return point != null ? points.period(point)
        : new Quarter(FILING_YEAR.get(scope), FILING_QUARTER.get(scope));
  }

  static VariableMap of(FilingPeriod period) {
    var vars = FILING_YEAR.with(period.year());
    if (period instanceof Quarter q) {
      FILING_QUARTER.putInto(vars, q.quarter());
    } else if (period instanceof MonitoringPeriod p) {
      MONITORING_POINT_ID.putInto(vars, p.pointId());
    }
    return vars;
  }
}
