package cn.fundmonitor.project;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A target value: a number, a date (e.g. 12月31日前完成) or, under 效益/满意度 only, a phrase. */
public sealed interface IndicatorTarget {

  /** The target as entered, for display and reports. */
  String text();

  record Numeric(BigDecimal value) implements IndicatorTarget {
    public String text() {
      return value.toPlainString();
    }
  }

  record Deadline(LocalDate date) implements IndicatorTarget {
    public String text() {
      return date.toString();
    }
  }

  record Qualitative(String text) implements IndicatorTarget {}
}
