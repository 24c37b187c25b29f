package cn.fundmonitor.allocation;

import static cn.fundmonitor.allocation.FundAllocationProcess.*;
import static cn.fundmonitor.support.TestUsers.*;
import static cn.fundmonitor.warehousing.ApplicationRequest.indicator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.fundmonitor.support.Submitted;
import cn.fundmonitor.support.FundMonitorTest;
import cn.fundmonitor.support.Http;
import cn.fundmonitor.support.Projects;
import cn.fundmonitor.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A factor-method calculation (GX 第十六条) filled into money waiting to be issued: the province's
 * 下达资金 task opens with the shares and completes with them; nobody else can fill it in.
 */
@FundMonitorTest
class IssuePrefillApiTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired TestUsers users;
  @Autowired Projects projects;
  @Autowired AllocationService allocations;
  @Autowired Clock clock;
  final ObjectMapper json = new ObjectMapper();
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  String receive(String documentNo) {
    var today = LocalDate.now(clock);
    var vars = Submitted.form()
        .set(DOCUMENT_NO, documentNo).set(FUND_CLASS, "CENTRAL")
        .set(DIRECTION, "ECO_RESTORATION").set(BUDGET_YEAR, today.getYear())
        .text(CENTRAL_AMOUNT, "1000000.00").text(PROVINCIAL_AMOUNT, "0")
        .set(RECEIVED_ON, today)
        .json(APPROVED_TARGETS, List.of(
            indicator("OUTPUT", "QUANTITY", "修复治理面积", "GE", "100", "公顷"))).build();
    return users.as(GUANGXI_FINANCE, () -> runtime.startProcessInstanceByKey(KEY, documentNo, vars))
        .getId();
  }

  JsonNode post(String path, Object body, String user, int status) throws Exception {
    var response = http.post(path, json.writeValueAsString(body), user, PASSWORD);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return json.readTree(response.body());
  }

  @Test
  void factorSharesAreFilledIntoTheIssueTaskAndIssued_gxArticle16() throws Exception {
    var xingning = projects.warehoused(XINGNING_ECO, "450102", "兴宁区因素法项目");
    var yangshuo = projects.warehoused(YANGSHUO_ECO, "450321", "阳朔县因素法项目");
    projects.withAnnualTargets(xingning, LocalDate.now(clock).getYear());
    projects.withAnnualTargets(yangshuo, LocalDate.now(clock).getYear());
    var documentNo = "桂财资环〔因素法〕" + System.nanoTime() + "号";
    var instance = receive(documentNo);

    var calculation = post("/api/factor-allocation", Map.of("budgetYear", 2026, "total", "1000000",
        "counties", List.of(
            Map.of("divisionCode", "450102", "projectCode", xingning, "factors",
                Map.of("HAZARD_POINTS", 1, "HIGH_RISK_AREA", 1, "THREATENED_POPULATION", 1)),
            Map.of("divisionCode", "450321", "projectCode", yangshuo, "factors",
                Map.of("HAZARD_POINTS", 3, "HIGH_RISK_AREA", 1, "THREATENED_POPULATION", 1)))),
        GUANGXI_FINANCE, 200);
    var lines = json.convertValue(calculation.get("issueLines"), List.class);

    assertThat(post("/api/allocations/issue-lines", Map.of("documentNo", documentNo,
        "issueLines", lines), XINGNING_FINANCE, 404).get("detail").asText())
        .contains("您所在单位不负责下达");
    var filled = post("/api/allocations/issue-lines", Map.of("documentNo", documentNo,
        "issueLines", lines), GUANGXI_FINANCE, 200);
    assertThat(filled.get("lines").asInt()).isEqualTo(2);

    var task = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(TASK_ISSUE)
        .singleResult();
    assertThat(ISSUE_LINES.from(tasks, task.getId()))
        .extracting(r -> r.recipientCode() + " " + r.centralShare())
        .containsExactly("450102 375000.00", "450321 625000.00");

    users.run(GUANGXI_FINANCE, () -> {
      tasks.claim(task.getId(), GUANGXI_FINANCE);
      tasks.complete(task.getId(), Submitted.form()
          .set(ISSUE_DOCUMENT_NO, "桂财资环〔2026〕16号")
          .set(ISSUED_ON, LocalDate.now(clock))
          .json(DECOMPOSED_TARGETS, List.of(
              Map.of("recipientCode", "450102", "indicatorName", "修复治理面积", "target", "40"),
              Map.of("recipientCode", "450321", "indicatorName", "修复治理面积", "target", "60"))).build());
    });
    // GX 第十八条: 自治区财政厅审核后下达
    var review = tasks.createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey(TASK_REVIEW_PLAN).singleResult();
    users.run(GUANGXI_FISCAL, () -> {
      tasks.claim(review.getId(), GUANGXI_FISCAL);
      tasks.complete(review.getId(), PLAN_REVIEW_OUTCOME.with(PlanReviewOutcome.APPROVE));
    });
    assertThat(allocations.parts(documentNo))
        .extracting(p -> p.recipientCode() + " " + p.central().amount().toPlainString())
        .containsExactly("450102 375000.00", "450321 625000.00");
  }

  @Test
  void gxArticle26_overRestTheIssueIsRefusedIn400WhileAFundedProjectHasNoAnnualTargets()
      throws Exception {
    var year = LocalDate.now(clock).getYear();
    var project = projects.warehoused(XINGNING_ECO, "450102", "兴宁区无年度目标项目");
    var documentNo = "桂财资环〔年度目标〕" + System.nanoTime() + "号";
    var instance = receive(documentNo);
    var task = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(TASK_ISSUE)
        .singleResult();
    assertThat(ANNUAL_TARGETS_SUMMARY.from(tasks, task.getId())).isNotBlank();
    users.run(GUANGXI_FINANCE, () -> tasks.claim(task.getId(), GUANGXI_FINANCE));
    var line = "{\"recipientCode\":\"450102\",\"projectCode\":\"" + project
        + "\",\"centralShare\":\"1000000\",\"provincialShare\":\"0\"}";
    var body = "{\"variables\":{\"issueDocumentNo\":{\"value\":\"桂财资环〔" + year + "〕17号\"},"
        + "\"issuedOn\":{\"value\":\"" + LocalDate.now(clock) + "\"},"
        + "\"issueLines\":{\"value\":\"[" + line.replace("\"", "\\\"") + "]\",\"type\":\"Json\"}}}";
    var refused = http.post("/engine-rest/task/" + task.getId() + "/complete", body,
        GUANGXI_FINANCE, PASSWORD);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(json.readTree(refused.body()).toString()).contains("尚无" + year + "年度绩效目标")
        .contains("GX 第二十五条、第二十六条");
    // RFC 9457 errors[]: the problem points at the form's field it is about (issue 18)
    assertThat(json.readTree(refused.body()).get("errors"))
        .extracting(e -> e.get("pointer").asText()).containsExactly("#/annualTargets");
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isOne();

    // the province issues the year's targets (PUT .../annual-targets/{year}); the same issue passes
    var put = http.put("/api/projects/" + project + "/annual-targets/" + year,
        json.writeValueAsString(Map.of("indicators", List.of(
            indicator("OUTPUT", "QUANTITY", "修复治理面积", "GE", "100", "公顷")))),
        GUANGXI_FINANCE, PASSWORD);
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    var passed = http.post("/engine-rest/task/" + task.getId() + "/complete", body,
        GUANGXI_FINANCE, PASSWORD);
    assertThat(passed.statusCode()).as(passed.body()).isEqualTo(204);
    assertThat(tasks.createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey(TASK_REVIEW_PLAN).count()).isOne();
  }

  @Test
  void badLinesAndUnknownMoneyAreRefused() throws Exception {
    var documentNo = "桂财资环〔校验〕" + System.nanoTime() + "号";
    receive(documentNo);
    assertThat(post("/api/allocations/issue-lines", Map.of("documentNo", documentNo,
        "issueLines", List.of(Map.of("centralShare", "一百万"))), GUANGXI_FINANCE, 400)
        .get("detail").asText())
        .contains("第1行：请填写下达单位", "第1行：中央财政资金“一百万”不是有效的数字");
    assertThat(post("/api/allocations/issue-lines", Map.of("documentNo", documentNo,
        "issueLines", List.of(Map.of("centralShare", "一百万"))), GUANGXI_FINANCE, 400)
        .get("errors")).extracting(e -> e.get("pointer").asText(), e -> e.get("detail").asText())
        .containsExactly(tuple("#/issueLines", "第1行：请填写下达单位"),
            tuple("#/issueLines", "第1行：中央财政资金“一百万”不是有效的数字"));
    assertThat(post("/api/allocations/issue-lines", Map.of("documentNo", "不存在的文号",
        "issueLines", List.of()), GUANGXI_FINANCE, 404).get("title").asText()).isEqualTo("未找到");
    assertThat(post("/api/allocations/issue-lines", Map.of("issueLines", List.of()),
        GUANGXI_FINANCE, 400).get("detail").asText()).isEqualTo("请填写资金批复文号");
  }
}
