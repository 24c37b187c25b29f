package cn.fundmonitor.calendar;

import java.time.Clock;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Puts the working-day calendar in place of the engine's {@code dueDate} calendar and offers it to
 * expressions as {@code endOfWorkingDays(n)} (see {@link WorkingDayBusinessCalendar#endOfWorkingDays(int)}).
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CalendarEnginePlugin extends AbstractProcessEnginePlugin {

  private final WorkingDayCalendar calendar;
  private final Clock clock;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    var calendars = new MapBusinessCalendarManager();
    calendars.addBusinessCalendar(DueDateBusinessCalendar.NAME,
        new WorkingDayBusinessCalendar(calendar, clock.getZone()));
    calendars.addBusinessCalendar(DurationBusinessCalendar.NAME, new DurationBusinessCalendar());
    calendars.addBusinessCalendar(CycleBusinessCalendar.NAME, new CycleBusinessCalendar());
    configuration.setBusinessCalendarManager(calendars);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // after preInit, when the sandbox's expression manager is in place
    try {
      configuration.getExpressionManager().addFunction(
          WorkingDayBusinessCalendar.END_OF_WORKING_DAYS, WorkingDayBusinessCalendar.class
              .getMethod(WorkingDayBusinessCalendar.END_OF_WORKING_DAYS, int.class));
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }
}
