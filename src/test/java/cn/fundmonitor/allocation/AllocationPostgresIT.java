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
 * One allocation with two counties on PostgreSQL, driven through /engine-rest as Tasklist drives
 * it; the allocation, the issued and refined money and the filings are read back from PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.admin-user.password=It-Guanli-Mima#2026",
    "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("postgres")
class AllocationPostgresIT {

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

  String taskId(String documentNo, String definitionKey, String as) throws Exception {
    var tasks = json.readTree(http.get("/engine-rest/task?processInstanceBusinessKey="
        + java.net.URLEncoder.encode(documentNo, "UTF-8") + "&taskDefinitionKey=" + definitionKey,
        as, PASSWORD).body());
    assertThat(tasks).as(definitionKey + " for " + as).hasSize(1);
    return tasks.get(0).get("id").asText();
  }

  void complete(String documentNo, String definitionKey, String as, Map<String, Object> values)
      throws Exception {
    var id = taskId(documentNo, definitionKey, as);
    assertThat(http.post("/engine-rest/task/" + id + "/claim", "{\"userId\":\"" + as + "\"}", as,
        PASSWORD).statusCode()).isEqualTo(204);
    var response = http.post("/engine-rest/task/" + id + "/submit-form", variables(values), as,
        PASSWORD);
    assertThat(response.statusCode()).as(response.body()).isIn(200, 204);
  }

