package cn.fundmonitor.calendar;

import java.util.Date;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Expression functions beside Camunda's own {@code now()} and {@code dateTime()}, for filters and
 * models: {@code ${endOfWorkingDays(3)}} is the end of the third working day after today, counted
 * by the engine's {@code dueDate} calendar (the State Council notices), so a Tasklist filter can
 * say "due within three working days" exactly rather than in calendar days.
 *
 * <p>Static because JUEL functions are static methods; the calendar is the running engine's own,
 * taken from the command context, so several engines in one JVM (tests) never share state.
 */
public final class WorkingDayFunctions {

  public static final String END_OF_WORKING_DAYS = "endOfWorkingDays";

  private WorkingDayFunctions() {}

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
}
