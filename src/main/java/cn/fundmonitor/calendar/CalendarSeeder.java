package cn.fundmonitor.calendar;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Loads the notices kept in the repository (src/main/resources/calendar/<year>.json) for every
 * year the database does not have yet; a year an administrator loaded stays as loaded.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CalendarSeeder {

  private final WorkingDayCalendar calendar;
  private final ObjectMapper json;

  @EventListener(ApplicationReadyEvent.class)
  @Order(5)
  public void seed() {
    try {
      for (var resource : new PathMatchingResourcePatternResolver().getResources(
          "classpath*:calendar/*.json")) {
        try (var in = resource.getInputStream()) {
          var notice = json.readValue(in, HolidayNotice.class);
          if (!calendar.hasNotice(notice.year())) {
            calendar.load(notice, "system");
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the holiday notices in calendar/", e);
    }
  }
}
