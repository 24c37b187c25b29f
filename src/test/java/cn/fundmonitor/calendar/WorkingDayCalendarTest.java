package cn.fundmonitor.calendar;

import static cn.fundmonitor.support.TestUsers.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.support.FundMonitorTest;
import cn.fundmonitor.support.Http;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The working-day calendar from the State Council notices (节假日顺延, MNR 第十一条): the facts
 * of the allocation issue, the weekend fallback for a year without a notice, and loading a year.
 */
@FundMonitorTest
@ExtendWith(OutputCaptureExtension.class)
class WorkingDayCalendarTest {

  @Autowired WorkingDayCalendar calendar;
  @Autowired CalendarRepository repository;
  @Autowired Clock clock;
  @LocalServerPort int port;
  final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

  static LocalDate d(String text) {
    return LocalDate.parse(text);
  }

  @Test
  void thirtyDaysIntoTheNationalDayHolidayMoveToTheNextWorkingDay() {
    // 2025-10-05 lies in 国庆节、中秋节 10-01…10-08
    assertThat(calendar.deadline(d("2025-09-05"), 30)).isEqualTo(d("2025-10-09"));
    assertThat(calendar.deadline(d("2025-09-05"), 30).getDayOfWeek().name()).isEqualTo("THURSDAY");
  }

  @Test
  void aMakeUpWorkingSaturdayStays() {
    // 2026-10-10 is a Saturday worked in exchange for the National Day holiday (调休上班)
    assertThat(calendar.deadline(d("2026-09-10"), 30)).isEqualTo(d("2026-10-10"));
    assertThat(calendar.isWorkingDay(d("2026-10-10"))).isTrue();
  }

  @Test
  void anOrdinarySaturdayMovesToMonday() {
    assertThat(calendar.deadline(d("2025-12-11"), 30)).isEqualTo(d("2026-01-12"));
  }

  @Test
  void qingmingMovesToAMakeUpWorkingSunday() {
    // 2024-04-06 lies in 清明节 04-04…04-06; 2024-04-07 is a Sunday worked (调休上班)
    assertThat(calendar.deadline(d("2024-03-07"), 30)).isEqualTo(d("2024-04-07"));
  }

  @Test
  void theNoticesInTheRepositoryAreLoaded() {
    assertThat(calendar.hasNotice(2024)).isTrue();
    assertThat(calendar.hasNotice(2025)).isTrue();
    assertThat(calendar.hasNotice(2026)).isTrue();
    assertThat(calendar.isWorkingDay(d("2026-02-16"))).as("春节").isFalse();
    assertThat(calendar.isWorkingDay(d("2026-02-14"))).as("春节调休 Saturday").isTrue();
    assertThat(calendar.isWorkingDay(d("2025-06-02"))).as("端午 Monday").isFalse();
  }

  @Test
  void aYearWithoutItsNoticeFallsBackToWeekendsAndSaysSo(CapturedOutput output) {
    var fresh = new WorkingDayCalendar(repository, clock);
    assertThat(fresh.hasNotice(2027)).isFalse();
    assertThat(fresh.isWorkingDay(d("2027-01-01"))).as("a Friday, weekends only").isTrue();
    assertThat(fresh.deadline(d("2027-01-02"), 0)).isEqualTo(d("2027-01-04"));
    assertThat(output.getAll()).contains("No State Council holiday notice loaded for 2027");
  }

  @Test
  void anAdministratorLoadsANewYearWithoutACodeChange() throws Exception {
    var http = new Http(port);
    // 2031 stands for a future year whose notice is published; the data here is for the test only
    var notice = """
        {"year": 2031, "source": "测试用：2031年部分节假日安排",
         "holidays": [{"name": "元旦", "from": "2031-01-01", "to": "2031-01-03",
                       "workdays": ["2031-01-04"]}]}""";
    assertThat(calendar.deadline(d("2030-12-02"), 30)).isEqualTo(d("2031-01-01"));

    assertThat(http.put("/api/calendar/2031", notice, XINGNING_ECO, PASSWORD).statusCode())
        .as("only administrators").isEqualTo(403);
    var loaded = http.put("/api/calendar/2031", notice, ADMIN, PASSWORD);
    assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(200);

    assertThat(calendar.deadline(d("2030-12-02"), 30)).isEqualTo(d("2031-01-04"));
    var view = json.readTree(http.get("/api/calendar/deadline?from=2030-12-02&days=30", QIEMO_ECO,
        PASSWORD).body());
    assertThat(view.get("dueDate").asText()).isEqualTo("2031-01-04");
  }

  @Test
  void aWrongNoticeIsRefusedInChinese() throws Exception {
    var http = new Http(port);
    var wrong = """
        {"year": 2032, "source": "测试用",
         "holidays": [{"name": "元旦", "from": "2032-01-01", "to": "2032-01-01",
                       "workdays": ["2032-01-05"]}]}""";
    var response = http.put("/api/calendar/2032", wrong, ADMIN, PASSWORD);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json.readTree(response.body()).get("problems").get(0).asText())
        .isEqualTo("元旦：调休上班日 2032-01-05 不是周六或周日");
    assertThat(calendar.hasNotice(2032)).isFalse();
  }
}
