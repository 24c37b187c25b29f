package cn.fundmonitor.correction;

import static cn.fundmonitor.correction.DataCorrectionProcess.*;
import static cn.fundmonitor.support.TestUsers.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fundmonitor.allocation.AllocationCorrections;
import cn.fundmonitor.allocation.AllocationService;
import cn.fundmonitor.allocation.RawReceipt;
import cn.fundmonitor.common.ConflictException;
import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.filing.FilingService;
import cn.fundmonitor.filing.Quarter;
import cn.fundmonitor.support.FundMonitorTest;
import cn.fundmonitor.support.Http;
import cn.fundmonitor.support.Projects;
import cn.fundmonitor.support.TestUsers;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import cn.fundmonitor.platform.ProcessVariables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * MNR 第二十二条 covers all data sent upward, not only quarterly filings: the province's issue to a
 * recipient (money per project and the recipient's decomposed targets) once issued, and a
 * recipient's refinement (money per project and the projects' targets) once filed (报备) with its
 * superior, are locked, and change only through the same two-stage correction — asked by the unit
 * that produced them, consented by its superior, applied with before and after in the audit trail.
 * A correction keeps the rules the data was first checked under: money only moves between projects
 * and the totals stay as issued; a decomposed target is never lowered (MNR 第十条; GX 第二十一条).
 */
@FundMonitorTest
class AllocationCorrectionTest {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired AllocationService allocations;
  @Autowired CorrectionService corrections;
  @Autowired TestUsers users;
  @Autowired Projects projects;
  @Autowired FilingService filings;
  final ObjectMapper json = new ObjectMapper();

  record Funded(String documentNo, String a, String b) {
    String key() {
      return documentNo + "/450102";
    }
  }

  /** 1,000,000 issued to 兴宁区 for two projects, targets ≥ 120 公顷 and ≥ 98%; refined 60/40. */
  Funded refined(boolean file) {
    var a = projects.warehoused(XINGNING_ECO, "450102", "兴宁区资金变更项目甲");
    var b = projects.warehoused(XINGNING_ECO, "450102", "兴宁区资金变更项目乙");
    projects.withAnnualTargets(a, LocalDate.now().getYear());
    projects.withAnnualTargets(b, LocalDate.now().getYear());
    var documentNo = "变更测试资金〔" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() + "〕号";
    var today = LocalDate.now().minusDays(1);
    allocations.register(new RawReceipt(documentNo, "CENTRAL", "ECO_RESTORATION",
        LocalDate.now().getYear(), "1000000", "0", today, List.of(
            Map.of("level1", "OUTPUT", "level2", "QUANTITY", "name", "修复治理面积",
                "comparator", "GE", "target", "120", "unit", "公顷"),
            Map.of("level1", "OUTPUT", "level2", "QUALITY", "name", "工程验收合格率",
                "comparator", "GE", "target", "98", "unit", "%"))),
        GUANGXI_FINANCE, users.groups(GUANGXI_FINANCE), null);
    allocations.issue(documentNo, "桂下达" + documentNo, today, List.of(
        Map.of("recipientCode", "450102", "projectCode", a, "centralShare", "500000"),
        Map.of("recipientCode", "450102", "projectCode", b, "centralShare", "500000")),
        List.of(), GUANGXI_FINANCE);
    allocations.refine(documentNo, "450102", today, List.of(
        Map.of("projectCode", a, "centralShare", "600000"),
        Map.of("projectCode", b, "centralShare", "400000")), List.of(
        Map.of("projectCode", a, "indicatorName", "修复治理面积", "target", "80"),
        Map.of("projectCode", b, "indicatorName", "修复治理面积", "target", "40")),
        XINGNING_FINANCE);
    if (file) {
      allocations.file(documentNo, "450102", "已细化", XINGNING_FINANCE);
    }
    return new Funded(documentNo, a, b);
  }

