package cn.fundmonitor.filing;

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
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class MonitoringPointRepository {

  private final JdbcClient jdbc;

  long insert(LocalDate asOf, LocalDate dueOn, String regionCode, MonitoringPoint.Scope scope,
      String basis, String openedBy, OffsetDateTime at, List<String> projects) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("insert into fm_monitoring_point (as_of, due_on, region_code, scope, basis, opened_by, "
            + "opened_at) values (?, ?, ?, ?, ?, ?, ?)")
        .params(asOf, dueOn, regionCode, scope.name(), basis, openedBy, at)
        .update(keys, "id");
    var id = ((Number) keys.getKeys().get(keys.getKeys().containsKey("id") ? "id" : "ID")).longValue();
    for (var code : projects) {
      jdbc.sql("insert into fm_monitoring_point_project (point_id, project_code) values (?, ?)")
          .params(id, code).update();
    }
    return id;
  }

  void waveStarted(long id, String waveId) {
    jdbc.sql("update fm_monitoring_point set wave_id = ? where id = ?").params(waveId, id).update();
  }

  Optional<MonitoringPoint> find(long id) {
    return jdbc.sql("select * from fm_monitoring_point where id = ?").param(id)
        .query((rs, i) -> point(rs)).optional().map(this::withProjects);
  }

  /** The points of the day (any region), oldest first. */
  List<MonitoringPoint> asOf(LocalDate asOf) {
    return jdbc.sql("select * from fm_monitoring_point where as_of = ? order by id").param(asOf)
        .query((rs, i) -> point(rs)).list().stream().map(this::withProjects).toList();
  }

  List<MonitoringPoint> all() {
    return jdbc.sql("select * from fm_monitoring_point order by as_of desc, id desc")
        .query((rs, i) -> point(rs)).list().stream().map(this::withProjects).toList();
  }

  /** The point's filings by status (OPEN, FILED, RETURNED, TRANSMITTED) and by warning level. */
  Map<String, Integer> counts(long id) {
    var result = new java.util.TreeMap<String, Integer>();
    jdbc.sql("select status, count(*) from fm_quarterly_filing where point_id = ? group by status")
        .param(id).query(rs -> {
          result.put(rs.getString(1), rs.getInt(2));
        });
    jdbc.sql("select warning_level, count(*) from fm_quarterly_filing where point_id = ? and "
            + "warning_level is not null group by warning_level")
        .param(id).query(rs -> {
          result.put("WARNING_" + rs.getString(1), rs.getInt(2));
        });
    return result;
  }

  /** Of the codes given, those in the reserve, with their region. */
  Map<String, String> regions(List<String> codes) {
    var result = new java.util.HashMap<String, String>();
    if (codes.isEmpty()) {
      return result;
    }
    jdbc.sql("select code, region_code from fm_project where code in (:codes)")
        .param("codes", codes).query(rs -> {
          result.put(rs.getString(1), rs.getString(2));
        });
    return result;
  }

  private MonitoringPoint withProjects(MonitoringPoint p) {
    if (p.scope() != MonitoringPoint.Scope.LIST) {
      return p;
    }
    var codes = jdbc.sql("select project_code from fm_monitoring_point_project where point_id = ? "
        + "order by project_code").param(p.id()).query(String.class).list();
    return new MonitoringPoint(p.id(), p.asOf(), p.dueOn(), p.regionCode(), p.scope(), p.basis(),
        p.openedBy(), p.openedAt(), p.waveId(), codes);
  }

  private static MonitoringPoint point(ResultSet rs) throws SQLException {
    return new MonitoringPoint(rs.getLong("id"), rs.getObject("as_of", LocalDate.class),
        rs.getObject("due_on", LocalDate.class), rs.getString("region_code").strip(),
        MonitoringPoint.Scope.valueOf(rs.getString("scope")), rs.getString("basis"),
        rs.getString("opened_by"), rs.getObject("opened_at", OffsetDateTime.class),
        rs.getString("wave_id"), List.of());
  }
}
