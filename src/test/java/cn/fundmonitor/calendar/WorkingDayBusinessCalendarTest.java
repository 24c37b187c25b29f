package cn.fundmonitor.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.support.FundMonitorTest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The engine's due dates and timer dates go through the working-day calendar. */
@FundMonitorTest
class WorkingDayBusinessCalendarTest {

  static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

  @Autowired WorkingDayCalendar calendar;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static Date beijing(int y, int m, int d, int h, int min, int s) {
    return Date.from(OffsetDateTime.of(y, m, d, h, min, s, 0, BEIJING).toInstant());
  }

  WorkingDayBusinessCalendar businessCalendar() {
    return new WorkingDayBusinessCalendar(calendar, BEIJING);
  }

  @Test
  void datesAndWholeDayDurationsEndOnAWorkingDay() {
    var received = beijing(2025, 9, 5, 10, 0, 0);
    assertThat(businessCalendar().resolveDuedate("P30D", received))
        .isEqualTo(beijing(2025, 10, 9, 23, 59, 59));
    assertThat(businessCalendar().resolveDuedate("2026-10-10", received))
        .isEqualTo(beijing(2026, 10, 10, 23, 59, 59));
    assertThat(businessCalendar().resolveDuedate("2026-01-10", received))
        .isEqualTo(beijing(2026, 1, 12, 23, 59, 59));
  }

  @Test
  void timesOfDayAreLeftToCamunda() {
    var start = beijing(2025, 10, 1, 10, 0, 0);
    assertThat(businessCalendar().resolveDuedate("PT4H", start))
        .isEqualTo(beijing(2025, 10, 1, 14, 0, 0));
  }

  @Test
  void userTaskDueDatesAndTimerDatesUseIt() {
    var model = Bpmn.createExecutableProcess("calendarProbe").camundaHistoryTimeToLive(1)
        .startEvent().userTask("UserTask_Probe").camundaDueDate("P30D")
        .camundaCandidateGroups("camunda-admin")
        .boundaryEvent("Timer_Probe").cancelActivity(false).timerWithDate("2024-04-06")
        .endEvent().done();
    repository.createDeployment().addModelInstance("calendar-probe.bpmn", model).deploy();
    ClockUtil.setCurrentTime(beijing(2025, 9, 5, 10, 0, 0));

    var pi = runtime.startProcessInstanceByKey("calendarProbe");

    var task = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(task.getDueDate()).isEqualTo(beijing(2025, 10, 9, 23, 59, 59));
    var timer = management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    assertThat(timer.getDuedate()).isEqualTo(beijing(2024, 4, 7, 23, 59, 59));
    runtime.deleteProcessInstance(pi.getId(), "probe done");
  }
}
