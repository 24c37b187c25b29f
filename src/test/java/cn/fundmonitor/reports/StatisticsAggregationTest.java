package cn.fundmonitor.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.filing.FilingStatus;
import cn.fundmonitor.filing.FundSource;
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
 * province, city and county and each quarter; a region row is the sum of the rows beneath it,
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
  void mnrArticle13_sumsInSqlEqualThePerProjectComputationForEveryScopeAndQuarter() {
    sumsEqualPerProject(statistics, repository, organisation, clock, jdbc, transactions);
  }

  /** The comparison, on whichever database the beans use (H2 here, PostgreSQL in the IT). */
  static void sumsEqualPerProject(StatisticsService statistics, StatisticsRepository repository,
      OrganisationService organisation, Clock clock, JdbcTemplate jdbc,
      PlatformTransactionManager transactions) {
    inRolledBackTransaction(transactions, () -> {
      var year = LocalDate.now(clock).getYear();
      new Dataset(jdbc, organisation, new Random(20261201L)).write(year, LocalDate.now(clock));
      var reference = new PerProjectStatistics(repository, organisation, clock);
      var scopes = organisation.all().stream().filter(Division::active).map(Division::code)
          .sorted().toList();
      assertThat(scopes).hasSizeGreaterThan(8);
      int compared = 0;
      for (var code : scopes) {
        for (int q = 1; q <= 4; q++) {
          var scope = new Scope(List.of(code));
          var summed = statistics.compute(year, q, scope);
          var perProject = reference.compute(year, q, scope);
          var label = code + " " + year + "Q" + q;
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
              var drilled = statistics.compute(year, q, new Scope(List.of(child.key())));
              assertThat(describe(drilled.region().total())).as(label + " drill " + child.key())
                  .isEqualTo(describe(child.figures()));
            }
          }
          compared++;
        }
      }
      assertThat(compared).isEqualTo(scopes.size() * 4);
      var nation = statistics.compute(year, 4, new Scope(List.of(Dataset.MINISTRY)));
      assertThat(nation.region().total().projects()).isGreaterThanOrEqualTo(PROJECTS / 2);
      assertThat(nation.region().rows()).as("the ministry and its provinces only")
          .allMatch(r -> organisation.get(r.key()).level().ordinal()
              <= DivisionLevel.PROVINCE.ordinal());
      assertThat(nation.source().rows()).anyMatch(r -> r.key().equals(StatisticsService.UNSPLIT));
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

    void write(int year, LocalDate today) {
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
      filings(year, today, projects, now);
      problems(year, all, projects, now);
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

    private void filings(int year, LocalDate today, List<String[]> projects, Timestamp now) {
      for (var p : projects) {
        for (int q = 1; q <= 4; q++) {
          if (random.nextInt(10) < 4) {
            continue;
          }
          var key = p[0] + "-" + year + "Q" + q;
          var status = pick(List.of(FilingStatus.values()));
          var due = today.plusDays(random.nextInt(240) - 120);
          var paid = random.nextInt(8) == 0 ? null : money(600_000);
          var warning = pick(java.util.Arrays.asList("RED", "YELLOW", "BLUE", null, null));
          jdbc.update("insert into fm_quarterly_filing (business_key, project_code, filing_year, "
              + "quarter, status, due_on, paid_to_date, warning_level, opened_at) "
              + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)", key, p[0], year, q, status.name(),
              Date.valueOf(due), paid, warning, now);
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
