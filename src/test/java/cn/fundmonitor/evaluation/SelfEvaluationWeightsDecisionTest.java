package cn.fundmonitor.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Objects;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** decisions/self-evaluation-weights.dmn row by row: 产出 50, 效益 30, 满意度 10, 预算执行率 10. */
class SelfEvaluationWeightsDecisionTest {

  static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  static final DmnDecision DECISION = DMN.parseDecision(SelfEvaluationProcess.DECISION_WEIGHTS,
      Objects.requireNonNull(SelfEvaluationWeightsDecisionTest.class
          .getResourceAsStream("/decisions/self-evaluation-weights.dmn")));

  static java.util.List<java.util.Map<String, Object>> rows(String direction) {
    return DMN.evaluateDecisionTable(DECISION, Variables.createVariables()
        .putValue("direction", direction)).getResultList();
  }

  @ParameterizedTest(name = "{0} ({1}) weighs {2}")
  @CsvSource({"OUTPUT, 产出, 50", "BENEFIT, 效益, 30", "SATISFACTION, 满意度, 10",
      "BUDGET_EXECUTION, 预算执行率, 10"})
  void rulePartAndWeight_gxArticle28(String part, String label, String weight) {
    var row = rows("GEOHAZARD").stream().filter(r -> part.equals(r.get("part"))).toList();
    assertThat(row).hasSize(1);
    assertThat(row.get(0)).containsEntry("label", label);
    assertThat(new BigDecimal(row.get(0).get("weight").toString())).isEqualByComparingTo(weight);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ECO_RESTORATION", "GEO_SURVEY", "GEOHAZARD", "GEO_HERITAGE"})
  void everyDirectionGetsWeightsAddingUpTo100(String direction) {
    var weights = SelfEvaluationService.weights(rows(direction));
    assertThat(weights).hasSize(4);
    assertThat(weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo("100");
  }
}
