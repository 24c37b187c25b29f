package cn.fundmonitor.allocation;

import cn.fundmonitor.common.MultiRowInsert;
import cn.fundmonitor.money.Yuan;
import cn.fundmonitor.project.Direction;
import cn.fundmonitor.project.FundClass;
import cn.fundmonitor.project.ProjectSeeding;
import cn.fundmonitor.project.ProjectSeeding.KeyedIndicators;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Fund allocation's seeding door (issue 18): bulk data sets (the national dataset) add allocations
 * already issued, with their approved targets, recipient parts and project lines, in multi-row
 * inserts and without the allocation process, instead of writing allocation's tables themselves.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class AllocationSeeding {

  /** An allocation document as registered, already in {@code status}. */
  public record SeededAllocation(String documentNo, String provinceCode, FundClass fundClass,
      Direction direction, int budgetYear, Yuan centralAmount, Yuan provincialAmount,
      LocalDate receivedOn, LocalDate issueDueOn, AllocationStatus status, String registeredBy,
      Instant registeredAt) {}

  /** A recipient's part of an allocation. */
  public record SeededPart(String documentNo, String recipientCode, Yuan centralAmount,
      Yuan provincialAmount, PartStatus status) {}

  /** The stage a money line belongs to: issued to a recipient, or refined by it. */
  public enum LineStage { ISSUE, REFINEMENT }

  /** A project's money in an allocation. */
  public record SeededLine(String documentNo, LineStage stage, String recipientCode,
      String projectCode, Yuan centralAmount, Yuan provincialAmount) {}

  private final JdbcTemplate jdbc;

  public void insertAllocations(List<SeededAllocation> allocations) {
    MultiRowInsert.insert(jdbc, "insert into fm_allocation (document_no, province_code, "
        + "fund_class, direction, budget_year, central_amount, provincial_amount, received_on, "
        + "issue_due_on, status, registered_by, registered_at) "
        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", allocations,
        a -> new Object[] {a.documentNo(), a.provinceCode(), a.fundClass().name(),
            a.direction().name(), a.budgetYear(), a.centralAmount().amount(),
            a.provincialAmount().amount(), Date.valueOf(a.receivedOn()),
            Date.valueOf(a.issueDueOn()), a.status().name(), a.registeredBy(),
            Timestamp.from(a.registeredAt())});
  }

  /** The allocations' approved targets, each list under its document number. */
  public void insertTargets(List<KeyedIndicators> targets) {
    MultiRowInsert.insert(jdbc, "insert into fm_allocation_target (document_no, "
        + ProjectSeeding.INDICATOR_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        ProjectSeeding.indicatorRows(targets), r -> r);
  }

  public void insertParts(List<SeededPart> parts) {
    MultiRowInsert.insert(jdbc, "insert into fm_allocation_part (document_no, recipient_code, "
        + "central_amount, provincial_amount, status) values (?, ?, ?, ?, ?)", parts,
        p -> new Object[] {p.documentNo(), p.recipientCode(), p.centralAmount().amount(),
            p.provincialAmount().amount(), p.status().name()});
  }

  public void insertLines(List<SeededLine> lines) {
    MultiRowInsert.insert(jdbc, "insert into fm_allocation_line (document_no, stage, "
        + "recipient_code, project_code, central_amount, provincial_amount) "
        + "values (?, ?, ?, ?, ?, ?)", lines,
        l -> new Object[] {l.documentNo(), l.stage().name(), l.recipientCode(), l.projectCode(),
            l.centralAmount().amount(), l.provincialAmount().amount()});
  }
}
