package cn.fundmonitor.reports;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Monitoring reports as entered, one JSON document per unit, year and monitoring date. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class MonitoringReportRepository {

  private final JdbcClient jdbc;

  Optional<String> find(String unitCode, int year, LocalDate monitoringDate) {
    return jdbc.sql("select content from fm_monitoring_report where unit_code = ? and budget_year = ? "
            + "and monitoring_date = ?").params(unitCode, year, monitoringDate)
        .query(String.class).optional();
  }

  void save(String unitCode, int year, LocalDate monitoringDate, String content, String actor,
      OffsetDateTime at) {
    var updated = jdbc.sql("update fm_monitoring_report set content = ?, saved_by = ?, saved_at = ? "
            + "where unit_code = ? and budget_year = ? and monitoring_date = ?")
        .params(content, actor, at, unitCode, year, monitoringDate).update();
    if (updated == 0) {
      jdbc.sql("insert into fm_monitoring_report (unit_code, budget_year, monitoring_date, content, "
              + "saved_by, saved_at) values (?, ?, ?, ?, ?, ?)")
          .params(unitCode, year, monitoringDate, content, actor, at).update();
    }
  }
}
