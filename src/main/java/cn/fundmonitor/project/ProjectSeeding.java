package cn.fundmonitor.project;

import cn.fundmonitor.common.MultiRowInsert;
import cn.fundmonitor.money.Yuan;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The project reserve's seeding door (issue 18): bulk data sets (the national dataset, 30,000
 * projects) add projects in a final status, their targets and their selection for a budget year
 * in multi-row inserts, without the application process, instead of writing the reserve's tables
 * themselves.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ProjectSeeding {

  /** A project as the reserve holds it, already in {@code status}. */
  public record SeededProject(String code, String name, String regionCode,
      String applicantUnitCode, Direction direction, FundClass fundClass, Yuan requestedAmount,
      ProjectStatus status, String appliedBy, Instant appliedAt, Instant updatedAt) {}

  /** A project selected for funding in {@code budgetYear}. */
  public record SeededSelection(String projectCode, int budgetYear, String selectedBy,
      Instant selectedAt) {}

  private final JdbcTemplate jdbc;

  /** How many projects the reserve holds. */
  public int count() {
    return jdbc.queryForObject("select count(*) from fm_project", Integer.class);
  }

  /** Whether a project code starts with {@code prefix} (a data set's mark). */
  public boolean anyCodeStartingWith(String prefix) {
    return jdbc.queryForObject("select count(*) from fm_project where code like ?", Integer.class,
        prefix + "%") > 0;
  }

  public void insertProjects(List<SeededProject> projects) {
    MultiRowInsert.insert(jdbc, "insert into fm_project (code, name, region_code, "
        + "applicant_unit_code, direction, fund_class, requested_amount, status, applied_by, "
        + "applied_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", projects,
        p -> new Object[] {p.code(), p.name(), p.regionCode(), p.applicantUnitCode(),
            p.direction().name(), p.fundClass().name(), p.requestedAmount().amount(),
            p.status().name(), p.appliedBy(), Timestamp.from(p.appliedAt()),
            Timestamp.from(p.updatedAt())});
  }

  /** The projects' target indicators, each list under its project's code. */
  public void insertTargets(List<KeyedIndicators> targets) {
    MultiRowInsert.insert(jdbc, "insert into fm_project_indicator (project_code, "
        + INDICATOR_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", indicatorRows(targets),
        r -> r);
  }

  public void insertSelections(List<SeededSelection> selections) {
    MultiRowInsert.insert(jdbc, "insert into fm_project_selection (project_code, budget_year, "
        + "selected_by, selected_at) values (?, ?, ?, ?)", selections,
        s -> new Object[] {s.projectCode(), s.budgetYear(), s.selectedBy(),
            Timestamp.from(s.selectedAt())});
  }

  /** The indicator layout's columns after the key column (see {@link IndicatorTable}). */
  public static final String INDICATOR_COLUMNS = "position, level1, level2, name, comparator, "
      + "target_value, target_date, target_text, unit";

  /** Indicators in position order under the key of their owner (a project, an allocation). */
  public record KeyedIndicators(String key, List<Indicator> indicators) {}

  /**
   * The parameter rows of indicators in {@link IndicatorTable}'s layout: the key, then
   * {@link #INDICATOR_COLUMNS}, positions from 1; for owners that seed their indicator table.
   */
  public static List<Object[]> indicatorRows(List<KeyedIndicators> owners) {
    var rows = new ArrayList<Object[]>();
    for (var owner : owners) {
      for (int i = 0; i < owner.indicators().size(); i++) {
        var ind = owner.indicators().get(i);
        rows.add(new Object[] {owner.key(), i + 1, ind.level().name(), ind.category().name(),
            ind.name(), ind.comparator().name(), IndicatorTable.value(ind.target()),
            IndicatorTable.date(ind.target()), ind.target().text(), ind.unit()});
      }
    }
    return rows;
  }
}
