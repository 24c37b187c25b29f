package cn.fundmonitor.filing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.calendar.WorkingDayCalendar;
import cn.fundmonitor.support.FundMonitorTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Due by the 15th of January, April, July and October, moved to the next working day
 * (MNR 第十一条: 节假日顺延) by the working-day calendar.
 */
@FundMonitorTest
class FilingDeadlineTest {

  @Autowired WorkingDayCalendar calendar;
  @Autowired FilingService filings;

  /** The one function the filing's row and its process's timer take the due date from. */
  LocalDate due(Quarter q) {
    return filings.dueOn(q);
  }

  @ParameterizedTest(name = "{0}Q{1} → {2}")
  @CsvSource({
      "2023, 4, 2024-01-15", "2024, 1, 2024-04-15", "2024, 2, 2024-07-15", "2024, 3, 2024-10-15",
      "2024, 4, 2025-01-15", "2025, 1, 2025-04-15", "2025, 2, 2025-07-15", "2025, 3, 2025-10-15",
      "2025, 4, 2026-01-15", "2026, 1, 2026-04-15", "2026, 2, 2026-07-15", "2026, 3, 2026-10-15"})
  void noneOfTheTwelve15thsOf2024To2026Moves(int year, int quarter, LocalDate due) {
    assertThat(new Quarter(year, quarter).nominalDueDate()).isEqualTo(due);
    assertThat(due(new Quarter(year, quarter))).isEqualTo(due);
  }

  @Test
  void saturdaysMoveToMonday() {
    assertThat(due(new Quarter(2023, 1))).as("2023-04-15 is a Saturday").isEqualTo("2023-04-17");
    assertThat(due(new Quarter(2022, 3))).as("2022-10-15 is a Saturday").isEqualTo("2022-10-17");
  }

  @Test
  void aYearWithoutItsNoticeFallsBackToWeekends() {
    assertThat(calendar.hasNotice(2028)).isFalse();
    assertThat(due(new Quarter(2027, 4))).as("2028-01-15 is a Saturday").isEqualTo("2028-01-17");
  }

  @Test
  void aWaveFilesTheQuarterThatJustEnded() {
    assertThat(Quarter.endedBefore(LocalDate.of(2026, 4, 1))).isEqualTo(new Quarter(2026, 1));
    assertThat(Quarter.endedBefore(LocalDate.of(2026, 1, 1))).isEqualTo(new Quarter(2025, 4));
    assertThat(new Quarter(2026, 1).key("450102-2026-0001")).isEqualTo("450102-2026-0001-2026Q1");
    assertThat(Quarter.projectOf("450102-2026-0001-2026Q1")).isEqualTo("450102-2026-0001");
  }
}
