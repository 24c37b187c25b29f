package cn.fundmonitor.warehousing;

import static cn.fundmonitor.support.TestUsers.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.fundmonitor.support.Applications;
import cn.fundmonitor.support.FundMonitorTest;
import cn.fundmonitor.support.Http;
import cn.fundmonitor.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The project reserve API (/api): applying, problem JSON for bad input, unit-scoped reads. */
@FundMonitorTest
class ProjectApiTest {

  @LocalServerPort int port;
  @Autowired TestUsers users;
  @Autowired JdbcClient jdbc;
  final ObjectMapper json = new ObjectMapper();
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  private String body(ApplicationRequest request) throws Exception {
    return json.writeValueAsString(request);
  }

  private JsonNode apply(String user, ApplicationRequest request, int expectedStatus)
      throws Exception {
    var response = http.post("/api/projects/applications", body(request), user, PASSWORD);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
    return json.readTree(response.body());
  }

  private List<String> codes(String user) throws Exception {
    var response = http.get("/api/projects", user, PASSWORD);
    assertThat(response.statusCode()).isEqualTo(200);
    var codes = new ArrayList<String>();
    json.readTree(response.body()).forEach(p -> codes.add(p.get("code").asText()));
    return codes;
  }

  @Test
  void aCountyAppliesThroughTheApi() throws Exception {
    var created = apply(XINGNING_ECO, Applications.xingningRestoration("API 申报项目"), 201);
    assertThat(created.get("status").asText()).isEqualTo("UNDER_REVIEW");
    assertThat(created.get("requestedAmountYuan").asText()).isEqualTo("3961869.98");
    assertThat(created.get("requestedAmountWan").asText()).isEqualTo("396.186998 万元");

    var detail = json.readTree(http.get("/api/projects/" + created.get("code").asText(),
        XINGNING_ECO, PASSWORD).body());
    assertThat(detail.get("indicators")).hasSize(4);
    assertThat(detail.get("history").get(0).get("actor").asText()).isEqualTo(XINGNING_ECO);
    assertThat(detail.get("history").get(1).get("reason").asText()).contains("广西壮族自治区生态保护修复部门审核");
  }

  @Test
  void badInputGetsChineseProblemJsonAndNothingIsSaved() throws Exception {
    var before = jdbc.sql("select count(*) from fm_project").query(Integer.class).single();
    var bad = Applications.withAmount(Applications.with(
        Applications.xingningRestoration("长".repeat(120)), List.of()), "abc");

    var problem = apply(XINGNING_ECO, bad, 400);

    assertThat(problem.get("title").asText()).isEqualTo("申报信息有误，请修改后重新提交");
    assertThat(problem.get("problems")).extracting(JsonNode::asText).containsExactly(
        "项目名称不能超过100个字（现为120个字）", "申报金额“abc”不是有效的数字",
        "未填写绩效目标：每个项目至少要有一条绩效指标，无目标不得入库（资阳 目标前置；MNR 第十条）");
    // RFC 9457 errors[]: each problem points at the form field it is about (issue 18)
    assertThat(problem.get("errors")).extracting(e -> e.get("pointer").asText(), e -> e.get("detail").asText())
        .containsExactly(tuple("#/projectName", "项目名称不能超过100个字（现为120个字）"),
            tuple("#/requestedAmount", "申报金额“abc”不是有效的数字"),
            tuple("#/indicators", "未填写绩效目标：每个项目至少要有一条绩效指标，无目标不得入库（资阳 目标前置；MNR 第十条）"));
    assertThat(jdbc.sql("select count(*) from fm_project").query(Integer.class).single())
        .isEqualTo(before);

    var malformed = http.post("/api/projects/applications", "{not json", XINGNING_ECO, PASSWORD);
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(json.readTree(malformed.body()).get("title").asText()).isEqualTo("请求格式有误");
  }

  @Test
  void badInputThroughTheEngineRestApiIsA400WithTheChineseReasons() throws Exception {
    var body = "{\"variables\":{\"projectName\":{\"value\":\"REST 项目\"},"
        + "\"requestedAmount\":{\"value\":\"-5\"}}}";
    var response = http.post("/engine-rest/process-definition/key/projectWarehousing/submit-form",
        body, XINGNING_ECO, PASSWORD);
    assertThat(response.statusCode()).isEqualTo(400);
    var problem = json.readTree(response.body());
    assertThat(problem.get("message").asText()).contains("申报金额不能为负数");
    assertThat(problem.get("problems")).extracting(JsonNode::asText).contains("请填写申报方向");
    assertThat(problem.get("errors")).anySatisfy(e -> {
      assertThat(e.get("pointer").asText()).isEqualTo("#/requestedAmount");
      assertThat(e.get("detail").asText()).isEqualTo("申报金额不能为负数");
    });
  }

  @Test
  void aProvinceCannotApply() throws Exception {
    var problem = apply(GUANGXI_ECO, Applications.xingningRestoration("省厅申报"), 403);
    assertThat(problem.get("title").asText()).isEqualTo("无权操作");
  }

  @Test
  void unitsSeeTheirOwnAndTheirSubordinatesProjectsOnly() throws Exception {
    var xingning = apply(XINGNING_ECO, Applications.xingningRestoration("兴宁区可见性"), 201)
        .get("code").asText();
    var yangshuo = apply(YANGSHUO_ECO, Applications.withRegion(
        Applications.xingningRestoration("阳朔县可见性"), "450321"), 201).get("code").asText();

    assertThat(codes(XINGNING_ECO)).contains(xingning).doesNotContain(yangshuo);
    assertThat(codes(NANNING_ECO)).contains(xingning).doesNotContain(yangshuo);
    assertThat(codes(GUANGXI_ECO)).contains(xingning, yangshuo);
    assertThat(codes(XINJIANG_ECO)).doesNotContain(xingning, yangshuo);
    assertThat(codes(MINISTRY_FINANCE)).contains(xingning, yangshuo);
    assertThat(http.get("/api/projects/" + xingning, YANGSHUO_ECO, PASSWORD).statusCode())
        .isEqualTo(404);
  }

  @Test
  void divisionsAreListed() throws Exception {
    var divisions = json.readTree(http.get("/api/divisions", QIEMO_ECO, PASSWORD).body());
    assertThat(divisions).extracting(d -> d.get("code").asText()).contains("000000", "450000",
        "450100", "450102", "450103", "450300", "450321", "650000", "652800", "652825", "510000",
        "512000");
  }
}
