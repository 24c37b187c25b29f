package cn.fundmonitor.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * decisions/province-inspection-rules.dmn row by row (MNR 第二十五条: 省级自然资源主管部门可结合实际
 * 情况对检查内容进行补充): each row holds for the province it names and no other.
 */
class ProvinceInspectionRulesDecisionTest {

  static DmnEngine dmn;
  static DmnDecision decision;

  @BeforeAll
  static void parse() {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    decision = dmn.parseDecision("provinceInspectionRules", Objects.requireNonNull(
        ProvinceInspectionRulesDecisionTest.class.getResourceAsStream(
            "/decisions/province-inspection-rules.dmn")));
  }

  static List<String> codes(String province, Boolean accepted, Double paidRatio, Double physical) {
    var vars = Variables.createVariables().putValue("province", province)
        .putValue("accepted", accepted).putValue("paidRatio", paidRatio)
        .putValue("physicalProgress", physical);
    return dmn.evaluateDecisionTable(decision, vars).getResultList().stream()
        .map(r -> (String) r.get("ruleCode")).toList();
  }

  @Test
  void gx23_ruleGx23PaidAfterAcceptance_guangxiFlagsAnAcceptedProjectPaidBelow95Percent() {
    assertThat(codes("450000", true, 0.5, 100.0)).containsExactly("GX23_PAID_AFTER_ACCEPTANCE");
    assertThat(codes("450000", true, 0.9499, 100.0)).containsExactly("GX23_PAID_AFTER_ACCEPTANCE");
    assertThat(codes("450000", true, 0.95, 100.0)).as("95% paid is enough").isEmpty();
    assertThat(codes("450000", false, 0.5, 80.0)).as("not yet accepted").isEmpty();
    assertThat(codes("450000", true, null, 100.0)).as("nothing payable").isEmpty();
  }

  @Test
  void mnrArticle25_anotherProvinceIsNotHeldToGuangxisExtraRule() {
    for (var province : List.of("650000", "510000", "000000")) {
      assertThat(codes(province, true, 0.5, 100.0)).as(province).isEmpty();
    }
    assertThat(codes(null, true, 0.5, 100.0)).isEmpty();
  }

  @Test
  void everyRowNamesItsProvinceAndCitesItsBasis() {
    var table = (org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl) decision.getDecisionLogic();
    assertThat(table.getRules()).isNotEmpty().allSatisfy(rule ->
        assertThat(rule.getConditions().get(0).getExpression()).as(rule.getId()).isNotBlank());
    assertThat(Map.of()).isEmpty();
  }
}
