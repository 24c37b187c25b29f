package cn.fundmonitor.allocation;

import static cn.fundmonitor.support.TestUsers.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.support.Http;
import cn.fundmonitor.support.Projects;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A county's own money end to end on PostgreSQL, through /engine-rest as Tasklist drives it and
 * /api/statistics as the dashboard reads it (MNR 第二条第二项: 县级财政支持专项的相关资金; MNR 第九条
 * 末句: 地方财政支持专项相关资金应按照上述要求，及时下达并报备): 兴宁区's finance office registers and
 * proposes, 兴宁区财政局 reviews and issues and later releases, the county files with 南宁市, which
 * acknowledges. Another unit and a wrong role are refused on the way.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.admin-user.password=It-Guanli-Mima#2026",
    "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("postgres")
class LocalFundPostgresIT {

  @LocalServerPort int port;
  @Autowired Projects projects;
  @Value("${spring.datasource.url}") String url;
  @Value("${spring.datasource.username}") String user;
  @Value("${spring.datasource.password}") String password;
  final ObjectMapper json = new ObjectMapper();
  Http http;

  String variables(Map<String, Object> values) throws Exception {
    var vars = new java.util.LinkedHashMap<String, Object>();
    for (var e : values.entrySet()) {
      if (e.getValue() instanceof List<?> list) {
        vars.put(e.getKey(), Map.of("type", "Json", "value", json.writeValueAsString(list)));
      } else {
        vars.put(e.getKey(), Map.of("value", e.getValue()));
      }
    }
    return json.writeValueAsString(Map.of("variables", vars));
  }

  com.fasterxml.jackson.databind.JsonNode tasks(String documentNo, String definitionKey, String as)
      throws Exception {
    return json.readTree(http.get("/engine-rest/task?processInstanceBusinessKey="
        + java.net.URLEncoder.encode(documentNo, "UTF-8") + "&taskDefinitionKey=" + definitionKey,
        as, PASSWORD).body());
  }

  /**
   * The tasks offered to {@code as} as work (a candidate): since issue 17 a province's and a city's
   * supervisors also READ their subtree's tasks, read-only (SupervisorGrants).
   */
  com.fasterxml.jackson.databind.JsonNode work(String documentNo, String definitionKey, String as)
      throws Exception {
    return json.readTree(http.get("/engine-rest/task?processInstanceBusinessKey="
        + java.net.URLEncoder.encode(documentNo, "UTF-8") + "&taskDefinitionKey=" + definitionKey
        + "&candidateUser=" + as, as, PASSWORD).body());
  }

  void complete(String documentNo, String definitionKey, String as, Map<String, Object> values)
      throws Exception {
    var found = tasks(documentNo, definitionKey, as);
    assertThat(found).as(definitionKey + " for " + as).hasSize(1);
    var id = found.get(0).get("id").asText();
    assertThat(http.post("/engine-rest/task/" + id + "/claim", "{\"userId\":\"" + as + "\"}", as,
        PASSWORD).statusCode()).isEqualTo(204);
    var response = http.post("/engine-rest/task/" + id + "/submit-form", variables(values), as,
        PASSWORD);
    assertThat(response.statusCode()).as(response.body()).isIn(200, 204);
  }

  Map<String, Object> receipt(String documentNo, String fundClass, String local, String receivedOn) {
    return Map.of("documentNo", documentNo, "fundClass", fundClass,
        "direction", "ECO_RESTORATION", "budgetYear", 2026, "centralAmount", "0",
        "provincialAmount", local, "receivedOn", receivedOn, "approvedTargets", List.of(
            Map.of("level1", "OUTPUT", "level2", "QUANTITY", "name", "修复治理面积",
                "comparator", "GE", "target", "20", "unit", "公顷")));
  }

