package cn.fundmonitor.filing;

import static cn.fundmonitor.filing.QuarterlyFilingProcess.*;
import static cn.fundmonitor.support.TestUsers.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.support.FundMonitorTest;
import cn.fundmonitor.support.Funding;
import cn.fundmonitor.support.Http;
import cn.fundmonitor.support.Projects;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Opening a monitoring point over HTTP (监测时点; MNR 第十一条: 其他填报时点，按要求执行): a province's
 * finance department for its own region, the ministry's for a province; anyone else is refused
 * (403), and a mistaken request is answered 400 in Chinese, with nothing opened.
 */
@FundMonitorTest
class MonitoringPointApiTest {

  @LocalServerPort int port;
  @Autowired Projects projects;
  @Autowired Funding funding;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;
  final ObjectMapper json = new ObjectMapper();
  Http http;
  String xingning;
  LocalDate today;

  @BeforeEach
  void fundAProject() {
    http = new Http(port);
    today = LocalDate.now(clock);
    xingning = projects.warehoused(XINGNING_ECO, "450102", "兴宁区监测时点接口项目");
    funding.fund(xingning, "450102", "300000", today.minusMonths(2));
  }

  String body(LocalDate asOf, LocalDate dueOn, String region, List<String> codes) {
    try {
      var node = json.createObjectNode();
      node.put("asOf", asOf == null ? null : asOf.toString());
      node.put("dueOn", dueOn == null ? null : dueOn.toString());
      if (region != null) {
        node.put("regionCode", region);
      }
      if (codes != null) {
        node.set("projectCodes", json.valueToTree(codes));
      }
      return json.writeValueAsString(node);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> open(String user, String body) {
    return http.post("/api/monitoring-points", body, user, PASSWORD);
  }

  int points() {
    return jdbc.sql("select count(*) from fm_monitoring_point").query(Integer.class).single();
  }

  JsonNode read(HttpResponse<String> response) throws Exception {
    return json.readTree(response.body());
  }

  /** Runs the point's wave and its batches to the end (the job executor is off in tests). */
  void runWave(String waveId) {
    for (int round = 0; round < 20
        && runtime.createProcessInstanceQuery().processInstanceId(waveId).count() > 0; round++) {
      WAVE_ID.whereEquals(runtime.createProcessInstanceQuery()
          .processDefinitionKey(BATCH_KEY), waveId).list().forEach(batch ->
              management.createJobQuery().processInstanceId(batch.getId()).list()
                  .forEach(j -> management.executeJob(j.getId())));
      management.createJobQuery().processInstanceId(waveId).list()
          .forEach(j -> management.executeJob(j.getId()));
    }
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(waveId).count())
        .as("the point's wave has reconciled and ended").isZero();
  }

  @Test
  void mnrArticle11_theProvinceOpensAPointForAListOfItsProjectsAndItsUnitsSeeIt() throws Exception {
    var asOf = today.minusDays(3);
    var response = open(GUANGXI_FINANCE, body(asOf, today.plusDays(10), null, List.of(xingning)));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    var point = read(response);
    assertThat(point.get("regionCode").asText()).isEqualTo("450000");
    assertThat(point.get("scope").asText()).isEqualTo("LIST");
    assertThat(point.get("basis").asText()).isEqualTo("MNR 第十一条：其他填报时点，按要求执行");
    var id = point.get("id").asLong();
    runWave(point.get("waveId").asText());

    var key = xingning + "-" + asOf.getYear() + "P" + id;
    var filing = runtime.createProcessInstanceQuery().processDefinitionKey(KEY)
        .processInstanceBusinessKey(key).singleResult();
    assertThat(filing).as("the listed project's filing is open").isNotNull();
    assertThat(jdbc.sql("select count(*) from fm_quarterly_filing where point_id = ?").param(id)
        .query(Integer.class).single()).as("only the listed project files").isOne();

    var seen = read(http.get("/api/monitoring-points/" + id, XINGNING_FINANCE, PASSWORD));
    assertThat(seen.get("filings").get("OPEN").asInt()).isOne();
    assertThat(seen.get("label").asText()).contains("监测时点（截至" + asOf + "）");
    var other = http.get("/api/monitoring-points/" + id, XINJIANG_FINANCE, PASSWORD);
    assertThat(other.statusCode()).as("another province does not see it").isEqualTo(404);
    assertThat(read(other).get("title").asText()).isEqualTo("未找到");
    var listed = read(http.get("/api/monitoring-points", XINJIANG_FINANCE, PASSWORD));
    listed.forEach(p -> assertThat(p.get("id").asLong()).isNotEqualTo(id));

    // the same region and day again: a conflict, nothing opened twice
    var before = points();
    var again = open(GUANGXI_FINANCE, body(asOf, today.plusDays(10), "450000", null));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(read(again).get("detail").asText()).contains("不能重复开启");
    assertThat(points()).isEqualTo(before);
  }

  @Test
  void mnrArticle11_theMinistryOpensAPointForAProvince() throws Exception {
    var response = open(MINISTRY_FINANCE, body(today.minusDays(4), today.plusDays(5), "450000",
        List.of(xingning)));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    runWave(read(response).get("waveId").asText());
    var county = open(MINISTRY_FINANCE, body(today.minusDays(14), today.plusDays(5), "450102", null));
    assertThat(county.statusCode()).isEqualTo(400);
    assertThat(read(county).get("detail").asText()).contains("监测时点的范围应为全国或一个省");
  }

  @Test
  void mnrArticle11_onlyAProvinceForItsOwnRegionOrTheMinistryOpensAPoint() throws Exception {
    var before = points();
    var asOf = today.minusDays(5);
    for (var attempt : List.of(
        // another province, for Guangxi
        List.of(XINJIANG_FINANCE, "450000"),
        // a county's finance office, for its own county and for the province
        List.of(XINGNING_FINANCE, "450102"), List.of(XINGNING_FINANCE, "450000"),
        // a city
        List.of(NANNING_FINANCE, "450100"),
        // the province's own region, but not its finance department
        List.of(GUANGXI_ECO, "450000"), List.of(GUANGXI_FISCAL, "450000"),
        // the ministry's other department
        List.of(MINISTRY_ECO, "450000"))) {
      var response = open(attempt.get(0), body(asOf, today.plusDays(10), attempt.get(1),
          List.of(xingning)));
      assertThat(response.statusCode()).as(attempt + ": " + response.body()).isEqualTo(403);
      assertThat(response.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
      assertThat(read(response).get("title").asText()).isEqualTo("无权访问");
    }
    var noRegion = open(XINGNING_FINANCE, body(asOf, today.plusDays(10), null, null));
    assertThat(noRegion.statusCode()).isEqualTo(403);
    assertThat(points()).as("nothing was opened").isEqualTo(before);
  }

  /**
   * The same checks from Tasklist's start form (monitoringPointOpening): the 400's pointers name
   * the form's keys, not the REST request's properties (issue 18).
   */
  @Test
  void mnrArticle11_theStartFormsMistakesPointAtItsOwnFields() throws Exception {
    var before = points();
    var due = today.plusDays(10);
    var submit = "/engine-rest/process-definition/key/" + MonitoringPointOpeningProcess.KEY
        + "/submit-form";
    var several = http.post(submit, "{\"variables\":{\"pointAsOf\":{\"value\":\"2026-13-45\"},"
        + "\"pointDueOn\":{\"value\":\"" + due + "\"},\"pointScope\":{\"value\":\"REGION\"},"
        + "\"pointRegionCode\":{\"value\":\"999999\"},\"pointBasis\":{\"value\":\""
        + "长".repeat(201) + "\"}}}", GUANGXI_FINANCE, PASSWORD);
    assertThat(several.statusCode()).as(several.body()).isEqualTo(400);
    assertThat(read(several).get("errors")).extracting(e -> e.get("pointer").asText())
        .containsExactly("#/pointAsOf", "#/pointBasis", "#/pointRegionCode");
    var noCodes = http.post(submit, "{\"variables\":{\"pointAsOf\":{\"value\":\""
        + today.minusDays(3) + "\"},\"pointDueOn\":{\"value\":\"" + due + "\"},"
        + "\"pointScope\":{\"value\":\"LIST\"},\"pointProjectCodes\":{\"value\":\" ， \"}}}",
        GUANGXI_FINANCE, PASSWORD);
    assertThat(noCodes.statusCode()).as(noCodes.body()).isEqualTo(400);
    assertThat(read(noCodes).get("errors")).extracting(e -> e.get("pointer").asText())
        .containsExactly("#/pointProjectCodes");
    assertThat(points()).as("nothing was opened").isEqualTo(before);
  }

  @Test
  void mnrArticle11_aMistakenOrHostileRequestIsRefusedInChinese() throws Exception {
    var before = points();
    var asOf = today.minusDays(6);
    var due = today.plusDays(10);
    record Case(String body, String detail) {}
    for (var c : List.of(
        new Case(body(asOf, asOf.minusDays(1), null, null), "应晚于监测时点"),
        new Case(body(asOf, asOf, null, null), "应晚于监测时点"),
        new Case(body(today.plusDays(3), today.plusDays(10), null, null), "尚未到来"),
        new Case(body(asOf.minusMonths(3), today.minusDays(1), null, null), "已过"),
        new Case(body(asOf, asOf.plusYears(2), null, null), "超过一年"),
        new Case("{\"asOf\":\"2026-13-45\",\"dueOn\":\"明天\"}", "不是有效的日期"),
        new Case("{\"dueOn\":\"" + due + "\"}", "请填写监测时点"),
        new Case(body(asOf, due, null, List.of("450102-9999-不存在")), "不存在或不在监测范围内"),
        new Case(body(asOf, due, null, List.of("'; drop table fm_project; --")), "不存在或不在监测范围内"),
        new Case(body(asOf, due, null, List.of("x".repeat(500))), "无效"),
        new Case(body(asOf, due, "999999", null), "行政区划“999999”不存在"),
        new Case(body(asOf, due, "<script>", null), "不存在"),
        new Case("{\"asOf\":\"" + asOf + "\",\"dueOn\":\"" + due + "\",\"basis\":\"" + "长".repeat(201)
            + "\"}", "不能超过200个字"),
        new Case("{\"asOf\":\"" + asOf + "\",\"dueOn\":\"" + due + "\",\"projectCodes\":[null, 7]}",
            "无效"),
        new Case("{\"asOf\":\"" + asOf + "\",\"dueOn\":\"" + due + "\",\"projectCodes\":\"abc\"}", null),
        new Case("{\"asOf\":", null),
        new Case("[]", null))) {
      var response = open(GUANGXI_FINANCE, c.body());
      assertThat(response.statusCode()).as(c.body() + ": " + response.body()).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
      var problem = read(response);
      assertThat(problem.get("title").asText()).matches(".*[\\u4e00-\\u9fa5].*");
      if (c.detail() != null) {
        assertThat(problem.get("detail").asText()).as(c.body()).contains(c.detail());
      }
    }
    // RFC 9457 errors[]: each problem points at the request's property it is about (issue 18)
    var several = open(GUANGXI_FINANCE, "{\"asOf\":\"2026-13-45\",\"dueOn\":\"" + due
        + "\",\"regionCode\":\"999999\",\"basis\":\"" + "长".repeat(201) + "\"}");
    assertThat(several.statusCode()).isEqualTo(400);
    assertThat(read(several).get("errors")).extracting(e -> e.get("pointer").asText())
        .containsExactly("#/asOf", "#/basis", "#/regionCode");
    var badCode = open(GUANGXI_FINANCE, body(asOf, due, null, List.of("x".repeat(500))));
    assertThat(read(badCode).get("errors")).extracting(e -> e.get("pointer").asText())
        .containsExactly("#/projectCodes");
    // a project of another province is outside Guangxi's scope
    var xinjiang = projects.warehoused(QIEMO_ECO, "652825", "且末县监测时点接口项目");
    var outside = open(GUANGXI_FINANCE, body(asOf, due, null, List.of(xinjiang)));
    assertThat(outside.statusCode()).isEqualTo(400);
    assertThat(read(outside).get("detail").asText()).contains("不在监测范围内");
    // a project without money has nothing to file
    var unfunded = projects.warehoused(XINGNING_ECO, "450102", "兴宁区未下达资金项目");
    var empty = open(GUANGXI_FINANCE, body(asOf, due, null, List.of(unfunded)));
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(read(empty).get("detail").asText()).contains("尚未下达资金");
    var notANumber = http.get("/api/monitoring-points/abc", GUANGXI_FINANCE, PASSWORD);
    assertThat(notANumber.statusCode()).isEqualTo(400);
    assertThat(points()).as("nothing was opened").isEqualTo(before);
  }
}
