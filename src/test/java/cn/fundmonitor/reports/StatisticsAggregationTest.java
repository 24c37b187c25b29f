package cn.fundmonitor.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.filing.FilingPeriod;
import cn.fundmonitor.filing.FilingStatus;
import cn.fundmonitor.filing.FundSource;
import cn.fundmonitor.filing.MonitoringPeriod;
import cn.fundmonitor.filing.Quarter;
import cn.fundmonitor.organisation.Division;
import cn.fundmonitor.organisation.DivisionLevel;
import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.project.Direction;
import cn.fundmonitor.project.FundClass;
import cn.fundmonitor.project.IndicatorCategory;
import cn.fundmonitor.support.ReportsTest;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 16 (MNR 第十三条): the statistics summed in SQL give, view by view and row by row, what
 * the former per-project computation ({@link PerProjectStatistics}) gives, on a generated dataset
 * of every status, fund class, direction, source and indicator case, for the ministry, each
 * province, city and county, each quarter and a monitoring point (MNR 第十一条: 其他填报时点，按要求执行;
 * its own filings, money as of its date, its months), with a city's own money issued to its
 * counties and spent by itself (MNR 第二条: 上级下达 for a county, 本级筹措 for the city); a region
 * row is the sum of the rows beneath it,
 * and a child's row is what that child's own statistics (the drill-down) answer. The dataset is
 * written in a transaction that is rolled back, so no other test sees it.
 */
@ReportsTest
class StatisticsAggregationTest {

  static final int PROJECTS = 400;

  @Autowired ReportsFixture fixture;
  @Autowired StatisticsService statistics;
  @Autowired StatisticsRepository repository;
  @Autowired OrganisationService organisation;
  @Autowired Clock clock;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;

  @BeforeEach
  void seed() {
    fixture.ensure();
  }

  @Test
  void mnrArticle13_sumsInSqlEqualThePerProjectComputationForEveryScopeQuarterAndMonitoringPoint() {
    sumsEqualPerProject(statistics, repository, organisation, clock, jdbc, transactions);
  }

  /** The comparison, on whichever database the beans use (H2 here, PostgreSQL in the IT). */
  static void sumsEqualPerProject(StatisticsService statistics, StatisticsRepository repository,
      OrganisationService organisation, Clock clock, JdbcTemplate jdbc,
      PlatformTransactionManager transactions) {
    inRolledBackTransaction(transactions, () -> {
      var year = LocalDate.now(clock).getYear();
      var point = new Dataset(jdbc, organisation, new Random(20261201L))
          .write(year, LocalDate.now(clock));
      var periods = new ArrayList<FilingPeriod>();
      for (int q = 1; q <= 4; q++) {
        periods.add(new Quarter(year, q));
      }
      periods.add(point);
      var reference = new PerProjectStatistics(repository, organisation, clock);
      var scopes = organisation.all().stream().filter(Division::active).map(Division::code)
          .sorted().toList();
      assertThat(scopes).hasSizeGreaterThan(8);
      int compared = 0;
      for (var code : scopes) {
        for (var period : periods) {
          var scope = new Scope(List.of(code));
          var summed = statistics.compute(period, scope);
          var perProject = reference.compute(period, scope);
          var label = code + " " + period.period();
          for (int v = 0; v < summed.views().size(); v++) {
            var got = summed.views().get(v);
            var want = perProject.views().get(v);
            if (!got.name().equals("REGION")) {
              assertThat(rows(got)).as(label + " " + got.name()).isEqualTo(rows(want));
            } else {
              // the same figures for the scope and its children; deeper rows are drill-downs
              var wantRows = new StatisticsService.View(want.name(), want.title(),
                  want.rows().stream().filter(r -> r.depth() <= 1).toList(), want.total());
              assertThat(rows(got)).as(label + " REGION").isEqualTo(rows(wantRows));
              if (organisation.get(code).level().ordinal() <= DivisionLevel.PROVINCE.ordinal()) {
                childrenAddUp(label, got);
              }
            }
            assertThat(describe(got.total())).as(label + " " + got.name() + " total")
                .isEqualTo(describe(want.total()));
          }
          for (var child : summed.region().rows()) {
            if (child.depth() == 1) {
              var drilled = statistics.compute(period, new Scope(List.of(child.key())));
              assertThat(describe(drilled.region().total())).as(label + " drill " + child.key())
                  .isEqualTo(describe(child.figures()));
            }
          }
          compared++;
        }
      }
      assertThat(compared).isEqualTo(scopes.size() * periods.size());
      var nation = statistics.compute(year, 4, new Scope(List.of(Dataset.MINISTRY)));
      assertThat(nation.region().total().projects()).isGreaterThanOrEqualTo(PROJECTS / 2);
      assertThat(nation.region().rows()).as("the ministry and its provinces only")
          .allMatch(r -> organisation.get(r.key()).level().ordinal()
              <= DivisionLevel.PROVINCE.ordinal());
      assertThat(nation.source().rows()).anyMatch(r -> r.key().equals(StatisticsService.UNSPLIT));
      // the point is its own period: its filings, its months, its row after the quarters before it
      var atPoint = statistics.compute(point, new Scope(List.of(Dataset.MINISTRY)));
      assertThat(atPoint.quarter()).isNull();
      assertThat(atPoint.periodLabel()).isEqualTo(point.label());
      assertThat(atPoint.quarters().rows()).extracting(StatisticsService.Row::key)
          .containsExactly(year + "Q1", year + "Q2", point.period());
      assertThat(atPoint.region().total().filed()).as("the point's own filings")
          .isPositive().isNotEqualTo(nation.region().total().filed());
      // both kinds of a city's own money are in the dataset: issued to a county and spent at home
      assertThat(jdbc.queryForList("select distinct case when a.province_code <> l.recipient_code "
          + "then 1 else 0 end from fm_allocation_line l join fm_allocation a on a.document_no = "
          + "l.document_no where a.fund_class = 'CITY' and l.stage = 'ISSUE' and a.issued_on is not null "
          + "and a.budget_year = ?", Integer.class, year)).containsExactlyInAnyOrder(0, 1);
    });
  }

