package cn.fundmonitor.results;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the year's results from the self-evaluations and lifecycles; keeps the overrides. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ResultFlagRepository {

  private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

  private final JdbcClient jdbc;

  /** A result as stored: the project, where it is, what happened. */
  record Raw(String projectCode, String projectName, String regionCode, String direction,
      ResultFlag.Kind kind, boolean emergency) {}

  /** Self-evaluations of the year graded 差 (GX 第二十九条). */
  List<Raw> poorEvaluations(int year) {
    return jdbc.sql("select e.project_code, p.name, p.region_code, p.direction, e.emergency "
            + "from fm_self_evaluation e join fm_project p on p.code = e.project_code "
            + "where e.evaluation_year = ? and e.grade = 'POOR' order by e.project_code")
        .param(year)
        .query((rs, i) -> new Raw(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), ResultFlag.Kind.POOR_EVALUATION, rs.getBoolean(5)))
        .list();
  }

  /** Projects ended early in the year, terminated or cancelled (GX 第二十二条). */
  List<Raw> earlyEnds(int year) {
    var from = OffsetDateTime.of(year, 1, 1, 0, 0, 0, 0, BEIJING);
    return jdbc.sql("select distinct l.project_code, p.name, p.region_code, p.direction, l.status "
            + "from fm_project_lifecycle l join fm_project p on p.code = l.project_code "
            + "join fm_lifecycle_event e on e.project_code = l.project_code and e.action = l.status "
            + "where l.status in ('TERMINATED', 'CANCELLED') and e.occurred_at >= ? "
            + "and e.occurred_at < ? order by l.project_code")
        .params(from, from.plusYears(1))
        .query((rs, i) -> new Raw(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), ResultFlag.Kind.valueOf(rs.getString(5)), false))
        .list();
  }

  Optional<ResultFlag.Override> override(int budgetYear, String projectCode) {
    return jdbc.sql("select reason, decided_by, decided_at from fm_result_flag_override "
            + "where budget_year = ? and project_code = ?")
        .params(budgetYear, projectCode)
        .query((rs, i) -> new ResultFlag.Override(rs.getString(1), rs.getString(2),
            rs.getObject(3, OffsetDateTime.class)))
        .optional();
  }

  void insertOverride(int budgetYear, String projectCode, ResultFlag.Override o) {
    jdbc.sql("insert into fm_result_flag_override (budget_year, project_code, reason, decided_by, "
            + "decided_at) values (?, ?, ?, ?, ?)")
        .params(budgetYear, projectCode, o.reason(), o.decidedBy(), o.decidedAt()).update();
  }
}
