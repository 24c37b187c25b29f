package cn.fundmonitor.filing;

import cn.fundmonitor.common.MultiRowInsert;
import cn.fundmonitor.money.Yuan;
import java.math.BigDecimal;
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
 * Quarterly filing's seeding door (issue 18): bulk data sets (the national dataset) add filings
 * already filed and transmitted, with their payments and indicator actuals, in multi-row inserts
 * and without the filing process, instead of writing filing's tables themselves.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class FilingSeeding {

  /** A quarter's filing as the reviewer transmitted it; {@code warningLevel} may be null. */
  public record SeededFiling(String businessKey, String projectCode, int filingYear, int quarter,
      FilingStatus status, LocalDate dueOn, Yuan receivedAmount, Yuan paidToDate,
      BigDecimal physicalProgress, WarningLevel warningLevel, Instant openedAt, String filedBy,
      Instant filedAt, String reviewedBy, Instant transmittedAt) {}

  /** What a filing says was paid from one fund source. */
  public record SeededPayment(String businessKey, FundSource fundSource, Yuan paid) {}

  /**
   * A filing's actual for its project's indicator at {@code position}; {@code actualValue} and
   * {@code completionRate} are null when the indicator is not yet due.
   */
  public record SeededActual(String businessKey, int position, BigDecimal actualValue,
      boolean notYetDue, Integer completionRate, boolean rateByReviewer) {}

  private final JdbcTemplate jdbc;

  public void insertFilings(List<SeededFiling> filings) {
    MultiRowInsert.insert(jdbc, "insert into fm_quarterly_filing (business_key, project_code, "
        + "filing_year, quarter, status, due_on, received_amount, paid_to_date, "
        + "physical_progress, warning_level, opened_at, filed_by, filed_at, reviewed_by, "
        + "transmitted_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", filings,
        f -> new Object[] {f.businessKey(), f.projectCode(), f.filingYear(), f.quarter(),
            f.status().name(), Date.valueOf(f.dueOn()), f.receivedAmount().amount(),
            f.paidToDate().amount(), f.physicalProgress(),
            f.warningLevel() == null ? null : f.warningLevel().name(), Timestamp.from(f.openedAt()),
            f.filedBy(), Timestamp.from(f.filedAt()), f.reviewedBy(),
            Timestamp.from(f.transmittedAt())});
  }

  public void insertPayments(List<SeededPayment> payments) {
    MultiRowInsert.insert(jdbc, "insert into fm_filing_payment (business_key, fund_source, paid) "
        + "values (?, ?, ?)", payments,
        p -> new Object[] {p.businessKey(), p.fundSource().name(), p.paid().amount()});
  }

  public void insertActuals(List<SeededActual> actuals) {
    MultiRowInsert.insert(jdbc, "insert into fm_filing_indicator (business_key, position, "
        + "actual_value, not_yet_due, completion_rate, rate_by_reviewer) "
        + "values (?, ?, ?, ?, ?, ?)", actuals,
        a -> new Object[] {a.businessKey(), a.position(), a.actualValue(), a.notYetDue(),
            a.completionRate(), a.rateByReviewer()});
  }
}
