package cn.fundmonitor.lifecycle;

import cn.fundmonitor.common.NotFoundException;
import java.time.OffsetDateTime;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class PlanAdjustmentRepository {

  /** A request as kept: indicators before and after as JSON. */
  public record Adjustment(String adjustmentNo, String projectCode, String status, String reason,
      String indicatorsBefore, String indicatorsAfter, String requestedBy, String decidedBy,
      String decisionComment) {}

  private final JdbcClient jdbc;

  void insert(String no, String projectCode, String reason, String before, String requester,
      OffsetDateTime at, String processInstanceId) {
    jdbc.sql("insert into fm_plan_adjustment (adjustment_no, project_code, status, reason, "
            + "indicators_before, requested_by, requested_at, process_instance_id) values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(no, projectCode, "OPEN", reason, before, requester, at, processInstanceId).update();
  }

  void submit(String no, String after, String reason) {
    jdbc.sql("update fm_plan_adjustment set indicators_after = ?, reason = ?, status = 'SUBMITTED' "
        + "where adjustment_no = ?").params(after, reason, no).update();
  }

  void decide(String no, String status, String actor, OffsetDateTime at, String comment) {
    jdbc.sql("update fm_plan_adjustment set status = ?, decided_by = ?, decided_at = ?, "
        + "decision_comment = ? where adjustment_no = ?").params(status, actor, at, comment, no).update();
  }

  Adjustment find(String no) {
    return jdbc.sql("select * from fm_plan_adjustment where adjustment_no = ?").param(no)
        .query((rs, i) -> new Adjustment(rs.getString("adjustment_no"), rs.getString("project_code"),
            rs.getString("status"), rs.getString("reason"), rs.getString("indicators_before"),
            rs.getString("indicators_after"), rs.getString("requested_by"), rs.getString("decided_by"),
            rs.getString("decision_comment")))
        .optional().orElseThrow(() -> new NotFoundException("实施方案调整不存在：" + no));
  }
}
