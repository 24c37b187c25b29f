package cn.fundmonitor.reports;

import cn.fundmonitor.filing.FilingPeriod;
import cn.fundmonitor.filing.FilingStatus;
import cn.fundmonitor.filing.MonitoringPeriod;
import cn.fundmonitor.filing.Quarter;
import cn.fundmonitor.project.Direction;
import cn.fundmonitor.project.FundClass;
import cn.fundmonitor.project.IndicatorCategory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the persisted allocations, filings and problems for the statistics (MNR 第十三条). */
@Repository
class StatisticsRepository {

  private final JdbcClient jdbc;

  StatisticsRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One indicator of a filed quarter, with its place in the target frame. */
  record IndicatorFact(String projectCode, IndicatorCategory category, Integer rate,
      boolean notYetDue) {}

  /**
   * Projects with money of the budget year issued by the quarter's last day, or a filing for the
   * quarter: a quarter's figures show the money that had arrived by then, not money issued later.
   */
  List<ProjectFact> projects(int budgetYear, int quarter) {
    return projects(budgetYear, quarter, null);
  }

  /**
   * The same for the projects of the given regions only, filtered in SQL (issue 16): a county's
   * statistics read its own projects, however many the nation has. {@code null}: every region.
   */
  List<ProjectFact> projects(int budgetYear, int quarter, java.util.Collection<String> regions) {
    return projects(new Quarter(budgetYear, quarter), regions);
  }

  /**
   * The same for any filing period: a quarter, or a monitoring point (MNR 第十一条: 其他填报时点，
   * 按要求执行), whose money is counted as of the point's date and whose filings are its own.
   */
  List<ProjectFact> projects(FilingPeriod period, java.util.Collection<String> regions) {
    var budgetYear = period.year();
    var asOf = period.lastDay();
    var indicators = new HashMap<String, int[]>();
    for (var i : indicators(period, regions)) {
      var counts = indicators.computeIfAbsent(i.projectCode(), k -> new int[5]);
      counts[0]++;
      if (i.notYetDue()) {
        counts[4]++;
      } else if (i.rate() != null) {
        counts[1]++;
        counts[3] += i.rate();
        if (i.rate() >= 100) {
          counts[2]++;
        }
      }
    }
    return jdbc.sql("select p.code, p.region_code, p.fund_class, p.direction, coalesce(i.issued, 0) issued, "
            + "f.status, f.due_on, f.paid_to_date, f.warning_level "
            + "from fm_project p "
            + "left join (select l.project_code, sum(l.central_amount + l.provincial_amount) issued "
            + "  from fm_allocation_line l join fm_allocation a on a.document_no = l.document_no "
            + "  where l.stage = 'ISSUE' and a.budget_year = ? and a.issued_on <= ? "
            + (regions == null ? "" : "  and l.project_code in (select r.code from fm_project r "
                + "where r.region_code in (" + placeholders(regions) + ")) ")
            + "  group by l.project_code) i "
            + "  on i.project_code = p.code "
            + "left join fm_quarterly_filing f on f.project_code = p.code and " + filingOf(period)
            + " where (i.project_code is not null or f.business_key is not null)"
            + (regions == null ? "" : " and p.region_code in (" + placeholders(regions) + ")"))
        .params(params(List.of(budgetYear, asOf), regions, filingParams(period), regions))
        .query((rs, n) -> {
          var code = rs.getString("code");
          var counts = indicators.getOrDefault(code, new int[5]);
          var status = rs.getString("status");
          var due = rs.getDate("due_on");
          return new ProjectFact(code, rs.getString("region_code"),
              FundClass.valueOf(rs.getString("fund_class")), Direction.valueOf(rs.getString("direction")),
              rs.getBigDecimal("issued"), status == null ? null : FilingStatus.valueOf(status),
              due == null ? null : due.toLocalDate(), rs.getBigDecimal("paid_to_date"),
              rs.getString("warning_level"), counts[0], counts[1], counts[2], counts[3], counts[4]);
        }).list();
  }

  /** The indicators of the quarter's filed (or transmitted) filings. */
  List<IndicatorFact> indicators(int year, int quarter) {
    return indicators(year, quarter, null);
  }

  /** The same for the projects of the given regions ({@code null}: every region). */
  List<IndicatorFact> indicators(int year, int quarter, java.util.Collection<String> regions) {
    return indicators(new Quarter(year, quarter), regions);
  }

  /** The indicators of the period's filed (or transmitted) filings, a quarter's or a point's. */
  List<IndicatorFact> indicators(FilingPeriod period, java.util.Collection<String> regions) {
    return jdbc.sql("select f.project_code, pi.level2, fi.completion_rate, fi.not_yet_due "
            + "from fm_filing_indicator fi "
            + "join fm_quarterly_filing f on f.business_key = fi.business_key "
            + "join fm_project_indicator pi on pi.project_code = f.project_code "
            + "  and pi.position = fi.position "
            + "where " + filingOf(period) + " and f.status in (?, ?)"
            + (regions == null ? "" : " and f.project_code in (select r.code from fm_project r "
                + "where r.region_code in (" + placeholders(regions) + "))"))
        .params(params(filingParams(period), List.of(FilingStatus.FILED.name(),
            FilingStatus.TRANSMITTED.name()), regions))
        .query((rs, n) -> {
          var rate = rs.getObject("completion_rate");
          return new IndicatorFact(rs.getString("project_code"),
              IndicatorCategory.valueOf(rs.getString("level2")),
              rate == null ? null : ((Number) rate).intValue(), rs.getBoolean("not_yet_due"));
        }).list();
  }

