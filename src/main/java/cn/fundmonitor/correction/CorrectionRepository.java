package cn.fundmonitor.correction;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CorrectionRepository {

  private final JdbcClient jdbc;

  void insert(CorrectionRequest r) {
    jdbc.sql("insert into fm_correction_request (request_no, record_type, record_key, field, "
            + "old_value, new_value, reason, unit_code, province_code, business_role, "
            + "after_transmission, status, requested_by, requested_at, process_instance_id) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(r.requestNo(), r.recordType(), r.recordKey(), r.field(), r.oldValue(),
            r.newValue(), r.reason(), r.unitCode(), r.provinceCode(), r.businessRole(),
            r.afterTransmission(), r.status().name(), r.requestedBy(), r.requestedAt(),
            r.processInstanceId())
        .update();
  }

  Optional<CorrectionRequest> find(String requestNo) {
    return jdbc.sql("select * from fm_correction_request where request_no = ?").param(requestNo)
        .query((rs, i) -> request(rs)).optional();
  }

  Optional<CorrectionRequest> findByProcessInstance(String processInstanceId) {
    return jdbc.sql("select * from fm_correction_request where process_instance_id = ?")
        .param(processInstanceId).query((rs, i) -> request(rs)).optional();
  }

  boolean move(String requestNo, CorrectionStatus from, CorrectionStatus to) {
    return jdbc.sql("update fm_correction_request set status = ? where request_no = ? and status = ?")
        .params(to.name(), requestNo, from.name()).update() == 1;
  }

  void recordDecision(String requestNo, String actor, OffsetDateTime at, String reason) {
    jdbc.sql("update fm_correction_request set decided_by = ?, decided_at = ?, decision_reason = ? "
        + "where request_no = ?").params(actor, at, reason, requestNo).update();
  }

  void recordApplied(String requestNo, String actor, OffsetDateTime at) {
    jdbc.sql("update fm_correction_request set applied_by = ?, applied_at = ? where request_no = ?")
        .params(actor, at, requestNo).update();
  }

  List<String[]> queuedGroups() {
    return jdbc.sql("select distinct province_code, business_role from fm_correction_request where "
            + "status = 'QUEUED' order by province_code, business_role")
        .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).list();
  }

  void createReport(String reportId, String province, String role, OffsetDateTime at) {
    jdbc.sql("insert into fm_correction_report (report_id, province_code, business_role, status, "
        + "created_at) values (?, ?, ?, 'COLLECTED', ?)").params(reportId, province, role, at).update();
    jdbc.sql("update fm_correction_request set report_id = ?, status = 'REPORTED' where status = "
        + "'QUEUED' and province_code = ? and business_role = ?").params(reportId, province, role)
        .update();
  }

  void submitReport(String reportId, String note, String actor, OffsetDateTime at) {
    jdbc.sql("update fm_correction_report set status = 'SUBMITTED', submission_note = ?, "
        + "submitted_by = ?, submitted_at = ? where report_id = ?").params(note, actor, at, reportId)
        .update();
  }

  void recordOpinion(String reportId, String opinion, String actor) {
    jdbc.sql("update fm_correction_report set business_opinion = ?, business_opinion_by = ? "
        + "where report_id = ?").params(opinion, actor, reportId).update();
  }

  void decideReport(String reportId, String actor, OffsetDateTime at) {
    jdbc.sql("update fm_correction_report set status = 'DECIDED', decided_by = ?, decided_at = ? "
        + "where report_id = ?").params(actor, at, reportId).update();
  }

  List<CorrectionRequest> ofReport(String reportId) {
    return jdbc.sql("select * from fm_correction_request where report_id = ? order by request_no")
        .param(reportId).query((rs, i) -> request(rs)).list();
  }

  void insertChange(DataChange c) {
    jdbc.sql("insert into fm_data_change (record_type, record_key, field, before_value, after_value, "
            + "request_no, requested_by, approved_by, applied_by, applied_at, reason) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(c.recordType(), c.recordKey(), c.field(), c.before(), c.after(), c.requestNo(),
            c.requestedBy(), c.approvedBy(), c.appliedBy(), c.appliedAt(), c.reason())
        .update();
  }

  /** When the consent (or the ministry's decision) was given and the change applied. */
  record Times(OffsetDateTime decidedAt, OffsetDateTime appliedAt) {}

  Times times(String requestNo) {
    return jdbc.sql("select decided_at, applied_at from fm_correction_request where request_no = ?")
        .param(requestNo)
        .query((rs, i) -> new Times(rs.getObject("decided_at", OffsetDateTime.class),
            rs.getObject("applied_at", OffsetDateTime.class)))
        .single();
  }

  List<DataChange> changesOf(String requestNo) {
    return jdbc.sql("select * from fm_data_change where request_no = ? order by id").param(requestNo)
        .query((rs, i) -> new DataChange(rs.getString("record_type"), rs.getString("record_key"),
            rs.getString("field"), rs.getString("before_value"), rs.getString("after_value"),
            rs.getString("request_no"), rs.getString("requested_by"), rs.getString("approved_by"),
            rs.getString("applied_by"), rs.getObject("applied_at", OffsetDateTime.class),
            rs.getString("reason")))
        .list();
  }

  List<DataChange> changes(String recordType, String recordKey) {
    return jdbc.sql("select * from fm_data_change where record_type = ? and record_key = ? order by id")
        .params(recordType, recordKey)
        .query((rs, i) -> new DataChange(rs.getString("record_type"), rs.getString("record_key"),
            rs.getString("field"), rs.getString("before_value"), rs.getString("after_value"),
            rs.getString("request_no"), rs.getString("requested_by"), rs.getString("approved_by"),
            rs.getString("applied_by"), rs.getObject("applied_at", OffsetDateTime.class),
            rs.getString("reason")))
        .list();
  }

  private static CorrectionRequest request(ResultSet rs) throws SQLException {
    return new CorrectionRequest(rs.getString("request_no"), rs.getString("record_type"),
        rs.getString("record_key"), rs.getString("field"), rs.getString("old_value"),
        rs.getString("new_value"), rs.getString("reason"), rs.getString("unit_code"),
        rs.getString("province_code"), rs.getString("business_role"),
        rs.getBoolean("after_transmission"), CorrectionStatus.valueOf(rs.getString("status")),
        rs.getString("report_id"), rs.getString("decided_by"), rs.getString("decision_reason"),
        rs.getString("applied_by"), rs.getString("requested_by"),
        rs.getObject("requested_at", OffsetDateTime.class), rs.getString("process_instance_id"));
  }
}
