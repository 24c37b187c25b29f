package cn.fundmonitor.calendar;

import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.platform.CurrentUser;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The working-day calendar over HTTP: anyone may ask whether a day is a working day or when a
 * deadline falls; administrators load a year's State Council notice (no code change, no restart).
 */
@RestController
@RequestMapping("/api/calendar")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CalendarApiController {

  static final String ADMIN_GROUP = "camunda-admin";

  private final WorkingDayCalendar calendar;

  @GetMapping("/{year}")
  YearView year(@PathVariable int year) {
    return new YearView(year, calendar.hasNotice(year), calendar.source(year).orElse(
        "未导入该年节假日安排，暂按周六、周日休息计算"));
  }

  @GetMapping("/deadline")
  DeadlineView deadline(@RequestParam String from, @RequestParam int days) {
    LocalDate start;
    try {
      start = LocalDate.parse(from);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("查询条件有误", "起算日期应为 yyyy-MM-dd 格式");
    }
    if (days < 0 || days > 3660) {
      throw new InvalidInputException("查询条件有误", "天数应在0至3660之间");
    }
    var nominal = start.plusDays(days);
    var due = calendar.onOrAfter(nominal);
    return new DeadlineView(start, days, nominal, due, calendar.hasNotice(due.getYear()));
  }

  @PutMapping("/{year}")
  YearView load(@AuthenticationPrincipal CurrentUser user, @PathVariable int year,
      @RequestBody HolidayNotice notice) {
    if (!user.groupIds().contains(ADMIN_GROUP)) {
      throw new AccessDeniedException("only administrators load holiday notices");
    }
    if (notice.year() != year) {
      throw new InvalidInputException("节假日安排有误", List.of("请求路径的年份与内容中的年份不一致"));
    }
    calendar.load(notice, user.userId());
    return year(year);
  }

  record YearView(int year, boolean noticeLoaded, String source) {}

  record DeadlineView(LocalDate from, int days, LocalDate nominalDate, LocalDate dueDate,
      boolean noticeLoaded) {}
}
