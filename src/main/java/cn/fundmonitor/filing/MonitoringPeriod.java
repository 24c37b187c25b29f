package cn.fundmonitor.filing;

import java.time.LocalDate;

/**
 * A monitoring point as a filing's period (监测时点; MNR 第十一条: 其他填报时点，按要求执行): the
 * figures as of {@code asOf}, from the year's start (资阳 三(三): 每年9月对1—8月), due on
 * {@code dueOn}.
 */
public record MonitoringPeriod(long pointId, LocalDate asOf, LocalDate dueOn)
    implements FilingPeriod {

  public MonitoringPeriod {
    if (pointId < 1 || asOf == null || dueOn == null) {
      throw new IllegalArgumentException("monitoring point " + pointId);
    }
  }

  @Override
  public int year() {
    return asOf.getYear();
  }

  @Override
  public String key(String projectCode) {
    return projectCode + "-" + period();
  }

  @Override
  public LocalDate firstDay() {
    return LocalDate.of(asOf.getYear(), 1, 1);
  }

  @Override
  public LocalDate lastDay() {
    return asOf;
  }

  @Override
  public LocalDate nominalDueDate() {
    return dueOn;
  }

  @Override
  public String period() {
    return year() + "P" + pointId;
  }

  /** Whole months elapsed by the as-of date: 31 August counts 8, 20 August 7. */
  @Override
  public int monthsElapsed() {
    var month = asOf.getMonthValue();
    return asOf.equals(asOf.withDayOfMonth(asOf.lengthOfMonth())) ? month : month - 1;
  }

  /** 2026年1—8月监测时点（截至2026-08-31）. */
  @Override
  public String label() {
    var months = monthsElapsed();
    return year() + "年" + (months == 0 ? "" : months == 1 ? "1月" : "1—" + months + "月")
        + "监测时点（截至" + asOf + "）";
  }
}
