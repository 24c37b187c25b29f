package cn.fundmonitor.correction;

import cn.fundmonitor.filing.RawFiling;
import static cn.fundmonitor.support.TestUsers.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.filing.FilingService;
import cn.fundmonitor.filing.Quarter;
import cn.fundmonitor.money.Yuan;
import cn.fundmonitor.problems.ProblemEscalationProcess;
import cn.fundmonitor.problems.ProblemKind;
import cn.fundmonitor.problems.ProblemReports;
import cn.fundmonitor.support.Funding;
import cn.fundmonitor.support.Http;
import cn.fundmonitor.support.Projects;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * problemEscalation and dataCorrection once each on PostgreSQL, through /engine-rest as Tasklist
 * drives them; the problem, the applied change and its audit row are read back from PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.admin-user.password=It-Guanli-Mima#2026",
    "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("postgres")
class ProblemAndCorrectionPostgresIT {

  @LocalServerPort int port;
  @Autowired Projects projects;
  @Autowired Funding funding;
  @Autowired FilingService filings;
  @Autowired ProblemReports problemReports;
  @Autowired HistoryService history;
  @Value("${spring.datasource.url}") String url;
  @Value("${spring.datasource.username}") String user;
  @Value("${spring.datasource.password}") String password;
  final ObjectMapper json = new ObjectMapper();
  Http http;

  String vars(Map<String, Object> values) throws Exception {
    var body = new java.util.LinkedHashMap<String, Object>();
    values.forEach((k, v) -> body.put(k, Map.of("value", v)));
    return json.writeValueAsString(Map.of("variables", body));
  }

  String start(String key, String as, Map<String, Object> values) throws Exception {
    var response = http.post("/engine-rest/process-definition/key/" + key + "/submit-form",
        vars(values), as, PASSWORD);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body()).get("businessKey").asText();
  }

  void complete(String businessKey, String taskKey, String as, Map<String, Object> values)
      throws Exception {
    var tasks = json.readTree(http.get("/engine-rest/task?processInstanceBusinessKey=" + businessKey
        + "&taskDefinitionKey=" + taskKey, as, PASSWORD).body());
    assertThat(tasks).as(taskKey + " for " + as).hasSize(1);
    var id = tasks.get(0).get("id").asText();
    http.post("/engine-rest/task/" + id + "/claim", "{\"userId\":\"" + as + "\"}", as, PASSWORD);
    var response = http.post("/engine-rest/task/" + id + "/submit-form", vars(values), as, PASSWORD);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
  }

  @Test
  void aProblemIsRectifiedAndAFilingCorrectedOnPostgres() throws Exception {
    http = new Http(port);
    var project = projects.warehoused(XINGNING_ECO, "450102", "PG 问题与变更项目");

    var problem = start("problemEscalation", XINGNING_ECO, Map.of("projectCode", project,
        "problemKind", "SLOW_PROGRESS", "problemDescription", "施工进度滞后"));
    complete(problem, "UserTask_DecideProblem", GUANGXI_ECO, Map.of("problemDecision", "RECTIFY",
        "decisionReason", "限期追赶进度", "rectifyBy", LocalDate.now().plusDays(20).toString()));
    complete(problem, "UserTask_Rectify", XINGNING_ECO, Map.of("rectificationReport", "已增加施工班组"));
    complete(problem, "UserTask_ConfirmRectification", GUANGXI_ECO,
        Map.of("confirmationOutcome", "CONFIRM"));

    funding.fund(project, "450102", "500000", LocalDate.now());
    var q = new Quarter(2026, 1);
    var key = q.key(project);
    filings.open(key, q, null);
    filings.file(key, new RawFiling("100000", Map.of("CENTRAL", "100000"), "20", List.of(
        Map.of("position", 1, "notYetDue", true), Map.of("position", 2, "notYetDue", true),
        Map.of("position", 3, "notYetDue", true), Map.of("position", 4, "notYetDue", true))),
        XINGNING_FINANCE);
    var request = start("dataCorrection", XINGNING_FINANCE, Map.of("recordKey", key,
        "correctionField", "PAID_TO_DATE", "newValue", "120000", "correctionReason", "漏报一笔支付"));
    complete(request, "UserTask_SuperiorConsent", NANNING_FINANCE, Map.of("consent", "APPROVE"));

    try (var db = DriverManager.getConnection(url, user, password)) {
      assertThat(db.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
      try (var ps = db.prepareStatement("select status, severity, confirmed_by from fm_problem "
          + "where problem_no = ?")) {
        ps.setString(1, problem);
        var rs = ps.executeQuery();
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("CLOSED");
        assertThat(rs.getString(2)).isEqualTo("ORDINARY");
        assertThat(rs.getString(3)).isEqualTo(GUANGXI_ECO);
      }
      try (var ps = db.prepareStatement("select before_value, after_value, approved_by from "
          + "fm_data_change where request_no = ?")) {
        ps.setString(1, request);
        var rs = ps.executeQuery();
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("100000.00");
        assertThat(rs.getString(2)).isEqualTo("120000.00");
        assertThat(rs.getString(3)).isEqualTo(NANNING_FINANCE);
      }
      try (var ps = db.prepareStatement("select paid_to_date from fm_quarterly_filing where "
          + "business_key = ?")) {
        ps.setString(1, key);
        var rs = ps.executeQuery();
        rs.next();
        assertThat(rs.getBigDecimal(1)).isEqualByComparingTo("120000");
      }
    }
  }

  /**
   * MNR 第十二条, issue 18: a raise runs in a job of its own and may run again; on PostgreSQL too
   * the second run finds the problem of the first by its raise key (in the history), and another
   * key raises another problem.
   */
  @Test
  void aRaiseRunTwiceStartsOneProblemOnPostgres() {
    var project = projects.warehoused(XINGNING_ECO, "450102", "PG 重复反馈项目");
    var sourceRef = project + "-验收支付";
    var report = new ProblemReports.Report(project, ProblemKind.SLOW_PAYMENT, Yuan.of("1000"),
        "验收支付不足", sourceRef, null);
    var first = problemReports.raise(report, sourceRef);
    assertThat(problemReports.raise(report, sourceRef)).as("run again").isEqualTo(first);
    assertThat(ProblemEscalationProcess.SOURCE_REF.whereEquals(history
        .createHistoricProcessInstanceQuery().processDefinitionKey(ProblemEscalationProcess.KEY),
        sourceRef).count())
        .isOne();
    assertThat(problemReports.raise(report, sourceRef + " again")).isNotEqualTo(first);
  }
}
