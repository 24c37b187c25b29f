package cn.fundmonitor.inspection;

import cn.fundmonitor.divisions.DivisionChanged;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A renamed or merged county's inspection findings not yet confirmed as rectified move to the new
 * code, which rectifies them; confirmed ones stay as filed (MNR 第十七条).
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class FindingDivisionMoves {

  private final JdbcClient jdbc;

  @EventListener
  @Order(50)
  void handle(DivisionChanged change) {
    change.move(jdbc, DivisionChanged.Tally.RECORDS, "FINDING",
        "select id from fm_inspection_finding where unit_code = ? and status <> 'CONFIRMED' order by id",
        "update fm_inspection_finding set unit_code = ? where unit_code = ? and status <> 'CONFIRMED'");
  }
}
