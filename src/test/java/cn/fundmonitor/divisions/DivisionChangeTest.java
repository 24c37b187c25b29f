package cn.fundmonitor.divisions;

import static cn.fundmonitor.lifecycle.ProjectLifecycleProcess.*;
import static cn.fundmonitor.support.TestUsers.*;
import static cn.fundmonitor.warehousing.ApplicationRequest.indicator;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.allocation.AllocationService;
import cn.fundmonitor.allocation.RawReceipt;
import cn.fundmonitor.lifecycle.LifecycleStarter;
import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.organisation.Role;
import cn.fundmonitor.project.ProjectCatalogue;
import cn.fundmonitor.support.Applications;
import cn.fundmonitor.support.Counties;
import cn.fundmonitor.support.Funding;
import cn.fundmonitor.support.Http;
import cn.fundmonitor.support.Projects;
import cn.fundmonitor.support.TestConfiguration;
import cn.fundmonitor.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Renaming and merging counties (MNR 第十七条): projects, open filings, open tasks, the running
 * processes' variables and the staff move to the new code; history stays and stays readable; the
 * change is recorded. On an in-memory database of its own, with counties made for each test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:fundmonitor-division-test;DB_CLOSE_DELAY=-1",
    "camunda.bpm.process-engine-name=divisionTest"})
@ActiveProfiles("test")
@Import(TestConfiguration.class)
class DivisionChangeTest {

  static final String NANNING = "450100";

  @LocalServerPort int port;
  @Autowired Counties counties;
  @Autowired Projects projects;
  @Autowired Funding funding;
  @Autowired LifecycleStarter lifecycle;
  @Autowired AllocationService allocations;
  @Autowired ProjectCatalogue catalogue;
  @Autowired OrganisationService organisation;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired TestUsers users;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;
  final ObjectMapper json = new ObjectMapper();
  Http http;

  @BeforeEach
  void http() {
    http = new Http(port);
  }

  String yesterday() {
    return LocalDate.now(clock).minusDays(1).toString();
  }

  JsonNode post(Object body, String user, int status) throws Exception {
    var response = http.post("/api/division-changes", json.writeValueAsString(body), user, PASSWORD);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return json.readTree(response.body());
  }

  JsonNode get(String path, String user, int status) throws Exception {
    var response = http.get(path, user, PASSWORD);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return json.readTree(response.body());
  }

  Map<String, Object> change(String kind, String from, String to, String toName, String effectiveOn,
      String document) {
    var body = new LinkedHashMap<String, Object>();
    body.put("kind", kind);
    body.put("fromCode", from);
    body.put("toCode", to);
    body.put("toName", toName);
    body.put("effectiveOn", effectiveOn);
    body.put("approvalDocument", document);
    return body;
  }

  Task lifecycleTask(String code, String key) {
    return tasks.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey(key).singleResult();
  }

