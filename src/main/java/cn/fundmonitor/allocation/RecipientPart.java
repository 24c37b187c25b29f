package cn.fundmonitor.allocation;

import cn.fundmonitor.money.Yuan;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** What one city or county received under an allocation, and its filing. */
public record RecipientPart(String documentNo, String recipientCode, Yuan central, Yuan provincial,
    PartStatus status, LocalDate refinedOn, String refinedBy, LocalDate filingDueOn,
    OffsetDateTime filedAt, String filedBy, OffsetDateTime acknowledgedAt, String acknowledgedBy) {

  public Yuan total() {
    return central.plus(provincial);
  }
}
