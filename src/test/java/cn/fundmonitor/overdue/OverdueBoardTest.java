package cn.fundmonitor.overdue;

import static cn.fundmonitor.allocation.FundAllocationProcess.*;
import static cn.fundmonitor.support.TestUsers.*;
import static cn.fundmonitor.warehousing.ApplicationRequest.indicator;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.support.Submitted;
import cn.fundmonitor.support.FundMonitorTest;
import cn.fundmonitor.support.Http;
import cn.fundmonitor.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * 逾期事项 (issue 17): a manager sees every late step of its unit and below, with region, step,
 * unit, due date, days late and the follow-up (催办), through {@code /api/overdue-steps} and the
 * Cockpit plugin's resource; another unit, a user without a unit and hostile parameters get 4xx in
 * Chinese. The late step: Guangxi's issue of a fund past MNR 第九条's 30 days.
 */
@FundMonitorTest
// a fresh application: Camunda's webapps keep their runtime in static fields, and an application
// another test started and closed in this JVM leaves the cached one's Cockpit without it
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_CLASS)
class OverdueBoardTest {

  /** One document number per test (a random one collided within the shared context). */
  static final AtomicInteger DOCUMENTS = new AtomicInteger();

  static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);
  static final String API = "/api/overdue-steps";
  static final String PLUGIN = "/camunda/api/cockpit/plugin/fund-monitor-overdue/default/overdue-steps";

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired TestUsers users;
  final ObjectMapper json = new ObjectMapper();
  Http http;
  String instanceId;
  String issueTaskId;
  String followUpTaskId;

  static Date beijing(int y, int m, int d, int h) {
    return Date.from(OffsetDateTime.of(y, m, d, h, 0, 0, 0, BEIJING).toInstant());
  }

  @BeforeEach
  void guangxiIssuesLate() {
    http = new Http(port);
    ClockUtil.setCurrentTime(beijing(2025, 9, 10, 9));
    var vars = Submitted.form()
        .set(DOCUMENT_NO, "财资环〔2025〕" + (8800 + DOCUMENTS.incrementAndGet()) + "号")
        .set(FUND_CLASS, "CENTRAL")
        .set(DIRECTION, "ECO_RESTORATION")
        .set(BUDGET_YEAR, 2025)
        .text(CENTRAL_AMOUNT, "1000000.00")
        .text(PROVINCIAL_AMOUNT, "200000.00")
        .text(RECEIVED_ON, "2025-09-05")
        .json(APPROVED_TARGETS, List.of(
            indicator("OUTPUT", "QUANTITY", "修复治理面积", "GE", "100", "公顷"))).build();
    instanceId = users.as(GUANGXI_FINANCE, () -> runtime.startProcessInstanceByKey(KEY, vars))
        .getId();
    issueTaskId = tasks.createTaskQuery().processInstanceId(instanceId)
        .taskDefinitionKey(TASK_ISSUE).singleResult().getId();
    // MNR 第九条: 30 days from 09-05 is 10-05, in the National Day holiday: due 10-09
    ClockUtil.setCurrentTime(beijing(2025, 10, 12, 9));
    management.executeJob(management.createJobQuery().processInstanceId(instanceId)
        .activityId(TIMER_ISSUE_OVERDUE).singleResult().getId());
    followUpTaskId = tasks.createTaskQuery().processInstanceId(instanceId)
        .taskDefinitionKey(TASK_FOLLOW_UP_ISSUE).singleResult().getId();
  }

  @AfterEach
  void cleanUp() {
    if (runtime.createProcessInstanceQuery().processInstanceId(instanceId).count() > 0) {
      runtime.deleteProcessInstance(instanceId, "test");
    }
    ClockUtil.reset();
  }

  JsonNode board(String user, String query) throws Exception {
    var response = http.get(API + query, user, PASSWORD);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  JsonNode step(JsonNode board) {
    return StreamSupport.stream(board.get("steps").spliterator(), false)
        .filter(s -> instanceId.equals(s.get("processInstanceId").asText())).findFirst()
        .orElse(null);
  }

  static Map<String, Integer> regionCounts(JsonNode board) {
    var counts = new LinkedHashMap<String, Integer>();
    board.get("regions").forEach(r -> counts.put(r.get("code").asText(), r.get("count").asInt()));
    return counts;
  }

  @Test
  void theMinistrySeesGuangxisLateIssueWithRegionDaysLateAndItsFollowUp_mnrArticle9()
      throws Exception {
    var board = board(MINISTRY_FINANCE, "");
    var step = step(board);
    assertThat(step).as("Guangxi's late issue on the ministry's board").isNotNull();
    assertThat(step.get("stepName").asText()).isEqualTo("下达资金并分解绩效目标");
    assertThat(step.get("processKey").asText()).isEqualTo(KEY);
    assertThat(step.get("processName").asText()).isEqualTo("资金下达与报备");
    assertThat(step.get("unitCode").asText()).isEqualTo("450000");
    assertThat(step.get("unitName").asText()).isEqualTo("广西壮族自治区");
    assertThat(step.get("responsibleUnit").asText()).isEqualTo("广西壮族自治区自然资源厅 财务与资金运用处");
    assertThat(step.get("provinceName").asText()).isEqualTo("广西壮族自治区");
    assertThat(step.get("cityName").isNull()).isTrue();
    assertThat(step.get("dueOn").asText()).isEqualTo("2025-10-09");
    assertThat(step.get("daysLate").asInt()).as("10-10 is day 1, 10-12 day 3").isEqualTo(3);
    assertThat(step.get("followUpSent").asBoolean()).isTrue();
    assertThat(step.get("followUpOpen").asBoolean()).isTrue();
    assertThat(step.get("followUpUnit").asText()).isEqualTo("自然资源部 财务与资金运用司");
    assertThat(step.get("followUpTaskId").asText()).as("the ministry's own follow-up")
        .isEqualTo(followUpTaskId);
    assertThat(step.get("taskId").asText()).isEqualTo(issueTaskId);
    assertThat(board.get("scope").get(0).asText()).isEqualTo("自然资源部");
    assertThat(board.get("today").asText()).isEqualTo("2025-10-12");
    var counts = regionCounts(board);
    assertThat(counts.get("000000")).isEqualTo(board.get("total").asInt());
    assertThat(counts.get("450000")).isPositive();
    assertThat(StreamSupport.stream(board.get("processes").spliterator(), false)
        .filter(p -> KEY.equals(p.get("key").asText())).findFirst().orElseThrow()
        .get("count").asInt()).isPositive();

    // the follow-up done: still late, the follow-up no longer waits
    tasks.complete(followUpTaskId);
    step = step(board(MINISTRY_FINANCE, ""));
    assertThat(step.get("followUpSent").asBoolean()).isTrue();
    assertThat(step.get("followUpOpen").asBoolean()).isFalse();
    assertThat(step.get("followUpTaskId").isNull()).isTrue();

    // the step no longer waits (its instance cancelled): off the board
    runtime.deleteProcessInstance(instanceId, "test");
    assertThat(step(board(MINISTRY_FINANCE, ""))).isNull();
  }

  @Test
  void aProvinceSeesItsOwnLateStepButNotTheFollowUpAddressedToTheMinistry_mnrArticle23()
      throws Exception {
    var step = step(board(GUANGXI_FINANCE, ""));
    assertThat(step).isNotNull();
    assertThat(step.get("followUpSent").asBoolean()).isTrue();
    assertThat(step.get("followUpTaskId").isNull()).as("the ministry's task, not Guangxi's")
        .isTrue();
    assertThat(step(board(GUANGXI_ECO, ""))).as("another department of the same unit").isNotNull();
    assertThat(step(board(MINISTRY_FINANCE, "?divisionCode=450000"))).isNotNull();
    assertThat(step(board(MINISTRY_FINANCE, "?processKey=" + KEY))).isNotNull();
    assertThat(step(board(MINISTRY_FINANCE, "?processKey=projectLifecycle"))).isNull();
  }

  @Test
  void subordinatesAndOtherProvincesDoNotSeeIt_mnrArticle23() throws Exception {
    assertThat(step(board(XINGNING_FINANCE, ""))).as("a county below Guangxi").isNull();
    assertThat(step(board(NANNING_FINANCE, ""))).as("a city below Guangxi").isNull();
    assertThat(step(board(XINJIANG_FINANCE, ""))).as("another province").isNull();
    assertThat(step(board(MINISTRY_FINANCE, "?divisionCode=450100")))
        .as("the ministry narrowed to Nanning").isNull();
    var county = board(XINGNING_FINANCE, "");
    assertThat(county.get("regions").get(0).get("code").asText()).isEqualTo("450102");
    county.get("steps").forEach(s -> assertThat(s.get("unitCode").asText()).isEqualTo("450102"));
  }

  @Test
  void anotherUnitsDivisionOrAUserWithoutAUnitIsRefused() {
    var outside = http.get(API + "?divisionCode=650000", GUANGXI_FINANCE, PASSWORD);
    assertThat(outside.statusCode()).isEqualTo(403);
    assertThat(outside.body()).contains("无权访问");
    var up = http.get(API + "?divisionCode=000000", GUANGXI_FINANCE, PASSWORD);
    assertThat(up.statusCode()).as("a province cannot widen to the nation").isEqualTo(403);
    var owner = http.get(API, POLICY_OWNER, PASSWORD);
    assertThat(owner.statusCode()).as("policy owners hold no unit").isEqualTo(403);
    assertThat(http.get(API, WRONG_PASSWORD_USER, "wrong").statusCode()).isEqualTo(401);
  }

  @Test
  void hostileParametersAnswer400InChinese() {
    for (var query : List.of("?divisionCode=" + enc("' or 1=1--"), "?divisionCode=999999",
        "?divisionCode=" + "4".repeat(5000), "?processKey=" + enc("<script>alert(1)</script>"),
        "?processKey=" + "a".repeat(65), "?divisionCode=" + enc("../../etc/passwd"))) {
      var response = http.get(API + query, MINISTRY_FINANCE, PASSWORD);
      assertThat(response.statusCode()).as(query).isEqualTo(400);
      assertThat(response.body()).contains("查询条件有误").doesNotContain("Exception", "<script>",
          "4444444444");
    }
  }

  // --- the Cockpit plugin -------------------------------------------------------------------------

  @Test
  void theCockpitPluginServesItsScriptAndTheSameBoardToTheLoggedInManager() throws Exception {
    var anonymous = new Webapp("http://localhost:" + port);
    var script = anonymous.get(
        "/camunda/api/cockpit/plugin/fund-monitor-overdue/static/app/plugin.js");
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.body()).contains("逾期事项", "cockpit.route", "cockpit.dashboard");
    assertThat(anonymous.get(PLUGIN).statusCode()).as("not logged in").isEqualTo(401);

    var ministry = new Webapp("http://localhost:" + port);
    assertThat(ministry.login(MINISTRY_FINANCE, "cockpit").statusCode()).isEqualTo(200);
    var response = ministry.get(PLUGIN);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    var board = json.readTree(response.body());
    assertThat(step(board)).isNotNull();
    assertThat(step(board).get("daysLate").asInt()).isEqualTo(3);
    assertThat(board.toString()).isEqualTo(board(MINISTRY_FINANCE, "").toString());
  }

  @Test
  void theCockpitPluginKeepsToTheSameRulesForOtherUnitsAndHostileParameters() throws Exception {
    var county = new Webapp("http://localhost:" + port);
    assertThat(county.login(XINGNING_FINANCE, "tasklist").statusCode()).isEqualTo(200);
    var own = county.get(PLUGIN);
    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(step(json.readTree(own.body()))).as("a county below Guangxi").isNull();
    var outside = county.get(PLUGIN + "?divisionCode=450000");
    assertThat(outside.statusCode()).isEqualTo(403);
    // a problem JSON (the webapp's JAX-RS answers it as application/json to Accept: application/json)
    var problem = json.readTree(outside.body());
    assertThat(problem.get("status").asInt()).isEqualTo(403);
    assertThat(problem.get("title").asText()).isEqualTo("无权访问");

    var owner = new Webapp("http://localhost:" + port);
    assertThat(owner.login(POLICY_OWNER, "cockpit").statusCode()).isEqualTo(200);
    assertThat(owner.get(PLUGIN).statusCode()).as("no unit, no overdue steps").isEqualTo(403);

    var ministry = new Webapp("http://localhost:" + port);
    ministry.login(MINISTRY_FINANCE, "cockpit");
    for (var query : List.of("?divisionCode=" + enc("' or 1=1--"), "?divisionCode=999999",
        "?processKey=" + enc("<img src=x onerror=alert(1)>"))) {
      var response = ministry.get(PLUGIN + query);
      assertThat(response.statusCode()).as(query).isEqualTo(400);
      assertThat(response.body()).contains("查询条件有误").doesNotContain("Exception", "<img");
    }
    var otherEngine = ministry.get(PLUGIN.replace("/default/", "/other/"));
    assertThat(otherEngine.statusCode()).isBetween(400, 404);
    assertThat(otherEngine.body()).doesNotContain("Exception");
  }

  static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** A browser of the Camunda webapps: cookies kept, the CSRF token sent back as its header. */
  static final class Webapp {
    final String base;
    final HttpClient client = HttpClient.newHttpClient();
    final Map<String, String> cookies = new LinkedHashMap<>();
    String csrf;

    Webapp(String base) {
      this.base = base;
    }

    HttpResponse<String> login(String user, String app) throws Exception {
      send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/" + app + "/default/")).GET());
      return send(HttpRequest.newBuilder(
              URI.create(base + "/camunda/api/admin/auth/user/default/login/" + app))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(user) + "&password="
              + enc(PASSWORD))));
    }

    HttpResponse<String> get(String path) throws Exception {
      return send(HttpRequest.newBuilder(URI.create(base + path)).GET()
          .header("Accept", "application/json"));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
      if (!cookies.isEmpty()) {
        request.header("Cookie", cookies.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
      }
      if (csrf != null) {
        request.header("X-XSRF-TOKEN", csrf);
      }
      var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      for (var set : response.headers().allValues("Set-Cookie")) {
        var pair = set.split(";", 2)[0].split("=", 2);
        cookies.put(pair[0].trim(), pair.length > 1 ? pair[1].trim() : "");
      }
      response.headers().firstValue("X-XSRF-TOKEN").ifPresent(t -> csrf = t);
      if (cookies.containsKey("XSRF-TOKEN")) {
        csrf = cookies.get("XSRF-TOKEN");
      }
      return response;
    }
  }
}
