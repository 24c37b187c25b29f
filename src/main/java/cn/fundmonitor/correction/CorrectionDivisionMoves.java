package cn.fundmonitor.correction;

import cn.fundmonitor.divisions.DivisionChanged;
import java.util.EnumSet;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A renamed or merged county's correction requests still under way move to the new code; applied,
 * refused and stale ones stay as filed (MNR 第十七条).
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CorrectionDivisionMoves {

  static final EnumSet<CorrectionStatus> FINISHED = EnumSet.of(CorrectionStatus.APPLIED,
      CorrectionStatus.REFUSED, CorrectionStatus.STALE);

  private final JdbcClient jdbc;

  @EventListener
  @Order(40)
  void handle(DivisionChanged change) {
    var open = " and status not in (" + DivisionChanged.inList(FINISHED) + ")";
    change.move(jdbc, DivisionChanged.Tally.RECORDS, "CORRECTION",
        "select request_no from fm_correction_request where unit_code = ?" + open + " order by request_no",
        "update fm_correction_request set unit_code = ? where unit_code = ?" + open);
  }
}
