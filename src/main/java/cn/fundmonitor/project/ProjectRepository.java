package cn.fundmonitor.project;

import cn.fundmonitor.money.Yuan;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ProjectRepository {

  private static final String PROJECT_COLUMNS = "code, name, region_code, applicant_unit_code, "
      + "direction, fund_class, requested_amount, description, status, process_instance_id, "
      + "applied_by, applied_at, updated_at";

  private final JdbcClient jdbc;
  private final IndicatorTable indicators;

  ProjectRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.indicators = new IndicatorTable(jdbc, "fm_project_indicator", "project_code");
  }

  boolean exists(String code) {
    return jdbc.sql("select count(*) from fm_project where code = ?").param(code)
        .query(Integer.class).single() > 0;
  }

  void insert(Project p) {
    jdbc.sql("insert into fm_project (" + PROJECT_COLUMNS + ") values "
            + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(p.code(), p.name(), p.regionCode(), p.applicantUnitCode(), p.direction().name(),
            p.fundClass().name(), p.requestedAmount().amount(), p.description(),
            p.status().name(), p.processInstanceId(), p.appliedBy(), p.appliedAt(),
            p.updatedAt())
        .update();
    indicators.insert(p.code(), p.indicators());
  }

  /** Replaces the applicant-editable data of an application (before it is warehoused). */
  void updateApplication(String code, ProjectApplication a, OffsetDateTime at) {
    jdbc.sql("update fm_project set name = ?, region_code = ?, direction = ?, fund_class = ?, "
            + "requested_amount = ?, description = ?, updated_at = ? where code = ?")
        .params(a.name(), a.regionCode(), a.direction().name(), a.fundClass().name(),
            a.requestedAmount().amount(), a.description(), at, code)
        .update();
    indicators.delete(code);
    indicators.insert(code, a.indicators());
  }

  /** Replaces a warehoused project's indicators (an approved plan adjustment). */
  void replaceIndicators(String code, List<Indicator> adjusted, OffsetDateTime at) {
    jdbc.sql("update fm_project set updated_at = ? where code = ?").params(at, code).update();
    indicators.delete(code);
    indicators.insert(code, adjusted);
  }

  /** The year's annual targets (GX 第二十六条), empty when the province issued none. */
  List<Indicator> annualIndicators(String code, int year) {
    return jdbc.sql("select level1, level2, name, comparator, target_value, target_date, target_text, "
            + "unit from fm_project_annual_indicator where project_code = ? and budget_year = ? "
            + "order by position")
        .params(code, year)
        .query((rs, i) -> new Indicator(IndicatorLevel.valueOf(rs.getString("level1")),
            IndicatorCategory.valueOf(rs.getString("level2")), rs.getString("name"),
            Comparator.valueOf(rs.getString("comparator")), IndicatorTable.target(rs),
            rs.getString("unit")))
        .list();
  }

  /** The years the province issued annual targets for, in order. */
  List<Integer> annualYears(String code) {
    return jdbc.sql("select distinct budget_year from fm_project_annual_indicator "
            + "where project_code = ? order by budget_year")
        .param(code).query(Integer.class).list();
  }

  void replaceAnnualIndicators(String code, int year, List<Indicator> targets, String actor,
      OffsetDateTime at) {
    jdbc.sql("delete from fm_project_annual_indicator where project_code = ? and budget_year = ?")
        .params(code, year).update();
    for (int i = 0; i < targets.size(); i++) {
      var ind = targets.get(i);
      jdbc.sql("insert into fm_project_annual_indicator (project_code, budget_year, position, level1, "
              + "level2, name, comparator, target_value, target_date, target_text, unit, issued_by, "
              + "issued_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(code, year, i + 1, ind.level().name(), ind.category().name(), ind.name(),
              ind.comparator().name(), IndicatorTable.value(ind.target()),
              IndicatorTable.date(ind.target()), ind.target().text(), ind.unit(), actor, at)
          .update();
    }
  }

  /** Whether a quarterly filing of the year was opened: its actuals are kept by target position. */
  boolean filingOpened(String code, int year) {
    return jdbc.sql("select count(*) from fm_quarterly_filing where project_code = ? and filing_year = ?")
        .params(code, year).query(Integer.class).single() > 0;
  }

  /** Moves the status only if it is still {@code from}; false if someone else moved it first. */
  boolean updateStatus(String code, ProjectStatus from, ProjectStatus to, OffsetDateTime at) {
    return jdbc.sql("update fm_project set status = ?, updated_at = ? where code = ? and status = ?")
        .params(to.name(), at, code, from.name()).update() == 1;
  }

  void addHistory(String code, StatusChange change) {
    jdbc.sql("insert into fm_project_status_history (project_code, from_status, to_status, actor, "
            + "occurred_at, reason) values (?, ?, ?, ?, ?, ?)")
        .params(code, change.from() == null ? null : change.from().name(), change.to().name(),
            change.actor(), change.occurredAt(), change.reason())
        .update();
  }

  Optional<Project> find(String code) {
    return jdbc.sql("select " + PROJECT_COLUMNS + " from fm_project where code = ?").param(code)
        .query((rs, i) -> project(rs, indicators.read(rs.getString("code")))).optional();
  }

  Optional<Project> findByProcessInstance(String processInstanceId) {
    return jdbc.sql("select code from fm_project where process_instance_id = ?")
        .param(processInstanceId).query(String.class).optional().flatMap(this::find);
  }

  /** Projects whose region or applicant lies within the given divisions, newest first. */
  List<Project> findVisible(Collection<String> divisionCodes, Optional<ProjectStatus> status) {
    if (divisionCodes.isEmpty()) {
      return List.of();
    }
    var in = String.join(",", divisionCodes.stream().map(c -> "?").toList());
    var sql = "select " + PROJECT_COLUMNS + " from fm_project where (region_code in (" + in
        + ") or applicant_unit_code in (" + in + "))"
        + status.map(s -> " and status = ?").orElse("") + " order by applied_at desc, code";
    var params = new java.util.ArrayList<Object>(divisionCodes);
    params.addAll(divisionCodes);
    status.ifPresent(s -> params.add(s.name()));
    return jdbc.sql(sql).params(params).query((rs, i) -> project(rs, List.of())).list();
  }

  List<Project> findByStatusInProvinceRegions(ProjectStatus status, Collection<String> regions) {
    if (regions.isEmpty()) {
      return List.of();
    }
    var in = String.join(",", regions.stream().map(c -> "?").toList());
    var params = new java.util.ArrayList<Object>();
    params.add(status.name());
    params.addAll(regions);
    return jdbc.sql("select " + PROJECT_COLUMNS + " from fm_project where status = ? and "
            + "region_code in (" + in + ") order by region_code, code")
        .params(params).query((rs, i) -> project(rs, List.of())).list();
  }

  List<StatusChange> history(String code) {
    return jdbc.sql("select from_status, to_status, actor, occurred_at, reason from "
            + "fm_project_status_history where project_code = ? order by id")
        .param(code)
        .query((rs, i) -> new StatusChange(
            rs.getString("from_status") == null ? null
                : ProjectStatus.valueOf(rs.getString("from_status")),
            ProjectStatus.valueOf(rs.getString("to_status")), rs.getString("actor"),
            rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("reason")))
        .list();
  }

  int nextSequence(String regionCode, int year) {
    var updated = jdbc.sql("update fm_project_code_counter set last_value = last_value + 1 "
        + "where region_code = ? and code_year = ?").params(regionCode, year).update();
    if (updated == 0) {
      jdbc.sql("insert into fm_project_code_counter (region_code, code_year, last_value) values (?, ?, 1)")
          .params(regionCode, year).update();
      return 1;
    }
    return jdbc.sql("select last_value from fm_project_code_counter where region_code = ? and code_year = ?")
        .params(regionCode, year).query(Integer.class).single();
  }

  void insertSelection(String code, int budgetYear, String actor, OffsetDateTime at, String note) {
    jdbc.sql("insert into fm_project_selection (project_code, budget_year, selected_by, selected_at, "
        + "note) values (?, ?, ?, ?, ?)").params(code, budgetYear, actor, at, note).update();
  }

  List<String> selectedFor(int budgetYear, Collection<String> regions) {
    if (regions.isEmpty()) {
      return List.of();
    }
    var in = String.join(",", regions.stream().map(c -> "?").toList());
    var params = new java.util.ArrayList<Object>();
    params.add(budgetYear);
    params.addAll(regions);
    return jdbc.sql("select s.project_code from fm_project_selection s join fm_project p on "
            + "p.code = s.project_code where s.budget_year = ? and p.region_code in (" + in
            + ") order by s.project_code")
        .params(params).query(String.class).list();
  }

  private static Project project(ResultSet rs, List<Indicator> indicators) throws SQLException {
    return new Project(rs.getString("code"), rs.getString("name"), rs.getString("region_code"),
        rs.getString("applicant_unit_code"), Direction.valueOf(rs.getString("direction")),
        FundClass.valueOf(rs.getString("fund_class")),
        Yuan.of(rs.getBigDecimal("requested_amount")), rs.getString("description"),
        ProjectStatus.valueOf(rs.getString("status")), rs.getString("process_instance_id"),
        rs.getString("applied_by"), rs.getObject("applied_at", OffsetDateTime.class),
        rs.getObject("updated_at", OffsetDateTime.class), indicators);
  }
}
