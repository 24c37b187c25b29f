package cn.fundmonitor.correction;

import cn.fundmonitor.filing.RawFiling;
import static cn.fundmonitor.correction.DataCorrectionProcess.*;
import static cn.fundmonitor.support.TestUsers.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.fundmonitor.filing.FilingService;
import cn.fundmonitor.filing.Quarter;
import cn.fundmonitor.support.Funding;
import cn.fundmonitor.support.FundMonitorTest;
import cn.fundmonitor.support.Http;
import cn.fundmonitor.support.Projects;
import cn.fundmonitor.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import cn.fundmonitor.platform.ProcessVariables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * GET /api/corrections/{requestNo}: a correction's audit trail (MNR 第二十二条) — before and after,
 * who asked and when, who consented and when, who applied it — read by the requester, its superior,
 * the province and the ministry; another county or province, a number that names nothing and
 * hostile input get the same 404.
 */
@FundMonitorTest
class CorrectionApiTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FilingService filings;
  @Autowired TestUsers users;
  @Autowired Projects projects;
  @Autowired Funding funding;
  final ObjectMapper json = new ObjectMapper();

  JsonNode get(String requestNo, String user, int status) throws Exception {
    var response = new Http(port).get("/api/corrections/" + requestNo, user, PASSWORD);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.body()).doesNotContain("Exception", "select ", "java.");
    return json.readTree(response.body());
  }

  /** Xingning files 250,000 paid, asks to correct it to 260,000; Nanning consents. */
  String consentedCorrection() {
    var project = projects.warehoused(XINGNING_ECO, "450102", "兴宁区变更审计接口项目");
    funding.fund(project, "450102", "1000000", LocalDate.now().minusDays(1));
    var q = new Quarter(2026, 1);
    var key = q.key(project);
    filings.open(key, q, null);
    filings.file(key, new RawFiling("250000", Map.of("CENTRAL", "250000"), "25", List.of(
        Map.of("position", 1, "actual", "30"), Map.of("position", 2, "notYetDue", true),
        Map.of("position", 3, "notYetDue", true), Map.of("position", 4, "notYetDue", true))),
        XINGNING_FINANCE);
    var pi = users.as(XINGNING_FINANCE, () -> runtime.startProcessInstanceByKey(KEY,
        ProcessVariables.builder().set(RECORD_KEY, key).set(FIELD, "PAID_TO_DATE")
            .set(NEW_VALUE, "260000").set(REASON, "与国库集中支付系统核对后更正").build()));
    var consent = tasks.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(TASK_CONSENT).singleResult();
    users.run(NANNING_FINANCE, () -> {
      tasks.claim(consent.getId(), NANNING_FINANCE);
      tasks.complete(consent.getId(), ProcessVariables.builder().set(CONSENT, Consent.APPROVE)
          .set(CONSENT_COMMENT, "已核对国库支付记录，同意").build());
    });
    return pi.getBusinessKey();
  }

  @Test
  void aRequestWithMissingValuesIsA400WhoseProblemsPointAtTheFormFields_issue18()
      throws Exception {
    var response = new Http(port).post("/engine-rest/process-definition/key/" + KEY + "/start",
        "{\"variables\":{\"recordKey\":{\"value\":\" \"},"
            + "\"correctionField\":{\"value\":\"PAID_TO_DATE\"}}}", XINGNING_FINANCE, PASSWORD);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(json.readTree(response.body()).get("errors"))
        .extracting(e -> e.get("pointer").asText(), e -> e.get("detail").asText())
        .containsExactly(tuple("#/recordKey", "请填写要变更的记录"),
            tuple("#/correctionReason", "请填写变更原因"),
            tuple("#/newValue", "请填写变更后的值"));
  }

  @Test
  void mnrArticle22_theAuditTrailIsReadByTheRequesterItsSuperiorTheProvinceAndTheMinistry()
      throws Exception {
    var no = consentedCorrection();

    var requester = get(no, XINGNING_FINANCE, 200);
    assertThat(requester.get("requestNo").asText()).isEqualTo(no);
    assertThat(requester.get("field").asText()).isEqualTo("PAID_TO_DATE");
    assertThat(requester.get("before").asText()).isEqualTo("250000.00");
    assertThat(requester.get("after").asText()).isEqualTo("260000.00");
    assertThat(requester.get("requestedBy").asText()).isEqualTo(XINGNING_FINANCE);
    assertThat(requester.get("requestedAt").isNull()).isFalse();
    assertThat(requester.get("consentedBy").asText()).isEqualTo(NANNING_FINANCE);
    assertThat(requester.get("consentedAt").isNull()).as("when the superior consented").isFalse();
    assertThat(requester.get("decisionReason").asText()).isEqualTo("已核对国库支付记录，同意");
    assertThat(requester.get("appliedAt").isNull()).isFalse();
    assertThat(requester.get("unitName").asText()).isEqualTo("兴宁区");
    assertThat(requester.get("statusLabel").asText()).isNotBlank();
    var applied = requester.get("applied");
    assertThat(applied).hasSize(1);
    assertThat(applied.get(0).get("before").asText()).isEqualTo("250000.00");
    assertThat(applied.get(0).get("after").asText()).isEqualTo("260000.00");
    assertThat(applied.get(0).get("approvedBy").asText()).isEqualTo(NANNING_FINANCE);
    assertThat(applied.get(0).get("reason").asText()).isEqualTo("与国库集中支付系统核对后更正");

    for (var above : List.of(NANNING_FINANCE, GUANGXI_FINANCE, GUANGXI_ECO, MINISTRY_FINANCE)) {
      assertThat(get(no, above, 200).get("after").asText()).as(above).isEqualTo("260000.00");
    }
    assertThat(get(no, XINGNING_ECO, 200).get("requestNo").asText()).as("the requesting unit")
        .isEqualTo(no);
  }

  @Test
  void mnrArticle22_anotherUnitAnUnknownNumberAndHostileInputAllGetTheSame404() throws Exception {
    var no = consentedCorrection();
    for (var foreign : List.of(YANGSHUO_FINANCE, YANGSHUO_ECO, GUILIN_FINANCE, XINJIANG_FINANCE)) {
      assertThat(get(no, foreign, 404).get("detail").asText()).as(foreign)
          .contains("变更申请不存在或您无权查看");
    }
    get("BG2026-999999", GUANGXI_FINANCE, 404);
    for (var hostile : List.of(no + "' or '1'='1", "x".repeat(5000), "%00", "BG2026-00000１",
        "..%2F..%2Fetc%2Fpasswd")) {
      var response = new Http(port).get("/api/corrections/"
          + (hostile.contains("%") ? hostile : URLEncoder.encode(hostile, StandardCharsets.UTF_8)),
          GUANGXI_FINANCE, PASSWORD);
      assertThat(response.statusCode()).as(hostile.substring(0, Math.min(40, hostile.length())))
          .isBetween(400, 499);
      assertThat(response.body()).doesNotContain("Exception", "SQL", "java.");
    }
  }
}
