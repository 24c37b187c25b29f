package cn.fundmonitor.warehousing;

import cn.fundmonitor.platform.ModelBean;
import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZonedDateTime;
import java.util.Date;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When the yearly selection happens (GX 第十五条: 每个预算年度9月前). The BPMN's timer reads
 * {@code ${annualSelectionSchedule.cron}}; both values are configuration, not code.
 */
@ModelBean
@Component("annualSelectionSchedule")
public class AnnualSelectionSchedule {

  private final String cron;
  private final MonthDay due;
  private final Clock clock;

  AnnualSelectionSchedule(@Value("${fundmonitor.selection.cron}") String cron,
      @Value("${fundmonitor.selection.due-month-day}") String dueMonthDay, Clock clock) {
    this.cron = cron;
    this.due = MonthDay.parse("--" + dueMonthDay);
    this.clock = clock;
  }

  public String getCron() {
    return cron;
  }

  /** The budget year chosen now: next year. */
  public int nextBudgetYear() {
    return LocalDate.now(clock).getYear() + 1;
  }

  /**
   * When a selection still open is escalated (GX 第十五条): at its due date; a selection started
   * after the due day has none, and is never escalated (a far date, as a timer needs one).
   */
  public Date escalationAt(Date dueDate) {
    return dueDate != null ? dueDate
        : Date.from(LocalDate.of(9999, 12, 31).atStartOfDay(clock.getZone()).toInstant());
  }

  /** The end of the due day this year, or none once it has passed (a late, manual selection). */
  public Date dueDate() {
    var now = ZonedDateTime.now(clock);
    var dueAt = due.atYear(now.getYear()).atTime(17, 30).atZone(clock.getZone());
    return dueAt.isAfter(now) ? Date.from(dueAt.toInstant()) : null;
  }
}
