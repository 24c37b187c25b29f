package cn.fundmonitor.evaluation;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SelfEvaluationRepository {

  private final JdbcClient jdbc;

  /**
   * The projects that run in the year or whose life ended in it, funded or not (the caller asks
   * allocation which were funded by then; see {@link SelfEvaluationService#planWave}):
   * <ul>
   *   <li>the year lies within its implementation period — the years it has annual targets for:
   *       a multi-year project is evaluated every year it runs (GX 第二十五条: 年度、中期), or
   *   <li>its life ended in the year ({@code periodStart} to {@code periodEnd}), and it had no
   *       final evaluation yet: once after it ends (GX 第二十五条: 实施期后).
   * </ul>
   */
  Set<String> runningOrEndedIn(int year, OffsetDateTime periodStart, OffsetDateTime periodEnd) {
    return new HashSet<>(jdbc.sql("select p.code from fm_project p where ? between (select "
            + "min(t.budget_year) from fm_project_annual_indicator t where t.project_code = p.code) "
            + "and (select max(t.budget_year) from fm_project_annual_indicator t where "
            + "t.project_code = p.code) or (exists (select 1 from fm_project_lifecycle c where "
            + "c.project_code = p.code and c.status in ('CLOSED', 'TERMINATED', 'CANCELLED') and "
            + "c.updated_at >= ? and c.updated_at < ?) and not exists (select 1 from "
            + "fm_self_evaluation f where f.project_code = p.code and f.evaluation_kind = 'FINAL' "
            + "and f.evaluation_year < ?))")
        .params(year, periodStart, periodEnd, year).query(String.class).list());
  }

  /** The projects that have an evaluation of the year. */
  Set<String> withEvaluation(int year) {
    return new HashSet<>(jdbc.sql("select project_code from fm_self_evaluation where "
        + "evaluation_year = ?").param(year).query(String.class).list());
  }

  /** Whether the project's life ended (closed, terminated, cancelled) within the period. */
  boolean lifeEndedWithin(String projectCode, OffsetDateTime periodStart, OffsetDateTime periodEnd) {
    return jdbc.sql("select count(*) from fm_project_lifecycle c where c.project_code = ? and "
            + "c.status in ('CLOSED', 'TERMINATED', 'CANCELLED') and c.updated_at >= ? and c.updated_at < ?")
        .params(projectCode, periodStart, periodEnd).query(Integer.class).single() > 0;
  }

  boolean finalBefore(String projectCode, int year) {
    return jdbc.sql("select count(*) from fm_self_evaluation where project_code = ? and "
            + "evaluation_kind = 'FINAL' and evaluation_year < ?")
        .params(projectCode, year).query(Integer.class).single() > 0;
  }

  boolean createIfAbsent(String key, String projectCode, int year, EvaluationKind kind,
      LocalDate dueOn, OffsetDateTime at) {
    if (find(key).isPresent()) {
      return false;
    }
    jdbc.sql("insert into fm_self_evaluation (business_key, project_code, evaluation_year, status, "
            + "evaluation_kind, due_on, opened_at) values (?, ?, ?, ?, ?, ?, ?)")
        .params(key, projectCode, year, EvaluationStatus.OPEN.name(), kind.name(), dueOn, at)
        .update();
    return true;
  }

  void attachProcess(String key, String processInstanceId) {
    jdbc.sql("update fm_self_evaluation set process_instance_id = ? where business_key = ?")
        .params(processInstanceId, key).update();
  }

  void recordSubmission(String key, BigDecimal score, String details, String report,
      boolean emergency, String actor, OffsetDateTime at) {
    jdbc.sql("update fm_self_evaluation set score = ?, score_details = ?, self_report = ?, "
            + "emergency = ?, submitted_by = ?, submitted_at = ?, status = ? where business_key = ?")
        .params(score, details, report, emergency, actor, at, EvaluationStatus.SUBMITTED.name(), key)
        .update();
  }

  void recordGrade(String key, Grade grade, boolean flagged, String reason) {
    jdbc.sql("update fm_self_evaluation set grade = ?, flagged = ?, flag_reason = ? where business_key = ?")
        .params(grade.name(), flagged, reason, key).update();
  }

  void recordReview(String key, EvaluationStatus status, String actor, OffsetDateTime at,
      String comment) {
    jdbc.sql("update fm_self_evaluation set status = ?, reviewed_by = ?, reviewed_at = ?, "
            + "review_comment = ? where business_key = ?")
        .params(status.name(), actor, at, comment, key).update();
  }

  Optional<SelfEvaluation> find(String key) {
    return jdbc.sql("select * from fm_self_evaluation where business_key = ?").param(key)
        .query((rs, i) -> evaluation(rs)).optional();
  }

  /** The year's evaluations of projects located in the given regions. */
  List<SelfEvaluation> ofYear(int year, Collection<String> regions) {
    record Located(String region, SelfEvaluation evaluation) {}
    return jdbc.sql("select e.*, p.region_code from fm_self_evaluation e "
            + "join fm_project p on p.code = e.project_code "
            + "where e.evaluation_year = ? order by e.project_code").param(year)
        .query((rs, i) -> new Located(rs.getString("region_code"), evaluation(rs))).list().stream()
        .filter(l -> regions.contains(l.region())).map(Located::evaluation).toList();
  }

  private static SelfEvaluation evaluation(ResultSet rs) throws SQLException {
    var grade = rs.getString("grade");
    return new SelfEvaluation(rs.getString("business_key"), rs.getString("project_code"),
        rs.getInt("evaluation_year"), EvaluationStatus.valueOf(rs.getString("status")),
        rs.getDate("due_on").toLocalDate(), rs.getBigDecimal("score"),
        grade == null ? null : Grade.valueOf(grade), rs.getString("score_details"),
        rs.getString("self_report"), rs.getBoolean("emergency"), rs.getBoolean("flagged"),
        rs.getString("flag_reason"), rs.getString("submitted_by"),
        rs.getObject("submitted_at", OffsetDateTime.class), rs.getString("reviewed_by"),
        rs.getObject("reviewed_at", OffsetDateTime.class), rs.getString("review_comment"),
        rs.getString("process_instance_id"),
        EvaluationKind.valueOf(rs.getString("evaluation_kind")));
  }
}
