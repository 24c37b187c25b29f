package cn.fundmonitor.evaluation;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import cn.fundmonitor.waves.WavePlans;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SelfEvaluationRepository {

  private static final String FUNDED_IN = "from fm_allocation_line l join fm_allocation a "
      + "on a.document_no = l.document_no where l.stage = 'ISSUE' and a.budget_year = ?";

  private final JdbcClient jdbc;

  SelfEvaluationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The year's projects, in code order: money issued to them in the year, unless their life ended
   * before the year began ({@code periodStart}).
   */
  List<String> fundedIn(int year, OffsetDateTime periodStart) {
    return jdbc.sql("select distinct l.project_code " + FUNDED_IN + " and not "
            + WavePlans.LIFE_ENDED_BEFORE.formatted("l.project_code") + " order by l.project_code")
        .params(year, periodStart).query(String.class).list();
  }

  int endedBefore(int year, OffsetDateTime periodStart) {
    return jdbc.sql("select count(distinct l.project_code) " + FUNDED_IN + " and "
            + WavePlans.LIFE_ENDED_BEFORE.formatted("l.project_code"))
        .params(year, periodStart).query(Integer.class).single();
  }

  /** The year's projects (as {@link #fundedIn}) without an evaluation of the year. */
  List<String> withoutEvaluation(int year, OffsetDateTime periodStart) {
    return jdbc.sql("select distinct l.project_code " + FUNDED_IN + " and not "
            + WavePlans.LIFE_ENDED_BEFORE.formatted("l.project_code") + " and not exists (select 1 "
            + "from fm_self_evaluation e where e.project_code = l.project_code and "
            + "e.evaluation_year = ?) order by l.project_code")
        .params(year, periodStart, year).query(String.class).list();
  }

  boolean createIfAbsent(String key, String projectCode, int year, LocalDate dueOn, OffsetDateTime at) {
    if (find(key).isPresent()) {
      return false;
    }
    jdbc.sql("insert into fm_self_evaluation (business_key, project_code, evaluation_year, status, "
            + "due_on, opened_at) values (?, ?, ?, ?, ?, ?)")
        .params(key, projectCode, year, EvaluationStatus.OPEN.name(), dueOn, at).update();
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
        rs.getString("process_instance_id"));
  }
}
