package cn.fundmonitor.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * One year's State Council holiday notice (国务院办公厅关于某年部分节假日安排的通知): each holiday's
 * days off (放假, from…to) and its make-up working days (调休上班, always a Saturday or Sunday).
 */
public record HolidayNotice(int year, String source, List<Holiday> holidays) {

  public HolidayNotice {
    holidays = holidays == null ? List.of() : List.copyOf(holidays);
  }

  public record Holiday(String name, LocalDate from, LocalDate to, List<LocalDate> workdays) {
    public Holiday {
      workdays = workdays == null ? List.of() : List.copyOf(workdays);
    }
  }
}
