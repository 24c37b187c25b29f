package cn.fundmonitor.problems;

import static cn.fundmonitor.problems.ProblemEscalationProcess.*;
import static cn.fundmonitor.support.TestUsers.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.support.FundMonitorTest;
import cn.fundmonitor.support.Http;
import cn.fundmonitor.support.Projects;
import cn.fundmonitor.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
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
  final ObjectMapper json = new ObjectMapper();

  JsonNode get(String path, String user, int status) throws Exception {
    var response = new Http(port).get(path, user, PASSWORD);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return json.readTree(response.body());
  }

  void complete(String user, ProcessInstance pi, String key, VariableMap vars) {
    var task = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key)
        .singleResult();
    users.run(user, () -> {
      tasks.claim(task.getId(), user);
      tasks.complete(task.getId(), vars);
    });
  }

  @Test
  void theReferralAndTheProvincesTrackingAreReadByThoseConcerned_gxArticle33_mnrArticle12()
      throws Exception {
    var project = projects.warehoused(XINGNING_ECO, "450102", "兴宁区问题接口项目");
    var pi = users.as(XINGNING_ECO, () -> runtime.startProcessInstanceByKey(KEY,
        Variables.createVariables().putValue(PROJECT_CODE.name(), project)
            .putValue(PROBLEM_KIND.name(), "MISAPPROPRIATION").putValue(PROBLEM_AMOUNT.name(), "180000")
            .putValue(PROBLEM_DESCRIPTION.name(), "项目资金18万元被用于办公楼维修")));
    complete(MINISTRY_FINANCE, pi, TASK_DECIDE, Variables.createVariables()
        .putValue(DECISION.name(), "RECTIFY").putValue(DECISION_REASON.name(), "收回被挪用资金")
        .putValue(RECTIFY_BY.name(), LocalDate.now().plusDays(30).toString()));
    complete(XINGNING_FINANCE, pi, TASK_RECTIFY,
        Variables.putValue(RECTIFICATION_REPORT.name(), "已归还原资金渠道"));
    complete(GUANGXI_FINANCE, pi, TASK_PROVINCE_VERIFY,
        Variables.putValue(PROVINCE_VERIFICATION.name(), "银行回单已核对"));
    complete(MINISTRY_FINANCE, pi, TASK_CONFIRM,
        Variables.putValue(CONFIRMATION_OUTCOME.name(), "CONFIRM"));
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
}
