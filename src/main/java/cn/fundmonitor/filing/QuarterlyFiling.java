package cn.fundmonitor.filing;

import cn.fundmonitor.money.Yuan;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One project's filing for one quarter, or for one monitoring point ({@link MonitoringPeriod}; the
 * component keeps its name, {@code quarter}, for the many readers of quarterly filings).
 */
public record QuarterlyFiling(String businessKey, String projectCode, FilingPeriod quarter,
    FilingStatus status, LocalDate dueOn, Yuan receivedAmount, Yuan paidToDate,
    BigDecimal physicalProgress, String warningLevel, String warningReason,
    String processInstanceId, String filedBy, OffsetDateTime filedAt, String reviewedBy,
    OffsetDateTime transmittedAt, String warningReference, String warningDetails,
    String warningResponse) {

  /** The warning's level as a person reads it (红色预警), null without a warning. */
  public String warningText() {
    return WarningLevel.text(warningLevel);
  }
}
