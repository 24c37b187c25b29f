package cn.fundmonitor.inspection;

import cn.fundmonitor.common.NotFoundException;
import java.time.OffsetDateTime;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class InspectionRepository {

  /** A kept check: what was sampled and how it ended. */
  record Inspection(String inspectionNo, String scopeUnit, int year, String sampleUnits, String status,
      String startedBy, int findingsTotal, int findingsConfirmed) {}

  /** A finding as tracked to closure. */
  record TrackedFinding(long id, String inspectionNo, FindingKind kind, String unitCode, String reference,
      String description, String status, String rectification, String confirmationComment) {}

  /** The counts are live while the check runs; closing keeps them in the row as its result. */
  private static final String SELECT = "select i.*, "
      + "(select count(*) from fm_inspection_finding f where f.inspection_no = i.inspection_no) live_total, "
      + "(select count(*) from fm_inspection_finding f where f.inspection_no = i.inspection_no "
      + "and f.status = 'CONFIRMED') live_confirmed from fm_inspection i";

  private final JdbcClient jdbc;

  void insert(String no, String scope, int year, String sample, String actor, OffsetDateTime at,
      String processInstanceId) {
    jdbc.sql("insert into fm_inspection (inspection_no, scope_unit, inspection_year, sample_units, status, "
            + "started_by, started_at, process_instance_id) values (?, ?, ?, ?, 'OPEN', ?, ?, ?)")
        .params(no, scope, year, sample, actor, at, processInstanceId).update();
  }

  long insertFinding(String no, Finding f) {
    jdbc.sql("insert into fm_inspection_finding (inspection_no, kind, unit_code, reference, description, status) "
            + "values (?, ?, ?, ?, ?, 'OPEN')")
        .params(no, f.kind().name(), f.unitCode(), f.reference(), f.description()).update();
    return jdbc.sql("select max(id) from fm_inspection_finding where inspection_no = ?").param(no)
        .query(Long.class).single();
  }

  void recordRectification(long id, String text, String actor, OffsetDateTime at) {
    jdbc.sql("update fm_inspection_finding set status = 'RECTIFIED', rectification = ?, rectified_by = ?, "
        + "rectified_at = ? where id = ?").params(text, actor, at, id).update();
  }

  void recordConfirmation(long id, boolean confirmed, String comment, String actor, OffsetDateTime at) {
    jdbc.sql("update fm_inspection_finding set status = ?, confirmation_comment = ?, confirmed_by = ?, "
            + "confirmed_at = ? where id = ?")
        .params(confirmed ? "CONFIRMED" : "OPEN", comment, confirmed ? actor : null, confirmed ? at : null, id)
        .update();
  }

  void close(String no, OffsetDateTime at) {
    jdbc.sql("update fm_inspection set status = 'CLOSED', closed_at = ?, "
            + "findings_total = (select count(*) from fm_inspection_finding where inspection_no = ?), "
            + "findings_confirmed = (select count(*) from fm_inspection_finding where inspection_no = ? "
            + "and status = 'CONFIRMED') where inspection_no = ?")
        .params(at, no, no, no).update();
  }

  Inspection find(String no) {
    return jdbc.sql(SELECT + " where i.inspection_no = ?").param(no)
        .query((rs, i) -> inspection(rs)).optional().orElseThrow(() -> new NotFoundException("检查不存在：" + no));
  }

  /** The checks of a year, newest first. */
  List<Inspection> ofYear(int year) {
    return jdbc.sql(SELECT + " where i.inspection_year = ? order by i.started_at desc, i.inspection_no desc")
        .param(year).query((rs, i) -> inspection(rs)).list();
  }

  /** Every finding of the checks of a year. */
  List<TrackedFinding> findingsOfYear(int year) {
    return jdbc.sql("select f.* from fm_inspection_finding f join fm_inspection i "
            + "on i.inspection_no = f.inspection_no where i.inspection_year = ? order by f.id")
        .param(year).query((rs, i) -> finding(rs)).list();
  }

  List<TrackedFinding> findings(String no) {
    return jdbc.sql("select * from fm_inspection_finding where inspection_no = ? order by id").param(no)
        .query((rs, i) -> finding(rs)).list();
  }

  TrackedFinding finding(long id) {
    return jdbc.sql("select * from fm_inspection_finding where id = ?").param(id)
        .query((rs, i) -> finding(rs)).optional()
        .orElseThrow(() -> new NotFoundException("检查发现的问题不存在：" + id));
  }

  private static Inspection inspection(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Inspection(rs.getString("inspection_no"), rs.getString("scope_unit"),
        rs.getInt("inspection_year"), rs.getString("sample_units"), rs.getString("status"),
        rs.getString("started_by"), rs.getInt("live_total"), rs.getInt("live_confirmed"));
  }

  private static TrackedFinding finding(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new TrackedFinding(rs.getLong("id"), rs.getString("inspection_no"),
        FindingKind.valueOf(rs.getString("kind")), rs.getString("unit_code"), rs.getString("reference"),
        rs.getString("description"), rs.getString("status"), rs.getString("rectification"),
        rs.getString("confirmation_comment"));
  }
}
