package cn.fundmonitor.overdue;

import cn.fundmonitor.divisions.DivisionChanged;
import cn.fundmonitor.organisation.Role;
import cn.fundmonitor.organisation.UnitGroup;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A renamed or merged county's overdue steps not yet completed move to the new code, and so do the
 * groups responsible for them and escalated to; completed ones stay as recorded (MNR 第十七条).
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class OverdueDivisionMoves {

  private final JdbcClient jdbc;

  @EventListener
  @Order(60)
  void handle(DivisionChanged change) {
    change.move(jdbc, DivisionChanged.Tally.RECORDS, "OVERDUE",
        "select id from fm_overdue_step where unit_code = ? and completed_at is null order by id",
        "update fm_overdue_step set unit_code = ? where unit_code = ? and completed_at is null");
    for (var role : Role.values()) {
      var oldGroup = UnitGroup.of(change.fromCode(), role).id();
      var newGroup = UnitGroup.of(change.toCode(), role).id();
      change.move(jdbc, DivisionChanged.Tally.NONE, "OVERDUE_GROUP", oldGroup, newGroup,
          "select id from fm_overdue_step where responsible_group = ? and completed_at is null order by id",
          "update fm_overdue_step set responsible_group = ? where responsible_group = ? "
              + "and completed_at is null");
      change.move(jdbc, DivisionChanged.Tally.NONE, "OVERDUE_ESCALATION", oldGroup, newGroup,
          "select id from fm_overdue_step where escalated_to_group = ? and completed_at is null order by id",
          "update fm_overdue_step set escalated_to_group = ? where escalated_to_group = ? "
              + "and completed_at is null");
    }
  }
}
