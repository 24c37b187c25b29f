package cn.fundmonitor.filing;

import cn.fundmonitor.money.Yuan;
import cn.fundmonitor.project.Indicator;
import cn.fundmonitor.project.IndicatorTable;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class FilingRepository {

  private final JdbcClient jdbc;

  /** The projects that have a filing of the period (a quarter's, or a monitoring point's). */
  Set<String> withFiling(FilingPeriod period) {
    var query = period instanceof MonitoringPeriod p
        ? jdbc.sql("select project_code from fm_quarterly_filing where point_id = ?").param(p.pointId())
        : jdbc.sql("select project_code from fm_quarterly_filing where filing_year = ? and "
            + "quarter = ?").params(period.year(), ((Quarter) period).quarter());
    return new HashSet<>(query.query(String.class).list());
  }

  /**
   * A monitoring point's scope: the projects located in the regions given, or the point's own
   * list when {@code regions} is null.
   */
  Set<String> pointScope(long pointId, Collection<String> regions) {
    if (regions == null) {
      return new HashSet<>(jdbc.sql("select project_code from fm_monitoring_point_project "
          + "where point_id = ?").param(pointId).query(String.class).list());
    }
    if (regions.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(jdbc.sql("select code from fm_project where region_code in (:regions)")
        .param("regions", List.copyOf(regions)).query(String.class).list());
  }

  /** Creates the filing row unless the project already has one for the quarter. */
  boolean createIfAbsent(String businessKey, String projectCode, FilingPeriod period, LocalDate dueOn,
      OffsetDateTime at) {
    var exists = jdbc.sql("select count(*) from fm_quarterly_filing where business_key = ?")
        .param(businessKey).query(Integer.class).single() > 0;
    if (exists) {
      return false;
    }
    var point = period instanceof MonitoringPeriod p ? p : null;
    jdbc.sql("insert into fm_quarterly_filing (business_key, project_code, filing_year, quarter, "
            + "point_id, as_of, status, due_on, opened_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(businessKey, projectCode, period.year(),
            period instanceof Quarter q ? q.quarter() : null, point == null ? null : point.pointId(),
            point == null ? null : point.asOf(), FilingStatus.OPEN.name(), dueOn, at)
        .update();
    return true;
  }

  /** Ties the filing to its process and fixes the money received so far; false if absent. */
  boolean attachProcess(String businessKey, String processInstanceId, Yuan received) {
    return jdbc.sql("update fm_quarterly_filing set process_instance_id = ?, received_amount = ? "
            + "where business_key = ?")
        .params(processInstanceId, received.amount(), businessKey).update() == 1;
  }

  /**
   * The money received of a project's filings not yet filed (open, or returned for revision) set
   * again, after a correction moved money; filed and transmitted ones keep the figure they were
   * filed against. The number of filings changed.
   */
  int refreshReceived(String projectCode, Yuan received) {
    return jdbc.sql("update fm_quarterly_filing set received_amount = ? where project_code = ? "
            + "and status in (?, ?)")
        .params(received.amount(), projectCode, FilingStatus.OPEN.name(),
            FilingStatus.RETURNED.name())
        .update();
  }

  Optional<QuarterlyFiling> find(String businessKey) {
    return jdbc.sql("select * from fm_quarterly_filing where business_key = ?").param(businessKey)
        .query((rs, i) -> filing(rs)).optional();
  }

  /** The project's latest quarterly filing of any year that was filed (or transmitted). */
  Optional<QuarterlyFiling> latestFiled(String projectCode) {
    return jdbc.sql("select * from fm_quarterly_filing where project_code = ? and quarter is not null "
            + "and status in (?, ?) "
            + "order by filing_year desc, quarter desc fetch first 1 rows only")
        .params(projectCode, FilingStatus.FILED.name(), FilingStatus.TRANSMITTED.name())
        .query((rs, i) -> filing(rs)).optional();
  }

  /** The project's latest quarterly filing of the year that was filed (or transmitted). */
  Optional<QuarterlyFiling> latestFiled(String projectCode, int year) {
    return jdbc.sql("select * from fm_quarterly_filing where project_code = ? and filing_year = ? "
            + "and quarter is not null and status in (?, ?) order by quarter desc fetch first 1 rows only")
        .params(projectCode, year, FilingStatus.FILED.name(), FilingStatus.TRANSMITTED.name())
        .query((rs, i) -> filing(rs)).optional();
  }

  /**
   * The cumulative payments of the project's latest earlier quarterly filing that was filed: for a
   * quarter, the quarters before it; for a monitoring point, the quarters that ended by its date.
   */
  Optional<Yuan> previousPaid(String projectCode, FilingPeriod period) {
    int bound;
    if (period instanceof Quarter q) {
      bound = q.year() * 4 + q.quarter();
    } else {
      var asOf = period.lastDay();
      var containing = new Quarter(asOf.getYear(), (asOf.getMonthValue() - 1) / 3 + 1);
      bound = containing.year() * 4 + containing.quarter() + (asOf.equals(containing.lastDay()) ? 1 : 0);
    }
    return jdbc.sql("select paid_to_date from fm_quarterly_filing where project_code = ? and "
            + "paid_to_date is not null and (filing_year * 4 + quarter) < ? "
            + "order by filing_year desc, quarter desc fetch first 1 rows only")
        .params(projectCode, bound).query(BigDecimal.class).optional()
        .map(Yuan::of);
  }

  void recordFiling(String businessKey, Yuan paid, BigDecimal physical, Map<FundSource, Yuan> sources,
      List<IndicatorActual> actuals, String actor, OffsetDateTime at) {
    jdbc.sql("update fm_quarterly_filing set paid_to_date = ?, physical_progress = ?, filed_by = ?, "
            + "filed_at = ?, status = ? where business_key = ?")
        .params(paid.amount(), physical, actor, at, FilingStatus.FILED.name(), businessKey).update();
    jdbc.sql("delete from fm_filing_payment where business_key = ?").param(businessKey).update();
    sources.forEach((source, amount) -> jdbc.sql("insert into fm_filing_payment (business_key, "
            + "fund_source, paid) values (?, ?, ?)").params(businessKey, source.name(), amount.amount())
        .update());
    jdbc.sql("delete from fm_filing_indicator where business_key = ?").param(businessKey).update();
    for (var a : actuals) {
      insertActual(businessKey, a);
    }
  }

  private void insertActual(String businessKey, IndicatorActual a) {
    jdbc.sql("insert into fm_filing_indicator (business_key, position, actual_value, actual_date, "
            + "actual_text, not_yet_due, completion_rate, rate_by_reviewer) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(businessKey, a.position(), IndicatorTable.value(a.actual()),
            IndicatorTable.date(a.actual()), a.actual() == null ? null : a.actual().text(),
            a.notYetDue(), a.completionRate(), a.rateByReviewer())
        .update();
  }

  void updatePaid(String businessKey, BigDecimal paid) {
    jdbc.sql("update fm_quarterly_filing set paid_to_date = ? where business_key = ?")
        .params(paid, businessKey).update();
  }

  void updatePayment(String businessKey, FundSource source, BigDecimal paid) {
    if (jdbc.sql("update fm_filing_payment set paid = ? where business_key = ? and fund_source = ?")
        .params(paid, businessKey, source.name()).update() == 0) {
      jdbc.sql("insert into fm_filing_payment (business_key, fund_source, paid) values (?, ?, ?)")
          .params(businessKey, source.name(), paid).update();
    }
  }

  void updatePhysical(String businessKey, BigDecimal physical) {
    jdbc.sql("update fm_quarterly_filing set physical_progress = ? where business_key = ?")
        .params(physical, businessKey).update();
  }

  void replaceActual(String businessKey, IndicatorActual actual) {
    jdbc.sql("delete from fm_filing_indicator where business_key = ? and position = ?")
        .params(businessKey, actual.position()).update();
    insertActual(businessKey, actual);
  }

  void setReviewerRate(String businessKey, int position, int rate) {
    jdbc.sql("update fm_filing_indicator set completion_rate = ?, rate_by_reviewer = true where "
        + "business_key = ? and position = ?").params(rate, businessKey, position).update();
  }

  void setWarning(String businessKey, String level, String reason, String reference,
      String details) {
    jdbc.sql("update fm_quarterly_filing set warning_level = ?, warning_reason = ?, "
        + "warning_reference = ?, warning_details = ?, warning_response = null where business_key = ?")
        .params(level, reason, reference, details, businessKey).update();
  }

  void setWarningResponse(String businessKey, String response) {
    jdbc.sql("update fm_quarterly_filing set warning_response = ? where business_key = ?")
        .params(response, businessKey).update();
  }

  Optional<QuarterlyFiling> findByProcessInstance(String processInstanceId) {
    return jdbc.sql("select * from fm_quarterly_filing where process_instance_id = ?")
        .param(processInstanceId).query((rs, i) -> filing(rs)).optional();
  }

  boolean move(String businessKey, FilingStatus from, FilingStatus to) {
    return jdbc.sql("update fm_quarterly_filing set status = ? where business_key = ? and status = ?")
        .params(to.name(), businessKey, from.name()).update() == 1;
  }

  void markTransmitted(String businessKey, String actor, OffsetDateTime at) {
    jdbc.sql("update fm_quarterly_filing set reviewed_by = ?, transmitted_at = ? where business_key = ?")
        .params(actor, at, businessKey).update();
  }

  List<IndicatorActual> actuals(String businessKey, List<Indicator> indicators) {
    return jdbc.sql("select position, not_yet_due, completion_rate, rate_by_reviewer, "
            + "actual_value as target_value, actual_date as target_date, actual_text as target_text "
            + "from fm_filing_indicator where business_key = ? order by position")
        .param(businessKey)
        .query((rs, i) -> {
          var notYet = rs.getBoolean("not_yet_due");
          var rate = rs.getObject("completion_rate");
          return new IndicatorActual(rs.getInt("position"),
              indicators.get(rs.getInt("position") - 1),
              notYet || rs.getString("target_text") == null ? null : IndicatorTable.target(rs),
              notYet, rate == null ? null : ((Number) rate).intValue(),
              rs.getBoolean("rate_by_reviewer"));
        })
        .list();
  }

  Map<FundSource, Yuan> payments(String businessKey) {
    var result = new java.util.EnumMap<FundSource, Yuan>(FundSource.class);
    jdbc.sql("select fund_source, paid from fm_filing_payment where business_key = ?")
        .param(businessKey)
        .query(rs -> {
          result.put(FundSource.valueOf(rs.getString(1)), Yuan.of(rs.getBigDecimal(2)));
        });
    return result;
  }

  void addEvent(String businessKey, String action, String actor, OffsetDateTime at, String detail) {
    jdbc.sql("insert into fm_filing_event (business_key, action, actor, occurred_at, detail) "
        + "values (?, ?, ?, ?, ?)").params(businessKey, action, actor, at, detail).update();
  }

  List<String> eventDetails(String businessKey, String action) {
    return jdbc.sql("select detail from fm_filing_event where business_key = ? and action = ? order by id")
        .params(businessKey, action).query(String.class).list();
  }

  List<String> events(String businessKey) {
    return jdbc.sql("select action from fm_filing_event where business_key = ? order by id")
        .param(businessKey).query(String.class).list();
  }

  private static QuarterlyFiling filing(ResultSet rs) throws SQLException {
    var received = rs.getBigDecimal("received_amount");
    var paid = rs.getBigDecimal("paid_to_date");
    var point = rs.getObject("point_id", Long.class);
    FilingPeriod period = point == null ? new Quarter(rs.getInt("filing_year"), rs.getInt("quarter"))
        : new MonitoringPeriod(point, rs.getObject("as_of", LocalDate.class),
            rs.getObject("due_on", LocalDate.class));
    return new QuarterlyFiling(rs.getString("business_key"), rs.getString("project_code"), period,
        FilingStatus.valueOf(rs.getString("status")), rs.getObject("due_on", LocalDate.class),
        received == null ? null : Yuan.of(received), paid == null ? null : Yuan.of(paid),
        rs.getBigDecimal("physical_progress"), rs.getString("warning_level"),
        rs.getString("warning_reason"), rs.getString("process_instance_id"),
        rs.getString("filed_by"), rs.getObject("filed_at", OffsetDateTime.class),
        rs.getString("reviewed_by"), rs.getObject("transmitted_at", OffsetDateTime.class),
        rs.getString("warning_reference"), rs.getString("warning_details"),
        rs.getString("warning_response"));
  }
}
