package cn.fundmonitor.problems;

import static cn.fundmonitor.problems.ProblemEscalationProcess.*;
import static cn.fundmonitor.support.TestUsers.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.support.FundMonitorTest;
import cn.fundmonitor.support.Http;
import cn.fundmonitor.support.Projects;
import cn.fundmonitor.support.Tasklist;
import cn.fundmonitor.platform.ProcessVariables;
import cn.fundmonitor.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * GET /api/problems/{no}: a confirmed misappropriation's referral for accountability (GX 第三十三条)
 * and the province's tracking (MNR 第十二条) are visible to the unit concerned, its province and the
 * ministry; another county or province does not see the problem at all.
 */
@FundMonitorTest
class ProblemApiTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired TestUsers users;
  @Autowired Projects projects;
  @Autowired Tasklist tasklist;
  final ObjectMapper json = new ObjectMapper();

  JsonNode get(String path, String user, int status) throws Exception {
    var response = new Http(port).get(path, user, PASSWORD);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return json.readTree(response.body());
  }

  @Test
  void theReferralAndTheProvincesTrackingAreReadByThoseConcerned_gxArticle33_mnrArticle12()
      throws Exception {
    var project = projects.warehoused(XINGNING_ECO, "450102", "兴宁区问题接口项目");
    var pi = users.as(XINGNING_ECO, () -> runtime.startProcessInstanceByKey(KEY,
        ProcessVariables.builder().set(PROJECT_CODE, project)
            .set(PROBLEM_KIND, "MISAPPROPRIATION").set(PROBLEM_AMOUNT, "180000")
            .set(PROBLEM_DESCRIPTION, "项目资金18万元被用于办公楼维修").build()));
    tasklist.as(MINISTRY_FINANCE).complete(pi, TASK_DECIDE, ProcessVariables.builder()
        .set(DECISION, Decision.RECTIFY).set(DECISION_REASON, "收回被挪用资金")
        .set(RECTIFY_BY, LocalDate.now().plusDays(30)).build());
    tasklist.as(XINGNING_FINANCE).complete(pi, TASK_RECTIFY,
        RECTIFICATION_REPORT.with("已归还原资金渠道"));
    tasklist.as(GUANGXI_FINANCE).complete(pi, TASK_PROVINCE_VERIFY,
        PROVINCE_VERIFICATION.with("银行回单已核对"));
    tasklist.as(MINISTRY_FINANCE).complete(pi, TASK_CONFIRM, CONFIRMATION_OUTCOME.with(ConfirmationOutcome.CONFIRM));
    var no = pi.getBusinessKey();

    var province = get("/api/problems/" + no, GUANGXI_FINANCE, 200);
    assertThat(province.get("statusLabel").asText()).isEqualTo("整改已确认，已办结");
    assertThat(province.get("handlingUnitName").asText()).isEqualTo("自然资源部");
    var referral = province.get("referral");
    assertThat(referral.get("referredTo").asText()).isEqualTo("纪检监察机关、同级财政部门");
    assertThat(referral.get("referredBy").asText()).isEqualTo(MINISTRY_FINANCE);
    assertThat(referral.get("basis").asText()).isEqualTo("GX 第三十三条、第三十四条");
    assertThat(referral.get("referredAt").isNull()).isFalse();
    var actions = new ArrayList<String>();
    province.get("events").forEach(e -> actions.add(e.get("action").asText()));
    assertThat(actions).containsExactly("RAISED", "REPORTED_TO_MINISTRY", "PROVINCE_INFORMED",
        "RECTIFICATION_ORDERED", "RECTIFICATION_REPORTED", "PROVINCE_VERIFIED", "CLOSED",
        "REFERRED_FOR_ACCOUNTABILITY");
    var last = province.get("events").get(actions.size() - 1);
    assertThat(last.get("actor").asText()).isEqualTo(MINISTRY_FINANCE);
    assertThat(last.get("detail").asText()).contains("移交纪检监察机关、同级财政部门追究相应责任");

    assertThat(get("/api/problems/" + no, XINGNING_ECO, 200).get("referral").isNull()).isFalse();
    get("/api/problems/" + no, MINISTRY_FINANCE, 200);
    assertThat(get("/api/problems/" + no, YANGSHUO_ECO, 404).toString()).contains("问题不存在或您无权查看");
    get("/api/problems/" + no, XINJIANG_FINANCE, 404);
    get("/api/problems/WT2026-999999", GUANGXI_FINANCE, 404);
  }

  @Test
  void aMistakenReportThroughTheEngineRestApiPointsAtEachWrongField_issue18() throws Exception {
    var project = projects.warehoused(XINGNING_ECO, "450102", "兴宁区问题字段项目");
    var response = new Http(port).post("/engine-rest/process-definition/key/" + KEY + "/submit-form",
        "{\"variables\":{\"projectCode\":{\"value\":\"" + project + "\"},"
            + "\"problemKind\":{\"value\":\"NOT_A_KIND\"},\"problemAmount\":{\"value\":\"-5\"}}}",
        XINGNING_ECO, PASSWORD);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(json.readTree(response.body()).get("errors"))
        .extracting(e -> e.get("pointer").asText())
        .containsExactly("#/problemKind", "#/problemAmount", "#/problemDescription");
  }
}