  ProcessInstance request(String user, String type, String key, String field, String value) {
    return users.as(user, () -> runtime.startProcessInstanceByKey(KEY, ProcessVariables.builder()
        .set(RECORD_TYPE, type).set(RECORD_KEY, key).set(ALLOCATION_FIELD, field)
        .set(NEW_VALUE, value).set(REASON, "与细化文件核对后更正").build()));
  }

  void consent(String user, ProcessInstance pi) {
    var task = tasks.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(TASK_CONSENT).singleResult();
    assertThat(task).as("waiting for the superior's consent").isNotNull();
    users.run(user, () -> {
      tasks.claim(task.getId(), user);
      tasks.complete(task.getId(), ProcessVariables.builder().set(CONSENT, Consent.APPROVE)
          .set(CONSENT_COMMENT, "已核对，同意").build());
    });
  }

  @Test
  void mnrArticle22_aFiledRefinementIsLockedAndItsMoneyCorrectedOnlyWithTheSuperiorsConsent()
      throws Exception {
    var f = refined(true);
    // locked: the filed refinement cannot simply be refined again
    assertThatThrownBy(() -> allocations.refine(f.documentNo(), "450102",
        LocalDate.now(), List.of(Map.of("projectCode", f.a(), "centralShare", "1000000")),
        List.of(), XINGNING_FINANCE)).isInstanceOf(ConflictException.class);

    var pi = request(XINGNING_FINANCE, AllocationCorrections.REFINEMENT, f.key(), "LINES",
        f.a() + "=500000/0;" + f.b() + "=500000/0");
    var r = corrections.get(pi.getBusinessKey());
    assertThat(r.oldValue()).isEqualTo(f.a() + "=600000.00/0.00;" + f.b() + "=400000.00/0.00");
    assertThat(r.afterTransmission()).isFalse();
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult()
        .getTaskDefinitionKey()).isEqualTo(TASK_CONSENT);
    assertThat(SUPERIOR_GROUP.from(runtime, pi.getId())).isEqualTo("450100-finance");
    assertThat(PROJECT_CODE.from(runtime, pi.getId())).isEqualTo(f.documentNo());
    consent(NANNING_FINANCE, pi);