  @Test
  void allocationToTwoCountiesOnPostgres() throws Exception {
    http = new Http(port);
    var xingning = projects.warehoused(XINGNING_ECO, "450102", "PG 兴宁区项目");
    var yangshuo = projects.warehoused(YANGSHUO_ECO, "450321", "PG 阳朔县项目");
    // GX 第二十六条: the year's targets go with the money
    projects.withAnnualTargets(xingning, 2026);
    projects.withAnnualTargets(yangshuo, 2026);
    var documentNo = "财资环〔" + System.nanoTime() + "〕号";
    var today = LocalDate.now().toString();

    var start = http.post("/engine-rest/process-definition/key/fundAllocation/submit-form",
        variables(Map.of("documentNo", documentNo, "fundClass", "CENTRAL",
            "direction", "ECO_RESTORATION", "budgetYear", 2026, "centralAmount", "3961869.98",
            "provincialAmount", "0", "receivedOn", today, "approvedTargets", List.of(
                Map.of("level1", "OUTPUT", "level2", "QUANTITY", "name", "修复治理面积",
                    "comparator", "GE", "target", "100", "unit", "公顷")))),
        GUANGXI_FINANCE, PASSWORD);
    assertThat(start.statusCode()).as(start.body()).isEqualTo(200);

    complete(documentNo, "UserTask_IssueFunds", GUANGXI_FINANCE, Map.of(
        "issueDocumentNo", "桂财资环〔2026〕1号", "issuedOn", today,
        "issueLines", List.of(
            Map.of("recipientCode", "450102", "projectCode", xingning, "centralShare", "1961869.98"),
            Map.of("recipientCode", "450321", "projectCode", yangshuo, "centralShare", "2000000")),
        "decomposedTargets", List.of(
            Map.of("recipientCode", "450102", "indicatorName", "修复治理面积", "target", "50"),
            Map.of("recipientCode", "450321", "indicatorName", "修复治理面积", "target", "50"))));
    // GX 第十八条: 自治区财政厅审核后下达
    complete(documentNo, "UserTask_ReviewAllocationPlan", GUANGXI_FISCAL,
        Map.of("planReviewOutcome", "APPROVE", "planReviewComment", "同意下达"));
    for (var branch : List.of(List.of(xingning, XINGNING_FINANCE, NANNING_FINANCE, "1961869.98", XINGNING_FISCAL),
        List.of(yangshuo, YANGSHUO_FINANCE, GUILIN_FINANCE, "2000000", YANGSHUO_FISCAL))) {
      complete(documentNo, "UserTask_RefineFunds", branch.get(1), Map.of("refinedOn", today,
          "refinementLines", List.of(Map.of("projectCode", branch.get(0), "centralShare",
              branch.get(3), "provincialShare", "0")), "projectTargets", List.of()));
      // GX 第五条第四项: the county's 财政局 reviews and releases
      complete(documentNo, "UserTask_ApproveRelease", branch.get(4), Map.of("releaseOutcome", "APPROVE"));
      complete(documentNo, "UserTask_FileRefinement", branch.get(1), Map.of("filingNote", "报备"));
      complete(documentNo, "UserTask_AcknowledgeFiling", branch.get(2),
          Map.of("acknowledgementOutcome", "ACKNOWLEDGE"));
    }

    try (var db = DriverManager.getConnection(url, user, password)) {
      assertThat(db.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
      try (var ps = db.prepareStatement("select status, central_amount, issued_by, issue_due_on "
          + "from fm_allocation where document_no = ?")) {
        ps.setString(1, documentNo);
        var rs = ps.executeQuery();
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString("status")).isEqualTo("COMPLETED");
        assertThat(rs.getBigDecimal("central_amount")).isEqualTo(new BigDecimal("3961869.98"));
        assertThat(rs.getString("issued_by")).as("自治区财政厅 issues (GX 第十八条)").isEqualTo(GUANGXI_FISCAL);
      }
      var parts = new ArrayList<List<String>>();
      try (var ps = db.prepareStatement("select recipient_code, central_amount, status, filed_by, "
          + "acknowledged_by from fm_allocation_part where document_no = ? order by recipient_code")) {
        ps.setString(1, documentNo);
        var rs = ps.executeQuery();
        while (rs.next()) {
          parts.add(List.of(rs.getString(1), rs.getBigDecimal(2).toPlainString(), rs.getString(3),
              rs.getString(4), rs.getString(5)));
        }
      }
      assertThat(parts).containsExactly(
          List.of("450102", "1961869.98", "ACKNOWLEDGED", XINGNING_FINANCE, NANNING_FINANCE),
          List.of("450321", "2000000.00", "ACKNOWLEDGED", YANGSHUO_FINANCE, GUILIN_FINANCE));
      try (var ps = db.prepareStatement("select stage, count(*), sum(central_amount) from "
          + "fm_allocation_line where document_no = ? group by stage order by stage")) {
        ps.setString(1, documentNo);
        var rs = ps.executeQuery();
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("ISSUE");
        assertThat(rs.getInt(2)).isEqualTo(2);
        assertThat(rs.getBigDecimal(3)).isEqualByComparingTo("3961869.98");
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("REFINEMENT");
        assertThat(rs.getBigDecimal(3)).isEqualByComparingTo("3961869.98");
      }
      try (var ps = db.prepareStatement("select action, actor from fm_allocation_event "
          + "where document_no = ? order by id")) {
        ps.setString(1, documentNo);
        var rs = ps.executeQuery();
        var events = new ArrayList<String>();
        while (rs.next()) {
          events.add(rs.getString(1) + " " + rs.getString(2));
        }
        // GX 第十八条: 财政厅审核后下达; GX 第五条第四项: 财政局审核拨付
        assertThat(events).hasSize(12);
        assertThat(events.get(11)).startsWith("COMPLETED ");
        assertThat(events.subList(0, 11)).containsExactly("REGISTERED " + GUANGXI_FINANCE,
            "PLAN_SUBMITTED " + GUANGXI_FINANCE, "ISSUED " + GUANGXI_FISCAL,
            "REFINED " + XINGNING_FINANCE, "RELEASED " + XINGNING_FISCAL, "FILED " + XINGNING_FINANCE,
            "ACKNOWLEDGED " + NANNING_FINANCE,
            "REFINED " + YANGSHUO_FINANCE, "RELEASED " + YANGSHUO_FISCAL, "FILED " + YANGSHUO_FINANCE,
            "ACKNOWLEDGED " + GUILIN_FINANCE);
      }
    }
  }
}
