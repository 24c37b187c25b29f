package cn.fundmonitor.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.regex.Pattern;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;

/**
 * The engine's {@code dueDate} calendar (user-task due dates and timer dates): a date or a whole-day
 * duration becomes the end of that day, moved to the next working day if it is a day off;
 * anything with a time of day is left to Camunda's own calendar.
 *
 * <ul>
 *   <li>{@code 2026-04-15} → 2026-04-15 23:59:59 Beijing time, or the next working day's end;
 *   <li>{@code P30D}, {@code P2W}, {@code P3M} → that many calendar days/weeks/months after the
 *       start (now), moved the same way;
 *   <li>{@code PT4H}, {@code 2026-04-15T09:00:00} → as Camunda computes them.
 * </ul>
 */
@RequiredArgsConstructor
public class WorkingDayBusinessCalendar implements BusinessCalendar {

  /** The expression function {@link #endOfWorkingDays(int)}, registered by the engine plugin. */
  public static final String END_OF_WORKING_DAYS = "endOfWorkingDays";

  static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  static final Pattern WHOLE_DAYS = Pattern.compile("P(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)W)?(?:(\\d+)D)?");
  static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

  private final WorkingDayCalendar calendar;
  private final ZoneId zone;
  private final BusinessCalendar fallback = new DueDateBusinessCalendar();

  @Override
  public Date resolveDuedate(String description) {
    return resolveDuedate(description, (Date) null);
  }

  @Override
  public Date resolveDuedate(String description, Task task) {
    return resolveDuedate(description, task == null ? null : task.getCreateTime());
  }

  @Override
  public Date resolveDuedate(String description, Date startDate) {
    var text = description == null ? "" : description.strip();
    var start = startDate != null ? startDate : ClockUtil.getCurrentTime();
    LocalDate nominal;
    try {
      if (DATE.matcher(text).matches()) {
        nominal = LocalDate.parse(text);
      } else {
        var m = WHOLE_DAYS.matcher(text);
        if (!m.matches() || text.equals("P")) {
          return fallback.resolveDuedate(text, start);
        }
        nominal = start.toInstant().atZone(zone).toLocalDate()
            .plusYears(number(m.group(1))).plusMonths(number(m.group(2)))
            .plusWeeks(number(m.group(3))).plusDays(number(m.group(4)));
      }
    } catch (DateTimeParseException e) {
      throw new ProcessEngineException("无法解析期限“" + description + "”", e);
    }
    return Date.from(calendar.onOrAfter(nominal).atTime(END_OF_DAY).atZone(zone).toInstant());
  }

  /**
   * The end (23:59:59) of the {@code count}-th working day after the day of {@code from}: the
   * horizon of the 即将到期 filter.
   */
  public Date endOfWorkingDaysAfter(Date from, int count) {
    var day = from.toInstant().atZone(zone).toLocalDate();
    return Date.from(calendar.workingDaysAfter(day, count).atTime(END_OF_DAY).atZone(zone)
        .toInstant());
  }

  /**
   * Expression function beside Camunda's own {@code now()}: {@code ${endOfWorkingDays(3)}} is the
   * end of the third working day after today, so a Tasklist filter can say "due within three
   * working days" exactly rather than in calendar days. Static because JUEL functions are static
   * methods; the calendar is the running engine's own, taken from the command context, so several
   * engines in one JVM (tests) never share state.
   */
  public static Date endOfWorkingDays(int count) {
    var configuration = Context.getProcessEngineConfiguration();
    if (configuration == null) {
      throw new ProcessEngineException(END_OF_WORKING_DAYS + "() 只能在流程引擎内求值");
    }
    var calendar = configuration.getBusinessCalendarManager()
        .getBusinessCalendar(DueDateBusinessCalendar.NAME);
    if (!(calendar instanceof WorkingDayBusinessCalendar workingDays)) {
      throw new ProcessEngineException("引擎的 dueDate 日历不是工作日日历");
    }
    return workingDays.endOfWorkingDaysAfter(ClockUtil.getCurrentTime(), count);
  }

  private static long number(String group) {
    return group == null ? 0 : Long.parseLong(group);
  }
}