  List<String> candidateGroups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> l.getGroupId() != null).map(IdentityLink::getGroupId).sorted().toList();
  }

  boolean member(String user, String group) {
    return identity.createUserQuery().userId(user).memberOfGroup(group).count() == 1;
  }

  static List<String> texts(JsonNode array, String field) {
    var result = new ArrayList<String>();
    array.forEach(n -> result.add(n.get(field).asText()));
    return result;
  }

  @Test
  void aMergedCountysTasksAndHistoryFollowTheNewCode() throws Exception {
    counties.create("450181", "甲县", NANNING);
    counties.create("450182", "乙县", NANNING);
    var jiaEco = Counties.user("450181", Role.ECO);
    var jiaFinance = Counties.user("450181", Role.FINANCE);
    var yiFinance = Counties.user("450182", Role.FINANCE);
    var code = projects.warehoused(jiaEco, "450181", "甲县矿山生态修复");
    var document = funding.fund(code, "450181", "1000000", LocalDate.of(2026, 3, 2));
    lifecycle.startIfAbsent(List.of(code));
    var start = lifecycleTask(code, TASK_REPORT_START);
    users.run(jiaFinance, () -> tasks.complete(start.getId(),
        STARTED_ON.with(LocalDate.parse("2026-03-10"))));
    var open = lifecycleTask(code, TASK_REPORT_COMPLETION);
    assertThat(candidateGroups(open)).containsExactly("450181-eco", "450181-finance");
    var historyBefore = get("/api/projects/" + code, jiaEco, 200).get("history").size();
    get("/api/projects/" + code, yiFinance, 404);

    var recorded = post(change("MERGE", "450181", "450182", null, yesterday(), "桂政函〔2026〕88号"),
        GUANGXI_FINANCE, 201);

    assertThat(recorded.get("changeNo").asText()).startsWith("QH");
    assertThat(recorded.get("kindName").asText()).isEqualTo("合并");
    assertThat(recorded.get("newName").asText()).isEqualTo("乙县");
    assertThat(recorded.get("movedProjects").asInt()).isOne();
    assertThat(recorded.get("movedAllocations").asInt()).isOne();
    assertThat(recorded.get("movedTasks").asInt()).isOne();
    assertThat(recorded.get("movedVariables").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(recorded.get("movedMembers").asInt()).isEqualTo(Role.values().length);

    // the open task is now the new county's, and so is the next one the process creates
    assertThat(lifecycleTask(code, TASK_REPORT_COMPLETION).getId()).isEqualTo(open.getId());
    assertThat(candidateGroups(open)).containsExactly("450182-eco", "450182-finance");
    assertThat(tasks.createTaskQuery().taskCandidateGroupIn(users.groups(yiFinance))
        .taskId(open.getId()).count()).isOne();
    users.run(yiFinance, () -> tasks.complete(open.getId(),
        COMPLETED_ON.with(LocalDate.parse("2026-09-01"))));
    assertThat(candidateGroups(lifecycleTask(code, TASK_APPLY_ACCEPTANCE)))
        .containsExactly("450182-eco", "450182-finance");

    // the old county's staff work for the new one; its groups remain, empty, saying where they went
    assertThat(member(jiaFinance, "450182-finance")).isTrue();
    assertThat(member(jiaFinance, "450181-finance")).isFalse();
    assertThat(identity.createGroupQuery().groupId("450181-finance").singleResult().getName())
        .isEqualTo("甲县 财务与资金运用（已合并入乙县 450182）");

    // history: the task done under the old code stays as it was, the move is in the link log,
    // the variable's old value is kept, and the new county reads the project's whole story
    var done = history.createHistoricTaskInstanceQuery().taskId(start.getId()).singleResult();
    assertThat(done.getEndTime()).isNotNull();
    assertThat(history.createHistoricIdentityLinkLogQuery().taskId(open.getId()).groupId("450181-finance")
        .list().stream().map(HistoricIdentityLinkLog::getOperationType))
        .containsExactlyInAnyOrder("add", "delete");
    assertThat(history.createHistoricIdentityLinkLogQuery().taskId(open.getId()).groupId("450182-finance")
        .operationType("add").count()).isOne();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(open.getProcessInstanceId())
        .variableName("lifecycleGroups").singleResult().getValue()).isEqualTo("450182-finance,450182-eco");
    var items = get("/api/division-changes/" + recorded.get("changeNo").asText(), MINISTRY_FINANCE, 200)
        .get("items");
    var moved = new ArrayList<String>();
    items.forEach(i -> moved.add(i.get("typeName").asText() + "|" + i.get("reference").asText() + "|"
        + i.get("oldValue").asText() + "|" + i.get("newValue").asText()));
    assertThat(moved).contains(
        "项目（所在地/申报单位）|" + code + "|450181/450181|450182/450182",
        "未办结的资金细化报备|" + document + "|450181|450182",
        "待办任务|" + open.getId() + " " + open.getName() + "|450181-eco|450182-eco",
        "流程变量|" + open.getProcessInstanceId() + " lifecycleGroups|450181-finance,450181-eco|450182-finance,450182-eco",
        "工作人员|" + jiaFinance + "|450181-finance|450182-finance");
    get("/api/division-changes/" + recorded.get("changeNo").asText(), QIEMO_ECO, 404);
    var detail = get("/api/projects/" + code, yiFinance, 200);
    assertThat(detail.get("project").get("regionCode").asText()).isEqualTo("450182");
    assertThat(detail.get("history").size()).isEqualTo(historyBefore);

    // the open filing continues under the new code
    assertThat(allocations.parts(document)).singleElement()
        .satisfies(p -> assertThat(p.recipientCode()).isEqualTo("450182"));
    assertThat(jdbc.sql("select count(*) from fm_allocation_line where document_no = ? and recipient_code = '450181'")
        .param(document).query(Integer.class).single()).isZero();

    // the old code is kept, abolished, and refused for new work with the code to use
    assertThat(texts(get("/api/divisions", yiFinance, 200), "code")).doesNotContain("450181").contains("450182");
    var all = get("/api/divisions?includeAbolished=true", yiFinance, 200);
    var jia = java.util.stream.StreamSupport.stream(all.spliterator(), false)
        .filter(d -> d.get("code").asText().equals("450181")).findFirst().orElseThrow();
    assertThat(jia.get("successorCode").asText()).isEqualTo("450182");
    assertThat(jia.get("abolishedOn").asText()).isEqualTo(yesterday());
    assertThat(organisation.isWithin("450181", "450182")).isTrue();
    assertThat(organisation.subtree("450182")).contains("450181");
    var refused = http.post("/api/projects/applications", json.writeValueAsString(
        Applications.withRegion(Applications.xingningRestoration("甲县新项目"), "450181")),
        Counties.user("450182", Role.ECO), PASSWORD);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(json.readTree(refused.body()).get("detail").asText())
        .contains("甲县（450181）已于 " + yesterday() + " 撤销", "请使用新的行政区划代码 450182");

    // the change is on record for the ministry and the units concerned, not for others
    assertThat(texts(get("/api/division-changes", MINISTRY_FINANCE, 200), "changeNo"))
        .contains(recorded.get("changeNo").asText());
    assertThat(texts(get("/api/division-changes", yiFinance, 200), "changeNo"))
        .contains(recorded.get("changeNo").asText());
    assertThat(texts(get("/api/division-changes", QIEMO_ECO, 200), "changeNo"))
        .doesNotContain(recorded.get("changeNo").asText());
  }

  @Test
  void aRenamedCountyGetsItsNewCodeGroupsAndStaff() throws Exception {
    counties.create("450183", "丙县", NANNING);
    var bingEco = Counties.user("450183", Role.ECO);
    var code = projects.warehoused(bingEco, "450183", "丙县湿地修复");

    var existing = post(change("RENAME", "450183", "450102", "丙市", yesterday(), "国函〔2026〕7号"),
        GUANGXI_FINANCE, 400);
    assertThat(existing.get("detail").asText()).contains("代码 450102 已是兴宁区的代码", "合并（MERGE）");

    var recorded = post(change("更名", "450183", "450184", "丙市", yesterday(), "国函〔2026〕7号"),
        MINISTRY_FINANCE, 201);

    assertThat(recorded.get("kind").asText()).isEqualTo("RENAME");
    assertThat(recorded.get("oldName").asText()).isEqualTo("丙县");
    assertThat(recorded.get("newName").asText()).isEqualTo("丙市");
    assertThat(recorded.get("movedProjects").asInt()).isOne();
    var bingShi = organisation.get("450184");
    assertThat(bingShi.name()).isEqualTo("丙市");
    assertThat(bingShi.parentCode()).isEqualTo(NANNING);
    assertThat(identity.createGroupQuery().groupId("450184-eco").count()).isOne();
    assertThat(member(bingEco, "450184-eco")).isTrue();
    assertThat(member(bingEco, "450183-eco")).isFalse();
    assertThat(catalogue.get(code).regionCode()).isEqualTo("450184");
    assertThat(catalogue.get(code).applicantUnitCode()).isEqualTo("450184");
    assertThat(get("/api/projects/" + code, bingEco, 200).get("project").get("regionCode").asText()).isEqualTo("450184");

    var again = post(change("MERGE", "450183", "450102", null, yesterday(), "国函〔2026〕8号"),
        GUANGXI_FINANCE, 400);
    assertThat(again.get("detail").asText()).contains("丙县（450183）已于", "不能再次调整");
  }

  @Test
  void aChangeIsRefusedWithEveryProblemNamedAndNothingMoves() throws Exception {
    counties.create("450185", "丁县", NANNING);
    counties.create("450186", "戊县", NANNING);

    post(change("MERGE", "450185", "450186", null, yesterday(), "文"), Counties.user("450185", Role.FINANCE), 403);
    post(change("MERGE", "450185", "450186", null, yesterday(), "文"), XINJIANG_FINANCE, 403);

    var bad = post(change("拆分", NANNING, null, null, "2099-01-01", " "), GUANGXI_FINANCE, 400);
    var problems = new ArrayList<String>();
    bad.get("problems").forEach(p -> problems.add(p.asText()));
    assertThat(problems).containsExactly(
        "调整类型“拆分”不存在，应为更名（RENAME）或合并（MERGE）",
        "南宁市是市级，本功能办理县级区划的更名与合并；市级、省级调整请联系部级系统管理员",
        "生效日期 2099-01-01 晚于今天：调整生效后再办理，届时项目和待办一并转入新代码",
        "请填写批准文件（文号）");
    assertThat(post(change("MERGE", "450185", "450185", null, yesterday(), "文"), GUANGXI_FINANCE, 400)
        .get("detail").asText()).contains("不能将丁县并入自身");
    assertThat(post(change("MERGE", "450185", "652825", null, yesterday(), "文"), MINISTRY_FINANCE, 400)
        .get("detail").asText()).contains("且末县与丁县不在同一省份");
    assertThat(post(change("MERGE", "450185", "450100", null, yesterday(), "文"), GUANGXI_FINANCE, 400)
        .get("detail").asText()).contains("南宁市不是县级区划");

    // one document issued to both counties, neither filing done: they cannot become one
    var ding = projects.warehoused(Counties.user("450185", Role.ECO), "450185", "丁县项目");
    var wu = projects.warehoused(Counties.user("450186", Role.ECO), "450186", "戊县项目");
    projects.withAnnualTargets(ding, 2026);
    projects.withAnnualTargets(wu, 2026);
    var document = "桂财资环〔2026〕" + System.nanoTime() + "号";
    allocations.register(new RawReceipt(document, "CENTRAL", "ECO_RESTORATION", 2026, "200", "0",
            LocalDate.parse("2026-03-02"), List.of(indicator("OUTPUT", "QUANTITY", "修复治理面积", "GE", "1", "公顷"))),
        GUANGXI_FINANCE, users.groups(GUANGXI_FINANCE), null);
    allocations.issue(document, "下达" + document, LocalDate.parse("2026-03-02"), List.of(
        Map.of("recipientCode", "450185", "projectCode", ding, "centralShare", "100"),
        Map.of("recipientCode", "450186", "projectCode", wu, "centralShare", "100")), List.of(
        Map.of("recipientCode", "450185", "indicatorName", "修复治理面积", "target", "1"),
        Map.of("recipientCode", "450186", "indicatorName", "修复治理面积", "target", "1")),
        GUANGXI_FINANCE);
    var conflict = post(change("MERGE", "450185", "450186", null, yesterday(), "桂政函〔2026〕9号"),
        GUANGXI_FINANCE, 409);
    assertThat(conflict.get("detail").asText()).contains(document, "同时下达给丁县和戊县", "请先办结");

    assertThat(organisation.get("450185").active()).isTrue();
    assertThat(catalogue.get(ding).regionCode()).isEqualTo("450185");
    assertThat(member(Counties.user("450185", Role.ECO), "450185-eco")).isTrue();
    assertThat(texts(get("/api/division-changes", MINISTRY_FINANCE, 200), "oldCode")).doesNotContain("450185");
  }

  /**
   * MNR 第十七条: each feature moves its own open records in its handler of the change and reports
   * them, in the handlers' order; what is finished (closed, applied, confirmed, completed) stays.
   */
  @Test
  void mnrArticle17_aMergedCountysOpenRecordsMoveAndFinishedOnesStay() throws Exception {
    counties.create("450187", "己县", NANNING);
    counties.create("450188", "庚县", NANNING);
    var n = String.valueOf(System.nanoTime() % 1_000_000_000L);
    var now = java.time.OffsetDateTime.now(clock);
    for (var status : List.of("RAISED", "CLOSED")) {
      jdbc.sql("insert into fm_problem (problem_no, unit_code, kind, description, source, "
              + "handling_unit, status, raised_by, raised_at) values (?, '450187', 'OTHER', '测试', "
              + "'USER', '450187', ?, 'test', ?)")
          .params("WT" + status.charAt(0) + n, status, now).update();
    }
    for (var status : List.of("QUEUED", "APPLIED")) {
      jdbc.sql("insert into fm_correction_request (request_no, record_type, record_key, field, "
              + "new_value, reason, unit_code, province_code, business_role, after_transmission, "
              + "status, requested_by, requested_at) values (?, 'QUARTERLY_FILING', 'x', 'name', 'y', '测试', "
              + "'450187', '450000', 'ECO', false, ?, 'test', ?)")
          .params("GZ" + status.charAt(0) + n, status, now).update();
    }
    jdbc.sql("insert into fm_inspection (inspection_no, scope_unit, inspection_year, sample_units, "
            + "status, started_by, started_at) values (?, '450000', 2026, '450187', 'OPEN', 'test', ?)")
        .params("JC" + n, now).update();
    for (var status : List.of("OPEN", "CONFIRMED")) {
      jdbc.sql("insert into fm_inspection_finding (inspection_no, kind, unit_code, reference, "
              + "description, status) values (?, 'QUARTER_NOT_FILED', '450187', ?, '测试', ?)")
          .params("JC" + n, status + n, status).update();
    }
    for (var completed : java.util.Arrays.asList(null, now)) {
      jdbc.sql("insert into fm_overdue_step (process_instance_id, activity_id, step_name, unit_code, "
              + "responsible_group, escalated_to_group, due_on, overdue_since, completed_at) values "
              + "(?, 'Task_X', '测试', '450187', '450187-eco', '450187-finance', ?, ?, ?)")
          .params("pi" + n, LocalDate.now(clock), now, completed).update();
    }

    var recorded = post(change("MERGE", "450187", "450188", null, yesterday(), "桂政函〔2026〕17号"),
        GUANGXI_FINANCE, 201);

    assertThat(recorded.get("movedProjects").asInt()).isZero();
    assertThat(recorded.get("movedAllocations").asInt()).isZero();
    assertThat(recorded.get("movedRecords").asInt()).isEqualTo(4);
    var types = new ArrayList<String>();
    get("/api/division-changes/" + recorded.get("changeNo").asText(), MINISTRY_FINANCE, 200)
        .get("items").forEach(i -> {
          if (!List.of("MEMBER", "TASK", "VARIABLE").contains(i.get("type").asText())) {
            types.add(i.get("type").asText() + "|" + i.get("oldValue").asText() + "|"
                + i.get("newValue").asText());
          }
        });
    assertThat(types).containsExactly("PROBLEM|450187|450188", "PROBLEM_HANDLING|450187|450188",
        "CORRECTION|450187|450188", "FINDING|450187|450188", "OVERDUE|450187|450188",
        // per role, in Role order: finance escalates here, eco is responsible
        "OVERDUE_ESCALATION|450187-finance|450188-finance", "OVERDUE_GROUP|450187-eco|450188-eco");
    assertThat(jdbc.sql("select status || ':' || unit_code || ':' || handling_unit from fm_problem "
            + "where problem_no like ? order by status").param("WT_" + n).query(String.class).list())
        .containsExactly("CLOSED:450187:450187", "RAISED:450188:450188");
    assertThat(jdbc.sql("select status || ':' || unit_code from fm_correction_request "
            + "where request_no like ? order by status").param("GZ_" + n).query(String.class).list())
        .containsExactly("APPLIED:450187", "QUEUED:450188");
    assertThat(jdbc.sql("select status || ':' || unit_code from fm_inspection_finding "
            + "where inspection_no = ? order by status").param("JC" + n).query(String.class).list())
        .containsExactly("CONFIRMED:450187", "OPEN:450188");
    assertThat(jdbc.sql("select unit_code || ':' || responsible_group || ':' || escalated_to_group "
            + "from fm_overdue_step where process_instance_id = ? order by completed_at nulls first")
        .param("pi" + n).query(String.class).list())
        .containsExactly("450188:450188-eco:450188-finance", "450187:450187-eco:450187-finance");
  }
}
