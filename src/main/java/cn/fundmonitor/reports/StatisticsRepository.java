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
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the persisted allocations, filings and problems for the statistics (MNR 第十三条). */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class StatisticsRepository {

  private final JdbcClient jdbc;

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
    return filingOf(period, "f");
  }

  /** The same for the filings under {@code alias}. */
  private static String filingOf(FilingPeriod period, String alias) {
    return period instanceof MonitoringPeriod ? alias + ".point_id = ?"
        : alias + ".filing_year = ? and " + alias + ".quarter = ?";
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

  /**
   * Which regions a query reads: the codes listed, or every region but the codes listed (the
   * ministry's scope excludes nothing, so its query carries no list at all).
   */
  record RegionFilter(boolean exclude, java.util.Collection<String> codes) {

    /** The shorter of "these regions" and "all but those": a list never longer than half the tree. */
    static RegionFilter of(java.util.Set<String> visible, java.util.Collection<String> allCodes) {
      var others = allCodes.stream().filter(c -> !visible.contains(c)).toList();
      return others.size() < visible.size() ? new RegionFilter(true, others)
          : new RegionFilter(false, List.copyOf(visible));
    }

    /** The condition on {@code column}, starting with " and ", or nothing. */
    String on(String column) {
      if (exclude) {
        return codes.isEmpty() ? "" : " and " + column + " not in (" + placeholders(codes) + ")";
      }
      return " and " + column + " in (" + placeholders(codes) + ")";
    }

    /**
     * The condition that the project in {@code column} lies in the regions, or nothing when every
     * region is read (a subquery that would keep every project is left out).
     */
    String ofProjects(String column) {
      var regions = on("r.region_code");
      return regions.isEmpty() ? ""
          : " and " + column + " in (select r.code from fm_project r where 1 = 1" + regions + ")";
    }

    /** The parameters of {@link #on} (and {@link #ofProjects}), in order. */
    List<Object> params() {
      if (exclude && codes.isEmpty()) {
        return List.of();
      }
      return codes.isEmpty() ? java.util.Collections.singletonList(null) : List.copyOf(codes);
    }
  }

  /** What a statistics query groups its projects by (issue 16: rows per group, not per project). */
  enum Grouping {
    REGION("p.region_code, null, null", "p.region_code"),
    /** One scan for the region view and the views by fund class and by direction together. */
    REGION_CLASS_AND_DIRECTION("p.region_code, p.fund_class, p.direction",
        "p.region_code, p.fund_class, p.direction"),
    CLASS_AND_DIRECTION("null, p.fund_class, p.direction", "p.fund_class, p.direction"),
    NONE("null, null, null", null);

    private final String select;
    private final String groupBy;

    Grouping(String select, String groupBy) {
      this.select = select;
      this.groupBy = groupBy;
    }
  }

  /**
   * The figures of the projects of one group, summed in the database: the same projects and the
   * same rules as {@link #projects} and {@link Figures#add(ProjectFact, LocalDate)}, one row per
   * region (or per fund class and direction, or one row in all) instead of one per project.
   */
  record Sums(String regionCode, FundClass fundClass, Direction direction, int projects,
      BigDecimal issued, int filed, BigDecimal paid, int red, int yellow, int blue,
      int overdueFilings, int indicators, int indicatorsRated, int indicatorsMet, int rateSum) {}

  private static final String FILED = "('" + FilingStatus.FILED.name() + "', '"
      + FilingStatus.TRANSMITTED.name() + "')";

  /**
   * The statistics of the period's projects in the regions of {@code filter}, grouped in SQL
   * (issue 16): the ministry's answer reads about 3,000 region rows, not 30,000 projects. A
   * period is a quarter or a monitoring point (money as of its date, its own filings).
   * {@code today} decides which open filings are overdue.
   */
  List<Sums> sums(FilingPeriod period, RegionFilter filter, Grouping grouping, LocalDate today) {
    var budgetYear = period.year();
    var asOf = period.lastDay();
    var params = new java.util.ArrayList<Object>();
    var sql = new StringBuilder("select ").append(grouping.select)
        .append(", count(*) projects, coalesce(sum(i.issued), 0) issued, ")
        .append("sum(case when f.status in " + FILED + " then 1 else 0 end) filed, ")
        .append("coalesce(sum(case when f.status in " + FILED + " then f.paid_to_date end), 0) paid, ");
    for (var colour : List.of("RED", "YELLOW", "BLUE")) {
      sql.append("sum(case when f.status in " + FILED + " and f.warning_level = '" + colour
          + "' then 1 else 0 end) " + colour.toLowerCase() + ", ");
    }
    sql.append("sum(case when f.status is not null and f.status not in " + FILED
        + " and f.due_on < ? then 1 else 0 end) overdue, ");
    params.add(today);
    sql.append("coalesce(sum(n.indicators), 0) indicators, coalesce(sum(n.rated), 0) rated, ")
        .append("coalesce(sum(n.met), 0) met, coalesce(sum(n.rate_sum), 0) rate_sum ")
        .append("from fm_project p ")
        .append("left join (select l.project_code, sum(l.central_amount + l.provincial_amount) issued ")
        .append("  from fm_allocation_line l join fm_allocation a on a.document_no = l.document_no ")
        .append("  where l.stage = 'ISSUE' and a.budget_year = ? and a.issued_on <= ? ")
        .append(filter.ofProjects("l.project_code")).append(" group by l.project_code) i ")
        .append("  on i.project_code = p.code ");
    params.add(budgetYear);
    params.add(asOf);
    params.addAll(filter.params());
    sql.append("left join fm_quarterly_filing f on f.project_code = p.code and ")
        .append(filingOf(period, "f")).append(" ");
    params.addAll(filingParams(period));
    // an indicator counts as rated when it is due and has a rate (IndicatorFact, Figures)
    sql.append("left join (select g.project_code, count(*) indicators, ")
        .append("  sum(case when not fi.not_yet_due and fi.completion_rate is not null then 1 else 0 end) rated, ")
        .append("  sum(case when not fi.not_yet_due and fi.completion_rate >= 100 then 1 else 0 end) met, ")
        .append("  sum(case when not fi.not_yet_due then fi.completion_rate else 0 end) rate_sum ")
        .append("  from fm_filing_indicator fi ")
        .append("  join fm_quarterly_filing g on g.business_key = fi.business_key ")
        .append("  join fm_project_indicator pi on pi.project_code = g.project_code ")
        .append("    and pi.position = fi.position ")
        .append("  where ").append(filingOf(period, "g")).append(" and g.status in " + FILED)
        .append(filter.ofProjects("g.project_code")).append(" group by g.project_code) n ")
        .append("  on n.project_code = p.code ");
    params.addAll(filingParams(period));
    params.addAll(filter.params());
    sql.append("where (i.project_code is not null or f.business_key is not null)")
        .append(filter.on("p.region_code"));
    params.addAll(filter.params());
    if (grouping.groupBy != null) {
      sql.append(" group by ").append(grouping.groupBy);
    }
    return jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
      var fundClass = rs.getString(2);
      var direction = rs.getString(3);
      return new Sums(rs.getString(1), fundClass == null ? null : FundClass.valueOf(fundClass),
          direction == null ? null : Direction.valueOf(direction), rs.getInt("projects"),
          rs.getBigDecimal("issued"), rs.getInt("filed"), rs.getBigDecimal("paid"),
          rs.getInt("red"), rs.getInt("yellow"), rs.getInt("blue"), rs.getInt("overdue"),
          rs.getInt("indicators"), rs.getInt("rated"), rs.getInt("met"), rs.getInt("rate_sum"));
    }).list().stream().filter(s -> s.projects() > 0).toList();
  }

  /** The indicators of one category of the period's filed filings in the regions, summed. */
  record IndicatorSums(IndicatorCategory category, int indicators, int rated, int met, int rateSum) {}

  List<IndicatorSums> indicatorSums(FilingPeriod period, RegionFilter filter) {
    var params = new java.util.ArrayList<Object>(filingParams(period));
    params.addAll(filter.params());
    return jdbc.sql("select pi.level2, count(*) indicators, "
            + "sum(case when not fi.not_yet_due and fi.completion_rate is not null then 1 else 0 end) rated, "
            + "sum(case when not fi.not_yet_due and fi.completion_rate >= 100 then 1 else 0 end) met, "
            + "coalesce(sum(case when not fi.not_yet_due then fi.completion_rate else 0 end), 0) rate_sum "
            + "from fm_filing_indicator fi "
            + "join fm_quarterly_filing f on f.business_key = fi.business_key "
            + "join fm_project_indicator pi on pi.project_code = f.project_code "
            + "  and pi.position = fi.position "
            + "join fm_project p on p.code = f.project_code "
            + "where " + filingOf(period) + " and f.status in " + FILED
            + filter.on("p.region_code") + " group by pi.level2")
        .params(params)
        .query((rs, n) -> new IndicatorSums(IndicatorCategory.valueOf(rs.getString("level2")),
            rs.getInt("indicators"), rs.getInt("rated"), rs.getInt("met"), rs.getInt("rate_sum")))
        .list();
  }

  /**
   * Money of one fund class issued to the projects of the regions, split by whether the unit that
   * registered it issued it to another unit (a city's own money to a county: MNR 第二条, 上级下达
   * for the county; see {@link cn.fundmonitor.filing.FundSource#received}).
   */
  record IssuedSums(FundClass fundClass, boolean fromAnotherUnit, BigDecimal amount) {}

  /**
   * The money of the budget year issued by {@code asOf} to the projects of the regions, by the
   * fund class of the allocation it came from and by whether it went to another unit than the one
   * that registered it (the split by fund source, MNR 第二条), summed in SQL (issue 16): the same
   * lines and the same rule as {@link #issuedByClass(int, LocalDate)} project by project.
   */
  List<IssuedSums> issuedByClass(int budgetYear, LocalDate asOf, RegionFilter filter) {
    var params = new java.util.ArrayList<Object>(List.of(budgetYear, asOf));
    params.addAll(filter.params());
    var another = "case when a.province_code <> l.recipient_code then 1 else 0 end";
    return jdbc.sql("select a.fund_class, " + another + " from_another_unit, "
            + "sum(l.central_amount + l.provincial_amount) amount "
            + "from fm_allocation_line l join fm_allocation a on a.document_no = l.document_no "
            + "join fm_project p on p.code = l.project_code "
            + "where l.stage = 'ISSUE' and a.budget_year = ? and a.issued_on <= ?"
            + filter.on("p.region_code") + " group by a.fund_class, " + another)
        .params(params)
        .query((rs, n) -> new IssuedSums(FundClass.valueOf(rs.getString("fund_class")),
            rs.getInt("from_another_unit") == 1, rs.getBigDecimal("amount"))).list();
  }

  /**
   * What the period's filed filings of the regions paid from each fund source; {@code split} is
   * false for payments of filings that state no total paid (they are not part of "paid").
   */
  record SourceSums(cn.fundmonitor.filing.FundSource source, boolean ofTotal, BigDecimal amount) {}

  List<SourceSums> paidBySource(FilingPeriod period, RegionFilter filter) {
    var params = new java.util.ArrayList<Object>(filingParams(period));
    params.addAll(filter.params());
    return jdbc.sql("select p.fund_source, case when f.paid_to_date is null then 0 else 1 end of_total, "
            + "sum(p.paid) amount "
            + "from fm_filing_payment p join fm_quarterly_filing f on f.business_key = p.business_key "
            + "join fm_project r on r.code = f.project_code "
            + "where " + filingOf(period) + " and f.status in " + FILED
            + filter.on("r.region_code")
            + " group by p.fund_source, case when f.paid_to_date is null then 0 else 1 end")
        .params(params)
        .query((rs, n) -> new SourceSums(
            cn.fundmonitor.filing.FundSource.valueOf(rs.getString("fund_source")),
            rs.getInt("of_total") == 1, rs.getBigDecimal("amount"))).list();
  }

  /**
   * Open problems of the units in the regions, counted by unit, by the day they were raised and,
   * when their project is one of the period's (money issued by its end, or a filing for it) and
   * lies in the regions, by that project's fund class and direction.
   */
  record ProblemSums(String unitCode, FundClass fundClass, Direction direction, LocalDate raisedOn,
      int count) {}

  List<ProblemSums> openProblems(FilingPeriod period, RegionFilter filter) {
    var budgetYear = period.year();
    var asOf = period.lastDay();
    var ofQuarter = "(exists (select 1 from fm_allocation_line l join fm_allocation a "
        + "on a.document_no = l.document_no where l.project_code = p.code and l.stage = 'ISSUE' "
        + "and a.budget_year = ? and a.issued_on <= ?) or exists (select 1 from fm_quarterly_filing f "
        + "where f.project_code = p.code and " + filingOf(period) + "))"
        + filter.on("p.region_code");
    var params = new java.util.ArrayList<Object>();
    params.add(budgetYear);
    params.add(asOf);
    params.addAll(filingParams(period));
    params.addAll(filter.params());
    params.addAll(filter.params());
    var day = "cast(pr.raised_at as date)";
    return jdbc.sql("select pr.unit_code, p.fund_class, p.direction, " + day + " raised_on, "
            + "count(*) n from fm_problem pr "
            + "left join fm_project p on p.code = pr.project_code and " + ofQuarter + " "
            + "where pr.status not in ('CLOSED', 'DISMISSED')" + filter.on("pr.unit_code")
            + " group by pr.unit_code, p.fund_class, p.direction, " + day)
        .params(params)
        .query((rs, n) -> {
          var fundClass = rs.getString("fund_class");
          var direction = rs.getString("direction");
          return new ProblemSums(rs.getString("unit_code"),
              fundClass == null ? null : FundClass.valueOf(fundClass),
              direction == null ? null : Direction.valueOf(direction),
              rs.getDate("raised_on").toLocalDate(), rs.getInt("n"));
        }).list();
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