  /** Everything counted from projects: the children's rows add up to the scope's row. */
  private static void childrenAddUp(String label, StatisticsService.View region) {
    var root = region.rows().get(0).figures();
    var sum = new Figures(0);
    region.rows().stream().filter(r -> r.depth() == 1).forEach(r -> sum.plus(r.figures()));
    // the dataset puts projects in cities and counties only, so nothing is a province's or the
    // ministry's own
    assertThat(region.rows()).as(label).anyMatch(r -> r.depth() == 1);
    assertThat(projectFigures(sum)).as(label + " children add up").isEqualTo(projectFigures(root));
  }

  private static String projectFigures(Figures f) {
    return List.of(f.issued(), f.paid(), f.projects(), f.filed(), f.overdueFilings(), f.red(),
        f.yellow(), f.blue(), f.indicators(), f.indicatorsRated(), f.indicatorsMet(),
        String.valueOf(f.averageCompletion())).toString();
  }

  /** Each row as "key/depth/label" → its figures, in order. */
  static Map<String, String> rows(StatisticsService.View view) {
    var rows = new LinkedHashMap<String, String>();
    view.rows().forEach(r -> rows.put(r.key() + "/" + r.depth() + "/" + r.label(),
        describe(r.figures())));
    return rows;
  }

  static String describe(Figures f) {
    return "received=" + f.received() + " issued=" + f.issued() + " paid=" + f.paid()
        + " rate=" + f.executionRate() + " time=" + f.timeProgress() + " projects=" + f.projects()
        + " filed=" + f.filed() + " overdue=" + f.overdueFilings() + " red=" + f.red()
        + " yellow=" + f.yellow() + " blue=" + f.blue() + " problems=" + f.openProblems()
        + " indicators=" + f.indicators() + "/" + f.indicatorsRated() + "/" + f.indicatorsMet()
        + " completion=" + f.averageCompletion();
  }