  @Test
  void aCountysOwnMoneyIsIssuedReleasedAndFiledWithTheCityOnPostgres_mnrArticle9LastSentence()
      throws Exception {
    http = new Http(port);
    var xingning = projects.withAnnualTargets(
        projects.warehoused(XINGNING_ECO, "450102", "PG 兴宁区本级资金项目"), 2026);
    var documentNo = "兴财资环〔" + System.nanoTime() + "〕号";
    var today = LocalDate.now().toString();
    var start = "/engine-rest/process-definition/key/fundAllocation/submit-form";

    // the city may not register the county's money, the county's 财政局 starts nothing
    var wrongLevel = http.post(start, variables(receipt(documentNo, "COUNTY", "850000.50", today)),
        NANNING_FINANCE, PASSWORD);
    assertThat(wrongLevel.statusCode()).as(wrongLevel.body()).isBetween(400, 499);
    assertThat(wrongLevel.body()).contains("县级自然资源主管部门");
    assertThat(http.post(start, variables(receipt(documentNo, "COUNTY", "850000.50", today)),
        XINGNING_FISCAL, PASSWORD).statusCode()).isBetween(400, 499);
    var hostile = http.post(start, variables(receipt(documentNo, "COUNTY'--", "850000.50", today)),
        XINGNING_FINANCE, PASSWORD);
    assertThat(hostile.statusCode()).as(hostile.body()).isEqualTo(400);
    assertThat(hostile.body()).contains("资金类型");

    var started = http.post(start, variables(receipt(documentNo, "COUNTY", "850000.50", today)),
        XINGNING_FINANCE, PASSWORD);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    assertThat(work(documentNo, "UserTask_IssueFunds", XINGNING_FINANCE)).as("the county's work")
        .hasSize(1);
    assertThat(work(documentNo, "UserTask_IssueFunds", GUANGXI_FINANCE)).as("not the province's")
        .isEmpty();

    complete(documentNo, "UserTask_IssueFunds", XINGNING_FINANCE, Map.of(
        "issueDocumentNo", "兴财资环〔2026〕下达1号", "issuedOn", today,
        "issueLines", List.of(Map.of("recipientCode", "450102", "projectCode", xingning,
            "centralShare", "0", "provincialShare", "850000.50")),
        "decomposedTargets", List.of(
            Map.of("recipientCode", "450102", "indicatorName", "修复治理面积", "target", "20"))));
    assertThat(tasks(documentNo, "UserTask_ReviewAllocationPlan", NANNING_FISCAL)).isEmpty();
    complete(documentNo, "UserTask_ReviewAllocationPlan", XINGNING_FISCAL,
        Map.of("planReviewOutcome", "APPROVE", "planReviewComment", "同意下达本级资金"));
    complete(documentNo, "UserTask_RefineFunds", XINGNING_FINANCE, Map.of("refinedOn", today,
        "refinementLines", List.of(Map.of("projectCode", xingning, "centralShare", "0",
            "provincialShare", "850000.50")), "projectTargets", List.of()));
    complete(documentNo, "UserTask_ApproveRelease", XINGNING_FISCAL, Map.of("releaseOutcome", "APPROVE"));
    complete(documentNo, "UserTask_FileRefinement", XINGNING_FINANCE, Map.of("filingNote", "报备"));
    assertThat(tasks(documentNo, "UserTask_AcknowledgeFiling", YANGSHUO_FINANCE)).isEmpty();
    complete(documentNo, "UserTask_AcknowledgeFiling", NANNING_FINANCE,
        Map.of("acknowledgementOutcome", "ACKNOWLEDGE"));

    try (var db = DriverManager.getConnection(url, user, password)) {
      assertThat(db.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
      try (var ps = db.prepareStatement("select status, fund_class, province_code, "
          + "provincial_amount, issued_by from fm_allocation where document_no = ?")) {
        ps.setString(1, documentNo);
        var rs = ps.executeQuery();
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString("status")).isEqualTo("COMPLETED");
        assertThat(rs.getString("fund_class")).isEqualTo("COUNTY");
        assertThat(rs.getString("province_code")).as("the registering unit").isEqualTo("450102");
        assertThat(rs.getBigDecimal("provincial_amount")).isEqualTo(new BigDecimal("850000.50"));
        assertThat(rs.getString("issued_by")).isEqualTo(XINGNING_FISCAL);
      }
      try (var ps = db.prepareStatement("select action, actor from fm_allocation_event "
          + "where document_no = ? order by id")) {
        ps.setString(1, documentNo);
        var rs = ps.executeQuery();
        var events = new ArrayList<String>();
        while (rs.next()) {
          events.add(rs.getString(1) + " " + rs.getString(2));
        }
        assertThat(events).hasSize(8);
        assertThat(events.subList(0, 7)).containsExactly("REGISTERED " + XINGNING_FINANCE,
            "PLAN_SUBMITTED " + XINGNING_FINANCE, "ISSUED " + XINGNING_FISCAL,
            "REFINED " + XINGNING_FINANCE, "RELEASED " + XINGNING_FISCAL,
            "FILED " + XINGNING_FINANCE, "ACKNOWLEDGED " + NANNING_FINANCE);
      }
    }

    // the statistics count it as the county's own money (本级筹措), and the split adds up
    var statistics = json.readTree(http.get("/api/statistics?year=2026&quarter=4", XINGNING_FINANCE,
        PASSWORD).body());
    com.fasterxml.jackson.databind.JsonNode source = null;
    com.fasterxml.jackson.databind.JsonNode region = null;
    for (var v : statistics.get("views")) {
      if (v.get("name").asText().equals("SOURCE")) {
        source = v;
      }
      if (v.get("name").asText().equals("REGION")) {
        region = v;
      }
    }
    assertThat(source).isNotNull();
    BigDecimal own = null;
    for (var r : source.get("rows")) {
      if (r.get("key").asText().equals("OWN")) {
        own = r.get("figures").get("issuedWan").decimalValue();
      }
    }
    assertThat(own).isGreaterThanOrEqualTo(new BigDecimal("85.00005"));
    assertThat(source.get("total").get("receivedWan").decimalValue())
        .isEqualByComparingTo(region.get("total").get("receivedWan").decimalValue());
  }
}
