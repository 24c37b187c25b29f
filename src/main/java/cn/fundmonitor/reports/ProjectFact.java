package cn.fundmonitor.reports;

import cn.fundmonitor.filing.FilingStatus;
import cn.fundmonitor.project.Direction;
import cn.fundmonitor.project.FundClass;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One funded project at one monitoring point (a quarter): the money issued to it in the budget
 * year, what its quarterly filing says, and how its indicators stand. The unit of all statistics.
 */
record ProjectFact(String projectCode, String regionCode, FundClass fundClass, Direction direction,
    BigDecimal issued, FilingStatus filingStatus, LocalDate filingDueOn, BigDecimal paid,
    String warningLevel, int indicators, int indicatorsRated, int indicatorsMet,
    int rateSum, int indicatorsNotYetDue) {

  boolean filed() {
    return filingStatus == FilingStatus.FILED || filingStatus == FilingStatus.TRANSMITTED;
  }

  boolean overdue(LocalDate today) {
    return filingStatus != null && !filed() && filingDueOn != null && filingDueOn.isBefore(today);
  }
}
