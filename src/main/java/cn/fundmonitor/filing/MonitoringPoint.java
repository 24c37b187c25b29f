package cn.fundmonitor.filing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A monitoring point opened besides the quarters (监测时点; MNR 第十一条: 其他填报时点，按要求执行):
 * the figures as of {@code asOf}, due on {@code dueOn}, for every funded project of
 * {@code regionCode} (scope REGION) or for the listed {@code projects} of it (scope LIST).
 */
public record MonitoringPoint(long id, LocalDate asOf, LocalDate dueOn, String regionCode,
    Scope scope, String basis, String openedBy, OffsetDateTime openedAt, String waveId,
    List<String> projects) {

  /** Which projects a point asks to file. */
  public enum Scope { REGION, LIST }

  public MonitoringPeriod period() {
    return new MonitoringPeriod(id, asOf, dueOn);
  }
}
