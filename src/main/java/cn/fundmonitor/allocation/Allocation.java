package cn.fundmonitor.allocation;

import cn.fundmonitor.money.Yuan;
import cn.fundmonitor.project.Direction;
import cn.fundmonitor.project.FundClass;
import cn.fundmonitor.project.Indicator;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Money that reached a province under one approval document (批复文号), and its targets;
 * {@code method} is how it is split (GX 第十四条), {@code issueRecordedOn} the day the system
 * recorded its issue (资金下达).
 */
public record Allocation(String documentNo, String provinceCode, FundClass fundClass,
    Direction direction, int budgetYear, Yuan centralAmount, Yuan provincialAmount,
    LocalDate receivedOn, LocalDate issueDueOn, AllocationStatus status, String issueDocumentNo,
    LocalDate issuedOn, String issuedBy, String processInstanceId, String registeredBy,
    OffsetDateTime registeredAt, List<Indicator> targets, AllocationMethod method,
    LocalDate issueRecordedOn) {

  public Allocation {
    targets = List.copyOf(targets);
  }

  public Yuan total() {
    return centralAmount.plus(provincialAmount);
  }
}
