package cn.fundmonitor.results;

import static cn.fundmonitor.support.TestUsers.*;
import static cn.fundmonitor.warehousing.ApplicationRequest.indicator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fundmonitor.allocation.AllocationMethod;
import cn.fundmonitor.allocation.AllocationService;
import cn.fundmonitor.allocation.RawReceipt;
import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.evaluation.EvaluationPart;
import cn.fundmonitor.evaluation.SelfEvaluation;
import cn.fundmonitor.evaluation.SelfEvaluationService;
import cn.fundmonitor.project.ProjectWarehousing;
import cn.fundmonitor.support.FundMonitorTest;
import cn.fundmonitor.support.Http;
import cn.fundmonitor.support.Projects;
import cn.fundmonitor.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A year's cycle (issue 14; GX 第十五条、第二十二条、第二十九条; MNR 第九条、第十四条; 资阳
 * 评价结果应用管理): the province selects 2034's projects → project-method money goes only to them
 * (an exception needs its reason) → a funded project is graded 差 in its 2034 self-evaluation → the
 * 2035 factor-method calculation cuts its county by the resultReduction table, a geohazard emergency
 * excepted → the province decides, with a reason, not to cut, and the calculation follows. The
 * override is tried by another unit, a wrong role and with hostile input.
 */
@FundMonitorTest
class ResultsChangeNextYearsMoneyTest {

  static final int YEAR = 2034;
  static final int NEXT = 2035;

  @LocalServerPort int port;
  @Autowired Projects projects;
  @Autowired ProjectWarehousing warehousing;
  @Autowired AllocationService allocations;
  @Autowired SelfEvaluationService evaluations;
  @Autowired TestUsers users;
  final ObjectMapper json = new ObjectMapper();

  JsonNode call(String method, String path, Object body, String user, int status) throws Exception {
    var http = new Http(port);
    var response = method.equals("GET") ? http.get(path, user, PASSWORD)
        : http.post(path, body instanceof String s ? s : json.writeValueAsString(body), user, PASSWORD);
    assertThat(response.statusCode()).as(method + " " + path + " as " + user + ": " + response.body())
        .isEqualTo(status);
    return response.body().isBlank() ? null : json.readTree(response.body());
  }

  static Map<String, Object> county(String code, String project) {
    var county = new LinkedHashMap<String, Object>();
    county.put("divisionCode", code);
    county.put("projectCode", project);
    county.put("factors", Map.of("HAZARD_POINTS", 1, "HIGH_RISK_AREA", 1, "THREATENED_POPULATION", 1));
    return county;
  }

  JsonNode calculate() throws Exception {
    return call("POST", "/api/factor-allocation", Map.of("budgetYear", NEXT, "total", "300000.00",
        "fundShare", "CENTRAL", "counties", List.of(county("450102", null), county("450103", null),
            county("450321", null))), GUANGXI_FINANCE, 200);
  }

  /** A 2034 self-evaluation graded 差 (no data filed: the score is below 60). */
  void poorEvaluation(String project, boolean emergency, String actor) {
    evaluations.prepare(project, YEAR);
    var key = SelfEvaluation.key(project, YEAR);
    var weights = new EnumMap<EvaluationPart, BigDecimal>(EvaluationPart.class);
    weights.put(EvaluationPart.OUTPUT, BigDecimal.valueOf(50));
    weights.put(EvaluationPart.BENEFIT, BigDecimal.valueOf(30));
    weights.put(EvaluationPart.SATISFACTION, BigDecimal.valueOf(10));
    weights.put(EvaluationPart.BUDGET_EXECUTION, BigDecimal.valueOf(10));
    var result = evaluations.submit(key, weights, "项目未按计划实施", emergency, actor);
    assertThat(result.score()).isLessThan(BigDecimal.valueOf(60));
    evaluations.recordGrade(key, cn.fundmonitor.evaluation.Grade.POOR);
  }