    var lines = allocations.refinedLines(f.documentNo());
    assertThat(lines).extracting(l -> l.projectCode() + "=" + l.central().amount().toPlainString())
        .containsExactlyInAnyOrder(f.a() + "=500000.00", f.b() + "=500000.00");
    var history = corrections.history(AllocationCorrections.REFINEMENT, f.key());
    assertThat(history).singleElement().satisfies(c -> {
      assertThat(c.before()).isEqualTo(f.a() + "=600000.00/0.00;" + f.b() + "=400000.00/0.00");
      assertThat(c.after()).isEqualTo(f.a() + "=500000.00/0.00;" + f.b() + "=500000.00/0.00");
      assertThat(c.approvedBy()).isEqualTo(NANNING_FINANCE);
    });
    assertThat(allocations.events(f.documentNo())).anySatisfy(e ->
        assertThat(e.detail()).contains("MNR 第二十二条"));
    // the audit API reads it for the requester and the province, not another county
    var http = new Http(port);
    var audit = json.readTree(http.get("/api/corrections/" + pi.getBusinessKey(), GUANGXI_FINANCE,
        PASSWORD).body());
    assertThat(audit.get("recordType").asText()).isEqualTo(AllocationCorrections.REFINEMENT);
    assertThat(audit.get("status").asText()).isEqualTo("APPLIED");
    assertThat(http.get("/api/corrections/" + pi.getBusinessKey(), YANGSHUO_FINANCE, PASSWORD)
        .statusCode()).isEqualTo(404);
  }

  /**
   * Figures stay right after a correction (MNR 第二十二条): the quarter's filing of each project,
   * opened before the correction, checks payments against the corrected money received; a filing
   * already filed keeps the figure it was filed against.
   */
  @Test
  void mnrArticle22_anOpenFilingChecksPaymentsAgainstTheCorrectedMoneyReceived() {
    var f = refined(true);
    var quarter = new Quarter(LocalDate.now().getYear(), 4);
    var a = filings.open(quarter.key(f.a()), quarter, null);
    var b = filings.open(quarter.key(f.b()), quarter, null);
    assertThat(a.receivedAmount().amount()).isEqualByComparingTo("600000");
    assertThat(b.receivedAmount().amount()).isEqualByComparingTo("400000");

    consent(NANNING_FINANCE, request(XINGNING_FINANCE, AllocationCorrections.REFINEMENT, f.key(),
        "LINES", f.a() + "=450000/0;" + f.b() + "=550000/0"));

    assertThat(filings.get(a.businessKey()).receivedAmount().amount())
        .isEqualByComparingTo("450000");
    assertThat(filings.get(b.businessKey()).receivedAmount().amount())
        .as("project 乙 may now pay up to its corrected 550,000").isEqualByComparingTo("550000");
  }

  @Test
  void mnrArticle22_aRefinementNotYetFiledIsChangedInItsOwnStepNotByCorrection() {
    var f = refined(false);
    assertThatThrownBy(() -> request(XINGNING_FINANCE, AllocationCorrections.REFINEMENT, f.key(),
        "LINES", f.a() + "=500000/0;" + f.b() + "=500000/0"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("尚未报备上级");
  }

  @Test
  void mnrArticle22_moneyOnlyMovesBetweenProjectsTheTotalsStayAsIssued() {
    var f = refined(true);
    assertThatThrownBy(() -> request(XINGNING_FINANCE, AllocationCorrections.REFINEMENT, f.key(),
        "LINES", f.a() + "=700000/0"))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).problems().toString())
            .contains("合计须与细化金额一致"));
  }

  @Test
  void gx21_mnrArticle22_aCorrectedDecomposedTargetIsNeverLoweredBelowTheApproval() {
    var f = refined(true);
    // the projects' 80 + 40 公顷 cover the approved 120: 80 → 70 would leave 110
    assertThatThrownBy(() -> request(XINGNING_FINANCE, AllocationCorrections.REFINEMENT, f.key(),
        "TARGET_" + f.a() + "_1", "70"))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).problems().toString())
            .contains("低于批复目标"));
    // the province's issue is locked once issued: issuing again is refused
    assertThatThrownBy(() -> allocations.issue(f.documentNo(), "重发" + f.documentNo(),
        LocalDate.now(), List.of(Map.of("recipientCode", "450102", "projectCode", f.a(),
            "centralShare", "1000000")), List.of(), GUANGXI_FINANCE))
        .isInstanceOf(ConflictException.class);
    // the province's issue: 兴宁区's ≥ 98% cannot become ≥ 90%, may become ≥ 99% with the
    // ministry's consent (the province's superior)
    assertThatThrownBy(() -> request(GUANGXI_FINANCE, AllocationCorrections.ISSUE, f.key(),
        "TARGET_2", "90")).isInstanceOf(InvalidInputException.class);
    var pi = request(GUANGXI_FINANCE, AllocationCorrections.ISSUE, f.key(), "TARGET_2", "99");
    assertThat(SUPERIOR_GROUP.from(runtime, pi.getId())).isEqualTo("000000-finance");
    consent(MINISTRY_FINANCE, pi);
    assertThat(allocations.recipientTargets(f.documentNo(), "450102"))
        .filteredOn(t -> t.position() == 2).singleElement()
        .satisfies(t -> assertThat(t.target().text()).isEqualTo("99"));
    assertThat(corrections.history(AllocationCorrections.ISSUE, f.key())).singleElement()
        .satisfies(c -> assertThat(c.before() + "→" + c.after()).isEqualTo("98→99"));
  }

  @Test
  void mnrArticle20_anotherUnitMayNotAskAndAnotherRoleCannotConsent() throws Exception {
    var f = refined(true);
    assertThatThrownBy(() -> request(YANGSHUO_FINANCE, AllocationCorrections.REFINEMENT, f.key(),
        "LINES", f.a() + "=500000/0;" + f.b() + "=500000/0"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("谁产生、谁负责");
    assertThatThrownBy(() -> request(XINGNING_FINANCE, AllocationCorrections.ISSUE, f.key(),
        "TARGET_2", "99")).as("the issue is the province's data, not the county's")
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("谁产生、谁负责");

    // over REST as Tasklist starts it: the consent task is 南宁市 finance's, not its eco section's
    var http = new Http(port);
    var started = http.post("/engine-rest/process-definition/key/" + KEY + "/submit-form",
        vars(ProcessVariables.builder().set(RECORD_TYPE, AllocationCorrections.REFINEMENT).set(RECORD_KEY,
            f.key()).set(ALLOCATION_FIELD, "LINES").set(NEW_VALUE,
            f.a() + "=550000/0;" + f.b() + "=450000/0").set(REASON, "核对后更正").build()),
        XINGNING_FINANCE, PASSWORD);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    var no = json.readTree(started.body()).get("businessKey").asText();
    assertThat(http.get("/engine-rest/task?processInstanceBusinessKey=" + no, NANNING_ECO,
        PASSWORD).body()).isEqualTo("[]");
    assertThat(json.readTree(http.get("/engine-rest/task?processInstanceBusinessKey=" + no,
        NANNING_FINANCE, PASSWORD).body())).hasSize(1);
  }

  @Test
  void mnrArticle22_hostileAllocationCorrectionsAreRefusedWithAChineseProblem() throws Exception {
    var f = refined(true);
    var http = new Http(port);
    var hostile = List.of(
        List.of(AllocationCorrections.REFINEMENT, f.key(), "LINES", f.a() + "=-5/0;" + f.b() + "=5/0"),
        List.of(AllocationCorrections.REFINEMENT, f.key(), "LINES", "x".repeat(199)),
        List.of(AllocationCorrections.REFINEMENT, f.key(), "TARGET_" + f.a() + "_999", "100"),
        List.of(AllocationCorrections.REFINEMENT, f.key(), "TARGET_'; drop table fm_allocation;--_1", "1"),
        List.of(AllocationCorrections.REFINEMENT, f.key(), "LINES", "不存在-0000-0000=1/0;" + f.a() + "=0/0"),
        List.of(AllocationCorrections.REFINEMENT, "' or '1'='1/450102", "LINES", f.a() + "=1/0"),
        List.of(AllocationCorrections.REFINEMENT, "x".repeat(500), "LINES", f.a() + "=1/0"),
        List.of("FM_DIVISION", f.key(), "LINES", f.a() + "=1/0"),
        List.of(AllocationCorrections.ISSUE, f.documentNo() + "/450321", "TARGET_1", "200"));
    for (var h : hostile) {
      var response = http.post("/engine-rest/process-definition/key/" + KEY + "/submit-form",
          vars(ProcessVariables.builder().set(RECORD_TYPE, h.get(0)).set(RECORD_KEY, h.get(1))
              .set(ALLOCATION_FIELD, h.get(2)).set(NEW_VALUE, h.get(3)).set(REASON, "试探").build()),
          h.get(0).equals(AllocationCorrections.ISSUE) ? GUANGXI_FINANCE : XINGNING_FINANCE,
          PASSWORD);
      assertThat(response.statusCode()).as(h.get(2) + " " + response.body())
          .isBetween(400, 499);
      assertThat(response.body()).doesNotContain("Exception", "SQL", "java.");
    }
    assertThat(allocations.refinedLines(f.documentNo())).extracting(l -> l.central().amount()
        .toPlainString()).containsExactlyInAnyOrder("600000.00", "400000.00");
  }

  String vars(Map<String, Object> values) throws Exception {
    var body = new LinkedHashMap<String, Object>();
    values.forEach((k, v) -> body.put(k, Map.of("value", v)));
    return json.writeValueAsString(Map.of("variables", body));
  }
}
