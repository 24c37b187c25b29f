package cn.fundmonitor.overdue;

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
class OverdueRepository {

  private final JdbcClient jdbc;

  Optional<OverdueStep> findOpen(String processInstanceId, String activityId, String unitCode) {
    return jdbc.sql("select * from fm_overdue_step where process_instance_id = ? and activity_id = ? "
            + "and unit_code = ? and completed_at is null")
        .params(processInstanceId, activityId, unitCode).query((rs, i) -> step(rs)).optional();
  }

  void insert(OverdueStep s) {
    jdbc.sql("insert into fm_overdue_step (process_instance_id, business_key, activity_id, "
            + "step_name, unit_code, responsible_group, escalated_to_group, due_on, overdue_since, "
            + "task_execution_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(s.processInstanceId(), s.businessKey(), s.activityId(), s.stepName(), s.unitCode(),
            s.responsibleGroup(), s.escalatedToGroup(), s.dueOn(), s.overdueSince(),
            s.taskExecutionId())
        .update();
  }

  Optional<OverdueStep> findOpenByExecution(String taskExecutionId) {
    return jdbc.sql("select * from fm_overdue_step where task_execution_id = ? and completed_at is null")
        .param(taskExecutionId).query((rs, i) -> step(rs)).optional();
  }

  void setIncident(long id, String incidentId) {
    jdbc.sql("update fm_overdue_step set incident_id = ? where id = ?").params(incidentId, id)
        .update();
  }

  void complete(long id, OffsetDateTime at, int daysLate) {
    jdbc.sql("update fm_overdue_step set completed_at = ?, days_late = ? where id = ?")
        .params(at, daysLate, id).update();
  }

  List<OverdueStep> open() {
    return jdbc.sql("select * from fm_overdue_step where completed_at is null order by due_on, id")
        .query((rs, i) -> step(rs)).list();
  }

  List<OverdueStep> forProcessInstance(String processInstanceId) {
    return jdbc.sql("select * from fm_overdue_step where process_instance_id = ? order by id")
        .param(processInstanceId).query((rs, i) -> step(rs)).list();
  }

  private static OverdueStep step(ResultSet rs) throws SQLException {
    var days = rs.getObject("days_late");
    return new OverdueStep(rs.getLong("id"), rs.getString("process_instance_id"),
        rs.getString("business_key"), rs.getString("activity_id"), rs.getString("step_name"),
        rs.getString("unit_code"), rs.getString("responsible_group"),
        rs.getString("escalated_to_group"), rs.getObject("due_on", LocalDate.class),
        rs.getObject("overdue_since", OffsetDateTime.class),
        rs.getObject("completed_at", OffsetDateTime.class),
        days == null ? null : ((Number) days).intValue(), rs.getString("task_execution_id"),
        rs.getString("incident_id"));
  }
}
