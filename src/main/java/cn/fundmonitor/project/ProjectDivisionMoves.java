package cn.fundmonitor.project;

import cn.fundmonitor.divisions.DivisionChanged;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A renamed or merged county's projects move to the new code, where they are and who applied for
 * them alike, whatever their status: a project's code stays, its story is read under the successor
 * (MNR 第十七条).
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ProjectDivisionMoves {

  private final JdbcClient jdbc;

  @EventListener
  @Order(10)
  void handle(DivisionChanged change) {
    var from = change.fromCode();
    var to = change.toCode();
    record Row(String code, String region, String applicant) {}
    var moved = jdbc.sql("select code, region_code, applicant_unit_code from fm_project "
            + "where region_code = ? or applicant_unit_code = ? order by code").params(from, from)
        .query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    jdbc.sql("update fm_project set region_code = ? where region_code = ?").params(to, from).update();
    jdbc.sql("update fm_project set applicant_unit_code = ? where applicant_unit_code = ?")
        .params(to, from).update();
    for (var row : moved) {
      var before = row.region() + "/" + row.applicant();
      change.moved(DivisionChanged.Tally.PROJECTS, "PROJECT", row.code(), before,
          before.replace(from, to));
    }
  }
}
