package cn.fundmonitor.filing;

import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * What a filing reports on: a calendar quarter (季度填报, MNR 第十一条) or a monitoring point opened
 * besides the quarters (监测时点: 其他填报时点，按要求执行, MNR 第十一条; 资阳 三(三) 每年9月对1—8月).
 * Both are filed, warned on, reviewed and transmitted the same way (processes/quarterly-filing.bpmn).
 */
public sealed interface FilingPeriod permits Quarter, MonitoringPeriod {

  /** Quarter keys {@code <project>-2026Q1} and point keys {@code <project>-2026P7}. */
  Pattern KEY = Pattern.compile("(.+)-(\\d{4})([QP])(\\d+)");

  int year();

  /** The business key of a project's filing of the period. */
  String key(String projectCode);

  /** The period's first day: a project whose life ended before it files no more. */
  LocalDate firstDay();

  /** The day the figures are as of (the quarter's last day, the point's date). */
  LocalDate lastDay();

  /** The due date before the working-day calendar moves it (节假日顺延). */
  LocalDate nominalDueDate();

  /** The period of the period's wave: {@code 2026Q1}, {@code 2026P7}. */
  String period();

  /** Months of the year elapsed at the monitoring point (时序进度, shown to the filing unit). */
  int monthsElapsed();

  String label();

  /** The project code of a filing's business key. */
  static String projectOf(String businessKey) {
    var m = KEY.matcher(businessKey);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a filing key: " + businessKey);
    }
    return m.group(1);
  }
}
