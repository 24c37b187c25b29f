package cn.fundmonitor.lifecycle;

import cn.fundmonitor.money.Yuan;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class LifecycleRepository {

  private final JdbcClient jdbc;

  boolean createIfAbsent(String projectCode, String processInstanceId, OffsetDateTime at) {
    if (find(projectCode).isPresent()) {
      return false;
    }
    jdbc.sql("insert into fm_project_lifecycle (project_code, status, process_instance_id, opened_at, "
            + "updated_at) values (?, ?, ?, ?, ?)")
        .params(projectCode, LifecycleStatus.FUNDED.name(), processInstanceId, at, at).update();
    return true;
  }

  Optional<Lifecycle> find(String projectCode) {
    return jdbc.sql("select * from fm_project_lifecycle where project_code = ?").param(projectCode)
        .query((rs, i) -> lifecycle(rs)).optional();
  }

  /** Sets the given columns and the status; the column names are the code's, never input. */
  void update(String projectCode, LifecycleStatus status, Map<String, Object> columns,
      OffsetDateTime at) {
    var sql = new StringBuilder("update fm_project_lifecycle set status = ?, updated_at = ?");
    var params = new java.util.ArrayList<Object>(List.of(status.name(), at));
    columns.forEach((column, value) -> {
      sql.append(", ").append(column).append(" = ?");
      params.add(value instanceof Yuan y ? y.amount() : value);
    });
    sql.append(" where project_code = ?");
    params.add(projectCode);
    jdbc.sql(sql.toString()).params(params).update();
  }

  void addEvent(String projectCode, String action, String actor, OffsetDateTime at, String detail) {
    jdbc.sql("insert into fm_lifecycle_event (project_code, action, actor, occurred_at, detail) "
            + "values (?, ?, ?, ?, ?)").params(projectCode, action, actor, at, detail).update();
  }

  List<String> events(String projectCode) {
    return jdbc.sql("select action from fm_lifecycle_event where project_code = ? order by id")
        .param(projectCode).query(String.class).list();
  }

  List<String> eventDetails(String projectCode) {
    return jdbc.sql("select detail from fm_lifecycle_event where project_code = ? order by id")
        .param(projectCode).query(String.class).list();
  }

  List<Lifecycle> flagged() {
    return jdbc.sql("select * from fm_project_lifecycle where flagged = true order by project_code")
        .query((rs, i) -> lifecycle(rs)).list();
  }

  private static LocalDate date(ResultSet rs, String column) throws SQLException {
    Date d = rs.getDate(column);
    return d == null ? null : d.toLocalDate();
  }

  private static Yuan yuan(ResultSet rs, String column) throws SQLException {
    BigDecimal v = rs.getBigDecimal(column);
    return v == null ? null : Yuan.of(v);
  }

  private static Lifecycle lifecycle(ResultSet rs) throws SQLException {
    var kind = rs.getString("acceptance_kind");
    return new Lifecycle(rs.getString("project_code"), LifecycleStatus.valueOf(rs.getString("status")),
        date(rs, "started_on"), date(rs, "implementation_due_on"), date(rs, "completed_on"),
        date(rs, "acceptance_applied_on"), date(rs, "accepted_on"),
        kind == null ? null : AcceptanceKind.valueOf(kind), yuan(rs, "retained_amount"),
        date(rs, "final_accepted_on"), date(rs, "settled_on"), yuan(rs, "settled_amount"),
        date(rs, "final_accounts_on"), date(rs, "final_accounts_approved_on"),
        date(rs, "suspended_on"), rs.getInt("suspended_days"), yuan(rs, "work_done_amount"),
        yuan(rs, "leftover_amount"), rs.getString("ended_reason"), rs.getBoolean("flagged"),
        rs.getString("flag_reason"), rs.getString("process_instance_id"),
        yuan(rs, "paid_at_acceptance"));
  }
}
