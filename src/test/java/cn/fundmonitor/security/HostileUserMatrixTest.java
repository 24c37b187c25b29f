package cn.fundmonitor.security;

import cn.fundmonitor.filing.RawFiling;
import static cn.fundmonitor.support.TestUsers.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.platform.ModelDeployment;
import cn.fundmonitor.problems.ProblemEscalationProcess;
import cn.fundmonitor.support.FundMonitorTest;
import cn.fundmonitor.support.Funding;
import cn.fundmonitor.support.Projects;
import cn.fundmonitor.support.TestUsers;
import cn.fundmonitor.warehousing.ApplicationStarter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The hostile-user matrix of issue 13 (MNR 第二十三条: data only within one's duties): users of all
 * four levels — county, city, province, ministry — and both business roles, plus the policy owner,
 * try every engine REST action staff could misuse and every /api action against Xingning
 * district's (兴宁区) project, filing, task and instances, or against the system itself.
 *
 * <p>Each row is one attempt: actor, action, target, expected. A refused attempt must answer 403
 * or 404 (or the status its row names) with a Chinese problem JSON naming no class or SQL, and must
 * change nothing in the engine or the project's tables (see {@link EngineState}); a hidden one
 * answers 200 without the target in it; an allowed one answers its status. No attempt answers 5xx.
 * Add an attempt by adding a line to {@link #foreignActions}, {@link #neverActions} or
 * {@link #allowedActions}.
 */
@FundMonitorTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileUserMatrixTest {

  /** Users whose units do not cover Xingning: other counties, cities, provinces, the policy owner. */
  static final List<String> FOREIGN = List.of(YANGSHUO_FINANCE, YANGSHUO_ECO, QIEMO_ECO,
      GUILIN_FINANCE, ZIYANG_ECO, XINJIANG_ECO, SICHUAN_FINANCE, POLICY_OWNER, YANGSHUO_FISCAL);
  /** Users above Xingning: they may read its data, never work its tasks or start in its name. */
  static final List<String> ABOVE = List.of(NANNING_FINANCE, GUANGXI_FINANCE, GUANGXI_ECO,
      MINISTRY_FINANCE, MINISTRY_ECO, NANNING_FISCAL, GUANGXI_FISCAL);
  /** Xingning's own departments. */
  static final List<String> OWN = List.of(XINGNING_FINANCE, XINGNING_ECO, XINGNING_FISCAL);
  /**
   * Xingning's fiscal department (兴宁区财政局, GX 第五条第四项): it sees its region's money and
   * evaluations, but does not do the natural-resources bureau's work — it neither applies nor
   * files, nor works the bureau's tasks.
   */
  static final Set<String> OWN_FISCAL_REFUSED = Set.of("start projectWarehousing in its region",
      "/api apply in its region", "claim task", "complete task", "submit task form",
      "set task variable", "modify task variables", "add own group as candidate", "set assignee",
      "complete task (withdraw)");
  /** Every user who is not an administrator: no one of them may administer the engine. */
  static final List<String> EVERYONE = Stream.of(FOREIGN, ABOVE, OWN).flatMap(List::stream)
      .toList();
  static final List<String> COUNTIES_AND_CITIES = List.of(YANGSHUO_FINANCE, QIEMO_ECO,
      GUILIN_FINANCE, ZIYANG_ECO, NANNING_FINANCE, XINGNING_ECO);

  @LocalServerPort int port;
  @Autowired Projects projects;
  @Autowired Funding funding;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired RepositoryService repository;
  @Autowired ApplicationStarter starter;
  @Autowired TestUsers users;
  @Autowired JdbcClient jdbc;
  @Autowired cn.fundmonitor.filing.FilingService filings;

  final AtomicInteger attempts = new AtomicInteger();
  final AtomicInteger refused = new AtomicInteger();
  final AtomicInteger hidden = new AtomicInteger();
  final AtomicInteger allowed = new AtomicInteger();
  final AtomicInteger serverErrors = new AtomicInteger();

  Targets t;
  String exportJob;
  /** A correction Xingning asked for (its audit trail is Xingning's and the units above it). */
  String correctionNo;
  String deployment;

  /** What the row expects. */
  enum Outcome {
    /** 4xx (the row's statuses), Chinese problem JSON, nothing changed. */
    REFUSED,
    /** 200, and the target does not appear in the answer (a list filtered by jurisdiction). */
    HIDDEN,
    /** The row's status. */
    ALLOWED
  }

  record Expect(Outcome outcome, Set<Integer> statuses, String absent) {
    static Expect refused() {
      return new Expect(Outcome.REFUSED, Set.of(403, 404), null);
    }

    static Expect refusedWith(Integer... statuses) {
      return new Expect(Outcome.REFUSED, Set.of(statuses), null);
    }

    static Expect hidden(String absent) {
      return new Expect(Outcome.HIDDEN, Set.of(200), absent);
    }

    static Expect allowed(Integer... statuses) {
      return new Expect(Outcome.ALLOWED, Set.of(statuses), null);
    }

    @Override
    public String toString() {
      return outcome == Outcome.HIDDEN ? "200 without it"
          : outcome.name().toLowerCase() + " " + statuses;
    }
  }

  /** One kind of attempt: what is tried on what, the request an actor sends, what must happen. */
  record Action(String action, String target, Function<String, Wire.Call> call, Expect expect) {}

  record Row(String actor, Action action) {
    String name() {
      return actor + " · " + action.action() + " · " + action.target() + " → " + action.expect();
    }
  }

  static Wire.Call post(String path, String json, String actor) {
    return Wire.Call.json("POST", path, json, actor, PASSWORD);
  }

  static Wire.Call put(String path, String json, String actor) {
    return Wire.Call.json("PUT", path, json, actor, PASSWORD);
  }

  static Wire.Call get(String path, String actor) {
    return Wire.Call.of("GET", path, actor, PASSWORD);
  }

  static Wire.Call delete(String path, String actor) {
    return Wire.Call.of("DELETE", path, actor, PASSWORD);
  }

  static String variables(String... nameValue) {
    var out = new StringBuilder("{");
    for (int i = 0; i < nameValue.length; i += 2) {
      out.append(i == 0 ? "" : ",").append('"').append(nameValue[i]).append("\":{\"value\":\"")
          .append(nameValue[i + 1]).append("\",\"type\":\"String\"}");
    }
    return out.append('}').toString();
  }

  String problemVariables(String project) {
    return variables("projectCode", project, "problemKind", "MISAPPROPRIATION", "problemAmount",
        "5000000", "problemDescription", "伪造的挪用套取问题");
  }

  String filingVariables() {
    return variables("paidToDate", "999999", "paidCentral", "999999", "physicalProgress", "100");
  }

  /** Against Xingning's project, filing and tasks: refused to anyone whose units do not cover it. */
  List<Action> foreignActions() {
    var p = t.xingningProject;
    var er = "/engine-rest";
    return List.of(
        new Action("start problemEscalation by key", "兴宁区项目", a -> post(er
            + "/process-definition/key/problemEscalation/start", "{\"variables\":"
            + problemVariables(p) + "}", a), Expect.refused()),
        new Action("submit problemEscalation start form", "兴宁区项目", a -> post(er
            + "/process-definition/key/problemEscalation/submit-form", "{\"variables\":"
            + problemVariables(p) + "}", a), Expect.refused()),
        new Action("correlate ProblemRaised", "兴宁区项目", a -> post(er + "/message",
            "{\"messageName\":\"" + ProblemEscalationProcess.MESSAGE_PROBLEM_RAISED
                + "\",\"processVariables\":" + problemVariables(p) + "}", a), Expect.refused()),
        new Action("correlate ProjectFunded", "兴宁区项目", a -> post(er + "/message",
            "{\"messageName\":\"ProjectFunded\",\"businessKey\":\"" + p + "\",\"processVariables\":"
                + variables("projectCode", p) + "}", a), Expect.refused()),
        new Action("correlate ForceMajeureReported", "兴宁区项目", a -> post(er + "/message",
            "{\"messageName\":\"ForceMajeureReported\",\"businessKey\":\"" + p
                + "\",\"processVariables\":" + variables("projectCode", p, "forceMajeureKind",
                "CANCEL") + "}", a), Expect.refused()),
        new Action("correlate ProjectResumed", "兴宁区项目", a -> post(er + "/message",
            "{\"messageName\":\"ProjectResumed\",\"businessKey\":\"" + p
                + "\",\"processVariables\":" + variables("projectCode", p) + "}", a),
            Expect.refused()),
        // without variables the guard has nothing to judge: the engine's own authorization
        // refuses (or, where no instance waits, the correlation finds nothing: 400)
        new Action("correlate ProjectResumed by business key only", "兴宁区项目", a -> post(er
            + "/message", "{\"messageName\":\"ProjectResumed\",\"businessKey\":\"" + p
            + "\"}", a), Expect.refusedWith(400, 403, 404)),
        new Action("correlate CorrectionDecided", "兴宁区季度填报", a -> post(er + "/message",
            "{\"messageName\":\"CorrectionDecided\",\"processVariables\":" + variables(
                "recordKey", t.filingKey, "ministryApproved", "true") + "}", a),
            Expect.refused()),
        new Action("start projectWarehousing in its region", "兴宁区", a -> post(er
            + "/process-definition/key/projectWarehousing/start", "{\"variables\":"
            + variables("projectName", "冒名申报", "regionCode", "450102") + "}", a),
            Expect.refused()),
        new Action("start dataCorrection of its filing", "兴宁区季度填报", a -> post(er
            + "/process-definition/key/dataCorrection/start", "{\"variables\":"
            + variables("recordKey", t.filingKey, "correctionField", "paidToDate", "newValue", "1",
                "correctionReason", "篡改") + "}", a), Expect.refusedWith(400, 403, 404)),
        new Action("claim task", "兴宁区填报任务", a -> post(er + "/task/" + t.filingTask
            + "/claim", "{\"userId\":\"" + a + "\"}", a), Expect.refused()),
        new Action("complete task", "兴宁区填报任务", a -> post(er + "/task/" + t.filingTask
            + "/complete", "{\"variables\":" + filingVariables() + "}", a), Expect.refused()),
        new Action("submit task form", "兴宁区填报任务", a -> post(er + "/task/" + t.filingTask
            + "/submit-form", "{\"variables\":" + filingVariables() + "}", a), Expect.refused()),
        new Action("set task variable", "兴宁区填报任务", a -> put(er + "/task/" + t.filingTask
            + "/variables/paidToDate", "{\"value\":\"999999\",\"type\":\"String\"}", a),
            Expect.refused()),
        new Action("modify task variables", "兴宁区填报任务", a -> post(er + "/task/" + t.filingTask
            + "/variables", "{\"modifications\":" + filingVariables() + "}", a), Expect.refused()),
        new Action("add own group as candidate", "兴宁区填报任务", a -> post(er + "/task/"
            + t.filingTask + "/identity-links", "{\"groupId\":\"" + users.groups(a).get(0)
            + "\",\"type\":\"candidate\"}", a), Expect.refused()),
        new Action("set assignee", "兴宁区填报任务", a -> post(er + "/task/" + t.filingTask
            + "/assignee", "{\"userId\":\"" + a + "\"}", a), Expect.refused()),
        new Action("comment on task", "兴宁区填报任务", a -> post(er + "/task/" + t.filingTask
            + "/comment/create", "{\"message\":\"伪造的意见\"}", a), Expect.refused()),
        new Action("claim task", "兴宁区退回的申报", a -> post(er + "/task/" + t.reviseTask
            + "/claim", "{\"userId\":\"" + a + "\"}", a), Expect.refused()),
        new Action("complete task (withdraw)", "兴宁区退回的申报", a -> post(er + "/task/"
            + t.reviseTask + "/complete", "{\"variables\":" + variables("revisionAction",
            "WITHDRAW") + "}", a), Expect.refused()),
        new Action("read task", "兴宁区填报任务", a -> get(er + "/task/" + t.filingTask, a),
            Expect.refused()),
        new Action("read task variables", "兴宁区填报任务", a -> get(er + "/task/" + t.filingTask
            + "/variables", a), Expect.refused()),
        new Action("read task form variables", "兴宁区填报任务", a -> get(er + "/task/"
            + t.filingTask + "/form-variables", a), Expect.refused()),
        new Action("read instance variables", "兴宁区填报流程", a -> get(er
            + "/process-instance/" + t.filingInstance + "/variables", a), Expect.refused()),
        new Action("read process instance", "兴宁区填报流程", a -> get(er + "/process-instance/"
            + t.filingInstance, a), Expect.refused()),
        new Action("read history of an instance", "兴宁区填报流程", a -> get(er
            + "/history/process-instance/" + t.filingInstance, a), Expect.refused()),
        new Action("list historic variables", "兴宁区填报流程", a -> get(er
            + "/history/variable-instance?processInstanceId=" + t.filingInstance, a),
            Expect.hidden(p)),
        new Action("list historic tasks", "兴宁区填报流程", a -> get(er
            + "/history/task?processInstanceId=" + t.filingInstance, a),
            Expect.hidden(t.filingTask)),
        new Action("list historic activities", "兴宁区填报流程", a -> get(er
            + "/history/activity-instance?processInstanceId=" + t.filingInstance, a),
            Expect.hidden(t.filingInstance)),
        new Action("list historic details", "兴宁区填报流程", a -> get(er
            + "/history/detail?processInstanceId=" + t.filingInstance, a),
            Expect.hidden(t.filingInstance)),
        new Action("list historic instances by business key", "兴宁区填报流程", a -> get(er
            + "/history/process-instance?processInstanceBusinessKey=" + t.filingKey, a),
            Expect.hidden(t.filingInstance)),
        new Action("read task comments", "兴宁区填报任务", a -> get(er + "/task/" + t.filingTask
            + "/comment", a), Expect.refused()),
        new Action("list tasks by business key", "兴宁区填报任务", a -> get(er
            + "/task?processInstanceBusinessKey=" + t.filingKey, a), Expect.hidden(t.filingTask)),
        new Action("list instances by business key", "兴宁区填报流程", a -> get(er
            + "/process-instance?businessKey=" + t.filingKey, a), Expect.hidden(t.filingInstance)),
        new Action("list variables by value", "兴宁区项目", a -> get(er
            + "/variable-instance?variableValues=projectCode_eq_" + p, a), Expect.hidden(p)),
        new Action("/api list projects", "兴宁区项目", a -> get("/api/projects", a),
            Expect.hidden(p)),
        new Action("/api read project", "兴宁区项目", a -> get("/api/projects/" + p, a),
            Expect.refusedWith(404)),
        new Action("/api read lifecycle", "兴宁区项目", a -> get("/api/projects/" + p
            + "/lifecycle", a), Expect.refusedWith(404)),
        new Action("/api report force majeure", "兴宁区项目", a -> post("/api/projects/" + p
            + "/force-majeure", "{\"kind\":\"CANCEL\",\"reason\":\"冒名报告不可抗力\"}", a),
            Expect.refused()),
        new Action("/api report resumption", "兴宁区项目", a -> post("/api/projects/" + p
            + "/resumption", "{}", a), Expect.refused()),
        new Action("/api apply in its region", "兴宁区", a -> post("/api/projects/applications",
            "{\"projectName\":\"冒名申报\",\"regionCode\":\"450102\",\"direction\":\"ECO_RESTORATION\","
                + "\"fundClass\":\"CENTRAL\",\"requestedAmount\":\"100000\","
                + "\"projectDescription\":\"冒名\",\"indicators\":[]}", a), Expect.refused()),
        new Action("/api statistics of its unit", "兴宁区", a -> get(
            "/api/statistics?year=2026&quarter=3&divisionCode=450102", a), Expect.refused()),
        new Action("/api overdue steps of its unit", "兴宁区", a -> get(
            "/api/overdue-steps?divisionCode=450102", a), Expect.refused()),
        new Action("/api dashboard charts of its unit", "兴宁区", a -> get(
            "/api/dashboard/charts?year=2026&quarter=3&divisionCode=450102", a), Expect.refused()),
        new Action("/api export its filings", "兴宁区", a -> post(
            "/api/exports/filings?year=2026&quarter=3&divisionCode=450102", "", a),
            Expect.refused()),
        new Action("/api poll its export", "兴宁区的导出", a -> get("/api/exports/" + exportJob, a),
            Expect.refusedWith(404)),
        new Action("/api read monitoring report draft", "兴宁区", a -> get(
            "/api/monitoring-reports/450102/2026/2026-09-30/draft", a), Expect.refused()),
        new Action("/api save monitoring report", "兴宁区", a -> put(
            "/api/monitoring-reports/450102/2026/2026-09-30", "{}", a), Expect.refused()),
        new Action("/api read monitoring report", "兴宁区", a -> get(
            "/api/monitoring-reports/450102/2026/2026-09-30", a), Expect.refused()),
        new Action("/api list evaluations", "兴宁区项目", a -> get("/api/evaluations?year=2026", a),
            Expect.hidden(p)),
        new Action("/api list flagged lifecycles", "兴宁区项目", a -> get("/api/lifecycles/flagged",
            a), Expect.hidden(p)),
        new Action("/api self-check its data", "兴宁区", a -> get(
            "/api/data-quality/findings?unit=450102", a), Expect.refusedWith(400, 403, 404)),
        new Action("/api read its audit trail", "兴宁区的审计记录", a -> get(
            "/api/audit?unitCode=450102", a), Expect.refused()),
        new Action("/api read a correction's audit trail", "兴宁区的数据变更", a -> get(
            "/api/corrections/" + correctionNo, a), Expect.refusedWith(404)));
  }

  /** Administration of the engine and of the project: refused to every user who is not an administrator. */
  List<Action> neverActions() {
    var er = "/engine-rest";
    var bpmn = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><bpmn:definitions xmlns:bpmn=\""
        + "http://www.omg.org/spec/BPMN/20100524/MODEL\" xmlns:camunda=\"http://camunda.org/schema/"
        + "1.0/bpmn\" targetNamespace=\"attack\"><bpmn:process id=\"matrixEscalation\" "
        + "isExecutable=\"true\" camunda:historyTimeToLive=\"1\"><bpmn:startEvent id=\"Start\"/>"
        + "<bpmn:sequenceFlow id=\"F1\" sourceRef=\"Start\" targetRef=\"Run\"/><bpmn:serviceTask "
        + "id=\"Run\" camunda:expression=\"${identityService.createMembership('t-policy-owner',"
        + "'camunda-admin')}\"/><bpmn:sequenceFlow id=\"F2\" sourceRef=\"Run\" targetRef=\"End\"/>"
        + "<bpmn:endEvent id=\"End\"/></bpmn:process></bpmn:definitions>")
        .getBytes(StandardCharsets.UTF_8);
    return List.of(
        new Action("delete process instance", "兴宁区填报流程", a -> delete(er
            + "/process-instance/" + t.filingInstance, a), Expect.refused()),
        new Action("modify process instance variables", "兴宁区填报流程", a -> post(er
            + "/process-instance/" + t.filingInstance + "/variables", "{\"modifications\":"
            + variables("paidToDate", "1") + "}", a), Expect.refused()),
        new Action("set process instance variable", "兴宁区填报流程", a -> put(er
            + "/process-instance/" + t.filingInstance + "/variables/projectCode",
            "{\"value\":\"" + t.yangshuoProject + "\",\"type\":\"String\"}", a), Expect.refused()),
        new Action("suspend process instance", "兴宁区填报流程", a -> put(er + "/process-instance/"
            + t.filingInstance + "/suspended", "{\"suspended\":true}", a), Expect.refused()),
        new Action("modify process instance (cancel task)", "兴宁区填报流程", a -> post(er
            + "/process-instance/" + t.filingInstance + "/modification",
            "{\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"UserTask_FileQuarter\"}]}",
            a), Expect.refused()),
        new Action("execute job", "兴宁区填报逾期计时", a -> post(er + "/job/" + t.filingJob
            + "/execute", "", a), Expect.refused()),
        new Action("set job retries", "兴宁区填报逾期计时", a -> put(er + "/job/" + t.filingJob
            + "/retries", "{\"retries\":0}", a), Expect.refused()),
        new Action("set job due date", "兴宁区填报逾期计时", a -> put(er + "/job/" + t.filingJob
            + "/duedate", "{\"duedate\":\"2020-01-01T00:00:00.000+0000\"}", a), Expect.refused()),
        new Action("start quarterlyFiling by hand", "兴宁区项目", a -> post(er
            + "/process-definition/key/quarterlyFiling/start", "{\"variables\":"
            + variables("projectCode", t.xingningProject) + "}", a), Expect.refused()),
        new Action("suspend process definition", "quarterlyFiling", a -> put(er
            + "/process-definition/key/quarterlyFiling/suspended", "{\"suspended\":true,"
            + "\"includeProcessInstances\":true}", a), Expect.refused()),
        new Action("create user", "用户", a -> post(er + "/user/create",
            "{\"profile\":{\"id\":\"evil-" + a + "\",\"firstName\":\"x\",\"lastName\":\"y\"},"
                + "\"credentials\":{\"password\":\"Evil-Passw0rd!2026\"}}", a), Expect.refused()),
        new Action("change another user's password", "管理员 t-admin", a -> put(er
            + "/user/" + ADMIN + "/credentials", "{\"password\":\"Hijack-Passw0rd!2026\","
            + "\"authenticatedUserPassword\":\"" + PASSWORD + "\"}", a), Expect.refused()),
        new Action("create group", "用户组", a -> post(er + "/group/create", "{\"id\":\"evil-"
            + a + "\",\"name\":\"x\",\"type\":\"x\"}", a), Expect.refused()),
        new Action("join camunda-admin", "用户组 camunda-admin", a -> put(er
            + "/group/camunda-admin/members/" + a, "", a), Expect.refused()),
        new Action("join another unit's group", "用户组 450102-finance", a -> put(er
            + "/group/450102-finance/members/" + a, "", a), Expect.refused()),
        new Action("create authorization", "授权", a -> post(er + "/authorization/create",
            "{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":\"" + a + "\",\"resourceType\":0,"
                + "\"resourceId\":\"*\"}", a), Expect.refused()),
        new Action("create filter", "任务过滤器", a -> post(er + "/filter/create",
            "{\"resourceType\":\"Task\",\"name\":\"全部任务\",\"query\":{}}", a), Expect.refused()),
        new Action("deploy BPMN with an expression", "部署", a -> Wire.Call.upload(er
            + "/deployment/create", "data", "escalate.bpmn", bpmn, Map.of("deployment-name",
            "escalate"), a, PASSWORD), Expect.refused()),
        new Action("deploy a DMN with a DOCTYPE", "部署", a -> Wire.Call.upload(er
            + "/deployment/create", "data", "doctype.dmn", BadInputMatrixTest.dmn(
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>",
                "camunda:historyTimeToLive=\"1\"").getBytes(StandardCharsets.UTF_8),
            Map.of("deployment-name", "doctype"), a, PASSWORD), Expect.refusedWith(400, 403)),
        new Action("delete deployment", "部署", a -> delete(er + "/deployment/" + deployment
            + "?cascade=true", a), Expect.refused()),
        new Action("run history cleanup", "历史数据", a -> post(er + "/history/cleanup", "", a),
            Expect.refused()),
        new Action("/api load a holiday notice", "节假日安排", a -> put("/api/calendar/2031",
            "{\"year\":2031,\"source\":\"伪造\",\"holidays\":[],\"workdays\":[]}", a),
            Expect.refused()));
  }

  /** Rows on their own: the rule-sheet upload, division changes (counties and cities). */
  List<Row> specialRows() {
    var rows = new ArrayList<Row>();
    var ruleSheet = new Action("/api upload a rule sheet", "决策表 problemSeverity",
        a -> Wire.Call.upload("/api/rules/problemSeverity/sheet", "file", "rules.xlsx",
            new byte[] {1, 2, 3}, Map.of(), a, PASSWORD), Expect.refusedWith(403));
    EVERYONE.stream().filter(a -> !a.equals(POLICY_OWNER)).forEach(a -> rows.add(new Row(a,
        ruleSheet)));
    var divisionChange = new Action("/api record a division change", "兴宁区", a -> post(
        "/api/division-changes", "{\"kind\":\"RENAME\",\"fromCode\":\"450102\",\"toCode\":"
            + "\"450199\",\"toName\":\"伪造区\",\"effectiveOn\":\"2026-01-01\","
            + "\"approvalDocument\":\"伪造\",\"reason\":\"伪造\"}", a), Expect.refusedWith(403));
    COUNTIES_AND_CITIES.forEach(a -> rows.add(new Row(a, divisionChange)));
    // the province's overall evaluation (GX 第二十八条): its finance department starts it, no
    // county, city or fiscal department does
    var overall = new Action("start overallEvaluation", "广西总体绩效评价", a -> post(
        "/engine-rest/process-definition/key/overallEvaluation/start",
        "{\"variables\":{\"overallEvaluationYear\":{\"value\":2020}}}", a), Expect.refused());
    Stream.concat(COUNTIES_AND_CITIES.stream(), Stream.of(XINGNING_FISCAL, GUANGXI_FISCAL,
        YANGSHUO_FISCAL)).forEach(a -> rows.add(new Row(a, overall)));
    // a decision table: the policy owner's to deploy (allowed below), no one else's
    var dmn = new Action("deploy a DMN decision table", "部署", a -> Wire.Call.upload(
        "/engine-rest/deployment/create", "data", "rule.dmn", BadInputMatrixTest.dmn(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "camunda:historyTimeToLive=\"1\"")
            .getBytes(StandardCharsets.UTF_8), Map.of("deployment-name", "rule"), a, PASSWORD),
        Expect.refusedWith(403));
    EVERYONE.stream().filter(a -> !a.equals(POLICY_OWNER)).forEach(a -> rows.add(new Row(a, dmn)));
    return rows;
  }

  /** What the same users may do: the matrix tells allowed from refused. Run last: they change state. */
  List<Row> allowedRows() {
    var er = "/engine-rest";
    var p = t.xingningProject;
    return List.of(
        new Row(XINGNING_FINANCE, new Action("read task", "本单位填报任务", a -> get(er
            + "/task/" + t.filingTask, a), Expect.allowed(200))),
        new Row(XINGNING_ECO, new Action("/api read project", "本单位项目", a -> get(
            "/api/projects/" + p, a), Expect.allowed(200))),
        new Row(NANNING_FINANCE, new Action("/api statistics of a subordinate", "兴宁区",
            a -> get("/api/statistics?year=2026&quarter=3&divisionCode=450102", a),
            Expect.allowed(200))),
        new Row(NANNING_FINANCE, new Action("/api overdue steps of a subordinate", "兴宁区",
            a -> get("/api/overdue-steps?divisionCode=450102", a), Expect.allowed(200))),
        new Row(NANNING_FINANCE, new Action("/api dashboard charts of a subordinate", "兴宁区",
            a -> get("/api/dashboard/charts?year=2026&quarter=3&divisionCode=450102", a),
            Expect.allowed(200))),
        new Row(GUANGXI_ECO, new Action("/api read project", "下级单位项目", a -> get(
            "/api/projects/" + p, a), Expect.allowed(200))),
        new Row(MINISTRY_FINANCE, new Action("read history of an instance", "兴宁区填报流程",
            a -> get(er + "/history/process-instance/" + t.filingInstance, a),
            Expect.allowed(200))),
        new Row(YANGSHUO_FINANCE, new Action("/api who am I", "本人", a -> get("/api/me", a),
            Expect.allowed(200))),
        new Row(NANNING_FINANCE, new Action("/api read a subordinate's audit trail", "兴宁区的审计记录",
            a -> get("/api/audit?unitCode=450102", a), Expect.allowed(200))),
        new Row(XINGNING_FINANCE, new Action("/api read its own audit trail", "本单位审计记录",
            a -> get("/api/audit?unitCode=450102", a), Expect.allowed(200))),
        new Row(POLICY_OWNER, new Action("deploy a DMN decision table", "部署", a -> Wire.Call
            .upload(er + "/deployment/create", "data", "matrix-rule.dmn", BadInputMatrixTest.dmn(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "camunda:historyTimeToLive=\"1\"")
                .replace("badInputRule", "matrixRule").getBytes(StandardCharsets.UTF_8),
                Map.of("deployment-name", "matrix-rule"), a, PASSWORD), Expect.allowed(200))),
        new Row(YANGSHUO_FINANCE, new Action("correlate ProblemRaised", "本县项目", a -> post(er
            + "/message", "{\"messageName\":\"" + ProblemEscalationProcess.MESSAGE_PROBLEM_RAISED
            + "\",\"processVariables\":" + problemVariables(t.yangshuoProject) + "}", a),
            Expect.allowed(204))),
        new Row(XINGNING_FISCAL, new Action("/api list evaluations", "本区项目的绩效自评",
            a -> get("/api/evaluations?year=2026", a), Expect.allowed(200))),
        new Row(XINGNING_FISCAL, new Action("/api statistics of its region", "兴宁区",
            a -> get("/api/statistics?year=2026&quarter=3&divisionCode=450102", a),
            Expect.allowed(200))),
        new Row(GUANGXI_FISCAL, new Action("/api statistics of a subordinate", "兴宁区",
            a -> get("/api/statistics?year=2026&quarter=3&divisionCode=450102", a),
            Expect.allowed(200))),
        new Row(XINGNING_FINANCE, new Action("claim task", "本单位填报任务", a -> post(er
            + "/task/" + t.filingTask + "/claim", "{\"userId\":\"" + a + "\"}", a),
            Expect.allowed(204))));
  }

  @TestFactory
  Stream<DynamicTest> hostileUsers() {
    t = new Targets(projects, funding, runtime, tasks, management, starter, users, "越权矩阵");
    assertThat(t.filingJob).as("the filing's overdue timer").isNotNull();
    // the application's own first deployment, by name: the query's unordered first row was
    // sometimes a version a policy owner deployed in another test (see PolicyChangeTest)
    deployment = repository.createDeploymentQuery().deploymentName(ModelDeployment.PROCESSES)
        .orderByDeploymentTime().asc().list().get(0).getId();
    var export = Wire.send(port, post("/api/exports/filings?year=2026&quarter=3", "",
        XINGNING_FINANCE));
    assertThat(export.status()).as(export.body()).isEqualTo(202);
    exportJob = export.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    correctionNo = correctionOfXingning();

    var rows = new ArrayList<Row>();
    for (var action : foreignActions()) {
      FOREIGN.forEach(a -> rows.add(new Row(a, action)));
    }
    // above Xingning: read, yes; work its tasks or start in its name, no
    // (a city or province may raise a problem about its subordinate's project; an application or a
    // correction made above the county is the domain's to refuse: dataCorrection answers 400)
    var aboveRefused = Set.of("correlate ProjectFunded", "start dataCorrection of its filing",
        "claim task", "complete task", "submit task form", "set task variable",
        "modify task variables", "add own group as candidate", "set assignee",
        "complete task (withdraw)");
    for (var action : foreignActions()) {
      if (aboveRefused.contains(action.action())) {
        ABOVE.forEach(a -> rows.add(new Row(a, action)));
      }
    }
    for (var action : foreignActions()) {
      if (OWN_FISCAL_REFUSED.contains(action.action())) {
        rows.add(new Row(XINGNING_FISCAL, action));
      }
    }
    for (var action : neverActions()) {
      EVERYONE.forEach(a -> rows.add(new Row(a, action)));
    }
    rows.addAll(specialRows());
    rows.addAll(allowedRows());
    return rows.stream().map(row -> DynamicTest.dynamicTest(row.name(), () -> attempt(row)));
  }

  /** A filed quarter of another Xingning project and a correction of it Xingning asked for. */
  String correctionOfXingning() {
    var project = projects.warehoused(XINGNING_ECO, "450102", "兴宁区越权矩阵变更项目");
    funding.fund(project, "450102", "1000000", java.time.LocalDate.of(2026, 4, 1));
    var key = Targets.Q.key(project);
    filings.open(key, Targets.Q, null);
    filings.file(key, new RawFiling("250000", java.util.Map.of("CENTRAL", "250000"), "25", List.of(
        java.util.Map.of("position", 1, "actual", "30"), java.util.Map.of("position", 2, "notYetDue", true),
        java.util.Map.of("position", 3, "notYetDue", true), java.util.Map.of("position", 4, "notYetDue", true))),
        XINGNING_FINANCE);
    return users.as(XINGNING_FINANCE, () -> runtime.startProcessInstanceByKey("dataCorrection",
        org.camunda.bpm.engine.variable.Variables.createVariables().putValue("recordKey", key)
            .putValue("correctionField", "PAID_TO_DATE").putValue("newValue", "260000")
            .putValue("correctionReason", "与国库集中支付系统核对后更正"))).getBusinessKey();
  }

  void attempt(Row row) {
    var before = EngineState.of(jdbc);
    var answer = Wire.send(port, row.action().call().apply(row.actor()));
    var after = EngineState.of(jdbc);
    attempts.incrementAndGet();
    if (answer.status() >= 500) {
      serverErrors.incrementAndGet();
    }
    var expect = row.action().expect();
    System.out.printf("matrix row | %s | answered %d%n", row.name(), answer.status());
    assertThat(answer.status()).as(row.name() + " no 5xx: " + Wire.shorten(answer.body())).isLessThan(500);
    assertThat(expect.statuses()).as(row.name() + " status (answered " + Wire.shorten(answer.body()) + ")")
        .contains(answer.status());
    switch (expect.outcome()) {
      case REFUSED -> {
        refused.incrementAndGet();
        assertThat(Wire.problemDefect(answer)).as(row.name() + " a Chinese problem JSON").isNull();
        assertThat(EngineState.difference(before, after)).as(row.name() + " nothing changed").isEmpty();
      }
      case HIDDEN -> {
        hidden.incrementAndGet();
        assertThat(answer.body()).doesNotContain(expect.absent());
        assertThat(EngineState.difference(before, after)).as(row.name() + " nothing changed").isEmpty();
      }
      case ALLOWED -> allowed.incrementAndGet();
    }
  }

  @AfterAll
  void summary() {
    System.out.printf("hostile-user matrix: %d attempts, %d refused, %d hidden, %d allowed, 5xx=%d%n",
        attempts.get(), refused.get(), hidden.get(), allowed.get(), serverErrors.get());
  }
}
