package cn.fundmonitor.problems;

import cn.fundmonitor.divisions.DivisionChanged;
import java.util.EnumSet;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A renamed or merged county's open problems, as the unit concerned and as the handling unit,
 * move to the new code; closed and dismissed ones stay as filed (MNR 第十七条).
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ProblemDivisionMoves {

  static final EnumSet<ProblemStatus> FINISHED = EnumSet.of(ProblemStatus.CLOSED, ProblemStatus.DISMISSED);

  private final JdbcClient jdbc;

  @EventListener
  @Order(30)
  void handle(DivisionChanged change) {
    var open = " and status not in (" + DivisionChanged.inList(FINISHED) + ")";
    change.move(jdbc, DivisionChanged.Tally.RECORDS, "PROBLEM",
        "select problem_no from fm_problem where unit_code = ?" + open + " order by problem_no",
        "update fm_problem set unit_code = ? where unit_code = ?" + open);
    change.move(jdbc, DivisionChanged.Tally.NONE, "PROBLEM_HANDLING",
        "select problem_no from fm_problem where handling_unit = ?" + open + " order by problem_no",
        "update fm_problem set handling_unit = ? where handling_unit = ?" + open);
  }
}
