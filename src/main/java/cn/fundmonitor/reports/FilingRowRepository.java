package cn.fundmonitor.reports;

import cn.fundmonitor.filing.FilingPeriod;
import cn.fundmonitor.filing.MonitoringPeriod;
import cn.fundmonitor.filing.Quarter;
import java.time.OffsetDateTime;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Streams the quarter's filings out of the database a row at a time (a cursor: PostgreSQL sends
 * rows in fetches of a thousand inside a read-only transaction), so an export of a hundred
 * thousand rows never holds them all.
 */
@Repository
class FilingRowRepository {

  static final int FETCH_SIZE = 1000;
  private static final String FROM = " from fm_quarterly_filing f join fm_project p on p.code = f.project_code ";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate readOnly;

  FilingRowRepository(DataSource dataSource, PlatformTransactionManager transactions) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.jdbc.setFetchSize(FETCH_SIZE);
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
  }

  /** How many rows an export will write, counted per region so the scope can be applied. */
  long count(FilingPeriod period, Predicate<String> visibleRegion) {
    var total = new long[1];
    jdbc.query("select p.region_code, count(*) n" + FROM + "where " + filingOf(period)
            + " group by p.region_code",
        rs -> {
          if (visibleRegion.test(rs.getString(1))) {
            total[0] += rs.getLong(2);
          }
        }, filingParams(period));
    return total[0];
  }

  /** Selects a quarter's filings, or a monitoring point's (which have no quarter). */
  private static String filingOf(FilingPeriod period) {
    return period instanceof MonitoringPeriod ? "f.point_id = ?" : "f.filing_year = ? and f.quarter = ?";
  }

  private static Object[] filingParams(FilingPeriod period) {
    return period instanceof MonitoringPeriod p ? new Object[] {p.pointId()}
        : new Object[] {period.year(), ((Quarter) period).quarter()};
  }

  void stream(int year, int quarter, Predicate<String> visibleRegion, Consumer<FilingRow> sink) {
    stream(new Quarter(year, quarter), visibleRegion, sink);
  }

  void stream(FilingPeriod period, Predicate<String> visibleRegion, Consumer<FilingRow> sink) {
    readOnly.executeWithoutResult(status -> jdbc.query(
        "select f.project_code, p.name, p.region_code, p.direction, p.fund_class, f.filing_year, "
            + "f.quarter, f.status, f.due_on, f.received_amount, f.paid_to_date, f.physical_progress, "
            + "f.warning_level, f.warning_reason, f.filed_by, f.filed_at, "
            + "pay.central, pay.provincial, pay.local_funds, pay.social, pay.responsible, pay.city"
            + " from fm_quarterly_filing f join fm_project p on p.code = f.project_code "
            + "left join (select business_key, "
            + "  sum(case when fund_source = 'CENTRAL' then paid end) central, "
            + "  sum(case when fund_source = 'PROVINCIAL' then paid end) provincial, "
            + "  sum(case when fund_source = 'LOCAL' then paid end) local_funds, "
            + "  sum(case when fund_source = 'SOCIAL' then paid end) social, "
            + "  sum(case when fund_source = 'RESPONSIBLE' then paid end) responsible, "
            + "  sum(case when fund_source = 'CITY' then paid end) city "
            + "  from fm_filing_payment group by business_key) pay on pay.business_key = f.business_key "
            + "where " + filingOf(period) + " order by p.region_code, f.project_code",
        rs -> {
          var region = rs.getString("region_code");
          if (!visibleRegion.test(region)) {
            return;
          }
          var due = rs.getDate("due_on");
          sink.accept(new FilingRow(rs.getString("project_code"), rs.getString("name"), region,
              rs.getString("direction"), rs.getString("fund_class"), rs.getInt("filing_year"),
              rs.getInt("quarter"), rs.getString("status"), due == null ? null : due.toLocalDate(),
              rs.getBigDecimal("received_amount"), rs.getBigDecimal("paid_to_date"),
              rs.getBigDecimal("central"), rs.getBigDecimal("provincial"),
              rs.getBigDecimal("local_funds"), rs.getBigDecimal("social"),
              rs.getBigDecimal("physical_progress"), rs.getString("warning_level"),
              rs.getString("warning_reason"), rs.getString("filed_by"),
              rs.getObject("filed_at", OffsetDateTime.class), rs.getBigDecimal("responsible"),
              rs.getBigDecimal("city")));
        }, filingParams(period)));
  }
}
