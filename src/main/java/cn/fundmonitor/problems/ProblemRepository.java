package cn.fundmonitor.problems;

import cn.fundmonitor.money.Yuan;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ProblemRepository {

  private final JdbcClient jdbc;

  void insert(Problem p) {
    jdbc.sql("insert into fm_problem (problem_no, project_code, unit_code, kind, amount, description, "
            + "source, source_ref, warning_level, status, raised_by, raised_at, process_instance_id) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(p.problemNo(), p.projectCode(), p.unitCode(), p.kind().name(),
            p.amount() == null ? null : p.amount().amount(), p.description(), p.source(),
            p.sourceRef(), p.warningLevel(), p.status().name(), p.raisedBy(), p.raisedAt(),
            p.processInstanceId())
        .update();
  }

  Optional<Problem> find(String problemNo) {
    return jdbc.sql("select * from fm_problem where problem_no = ?").param(problemNo)
        .query((rs, i) -> problem(rs)).optional();
  }

  Optional<Problem> findByProcessInstance(String processInstanceId) {
    return jdbc.sql("select * from fm_problem where process_instance_id = ?")
        .param(processInstanceId).query((rs, i) -> problem(rs)).optional();
  }

  void setSeverity(String problemNo, String severity, String reason, String handlingUnit) {
    jdbc.sql("update fm_problem set severity = ?, severity_reason = ?, handling_unit = ? where "
        + "problem_no = ?").params(severity, reason, handlingUnit, problemNo).update();
  }

  boolean move(String problemNo, ProblemStatus from, ProblemStatus to) {
    return jdbc.sql("update fm_problem set status = ? where problem_no = ? and status = ?")
        .params(to.name(), problemNo, from.name()).update() == 1;
  }

  void recordDecision(String problemNo, String decision, String reason, String actor,
      LocalDate rectificationDue) {
    jdbc.sql("update fm_problem set decision = ?, decision_reason = ?, decided_by = ?, "
            + "rectification_due_on = ? where problem_no = ?")
        .params(decision, reason, actor, rectificationDue, problemNo).update();
  }

  void recordRectification(String problemNo, String report, String actor) {
    jdbc.sql("update fm_problem set rectification_report = ?, rectified_by = ? where problem_no = ?")
        .params(report, actor, problemNo).update();
  }

  void close(String problemNo, String actor, OffsetDateTime at) {
    jdbc.sql("update fm_problem set confirmed_by = ?, closed_at = ? where problem_no = ?")
        .params(actor, at, problemNo).update();
  }

  void addEvent(String problemNo, String action, String actor, OffsetDateTime at, String detail) {
    jdbc.sql("insert into fm_problem_event (problem_no, action, actor, occurred_at, detail) "
        + "values (?, ?, ?, ?, ?)").params(problemNo, action, actor, at, detail).update();
  }

  void insertReferral(ProblemService.Referral r) {
    jdbc.sql("insert into fm_problem_referral (problem_no, referred_to, basis, referred_by, referred_at) "
        + "values (?, ?, ?, ?, ?)").params(r.problemNo(), r.referredTo(), r.basis(), r.referredBy(),
        r.referredAt()).update();
  }

  Optional<ProblemService.Referral> referral(String problemNo) {
    return jdbc.sql("select * from fm_problem_referral where problem_no = ?").param(problemNo)
        .query((rs, i) -> new ProblemService.Referral(rs.getString("problem_no"),
            rs.getString("referred_to"), rs.getString("basis"), rs.getString("referred_by"),
            rs.getObject("referred_at", OffsetDateTime.class))).optional();
  }

  List<ProblemService.Event> eventDetails(String problemNo) {
    return jdbc.sql("select action, actor, occurred_at, detail from fm_problem_event where problem_no = ? "
        + "order by id").param(problemNo).query((rs, i) -> new ProblemService.Event(
            rs.getString("action"), rs.getString("actor"),
            rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("detail"))).list();
  }

  List<String> events(String problemNo) {
    return jdbc.sql("select action from fm_problem_event where problem_no = ? order by id")
        .param(problemNo).query(String.class).list();
  }

  private static Problem problem(ResultSet rs) throws SQLException {
    var amount = rs.getBigDecimal("amount");
    return new Problem(rs.getString("problem_no"), rs.getString("project_code"),
        rs.getString("unit_code"), ProblemKind.valueOf(rs.getString("kind")),
        amount == null ? null : Yuan.of(amount), rs.getString("description"),
        rs.getString("source"), rs.getString("source_ref"), rs.getString("warning_level"),
        rs.getString("severity"), rs.getString("severity_reason"), rs.getString("handling_unit"),
        ProblemStatus.valueOf(rs.getString("status")), rs.getString("decision"),
        rs.getString("decision_reason"), rs.getString("decided_by"),
        rs.getObject("rectification_due_on", LocalDate.class), rs.getString("rectification_report"),
        rs.getString("rectified_by"), rs.getString("confirmed_by"),
        rs.getObject("closed_at", OffsetDateTime.class), rs.getString("raised_by"),
        rs.getObject("raised_at", OffsetDateTime.class), rs.getString("process_instance_id"));
  }
}
