package cn.fundmonitor.allocation;

import cn.fundmonitor.money.Yuan;
import cn.fundmonitor.project.Direction;
import cn.fundmonitor.project.FundClass;
import cn.fundmonitor.project.IndicatorTable;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AllocationRepository {

  static final String ISSUE = "ISSUE";
  static final String REFINEMENT = "REFINEMENT";

  private final JdbcClient jdbc;
  private final IndicatorTable targets;

  AllocationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.targets = new IndicatorTable(jdbc, "fm_allocation_target", "document_no");
  }

  boolean exists(String documentNo) {
    return jdbc.sql("select count(*) from fm_allocation where document_no = ?").param(documentNo)
        .query(Integer.class).single() > 0;
  }

  void insert(Allocation a) {
    jdbc.sql("insert into fm_allocation (document_no, province_code, fund_class, direction, "
            + "budget_year, central_amount, provincial_amount, received_on, issue_due_on, status, "
            + "process_instance_id, registered_by, registered_at, allocation_method) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(a.documentNo(), a.provinceCode(), a.fundClass().name(), a.direction().name(),
            a.budgetYear(), a.centralAmount().amount(), a.provincialAmount().amount(),
            a.receivedOn(), a.issueDueOn(), a.status().name(), a.processInstanceId(),
            a.registeredBy(), a.registeredAt(), a.method().name())
        .update();
    targets.insert(a.documentNo(), a.targets());
  }

  Optional<Allocation> find(String documentNo) {
    return jdbc.sql("select * from fm_allocation where document_no = ?").param(documentNo)
        .query((rs, i) -> allocation(rs)).optional();
  }

  Optional<Allocation> findByProcessInstance(String processInstanceId) {
    return jdbc.sql("select document_no from fm_allocation where process_instance_id = ?")
        .param(processInstanceId).query(String.class).optional().flatMap(this::find);
  }

  void markIssued(String documentNo, String issueDocumentNo, LocalDate issuedOn, String actor,
      LocalDate recordedOn) {
    jdbc.sql("update fm_allocation set status = ?, issue_document_no = ?, issued_on = ?, "
            + "issued_by = ?, issue_recorded_on = ? where document_no = ?")
        .params(AllocationStatus.ISSUED.name(), issueDocumentNo, issuedOn, actor, recordedOn,
            documentNo)
        .update();
  }

  void setStatus(String documentNo, AllocationStatus status) {
    jdbc.sql("update fm_allocation set status = ? where document_no = ?")
        .params(status.name(), documentNo).update();
  }

  void insertPart(String documentNo, String recipient, Yuan central, Yuan provincial) {
    jdbc.sql("insert into fm_allocation_part (document_no, recipient_code, central_amount, "
            + "provincial_amount, status) values (?, ?, ?, ?, ?)")
        .params(documentNo, recipient, central.amount(), provincial.amount(),
            PartStatus.ISSUED.name())
        .update();
  }

  List<RecipientPart> parts(String documentNo) {
    return jdbc.sql("select * from fm_allocation_part where document_no = ? order by recipient_code")
        .param(documentNo).query((rs, i) -> part(rs)).list();
  }

  Optional<RecipientPart> part(String documentNo, String recipient) {
    return jdbc.sql("select * from fm_allocation_part where document_no = ? and recipient_code = ?")
        .params(documentNo, recipient).query((rs, i) -> part(rs)).optional();
  }

  /** Moves a part's status if it is still {@code from}. */
  boolean movePart(String documentNo, String recipient, PartStatus from, PartStatus to) {
    return jdbc.sql("update fm_allocation_part set status = ? where document_no = ? and "
            + "recipient_code = ? and status = ?")
        .params(to.name(), documentNo, recipient, from.name()).update() == 1;
  }

  void recordRefinement(String documentNo, String recipient, LocalDate refinedOn, String actor,
      LocalDate filingDueOn) {
    jdbc.sql("update fm_allocation_part set refined_on = ?, refined_by = ?, filing_due_on = ?, "
            + "filed_at = null, filed_by = null where document_no = ? and recipient_code = ?")
        .params(refinedOn, actor, filingDueOn, documentNo, recipient).update();
  }

  void recordFiling(String documentNo, String recipient, String actor, OffsetDateTime at) {
    jdbc.sql("update fm_allocation_part set filed_at = ?, filed_by = ? where document_no = ? "
        + "and recipient_code = ?").params(at, actor, documentNo, recipient).update();
  }

  void recordAcknowledgement(String documentNo, String recipient, String actor, OffsetDateTime at) {
    jdbc.sql("update fm_allocation_part set acknowledged_at = ?, acknowledged_by = ? where "
        + "document_no = ? and recipient_code = ?").params(at, actor, documentNo, recipient).update();
  }

  void replaceLines(String documentNo, String stage, String recipient, List<MoneyLine> lines) {
    var delete = "delete from fm_allocation_line where document_no = ? and stage = ?";
    if (recipient == null) {
      jdbc.sql(delete).params(documentNo, stage).update();
    } else {
      jdbc.sql(delete + " and recipient_code = ?").params(documentNo, stage, recipient).update();
    }
    for (var l : lines) {
      jdbc.sql("insert into fm_allocation_line (document_no, stage, recipient_code, project_code, "
              + "central_amount, provincial_amount) values (?, ?, ?, ?, ?, ?)")
          .params(documentNo, stage, l.recipientCode(), l.projectCode(), l.central().amount(),
              l.provincial().amount())
          .update();
    }
  }

  List<MoneyLine> lines(String documentNo, String stage) {
    return jdbc.sql("select recipient_code, project_code, central_amount, provincial_amount from "
            + "fm_allocation_line where document_no = ? and stage = ? order by recipient_code, "
            + "project_code")
        .params(documentNo, stage)
        .query((rs, i) -> new MoneyLine(rs.getString("recipient_code"),
            rs.getString("project_code"), Yuan.of(rs.getBigDecimal("central_amount")),
            Yuan.of(rs.getBigDecimal("provincial_amount"))))
        .list();
  }

  void replaceTargets(String documentNo, String stage, String recipient,
      List<DecomposedTarget> decomposed) {
    jdbc.sql("delete from fm_decomposed_target where document_no = ? and stage = ? and "
        + "recipient_code = ?").params(documentNo, stage, recipient).update();
    for (var t : decomposed) {
      jdbc.sql("insert into fm_decomposed_target (document_no, stage, recipient_code, unit_code, "
              + "position, target_value, target_date, target_text, inherited) "
              + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(documentNo, stage, recipient, t.unitCode(), t.position(),
              IndicatorTable.value(t.target()), IndicatorTable.date(t.target()), t.target().text(),
              t.inherited())
          .update();
    }
  }

  /** The decomposed targets of one stage; {@code approved} resolves a position to its indicator. */
  List<DecomposedTarget> targets(String documentNo, String stage, String recipient,
      List<cn.fundmonitor.project.Indicator> approved) {
    return jdbc.sql("select unit_code, position, target_value, target_date, target_text, inherited "
            + "from fm_decomposed_target where document_no = ? and stage = ? and recipient_code = ? "
            + "order by unit_code, position")
        .params(documentNo, stage, recipient)
        .query((rs, i) -> new DecomposedTarget(rs.getString("unit_code"), rs.getInt("position"),
            approved.get(rs.getInt("position") - 1), IndicatorTable.target(rs),
            rs.getBoolean("inherited")))
        .list();
  }

  void addEvent(String documentNo, AllocationEvent e) {
    jdbc.sql("insert into fm_allocation_event (document_no, recipient_code, action, actor, "
            + "occurred_at, detail) values (?, ?, ?, ?, ?, ?)")
        .params(documentNo, e.recipientCode(), e.action(), e.actor(), e.occurredAt(), e.detail())
        .update();
  }

  List<AllocationEvent> events(String documentNo) {
    return jdbc.sql("select recipient_code, action, actor, occurred_at, detail from "
            + "fm_allocation_event where document_no = ? order by id")
        .param(documentNo)
        .query((rs, i) -> new AllocationEvent(rs.getString("recipient_code"),
            rs.getString("action"), rs.getString("actor"),
            rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("detail")))
        .list();
  }

  private Allocation allocation(ResultSet rs) throws SQLException {
    var documentNo = rs.getString("document_no");
    return new Allocation(documentNo, rs.getString("province_code"),
        FundClass.valueOf(rs.getString("fund_class")), Direction.valueOf(rs.getString("direction")),
        rs.getInt("budget_year"), Yuan.of(rs.getBigDecimal("central_amount")),
        Yuan.of(rs.getBigDecimal("provincial_amount")), rs.getObject("received_on", LocalDate.class),
        rs.getObject("issue_due_on", LocalDate.class),
        AllocationStatus.valueOf(rs.getString("status")), rs.getString("issue_document_no"),
        rs.getObject("issued_on", LocalDate.class), rs.getString("issued_by"),
        rs.getString("process_instance_id"), rs.getString("registered_by"),
        rs.getObject("registered_at", OffsetDateTime.class), targets.read(documentNo),
        AllocationMethod.valueOf(rs.getString("allocation_method")),
        rs.getObject("issue_recorded_on", LocalDate.class));
  }

  private static RecipientPart part(ResultSet rs) throws SQLException {
    return new RecipientPart(rs.getString("document_no"), rs.getString("recipient_code"),
        Yuan.of(rs.getBigDecimal("central_amount")), Yuan.of(rs.getBigDecimal("provincial_amount")),
        PartStatus.valueOf(rs.getString("status")), rs.getObject("refined_on", LocalDate.class),
        rs.getString("refined_by"), rs.getObject("filing_due_on", LocalDate.class),
        rs.getObject("filed_at", OffsetDateTime.class), rs.getString("filed_by"),
        rs.getObject("acknowledged_at", OffsetDateTime.class), rs.getString("acknowledged_by"));
  }
}
