package cn.fundmonitor.evaluation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** fm_overall_evaluation: one row per province and year (GX 第二十八条). */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class OverallEvaluationRepository {

  private final JdbcClient jdbc;

  /** Inserts the row once; a retried summary step finds it and changes nothing. */
  boolean createIfAbsent(String key, String provinceCode, int year, String summary,
      String processInstanceId, String startedBy, OffsetDateTime at) {
    if (find(key).isPresent()) {
      return false;
    }
    jdbc.sql("insert into fm_overall_evaluation (business_key, province_code, evaluation_year, "
            + "status, summary, process_instance_id, started_by, started_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(key, provinceCode, year, OverallEvaluation.Status.WRITING.name(), summary,
            processInstanceId, startedBy, at)
        .update();
    return true;
  }

  void recordConclusion(String key, String conclusion, String actor, OffsetDateTime at) {
    jdbc.sql("update fm_overall_evaluation set conclusion = ?, written_by = ?, written_at = ?, "
            + "status = ? where business_key = ?")
        .params(conclusion, actor, at, OverallEvaluation.Status.REPORTED.name(), key).update();
  }

  void recordReceipt(String key, String reEvaluation, String projects, String comment,
      String actor, OffsetDateTime at) {
    jdbc.sql("update fm_overall_evaluation set re_evaluation = ?, re_evaluation_projects = ?, "
            + "fiscal_comment = ?, received_by = ?, received_at = ?, status = ? where business_key = ?")
        .params(reEvaluation, projects, comment, actor, at,
            OverallEvaluation.Status.RECEIVED.name(), key)
        .update();
  }

  Optional<OverallEvaluation> find(String key) {
    return jdbc.sql("select * from fm_overall_evaluation where business_key = ?").param(key)
        .query(OverallEvaluationRepository::row).optional();
  }

  List<OverallEvaluation> ofProvince(String provinceCode) {
    return jdbc.sql("select * from fm_overall_evaluation where province_code = ? "
            + "order by evaluation_year desc")
        .param(provinceCode).query(OverallEvaluationRepository::row).list();
  }

  private static OverallEvaluation row(ResultSet rs, int n) throws SQLException {
    var projects = rs.getString("re_evaluation_projects");
    return new OverallEvaluation(rs.getString("business_key"), rs.getString("province_code"),
        rs.getInt("evaluation_year"), OverallEvaluation.Status.valueOf(rs.getString("status")),
        rs.getString("summary"), rs.getString("conclusion"), rs.getString("written_by"),
        rs.getObject("written_at", OffsetDateTime.class), rs.getString("re_evaluation"),
        projects == null || projects.isBlank() ? List.of() : Arrays.asList(projects.split(",")),
        rs.getString("fiscal_comment"), rs.getString("received_by"),
        rs.getObject("received_at", OffsetDateTime.class), rs.getString("process_instance_id"),
        rs.getString("started_by"), rs.getObject("started_at", OffsetDateTime.class));
  }
}
