package cn.fundmonitor.filing;

import java.time.LocalDate;

/** A calendar quarter whose execution is filed (季度填报). */
public record Quarter(int year, int quarter) implements FilingPeriod {

  public Quarter {
    if (quarter < 1 || quarter > 4) {
      throw new IllegalArgumentException("quarter " + quarter);
    }
  }

  /** The quarter a wave starting on this day files: the one that just ended. */
  public static Quarter endedBefore(LocalDate day) {
    var current = (day.getMonthValue() - 1) / 3 + 1;
    return current == 1 ? new Quarter(day.getYear() - 1, 4) : new Quarter(day.getYear(), current - 1);
  }

  /** The business key of a project's filing: {@code <projectCode>-<year>Q<quarter>}. */
  @Override
  public String key(String projectCode) {
    return projectCode + "-" + period();
  }

  /** The project code of a filing's business key (a quarter's or a monitoring point's). */
  public static String projectOf(String businessKey) {
    return FilingPeriod.projectOf(businessKey);
  }

  /**
   * Due by the 15th of January, April, July and October (MNR 第十一条): the 15th of the month after
   * the quarter, before the working-day calendar moves it (节假日顺延).
   */
  @Override
  public LocalDate nominalDueDate() {
    return quarter == 4 ? LocalDate.of(year + 1, 1, 15) : LocalDate.of(year, quarter * 3 + 1, 15);
  }

  /** The quarter's first day (a project whose life ended before it files no more). */
  @Override
  public LocalDate firstDay() {
    return LocalDate.of(year, quarter * 3 - 2, 1);
  }

  /** The quarter's last day: money counts in a quarter's figures once it arrived by then. */
  @Override
  public LocalDate lastDay() {
    return firstDay().plusMonths(3).minusDays(1);
  }

  /** {@code 2026Q1}: the period of the quarter's wave. */
  @Override
  public String period() {
    return year + "Q" + quarter;
  }

  /** Months of the year elapsed at the monitoring point (the quarter's end). */
  @Override
  public int monthsElapsed() {
    return quarter * 3;
  }

  @Override
  public String label() {
    return year + "年第" + quarter + "季度";
  }
}
