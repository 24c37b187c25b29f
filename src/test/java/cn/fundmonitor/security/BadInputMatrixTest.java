package cn.fundmonitor.security;

import static cn.fundmonitor.support.TestUsers.*;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bad-input matrix of issue 13: numbers too large for the database, negative, NaN, "1e400",
 * misplaced thousands separators, {@code [null]} and non-list Json variables, malformed Json, wrong
 * types, unknown ids, a completed task completed again, empty bodies, huge strings, wrong content
 * types, a DMN with a DOCTYPE, bytes that are not UTF-8 — over /engine-rest (as Tasklist sends
 * them) and /api. Each answers 4xx with a Chinese problem JSON naming no class, package or SQL,
 * and changes nothing. Add an input by adding a line to {@link #inputs()}.
 */
@FundMonitorTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputMatrixTest {

  static final String ER = "/engine-rest";
  static final String HUGE = "9".repeat(1_000_000);

  @LocalServerPort int port;
  @Autowired Projects projects;
  @Autowired Funding funding;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired ApplicationStarter starter;
  @Autowired TestUsers users;
  @Autowired JdbcClient jdbc;

  final AtomicInteger inputs = new AtomicInteger();
  final AtomicInteger clientErrors = new AtomicInteger();
  final AtomicInteger serverErrors = new AtomicInteger();

  Targets t;
  String completedTask;

  record BadInput(String label, Wire.Call call) {}

  static Wire.Call post(String path, String json, String user) {
    return Wire.Call.json("POST", path, json, user, PASSWORD);
  }

  static Wire.Call put(String path, String json, String user) {
    return Wire.Call.json("PUT", path, json, user, PASSWORD);
  }

  static Wire.Call get(String path, String user) {
    return Wire.Call.of("GET", path, user, PASSWORD);
  }

  /** Completing Xingning's filing task with these variables (JSON of name → typed value). */
  Wire.Call complete(String variables) {
    return post(ER + "/task/" + t.filingTask + "/complete", "{\"variables\":{" + variables + "}}",
        XINGNING_FINANCE);
  }

  Wire.Call submitForm(String variables) {
    return post(ER + "/task/" + t.filingTask + "/submit-form", "{\"variables\":{" + variables
        + "}}", XINGNING_FINANCE);
  }

  static String paid(String typedValue) {
    return "\"paidToDate\":" + typedValue + ",\"paidCentral\":{\"value\":\"1000\"},"
        + "\"physicalProgress\":{\"value\":50}";
  }

  static String progress(String typedValue) {
    return "\"paidToDate\":{\"value\":\"1000\"},\"paidCentral\":{\"value\":\"1000\"},"
        + "\"physicalProgress\":" + typedValue;
  }

  static String actuals(String typedValue) {
    return "\"paidToDate\":{\"value\":\"1000\"},\"paidCentral\":{\"value\":\"1000\"},"
        + "\"physicalProgress\":{\"value\":50},\"indicatorActuals\":" + typedValue;
  }

  static String json(String raw) {
    return "{\"type\":\"Json\",\"value\":" + quote(raw) + "}";
  }

  static String quote(String raw) {
    return "\"" + raw.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  Wire.Call problem(String project, String amount, String kind) {
    return post(ER + "/process-definition/key/problemEscalation/start", "{\"variables\":{"
        + "\"projectCode\":{\"value\":" + quote(project) + "},\"problemKind\":{\"value\":"
        + quote(kind) + "},\"problemAmount\":{\"value\":" + quote(amount) + "},"
        + "\"problemDescription\":{\"value\":\"支付缓慢\"}}}", XINGNING_FINANCE);
  }

  Wire.Call correction(String recordKey, String field, String value) {
    return post(ER + "/process-definition/key/dataCorrection/start", "{\"variables\":{"
        + "\"recordKey\":{\"value\":" + quote(recordKey) + "},\"correctionField\":{\"value\":"
        + quote(field) + "},\"newValue\":{\"value\":" + quote(value) + "},"
        + "\"correctionReason\":{\"value\":\"填错了\"}}}", XINGNING_FINANCE);
  }

  /**
   * The application's start form as Tasklist submits it, with the implementation plan by
   * monitoring point (资阳 三(三)) as given.
   */
  Wire.Call plannedApplication(String plan) {
    return post(ER + "/process-definition/key/projectWarehousing/start", "{\"variables\":{"
        + "\"projectName\":{\"value\":\"错误计划测试\"},\"regionCode\":{\"value\":\"450102\"},"
        + "\"direction\":{\"value\":\"ECO_RESTORATION\"},\"fundClass\":{\"value\":\"CENTRAL\"},"
        + "\"requestedAmount\":{\"value\":\"100000\"},\"projectDescription\":{\"value\":\"测试\"},"
        + "\"progressPlan\":" + json(plan) + "}}", XINGNING_ECO);
  }

  Wire.Call application(String amount, String indicators, String region) {
    return post("/api/projects/applications", "{\"projectName\":\"错误输入测试\",\"regionCode\":"
        + quote(region) + ",\"direction\":\"ECO_RESTORATION\",\"fundClass\":\"CENTRAL\","
        + "\"requestedAmount\":" + amount + ",\"projectDescription\":\"测试\",\"indicators\":"
        + indicators + "}", XINGNING_ECO);
  }

  static String dmn(String prolog, String historyTimeToLive) {
    return prolog + """
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
            xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="d_bad" name="bad" namespace="t">
          <decision id="badInputRule" name="测试" %s>
            <decisionTable id="t_bad" hitPolicy="FIRST">
              <input id="i_bad" label="金额"><inputExpression id="e_bad" typeRef="number"><text>amount</text></inputExpression></input>
              <output id="o_bad" name="ok" typeRef="boolean"/>
              <rule id="r_bad"><inputEntry id="ie_bad"><text>&gt; 0</text></inputEntry>
                <outputEntry id="oe_bad"><text>true</text></outputEntry></rule>
            </decisionTable>
          </decision>
        </definitions>
        """.formatted(historyTimeToLive);
  }

  static Wire.Call deploy(String fileName, byte[] content) {
    return Wire.Call.upload(ER + "/deployment/create", "data", fileName, content,
        Map.of("deployment-name", fileName), POLICY_OWNER, PASSWORD);
  }

  List<BadInput> inputs() {
    var p = t.xingningProject;
    var notUtf8 = new byte[] {'{', '"', 'v', 'a', 'r', 'i', 'a', 'b', 'l', 'e', 's', '"', ':', '{',
        '"', 'p', 'a', 'i', 'd', 'T', 'o', 'D', 'a', 't', 'e', '"', ':', '{', '"', 'v', 'a', 'l',
        'u', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, '"', '}', '}',
        '}'};
    var list = new ArrayList<BadInput>();
    // amounts a person or a script could type into the filing form, through Tasklist's REST call
    for (var value : List.of("\"12345678901234567890\"", "\"-5\"", "\"NaN\"", "\"1e400\"",
        "\"Infinity\"", "\"1,2,3\"", "\"12,50,000\"", "\"abc\"", "\"\"", "\"0x10\"", "\"1.234\"",
        "\"１２３\"", "\"99999999999999999999.99\"", "\"1e-400\"", "\"--1\"")) {
      list.add(new BadInput("complete filing: paidToDate " + value, complete(paid(
          "{\"value\":" + value + ",\"type\":\"String\"}"))));
    }
    list.add(new BadInput("complete filing: paidToDate Long 20 digits", complete(paid(
        "{\"value\":12345678901234567890,\"type\":\"Long\"}"))));
    list.add(new BadInput("complete filing: paidToDate Double 1e300", complete(paid(
        "{\"value\":1e300,\"type\":\"Double\"}"))));
    list.add(new BadInput("complete filing: paidToDate Double NaN", complete(paid(
        "{\"value\":\"NaN\",\"type\":\"Double\"}"))));
    list.add(new BadInput("complete filing: paidToDate Double -1", complete(paid(
        "{\"value\":-1,\"type\":\"Double\"}"))));
    list.add(new BadInput("complete filing: paidToDate Integer \"abc\"", complete(paid(
        "{\"value\":\"abc\",\"type\":\"Integer\"}"))));
    list.add(new BadInput("complete filing: paidToDate Long true", complete(paid(
        "{\"value\":true,\"type\":\"Long\"}"))));
    list.add(new BadInput("complete filing: paidToDate Date \"2026-13-45\"", complete(paid(
        "{\"value\":\"2026-13-45\",\"type\":\"Date\"}"))));
    list.add(new BadInput("complete filing: paidToDate unknown type", complete(paid(
        "{\"value\":1,\"type\":\"Money\"}"))));
    list.add(new BadInput("complete filing: paidToDate an object", complete(paid(
        "{\"value\":{\"yuan\":1},\"type\":\"String\"}"))));
    list.add(new BadInput("complete filing: paidToDate a huge string (1 MB)", complete(paid(
        "{\"value\":\"" + HUGE + "\",\"type\":\"String\"}"))));
    list.add(new BadInput("complete filing: an indicator's actual of 1 MB of digits", complete(
        actuals(json("[{\"position\":1,\"actual\":\"" + HUGE + "\"}]")))));
    for (var value : List.of("-1", "101", "\"abc\"", "\"1e400\"", "\"NaN\"", "12345678901234567890")) {
      list.add(new BadInput("complete filing: physicalProgress " + value, complete(progress(
          "{\"value\":" + value + "}"))));
    }
    for (var value : List.of("[null]", "{}", "\"text\"", "[1,2]", "[{", "null", "[[]]",
        "[{\"position\":\"abc\",\"actual\":\"1\"}]", "[{\"position\":99,\"actual\":\"1\"}]",
        "[{\"position\":1,\"actual\":\"1e400\"}]", "[{\"position\":1,\"actual\":\"NaN\"}]",
        "[{\"position\":12345678901234567890,\"actual\":\"1\"}]")) {
      list.add(new BadInput("complete filing: indicatorActuals Json " + value, complete(actuals(
          json(value)))));
    }
    list.add(new BadInput("complete filing: indicatorActuals String [null]", complete(actuals(
        "{\"value\":\"[null]\",\"type\":\"String\"}"))));
    list.add(new BadInput("complete filing: indicatorActuals Object of a foreign class",
        complete(actuals("{\"value\":\"{}\",\"type\":\"Object\",\"valueInfo\":{\"objectTypeName\":"
            + "\"java.lang.ProcessBuilder\",\"serializationDataFormat\":\"application/json\"}}"))));
    list.add(new BadInput("complete filing: indicatorActuals Xml with DOCTYPE", complete(actuals(
        "{\"type\":\"Xml\",\"value\":" + quote("<!DOCTYPE x [<!ENTITY e SYSTEM "
            + "\"file:///etc/passwd\">]><x>&e;</x>") + "}"))));
    list.add(new BadInput("complete filing: Bytes not base64", complete(
        "\"attachment\":{\"type\":\"Bytes\",\"value\":\"!!!\"}")));
    list.add(new BadInput("submit filing form: paidToDate 20 digits", submitForm(paid(
        "{\"value\":\"12345678901234567890\"}"))));
    list.add(new BadInput("submit filing form: indicatorActuals Json [null]", submitForm(actuals(
        json("[null]")))));
    list.add(new BadInput("set task variable: paidToDate malformed Json",
        put(ER + "/task/" + t.filingTask + "/variables/indicatorActuals",
            "{\"type\":\"Json\",\"value\":\"[{\"}", XINGNING_FINANCE)));
    // bodies and content types
    var completePath = ER + "/task/" + t.filingTask + "/complete";
    for (var body : List.of("", "null", "[]", "{", "{\"variables\":[]}",
        "{\"variables\":{\"paidToDate\":1}}", "{\"variables\":\"x\"}", "\"text\"")) {
      list.add(new BadInput("complete filing: body " + (body.isEmpty() ? "(empty)" : body),
          post(completePath, body, XINGNING_FINANCE)));
    }
    list.add(new BadInput("complete filing: text/plain body", post(completePath, "{\"variables\":{"
        + paid("{\"value\":\"1000\"}") + "}}", XINGNING_FINANCE).withContentType("text/plain")));
    list.add(new BadInput("complete filing: application/xml body", post(completePath,
        "<variables/>", XINGNING_FINANCE).withContentType("application/xml")));
    list.add(new BadInput("complete filing: bytes that are not UTF-8", new Wire.Call("POST",
        completePath, "application/json", notUtf8, XINGNING_FINANCE, PASSWORD)));
    // unknown ids, and a task already completed
    list.add(new BadInput("complete an unknown task", post(ER + "/task/no-such-task/complete",
        "{}", XINGNING_FINANCE)));
    list.add(new BadInput("claim an unknown task", post(ER + "/task/no-such-task/claim",
        "{\"userId\":\"" + XINGNING_FINANCE + "\"}", XINGNING_FINANCE)));
    list.add(new BadInput("read an unknown task's variable", get(ER
        + "/task/no-such-task/variables/paidToDate", XINGNING_FINANCE)));
    list.add(new BadInput("set an unknown task's variable", put(ER
        + "/task/no-such-task/variables/paidToDate", "{\"value\":\"1\"}", XINGNING_FINANCE)));
    list.add(new BadInput("complete a completed task", post(ER + "/task/" + completedTask
        + "/complete", "{\"variables\":{\"revisionAction\":{\"value\":\"WITHDRAW\"}}}",
        XINGNING_ECO)));
    list.add(new BadInput("claim a completed task", post(ER + "/task/" + completedTask + "/claim",
        "{\"userId\":\"" + XINGNING_ECO + "\"}", XINGNING_ECO)));
    list.add(new BadInput("submit the form of a completed task", post(ER + "/task/"
        + completedTask + "/submit-form", "{\"variables\":{}}", XINGNING_ECO)));
    list.add(new BadInput("read an unknown process instance", get(ER
        + "/process-instance/no-such-instance", XINGNING_FINANCE)));
    list.add(new BadInput("read an unknown instance's variables", get(ER
        + "/process-instance/no-such-instance/variables", XINGNING_FINANCE)));
    list.add(new BadInput("read unknown history", get(ER
        + "/history/process-instance/no-such-instance", XINGNING_FINANCE)));
    list.add(new BadInput("execute an unknown job", post(ER + "/job/no-such-job/execute", "",
        XINGNING_FINANCE)));
    list.add(new BadInput("read an unknown deployment", get(ER + "/deployment/no-such-deployment",
        POLICY_OWNER)));
    // overallEvaluation (GX 第二十八条), started by the province's finance department
    for (var year : List.of("\"明年\"", "\"" + HUGE + "\"", "2999", "\"1999\"")) {
      list.add(new BadInput("start overallEvaluation with year " + Wire.shorten(year), post(ER
          + "/process-definition/key/overallEvaluation/start", "{\"variables\":{"
          + "\"overallEvaluationYear\":{\"value\":" + year + "}}}", GUANGXI_FINANCE)));
    }
    list.add(new BadInput("start an unknown process", post(ER
        + "/process-definition/key/noSuchProcess/start", "{}", XINGNING_FINANCE)));
    list.add(new BadInput("task list with a malformed date", get(ER
        + "/task?dueBefore=yesterday", XINGNING_FINANCE)));
    list.add(new BadInput("task list with maxResults 20 digits", get(ER
        + "/task?maxResults=12345678901234567890", XINGNING_FINANCE)));
    list.add(new BadInput("task list with an unknown sort", get(ER
        + "/task?sortBy=password&sortOrder=asc", XINGNING_FINANCE)));
    // messages
    var message = ER + "/message";
    list.add(new BadInput("correlate an unknown message", post(message,
        "{\"messageName\":\"NoSuchMessage\"}", XINGNING_FINANCE)));
    list.add(new BadInput("correlate without a message name", post(message, "{}",
        XINGNING_FINANCE)));
    list.add(new BadInput("correlate ForceMajeureReported to an unknown project", post(message,
        "{\"messageName\":\"ForceMajeureReported\",\"businessKey\":\"450102-2026-9999\"}",
        XINGNING_FINANCE)));
    list.add(new BadInput("correlate ProblemRaised with a 20-digit project code", post(message,
        "{\"messageName\":\"" + ProblemEscalationProcess.MESSAGE_PROBLEM_RAISED + "\","
            + "\"processVariables\":{\"projectCode\":{\"value\":\"12345678901234567890\"}}}",
        XINGNING_FINANCE)));
    // starting processes with bad values
    list.add(new BadInput("raise a problem: amount 1e400", problem(p, "1e400", "SLOW_PAYMENT")));
    list.add(new BadInput("raise a problem: amount NaN", problem(p, "NaN", "SLOW_PAYMENT")));
    list.add(new BadInput("raise a problem: amount -1", problem(p, "-1", "SLOW_PAYMENT")));
    list.add(new BadInput("raise a problem: amount 20 digits", problem(p, "12345678901234567890",
        "SLOW_PAYMENT")));
    list.add(new BadInput("raise a problem: unknown kind", problem(p, "1000", "NO_SUCH_KIND")));
    list.add(new BadInput("raise a problem: unknown project", problem("450102-2026-9999", "1000",
        "SLOW_PAYMENT")));
    list.add(new BadInput("raise a problem: project code 20 digits", problem(
        "12345678901234567890", "1000", "SLOW_PAYMENT")));
    list.add(new BadInput("correct an unknown record of its own project", correction(p
        + "-2026Q9", "paidToDate", "1")));
    list.add(new BadInput("correct an unknown record", correction("450102-2026-9999-2026Q3",
        "paidToDate", "1")));
    list.add(new BadInput("correct another county's record", correction(
        Targets.Q.key(t.yangshuoProject), "paidToDate", "1")));
    list.add(new BadInput("correct a record key of 20 digits", correction(
        "12345678901234567890", "paidToDate", "1")));
    list.add(new BadInput("correct its filing to 20 digits", correction(t.filingKey,
        "paidToDate", "12345678901234567890")));
    list.add(new BadInput("correct an unknown field", correction(t.filingKey, "password", "1")));
    // deployments: only decision tables, FEEL, no DOCTYPE, well-formed
    list.add(new BadInput("deploy a DMN with a DOCTYPE", deploy("doctype.dmn", dmn(
        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>",
        "camunda:historyTimeToLive=\"1\"").getBytes(StandardCharsets.UTF_8))));
    list.add(new BadInput("deploy a malformed DMN", deploy("broken.dmn",
        "<definitions><decision".getBytes(StandardCharsets.UTF_8))));
    list.add(new BadInput("deploy a DMN without time to live", deploy("no-ttl.dmn",
        dmn("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "").getBytes(StandardCharsets.UTF_8))));
    list.add(new BadInput("deploy binary garbage as DMN", deploy("garbage.dmn",
        new byte[] {(byte) 0xFF, (byte) 0xD8, 0, 1, 2, 3, (byte) 0xC3, (byte) 0x28})));
    list.add(new BadInput("deploy an empty DMN", deploy("empty.dmn", new byte[0])));
    list.add(new BadInput("deploy a DMN in Latin-1 declared UTF-8", deploy("latin1.dmn",
        dmn("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "camunda:historyTimeToLive=\"1\"")
            .replace("测试", "\u00e9t\u00e9").getBytes(StandardCharsets.ISO_8859_1))));
    // the project's own API
    list.add(new BadInput("/api project with a 20-digit code", get(
        "/api/projects/12345678901234567890", XINGNING_ECO)));
    list.add(new BadInput("/api unknown project", get("/api/projects/450102-2026-9999",
        XINGNING_ECO)));
    list.add(new BadInput("/api projects of an unknown status", get("/api/projects?status=BOGUS",
        XINGNING_ECO)));
    list.add(new BadInput("/api lifecycle of an unknown project", get(
        "/api/projects/450102-2026-9999/lifecycle", XINGNING_ECO)));
    for (var amount : List.of("\"12345678901234567890\"", "\"-1\"", "\"NaN\"", "\"1e400\"",
        "\"1,2,3\"", "12345678901234567890123", "1e400", "true", "[1]")) {
      list.add(new BadInput("/api apply: requestedAmount " + amount, application(amount,
          "[]", "450102")));
    }
    for (var indicators : List.of("[null]", "\"notalist\"", "{}", "[[1]]", "[{\"level\":\"OUTPUT\","
        + "\"category\":\"QUANTITY\",\"name\":\"面积\",\"comparator\":\"GE\",\"target\":\"1e400\","
        + "\"unit\":\"公顷\"}]", "[{\"target\":{\"x\":1}}]")) {
      list.add(new BadInput("/api apply: indicators " + indicators, application("\"100000\"",
          indicators, "450102")));
    }
    for (var plan : List.of("\"notalist\"", "[null]", "[[1]]", "{}",
        "[{\"pointOn\":\"6月底\",\"plannedExecution\":10,\"plannedPhysical\":10}]",
        "[{\"pointOn\":\"2026-06-30\",\"plannedExecution\":\"1e400\",\"plannedPhysical\":-1}]",
        "[{\"pointOn\":\"2026-06-30\",\"plannedExecution\":\"" + HUGE + "\",\"plannedPhysical\":1}]",
        "[" + String.join(",", java.util.Collections.nCopies(41,
            "{\"pointOn\":\"2026-06-30\",\"plannedExecution\":1,\"plannedPhysical\":1}")) + "]")) {
      list.add(new BadInput("start form: progressPlan " + Wire.shorten(plan),
          plannedApplication(plan)));
    }
    list.add(new BadInput("/api apply: requestedAmount of 1 MB of digits", application(
        "\"" + HUGE + "\"", "[]", "450102")));
    list.add(new BadInput("/api apply: an indicator target of 1 MB of digits", application(
        "\"100000\"", "[{\"level\":\"OUTPUT\",\"category\":\"QUANTITY\",\"name\":\"面积\","
            + "\"comparator\":\"GE\",\"target\":\"" + HUGE + "\",\"unit\":\"公顷\"}]", "450102")));
    list.add(new BadInput("/api apply: region 20 digits", application("\"100000\"", "[]",
        "12345678901234567890")));
    list.add(new BadInput("/api apply: a 100,000-character name", post(
        "/api/projects/applications", "{\"projectName\":\"" + "名".repeat(100_000)
            + "\",\"regionCode\":\"450102\"}", XINGNING_ECO)));
    for (var body : List.of("", "{", "[]", "null", "\"x\"")) {
      list.add(new BadInput("/api apply: body " + (body.isEmpty() ? "(empty)" : body), post(
          "/api/projects/applications", body, XINGNING_ECO)));
    }
    list.add(new BadInput("/api apply: text/plain", post("/api/projects/applications", "{}",
        XINGNING_ECO).withContentType("text/plain")));
    list.add(new BadInput("/api apply: bytes that are not UTF-8", new Wire.Call("POST",
        "/api/projects/applications", "application/json", new byte[] {'{', '"', 'p', 'r', 'o', 'j',
        'e', 'c', 't', 'N', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
        XINGNING_ECO, PASSWORD)));
    for (var query : List.of("year=abc&quarter=2", "year=12345678901234567890&quarter=2",
        "year=2026&quarter=5", "year=2026&quarter=-1", "quarter=2",
        "year=2026&quarter=2&divisionCode=12345678901234567890", "year=2026&quarter=2&divisionCode=x")) {
      list.add(new BadInput("/api statistics " + query, get("/api/statistics?" + query,
          XINGNING_FINANCE)));
    }
    for (var query : List.of("year=abc&quarter=2", "year=2026&quarter=5", "quarter=2",
        "year=2026&quarter=2&divisionCode=12345678901234567890", "year=2026&quarter=2&divisionCode=x")) {
      list.add(new BadInput("/api dashboard charts " + query, get("/api/dashboard/charts?" + query,
          XINGNING_FINANCE)));
    }
    list.add(new BadInput("/api dashboard chart: unknown name", get(
        "/api/dashboard/charts/%3Cscript%3E?year=2026&quarter=2", XINGNING_FINANCE)));
    for (var query : List.of("divisionCode=12345678901234567890", "divisionCode=x",
        "divisionCode=999999", "processKey=%3Cscript%3E", "processKey=" + "k".repeat(2000))) {
      list.add(new BadInput("/api overdue steps " + query, get("/api/overdue-steps?" + query,
          XINGNING_FINANCE)));
    }
    for (var query : List.of("from=x&days=1", "from=2025-13-45&days=1", "from=2025-01-01&days=-1",
        "from=2025-01-01&days=99999999999", "from=2025-01-01")) {
      list.add(new BadInput("/api deadline " + query, get("/api/calendar/deadline?" + query,
          XINGNING_FINANCE)));
    }
    list.add(new BadInput("/api calendar year 20 digits", get("/api/calendar/12345678901234567890",
        XINGNING_FINANCE)));
    list.add(new BadInput("/api load holidays: malformed", put("/api/calendar/2031", "{", ADMIN)));
    list.add(new BadInput("/api load holidays: [null]", put("/api/calendar/2031",
        "{\"year\":2031,\"source\":\"x\",\"holidays\":[null]}", ADMIN)));
    list.add(new BadInput("/api load holidays: another year", put("/api/calendar/2031",
        "{\"year\":2032,\"source\":\"x\",\"holidays\":[]}", ADMIN)));
    list.add(new BadInput("/api monitoring report: not a date", get(
        "/api/monitoring-reports/450102/2026/notadate/draft", XINGNING_FINANCE)));
    list.add(new BadInput("/api monitoring report: year 20 digits", get(
        "/api/monitoring-reports/450102/12345678901234567890/2026-09-30/draft", XINGNING_FINANCE)));
    list.add(new BadInput("/api monitoring report: unknown unit", get(
        "/api/monitoring-reports/999999/2026/2026-09-30/draft", XINGNING_FINANCE)));
    list.add(new BadInput("/api save monitoring report: amounts 1e400", put(
        "/api/monitoring-reports/450102/2026/2026-09-30", "{\"basicBudget\":\"1e400\","
            + "\"basicSpent\":\"NaN\",\"extraTotal\":\"-1\"}", XINGNING_FINANCE)));
    list.add(new BadInput("/api save monitoring report: [null] lists", put(
        "/api/monitoring-reports/450102/2026/2026-09-30", "{\"indicators\":[null],"
            + "\"otherIndicators\":\"x\"}", XINGNING_FINANCE)));
    list.add(new BadInput("/api expense check: empty", post("/api/expenses/check", "{}",
        XINGNING_FINANCE)));
    list.add(new BadInput("/api expense check: a list", post("/api/expenses/check", "[]",
        XINGNING_FINANCE)));
    list.add(new BadInput("/api expense check: unknown values", post("/api/expenses/check",
        "{\"direction\":123,\"expenseCategory\":[null]}", XINGNING_FINANCE)));
    list.add(new BadInput("/api factor allocation: empty", post("/api/factor-allocation", "{}",
        GUANGXI_FINANCE)));
    list.add(new BadInput("/api factor allocation: total 1e400", post("/api/factor-allocation",
        "{\"budgetYear\":2027,\"total\":\"1e400\",\"counties\":[null]}", GUANGXI_FINANCE)));
    list.add(new BadInput("/api factor allocation: year abc", post("/api/factor-allocation",
        "{\"budgetYear\":\"abc\",\"total\":\"100\"}", GUANGXI_FINANCE)));
    list.add(new BadInput("/api factors of year abc", get(
        "/api/factor-allocation/factors?budgetYear=abc", GUANGXI_FINANCE)));
    list.add(new BadInput("/api factors of year 20 digits", get(
        "/api/factor-allocation/factors?budgetYear=12345678901234567890", GUANGXI_FINANCE)));
    list.add(new BadInput("/api unknown export", get("/api/exports/no-such-export",
        XINGNING_FINANCE)));
    list.add(new BadInput("/api unknown export file", get("/api/exports/no-such-export/file",
        XINGNING_FINANCE)));
    list.add(new BadInput("/api export quarter 9", post("/api/exports/filings?year=2026&quarter=9",
        "", XINGNING_FINANCE)));
    list.add(new BadInput("/api issue lines: empty", post("/api/allocations/issue-lines", "{}",
        GUANGXI_FINANCE)));
    list.add(new BadInput("/api issue lines: unknown document", post(
        "/api/allocations/issue-lines", "{\"documentNo\":\"不存在〔2026〕1号\",\"issueLines\":[]}",
        GUANGXI_FINANCE)));
    list.add(new BadInput("/api issue lines: [null]", post("/api/allocations/issue-lines",
        "{\"documentNo\":\"不存在〔2026〕1号\",\"issueLines\":[null]}", GUANGXI_FINANCE)));
    list.add(new BadInput("/api issue lines: not a list", post("/api/allocations/issue-lines",
        "{\"documentNo\":\"x\",\"issueLines\":\"x\"}", GUANGXI_FINANCE)));
    list.add(new BadInput("/api division change: empty", post("/api/division-changes", "{}",
        GUANGXI_FINANCE)));
    list.add(new BadInput("/api division change: bad date and codes", post(
        "/api/division-changes", "{\"kind\":\"MERGE\",\"fromCode\":\"12345678901234567890\","
            + "\"toCode\":\"x\",\"effectiveOn\":\"2026-02-30\"}", GUANGXI_FINANCE)));
    list.add(new BadInput("/api unknown division change", get("/api/division-changes/no-such",
        GUANGXI_FINANCE)));
    list.add(new BadInput("/api unknown inspection", get("/api/inspections/no-such",
        XINGNING_FINANCE)));
    list.add(new BadInput("/api inspections of year abc", get("/api/inspections?year=abc",
        XINGNING_FINANCE)));
    list.add(new BadInput("/api force majeure: unknown kind", post("/api/projects/" + p
        + "/force-majeure", "{\"kind\":\"BOGUS\",\"reason\":\"x\"}", XINGNING_ECO)));
    list.add(new BadInput("/api force majeure: a list", post("/api/projects/" + p
        + "/force-majeure", "[]", XINGNING_ECO)));
    list.add(new BadInput("/api evaluations of year abc", get("/api/evaluations?year=abc",
        XINGNING_FINANCE)));
    list.add(new BadInput("/api rule sheet of an unknown table", Wire.Call.upload(
        "/api/rules/noSuchTable/sheet", "file", "rules.xlsx", new byte[] {1, 2, 3}, Map.of(),
        POLICY_OWNER, PASSWORD)));
    list.add(new BadInput("/api unknown path", get("/api/no-such-thing", XINGNING_FINANCE)));
    list.add(new BadInput("/api wrong method", Wire.Call.json("DELETE", "/api/projects", null,
        XINGNING_FINANCE, PASSWORD)));
    return list;
  }

  @TestFactory
  Stream<DynamicTest> badInputs() {
    t = new Targets(projects, funding, runtime, tasks, management, starter, users, "错误输入");
    completedTask = t.reviseTask;
    users.run(XINGNING_ECO, () -> tasks.complete(completedTask, Map.of("revisionAction",
        "WITHDRAW")));
    users.run(XINGNING_FINANCE, () -> tasks.claim(t.filingTask, XINGNING_FINANCE));
    return inputs().stream().map(input -> DynamicTest.dynamicTest(input.label(), () -> {
      var before = EngineState.of(jdbc);
      var started = System.nanoTime();
      var answer = Wire.send(port, input.call());
      var millis = (System.nanoTime() - started) / 1_000_000;
      var after = EngineState.of(jdbc);
      inputs.incrementAndGet();
      if (answer.status() >= 500) {
        serverErrors.incrementAndGet();
      } else if (answer.status() >= 400) {
        clientErrors.incrementAndGet();
      }
      System.out.printf("bad input | %s | answered %d in %d ms%n", input.label(), answer.status(),
          millis);
      assertThat(answer.status()).as(input.label() + " → " + Wire.shorten(answer.body()))
          .isBetween(400, 499);
      assertThat(Wire.problemDefect(answer)).as(input.label() + " a Chinese problem JSON")
          .isNull();
      assertThat(EngineState.difference(before, after)).as(input.label() + " nothing changed")
          .isEmpty();
      assertThat(millis).as(input.label() + " answered within seconds (ms)").isLessThan(10_000);
    }));
  }

  /** Another county's record answers exactly as one that does not exist: nothing leaks. */
  @Test
  void anotherUnitsRecordAnswersLikeNoRecord() {
    var targets = new Targets(projects, funding, runtime, tasks, management, starter, users,
        "同样回答");
    var unknownProject = "450321-2026-9999";
    var pairs = List.of(
        List.of("/api/projects/" + targets.xingningProject, "/api/projects/" + unknownProject),
        List.of("/api/projects/" + targets.xingningProject + "/lifecycle",
            "/api/projects/" + unknownProject + "/lifecycle"));
    for (var pair : pairs) {
      var foreign = Wire.send(port, get(pair.get(0), YANGSHUO_FINANCE));
      var none = Wire.send(port, get(pair.get(1), YANGSHUO_FINANCE));
      assertThat(foreign.status()).as(pair.get(0)).isEqualTo(404).isEqualTo(none.status());
      assertThat(foreign.body().replace(targets.xingningProject, "X"))
          .isEqualTo(none.body().replace(unknownProject, "X"));
    }
    // the engine's own records: another county's instance, task or history reads as none
    var unknownId = "00000000-0000-0000-0000-000000000000";
    var enginePairs = List.of(
        List.of(ER + "/process-instance/" + targets.filingInstance + "/variables",
            ER + "/process-instance/" + unknownId + "/variables"),
        List.of(ER + "/process-instance/" + targets.filingInstance,
            ER + "/process-instance/" + unknownId),
        List.of(ER + "/task/" + targets.filingTask, ER + "/task/" + unknownId),
        List.of(ER + "/task/" + targets.filingTask + "/variables",
            ER + "/task/" + unknownId + "/variables"),
        List.of(ER + "/history/process-instance/" + targets.filingInstance,
            ER + "/history/process-instance/" + unknownId));
    for (var pair : enginePairs) {
      var foreignRead = Wire.send(port, get(pair.get(0), YANGSHUO_FINANCE));
      var noneRead = Wire.send(port, get(pair.get(1), YANGSHUO_FINANCE));
      assertThat(foreignRead.status()).as(pair.get(0) + " " + foreignRead.body()).isEqualTo(404)
          .isEqualTo(noneRead.status());
      assertThat(foreignRead.body()).as(pair.get(0)).contains("记录不存在");
    }
    var foreignRecord = Targets.Q.key(targets.xingningProject);
    var unknownRecord = Targets.Q.key(unknownProject);
    var foreign = Wire.send(port, post(ER + "/process-definition/key/dataCorrection/start",
        "{\"variables\":{\"recordKey\":{\"value\":\"" + foreignRecord + "\"}}}", YANGSHUO_FINANCE));
    var none = Wire.send(port, post(ER + "/process-definition/key/dataCorrection/start",
        "{\"variables\":{\"recordKey\":{\"value\":\"" + unknownRecord + "\"}}}", YANGSHUO_FINANCE));
    assertThat(foreign.status()).isBetween(400, 499).isEqualTo(none.status());
    assertThat(foreign.body().replace(targets.xingningProject, "X"))
        .isEqualTo(none.body().replace(unknownProject, "X"));
  }

  @AfterAll
  void summary() {
    System.out.printf("bad-input matrix: %d inputs, 4xx %d, 5xx=%d%n", inputs.get(),
        clientErrors.get(), serverErrors.get());
  }
}