  private static void inRolledBackTransaction(PlatformTransactionManager transactions,
      Runnable work) {
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      try {
        work.run();
      } finally {
        status.setRollbackOnly();
      }
    });
  }

  /**
   * A seeded dataset under the demo tree: projects in its cities and counties, of every fund class
   * and direction; allocations of the year and the year before, some not yet issued; filings of
   * every status in each quarter, some without a total paid, with warnings, payments by source
   * that need not add up, and indicators due or not, rated or not; open and closed problems of
   * every unit, with and without a project.
   */
  static final class Dataset {

    static final String MINISTRY = cn.fundmonitor.organisation.Division.MINISTRY_CODE;

    private final JdbcTemplate jdbc;
    private final OrganisationService organisation;
    private final Random random;

    Dataset(JdbcTemplate jdbc, OrganisationService organisation, Random random) {
      this.jdbc = jdbc;
      this.organisation = organisation;
      this.random = random;
    }

    /** Writes the dataset; answers the monitoring point it opened (as of 31 August). */
    MonitoringPeriod write(int year, LocalDate today) {
      var now = Timestamp.valueOf(today.atTime(9, 0));
      var all = organisation.all().stream().filter(Division::active)
          .sorted(java.util.Comparator.comparing(Division::code)).toList();
      var regions = all.stream().filter(d -> d.level() == DivisionLevel.CITY
          || d.level() == DivisionLevel.COUNTY).toList();
      var projects = new ArrayList<String[]>();
      for (int i = 0; i < PROJECTS; i++) {
        var region = pick(regions);
        var code = "AGG-" + region.code() + "-" + i;
        var direction = pick(List.of(Direction.values()));
        var fundClass = pick(List.of(FundClass.values()));
        jdbc.update("insert into fm_project (code, name, region_code, applicant_unit_code, "
            + "direction, fund_class, requested_amount, status, applied_by, applied_at, updated_at) "
            + "values (?, ?, ?, ?, ?, ?, ?, 'WAREHOUSED', 'aggregation-test', ?, ?)", code,
            "汇总测试项目" + i, region.code(), region.code(), direction.name(), fundClass.name(),
            money(5_000_000), now, now);
        int indicators = 1 + random.nextInt(3);
        for (int p = 1; p <= indicators; p++) {
          var category = pick(List.of(IndicatorCategory.values()));
          jdbc.update("insert into fm_project_indicator (project_code, position, level1, level2, "
              + "name, comparator, target_value, target_text, unit) values (?, ?, ?, ?, ?, 'GE', 100, "
              + "'100', '项')", code, p, category.level().name(), category.name(), "指标" + p);
        }
        projects.add(new String[] {code, region.code(), provinceOf(region.code()), "" + indicators});
      }
      allocations(year, today, projects, now);
      var point = point(year, now);
      filings(year, today, projects, point, now);
      problems(year, all, projects, now);
      return point;
    }

    /** A monitoring point of the ministry's as of 31 August (资阳 三(三): 每年9月对1—8月). */
    private MonitoringPeriod point(int year, Timestamp now) {
      var asOf = LocalDate.of(year, 8, 31);
      var dueOn = asOf.plusDays(15);
      var basis = "汇总测试监测时点" + random.nextLong();
      jdbc.update("insert into fm_monitoring_point (as_of, due_on, region_code, scope, basis, "
          + "opened_by, opened_at) values (?, ?, ?, 'REGION', ?, 'aggregation-test', ?)",
          Date.valueOf(asOf), Date.valueOf(dueOn), MINISTRY, basis, now);
      var id = jdbc.queryForObject("select id from fm_monitoring_point where basis = ?", Long.class,
          basis);
      return new MonitoringPeriod(id, asOf, dueOn);
    }

    private void allocations(int year, LocalDate today, List<String[]> projects, Timestamp now) {
      var docs = new ArrayList<String[]>();
      var provinces = projects.stream().map(p -> p[2]).distinct().sorted().toList();
      int n = 0;
      for (var province : provinces) {
        for (int k = 0; k < 4; k++) {
          var doc = "汇总测试〔" + year + "〕" + (++n) + "号";
          int budgetYear = k == 3 ? year - 1 : year;
          var received = LocalDate.of(year, 1, 1).plusDays(random.nextInt(365));
          // one in five is registered but not issued yet
          var issued = random.nextInt(5) == 0 ? null : received.plusDays(random.nextInt(40));
          jdbc.update("insert into fm_allocation (document_no, province_code, fund_class, direction, "
              + "budget_year, central_amount, provincial_amount, received_on, issue_due_on, status, "
              + "issued_on, registered_by, registered_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
              + "'aggregation-test', ?)", doc, province, pick(List.of(FundClass.values())).name(),
              pick(List.of(Direction.values())).name(), budgetYear, money(9_000_000),
              money(1_000_000), Date.valueOf(received), Date.valueOf(received.plusDays(30)),
              issued == null ? "RECEIVED" : "ISSUED", issued == null ? null : Date.valueOf(issued),
              now);
          docs.add(new String[] {doc, province});
        }
      }
      // a city's own money (MNR 第二条): issued to its counties (上级下达 for them) or spent by
      // itself (本级筹措); the city registers it, so the allocation's unit is the city
      var cities = projects.stream().map(p -> p[1])
          .filter(c -> organisation.get(c).level() == DivisionLevel.CITY).distinct().sorted().toList();
      for (var city : cities) {
        var doc = "汇总测试市级〔" + year + "〕" + (++n) + "号";
        var received = LocalDate.of(year, 1, 1).plusDays(random.nextInt(300));
        jdbc.update("insert into fm_allocation (document_no, province_code, fund_class, direction, "
            + "budget_year, central_amount, provincial_amount, received_on, issue_due_on, status, "
            + "issued_on, registered_by, registered_at) values (?, ?, 'CITY', ?, ?, 0, ?, ?, ?, "
            + "'ISSUED', ?, 'aggregation-test', ?)", doc, city,
            pick(List.of(Direction.values())).name(), year, money(3_000_000), Date.valueOf(received),
            Date.valueOf(received.plusDays(30)), Date.valueOf(received.plusDays(random.nextInt(40))),
            now);
        for (var p : projects) {
          var county = organisation.get(p[1]);
          if ((p[1].equals(city) || city.equals(county.parentCode())) && random.nextBoolean()) {
            jdbc.update("insert into fm_allocation_line (document_no, stage, recipient_code, "
                + "project_code, central_amount, provincial_amount) values (?, 'ISSUE', ?, ?, 0, ?)",
                doc, p[1], p[0], money(300_000));
          }
        }
      }
      for (var p : projects) {
        var own = docs.stream().filter(d -> d[1].equals(p[2])).toList();
        int lines = random.nextInt(3);
        var used = new java.util.HashSet<String>();
        for (int l = 0; l < lines; l++) {
          var doc = pick(own)[0];
          var stage = random.nextInt(6) == 0 ? "REFINEMENT" : "ISSUE";
          if (used.add(doc + stage)) {
            jdbc.update("insert into fm_allocation_line (document_no, stage, recipient_code, "
                + "project_code, central_amount, provincial_amount) values (?, ?, ?, ?, ?, ?)",
                doc, stage, p[1], p[0], money(800_000), money(200_000));
          }
        }
      }
    }

    private void filings(int year, LocalDate today, List<String[]> projects,
        MonitoringPeriod point, Timestamp now) {
      var periods = new ArrayList<FilingPeriod>();
      for (int q = 1; q <= 4; q++) {
        periods.add(new Quarter(year, q));
      }
      periods.add(point);
      for (var p : projects) {
        for (var period : periods) {
          if (random.nextInt(10) < 4) {
            continue;
          }
          var key = period.key(p[0]);
          var quarter = period instanceof Quarter q ? (Integer) q.quarter() : null;
          var pointId = period instanceof MonitoringPeriod m ? (Long) m.pointId() : null;
          var asOf = period instanceof MonitoringPeriod m ? Date.valueOf(m.asOf()) : null;
          var status = pick(List.of(FilingStatus.values()));
          var due = today.plusDays(random.nextInt(240) - 120);
          var paid = random.nextInt(8) == 0 ? null : money(600_000);
          var warning = pick(java.util.Arrays.asList("RED", "YELLOW", "BLUE", null, null));
          jdbc.update("insert into fm_quarterly_filing (business_key, project_code, filing_year, "
              + "quarter, point_id, as_of, status, due_on, paid_to_date, warning_level, opened_at) "
              + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", key, p[0], year, quarter, pointId, asOf,
              status.name(), Date.valueOf(due), paid, warning, now);
          for (var source : FundSource.values()) {
            if (random.nextInt(3) == 0) {
              jdbc.update("insert into fm_filing_payment (business_key, fund_source, paid) "
                  + "values (?, ?, ?)", key, source.name(), money(200_000));
            }
          }
          for (int i = 1; i <= Integer.parseInt(p[3]); i++) {
            if (random.nextInt(6) == 0) {
              continue;
            }
            boolean notYetDue = random.nextInt(4) == 0;
            Integer rate = random.nextInt(5) == 0 ? null : random.nextInt(160);
            jdbc.update("insert into fm_filing_indicator (business_key, position, not_yet_due, "
                + "completion_rate, rate_by_reviewer) values (?, ?, ?, ?, false)", key, i, notYetDue,
                rate);
          }
        }
      }
    }

    private void problems(int year, List<Division> units, List<String[]> projects, Timestamp now) {
      for (int i = 0; i < 80; i++) {
        var project = random.nextInt(10) < 7 ? pick(projects) : null;
        var unit = project != null && random.nextBoolean() ? project[1] : pick(units).code();
        var raised = LocalDate.of(year, 1, 1).plusDays(random.nextInt(365)).atTime(12, 0);
        jdbc.update("insert into fm_problem (problem_no, project_code, unit_code, kind, description, "
            + "source, status, raised_by, raised_at) values (?, ?, ?, 'OTHER', '汇总测试问题', 'USER', ?, "
            + "'aggregation-test', ?)", "AGG-P-" + i, project == null ? null : project[0], unit,
            pick(List.of("RAISED", "RECTIFYING", "CLOSED", "DISMISSED")), Timestamp.valueOf(raised));
      }
    }

    private String provinceOf(String code) {
      return organisation.provinceOf(code).orElseThrow().code();
    }

    private BigDecimal money(int max) {
      return BigDecimal.valueOf(random.nextInt(max) * 100L + random.nextInt(100), 2);
    }

    private <T> T pick(List<T> values) {
      return values.get(random.nextInt(values.size()));
    }
  }
}
