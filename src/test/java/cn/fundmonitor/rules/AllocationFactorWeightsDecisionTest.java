package cn.fundmonitor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** decisions/allocation-factor-weights.dmn row by row (GX 第十六条: 5:3:2 today). */
class AllocationFactorWeightsDecisionTest {

  static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
      .buildEngine();
  static final DmnDecision DECISION = DMN.parseDecision(FactorWeights.DECISION,
      Objects.requireNonNull(AllocationFactorWeightsDecisionTest.class
          .getResourceAsStream("/decisions/allocation-factor-weights.dmn")));

  static List<Map<String, Object>> rows(int year) {
    return DMN.evaluateDecisionTable(DECISION, Variables.createVariables()
        .putValue("budgetYear", year)).getResultList();
  }

  @ParameterizedTest(name = "{0}: {1} × {2}")
  @CsvSource({
      "HAZARD_POINTS, 地质灾害隐患点数量, 0.5",
      "HIGH_RISK_AREA, 中—极高风险区面积, 0.3",
      "THREATENED_POPULATION, 隐患点威胁人口数, 0.2"})
  void ruleFactorAndWeight_gxArticle16(String factor, String label, String weight) {
    var row = rows(2026).stream().filter(r -> factor.equals(r.get("factor"))).toList();
    assertThat(row).hasSize(1);
    assertThat(row.get(0)).containsEntry("label", label);
    assertThat(new BigDecimal(row.get(0).get("weight").toString())).isEqualByComparingTo(weight);
  }

  @ParameterizedTest(name = "budget year {0}")
  @ValueSource(ints = {2024, 2026, 2030})
  void everyYearHasThreeFactorsWhoseWeightsAddUpToOne(int year) {
    var rows = rows(year);
    assertThat(rows).hasSize(3);
    var factors = rows.stream().map(r -> new Factor((String) r.get("factor"), (String) r.get("label"),
        new BigDecimal(r.get("weight").toString()))).toList();
    assertThat(FactorMethod.policyProblems(factors)).isEmpty();
  }
}
