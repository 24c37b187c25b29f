package cn.fundmonitor.calendar;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CalendarRepository {

  private final JdbcClient jdbc;

  Optional<String> source(int year) {
    return jdbc.sql("select source from fm_calendar_year where calendar_year = ?").param(year)
        .query(String.class).optional();
  }

  /** The special days of a year's notice: true = make-up working day, false = day off. */
  Map<LocalDate, DayEntry> days(int year) {
    var days = new HashMap<LocalDate, DayEntry>();
    jdbc.sql("select calendar_day, kind, name from fm_calendar_day where calendar_year = ?").param(year)
        .query(rs -> {
          days.put(rs.getObject("calendar_day", LocalDate.class),
              new DayEntry("WORK".equals(rs.getString("kind")), rs.getString("name")));
        });
    return days;
  }

  void replace(HolidayNotice notice, String actor, OffsetDateTime at) {
    jdbc.sql("delete from fm_calendar_day where calendar_year = ?").param(notice.year()).update();
    jdbc.sql("delete from fm_calendar_year where calendar_year = ?").param(notice.year()).update();
    jdbc.sql("insert into fm_calendar_year (calendar_year, source, loaded_by, loaded_at) "
        + "values (?, ?, ?, ?)").params(notice.year(), notice.source(), actor, at).update();
    for (var holiday : notice.holidays()) {
      for (var d = holiday.from(); !d.isAfter(holiday.to()); d = d.plusDays(1)) {
        insertDay(notice.year(), d, "OFF", holiday.name());
      }
      for (var d : holiday.workdays()) {
        insertDay(notice.year(), d, "WORK", holiday.name() + "调休");
      }
    }
  }

  private void insertDay(int year, LocalDate day, String kind, String name) {
    jdbc.sql("insert into fm_calendar_day (calendar_day, calendar_year, kind, name) values (?, ?, ?, ?)")
        .params(day, year, kind, name).update();
  }

  record DayEntry(boolean working, String name) {}
}
