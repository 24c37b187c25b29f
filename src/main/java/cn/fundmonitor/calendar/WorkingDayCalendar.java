package cn.fundmonitor.calendar;

import cn.fundmonitor.common.InvalidInputException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * China's working days: Monday to Friday, minus the notice's days off, plus its make-up working
 * Saturdays and Sundays. A deadline that falls on a day off moves to the next working day
 * (节假日顺延, MNR 第十一条). A year without a loaded notice falls back to weekends only and says so
 * in the log. Notices are cached for a few minutes, so a year loaded on one node reaches the others.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class WorkingDayCalendar {

  private static final Logger LOG = LoggerFactory.getLogger(WorkingDayCalendar.class);
  private static final Duration CACHE_TIME = Duration.ofMinutes(5);

  private final CalendarRepository repository;
  private final Clock clock;
  private final Map<Integer, CachedYear> cache = new ConcurrentHashMap<>();
  private final java.util.Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();

  public boolean isWorkingDay(LocalDate day) {
    var special = year(day.getYear()).days().get(day);
    if (special == null) {
      special = nextYearsEntry(day);
    }
    if (special != null) {
      return special.working();
    }
    return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  /** A notice may list a make-up day late in the previous year. */
  private CalendarRepository.DayEntry nextYearsEntry(LocalDate day) {
    return day.getMonthValue() == 12 ? year(day.getYear() + 1).days().get(day) : null;
  }

  /** The day itself if it is a working day, else the next working day. */
  public LocalDate onOrAfter(LocalDate day) {
    var d = day;
    while (!isWorkingDay(d)) {
      d = d.plusDays(1);
    }
    return d;
  }

  /** {@code days} calendar days after {@code start}, moved to the next working day if needed. */
  public LocalDate deadline(LocalDate start, int days) {
    return onOrAfter(start.plusDays(days));
  }

  /**
   * The {@code count}-th working day after {@code day} (the day itself not counted): 3 after a
   * Friday is the Wednesday, holidays skipped and make-up working days counted.
   */
  public LocalDate workingDaysAfter(LocalDate day, int count) {
    var d = day;
    for (int left = count; left > 0; ) {
      d = d.plusDays(1);
      if (isWorkingDay(d)) {
        left--;
      }
    }
    return d;
  }

  /** Whether the year's notice is loaded (otherwise weekends only). */
  public boolean hasNotice(int year) {
    return year(year).source().isPresent();
  }

  public Optional<String> source(int year) {
    return year(year).source();
  }

  /** Loads (or replaces) a year's notice; takes effect for the next deadline computed. */
  @Transactional
  public void load(HolidayNotice notice, String actor) {
    validate(notice);
    repository.replace(notice, actor, OffsetDateTime.now(clock));
    cache.remove(notice.year());
    warnedYears.remove(notice.year());
    LOG.info("Holiday notice for {} loaded by {}: {}", notice.year(), actor, notice.source());
  }

  private CachedYear year(int year) {
    var now = Instant.now();
    var cached = cache.get(year);
    if (cached == null || cached.loadedAt().plus(CACHE_TIME).isBefore(now)) {
      var source = repository.source(year);
      cached = new CachedYear(source, source.isPresent() ? repository.days(year) : Map.of(), now);
      cache.put(year, cached);
      if (source.isEmpty() && warnedYears.add(year)) {
        LOG.warn("No State Council holiday notice loaded for {}: deadlines in {} move over weekends "
            + "only. Load the notice with PUT /api/calendar/{}.", year, year, year);
      }
    }
    return cached;
  }

  static void validate(HolidayNotice n) {
    var problems = new ArrayList<String>();
    if (n.year() < 2000 || n.year() > 2100) {
      problems.add("年份应在2000至2100之间");
    }
    if (n.source() == null || n.source().isBlank() || n.source().length() > 200) {
      problems.add("请填写通知名称（不超过200字）");
    }
    var seen = new HashSet<LocalDate>();
    for (var h : n.holidays()) {
      var label = h.name() == null || h.name().isBlank() ? "（未命名）" : h.name();
      if (h.name() == null || h.name().isBlank() || h.name().length() > 30) {
        problems.add("假日名称不能为空且不超过30字");
      }
      if (h.from() == null || h.to() == null || h.to().isBefore(h.from())
          || h.from().plusDays(14).isBefore(h.to())) {
        problems.add(label + "：放假起止日期有误");
        continue;
      }
      if (h.from().getYear() != n.year()) {
        problems.add(label + "：放假日期不在" + n.year() + "年");
      }
      for (var d = h.from(); !d.isAfter(h.to()); d = d.plusDays(1)) {
        if (!seen.add(d)) {
          problems.add(label + "：" + d + " 重复");
        }
      }
      for (var w : h.workdays()) {
        if (w.getDayOfWeek() != DayOfWeek.SATURDAY && w.getDayOfWeek() != DayOfWeek.SUNDAY) {
          problems.add(label + "：调休上班日 " + w + " 不是周六或周日");
        }
        if (w.getYear() != n.year() && !(w.getYear() == n.year() - 1 && w.getMonthValue() == 12)) {
          problems.add(label + "：调休上班日 " + w + " 不在" + n.year() + "年");
        }
        if (!seen.add(w)) {
          problems.add(label + "：" + w + " 重复");
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("节假日安排有误", problems);
    }
  }

  private record CachedYear(Optional<String> source, Map<LocalDate, CalendarRepository.DayEntry> days,
      Instant loadedAt) {}
}