  @Test
  void aYearsCycle_selectionMoneyPoorEvaluationNextYearsFactorCutAndOverride_gxArticle15And22And29()
      throws Exception {
    var selected = projects.warehoused(XINGNING_ECO, "450102", "兴宁区2034年度入选项目");
    var notSelected = projects.warehoused(YANGSHUO_ECO, "450321", "阳朔县2034年度未入选项目");
    var emergency = projects.warehoused(QINGXIU_ECO, "450103", "青秀区地灾应急项目", "GEOHAZARD");

    // 1. the province selects 2034's projects (GX 第十五条)
    warehousing.select("450000", YEAR, List.of(selected, emergency), GUANGXI_FINANCE, "择优确定");
    projects.withAnnualTargets(selected, YEAR);
    projects.withAnnualTargets(notSelected, YEAR);

    // 2. project-method money goes only to them (MNR 第九条: 按照年度预算支持项目清单下达)
    var documentNo = "桂财资环〔2034〕结果应用1号";
    allocations.register(new RawReceipt(documentNo, "CENTRAL", "ECO_RESTORATION", YEAR, "500000",
            "0", LocalDate.parse("2026-11-01"), List.of(indicator("OUTPUT", "QUANTITY", "修复治理面积", "GE", "1", "公顷")),
            "项目法"), GUANGXI_FINANCE, users.groups(GUANGXI_FINANCE), null);
    assertThat(allocations.get(documentNo).method()).isEqualTo(AllocationMethod.PROJECT);
    assertThatThrownBy(() -> allocations.issue(documentNo, "下达1", LocalDate.parse("2026-11-01"), List.of(
            Map.of("recipientCode", "450102", "projectCode", selected, "centralShare", "300000"),
            Map.of("recipientCode", "450321", "projectCode", notSelected, "centralShare", "200000")),
        List.of(), GUANGXI_FISCAL))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("项目 " + notSelected).hasMessageContaining("不在2034年度遴选确定的支持项目中");
    allocations.issue(documentNo, "下达1", LocalDate.parse("2026-11-01"), List.of(
        Map.of("recipientCode", "450102", "projectCode", selected, "centralShare", "500000")),
        List.of(), GUANGXI_FISCAL);

    // 3. the funded project is graded 差; the geohazard emergency too, but it is excepted
    poorEvaluation(selected, false, XINGNING_FINANCE);
    poorEvaluation(emergency, true, QINGXIU_ECO);

    // 4. 2035's factor-method calculation cuts Xingning by the table's 30% (GX 第二十九条)
    var cut = calculate();
    assertThat(cut.get("shares")).extracting(s -> s.get("amount").asText())
        .containsExactly("77777.78", "111111.11", "111111.11");
    var xingning = cut.get("shares").get(0);
    assertThat(xingning.get("unreducedAmount").asText()).isEqualTo("100000.00");
    assertThat(xingning.get("reductionPercent").decimalValue()).isEqualByComparingTo("30");
    assertThat(xingning.get("resultFlags").get(0).asText()).contains(selected).contains("绩效自评结果差")
        .contains("扣减30%");
    var qingxiu = cut.get("shares").get(1);
    assertThat(qingxiu.get("reductionPercent").decimalValue()).as("geohazard emergency excepted")
        .isEqualByComparingTo("0");
    assertThat(qingxiu.get("resultFlags").get(0).asText()).contains("地质灾害应急项目，不扣减");
    assertThat(cut.get("issueLines").get(0).get("centralShare").asText()).isEqualTo("77777.78");

    // the flags as each unit sees them
    var seen = call("GET", "/api/result-flags?budgetYear=" + NEXT, null, XINGNING_FINANCE, 200);
    assertThat(seen).extracting(f -> f.get("projectCode").asText()).containsExactly(selected);
    assertThat(call("GET", "/api/result-flags?budgetYear=" + NEXT, null, XINJIANG_FINANCE, 200))
        .as("another province sees none").isEmpty();
    call("GET", "/api/result-flags?budgetYear=%3Cscript%3E", null, GUANGXI_FINANCE, 400);

    // 5. the override: refused to another unit, a wrong role and hostile input
    var body = Map.of("budgetYear", NEXT, "projectCode", selected, "reason", "因特大暴雨停工，非实施单位原因");
    call("POST", "/api/result-flags/overrides", body, NANNING_FINANCE, 403);
    call("POST", "/api/result-flags/overrides", body, XINGNING_FINANCE, 403);
    call("POST", "/api/result-flags/overrides", body, GUANGXI_ECO, 403);
    call("POST", "/api/result-flags/overrides", body, XINJIANG_FINANCE, 403);
    var noReason = call("POST", "/api/result-flags/overrides", Map.of("budgetYear", NEXT,
        "projectCode", selected, "reason", "  "), GUANGXI_FINANCE, 400);
    assertThat(noReason.toString()).contains("请填写不予扣减的理由");
    // issue 18: each problem points at the body's field it is about
    assertThat(noReason.get("errors")).extracting(e -> e.get("pointer").asText())
        .containsExactly("#/reason");
    call("POST", "/api/result-flags/overrides", Map.of("budgetYear", NEXT, "projectCode", selected,
        "reason", "理".repeat(501)), GUANGXI_FINANCE, 400);
    var badYear = call("POST", "/api/result-flags/overrides", Map.of("budgetYear", "二〇三五",
        "projectCode", "  ", "reason", "理由"), GUANGXI_FINANCE, 400);
    assertThat(badYear.get("errors")).extracting(e -> e.get("pointer").asText(),
        e -> e.get("detail").asText()).containsExactly(
            tuple("#/budgetYear", "预算年度应为2000至2100之间的年份"),
            tuple("#/projectCode", "请填写项目编码"));
    call("POST", "/api/result-flags/overrides", Map.of("budgetYear", NEXT, "projectCode",
        "' or 1=1 --", "reason", "理由"), GUANGXI_FINANCE, 404);
    call("POST", "/api/result-flags/overrides", "{not json", GUANGXI_FINANCE, 400);
    assertThat(calculate().get("shares").get(0).get("amount").asText()).as("nothing recorded yet")
        .isEqualTo("77777.78");

    var decided = call("POST", "/api/result-flags/overrides", body, GUANGXI_FINANCE, 200);
    assertThat(decided.get("override").get("decidedBy").asText()).isEqualTo(GUANGXI_FINANCE);
    assertThat(decided.get("override").get("reason").asText()).isEqualTo("因特大暴雨停工，非实施单位原因");
    call("POST", "/api/result-flags/overrides", body, GUANGXI_FINANCE, 409);

    var after = calculate();
    assertThat(after.get("shares")).extracting(s -> s.get("amount").asText())
        .containsExactly("100000.00", "100000.00", "100000.00");
    assertThat(after.get("shares").get(0).get("resultFlags").get(0).asText())
        .contains("省级已决定不扣减（因特大暴雨停工，非实施单位原因）");
  }
}