  /**
   * Selects the filings of a period: a quarter's by year and quarter, a monitoring point's by the
   * point (a point's filings have no quarter, a quarter's no point).
   */
  private static String filingOf(FilingPeriod period) {
    return period instanceof MonitoringPeriod ? "f.point_id = ?" : "f.filing_year = ? and f.quarter = ?";
  }

  private static List<Object> filingParams(FilingPeriod period) {
    return period instanceof MonitoringPeriod p ? List.of(p.pointId())
        : List.of(period.year(), ((Quarter) period).quarter());
  }

  private static String placeholders(java.util.Collection<String> values) {
    return String.join(", ", java.util.Collections.nCopies(Math.max(1, values.size()), "?"));
  }

  /** The parameters in order; a region list adds each code (or one null for an empty list). */
  @SafeVarargs
  private static List<Object> params(java.util.Collection<?>... parts) {
    var result = new java.util.ArrayList<Object>();
    for (var part : parts) {
      if (part == null) {
        continue;
      }
      if (part.isEmpty()) {
        result.add(null);
      }
      result.addAll(part);
    }
    return result;
  }

  /** Money that reached each province in the budget year, by fund class and direction. */
  record Receipt(String provinceCode, FundClass fundClass, Direction direction, BigDecimal amount) {}

  /** Money of the budget year that had reached each province by {@code asOf}. */
  List<Receipt> receipts(int budgetYear, LocalDate asOf) {
    return jdbc.sql("select province_code, fund_class, direction, "
            + "sum(central_amount + provincial_amount) amount from fm_allocation "
            + "where budget_year = ? and received_on <= ? group by province_code, fund_class, direction")
        .params(budgetYear, asOf)
        .query((rs, n) -> new Receipt(rs.getString("province_code"),
            FundClass.valueOf(rs.getString("fund_class")), Direction.valueOf(rs.getString("direction")),
            rs.getBigDecimal("amount"))).list();
  }

  /**
   * Money of one fund class issued to one project (the split by fund source, MNR 第二条), and
   * whether the unit that registered it issued it to another unit (a city's money to a county).
   */
  record IssuedByClass(String projectCode, FundClass fundClass, boolean fromAnotherUnit,
      BigDecimal amount) {}

  /**
   * The money of the budget year issued to projects by {@code asOf}, by project and by the fund
   * class of the allocation it came from: the same lines {@link #projects} sums as "issued".
   */
  List<IssuedByClass> issuedByClass(int budgetYear, LocalDate asOf) {
    return jdbc.sql("select l.project_code, a.fund_class, "
            + "case when a.province_code <> l.recipient_code then 1 else 0 end from_another_unit, "
            + "sum(l.central_amount + l.provincial_amount) amount "
            + "from fm_allocation_line l join fm_allocation a on a.document_no = l.document_no "
            + "where l.stage = 'ISSUE' and a.budget_year = ? and a.issued_on <= ? "
            + "group by l.project_code, a.fund_class, "
            + "case when a.province_code <> l.recipient_code then 1 else 0 end")
        .params(budgetYear, asOf)
        .query((rs, n) -> new IssuedByClass(rs.getString("project_code"),
            FundClass.valueOf(rs.getString("fund_class")), rs.getInt("from_another_unit") == 1,
            rs.getBigDecimal("amount"))).list();
  }

  /** What one project's filing of a quarter says was paid from one fund source. */
  record PaidBySource(String projectCode, cn.fundmonitor.filing.FundSource source, BigDecimal amount) {}

  /** The payments by fund source of the quarter's filings (MNR 第二条: 上级下达、本级筹措…). */
  List<PaidBySource> paidBySource(int year, int quarter) {
    return paidBySource(new Quarter(year, quarter));
  }

  /** The payments by fund source of the period's filings (a quarter's or a point's). */
  List<PaidBySource> paidBySource(FilingPeriod period) {
    return jdbc.sql("select f.project_code, p.fund_source, sum(p.paid) amount "
            + "from fm_filing_payment p join fm_quarterly_filing f on f.business_key = p.business_key "
            + "where " + filingOf(period) + " group by f.project_code, p.fund_source")
        .params(filingParams(period))
        .query((rs, n) -> new PaidBySource(rs.getString("project_code"),
            cn.fundmonitor.filing.FundSource.valueOf(rs.getString("fund_source")),
            rs.getBigDecimal("amount"))).list();
  }

  /** A problem not yet closed or dismissed, with where it is and when it was raised. */
  record OpenProblem(String unitCode, String projectCode, LocalDate raisedOn) {}

  List<OpenProblem> openProblems() {
    return jdbc.sql("select unit_code, project_code, raised_at from fm_problem "
            + "where status not in ('CLOSED', 'DISMISSED')")
        .query((rs, n) -> new OpenProblem(rs.getString("unit_code"), rs.getString("project_code"),
            rs.getTimestamp("raised_at").toLocalDateTime().toLocalDate())).list();
  }
}
