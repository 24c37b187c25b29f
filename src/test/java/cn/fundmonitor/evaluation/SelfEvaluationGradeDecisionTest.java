package cn.fundmonitor.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Objects;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** decisions/self-evaluation-grade.dmn row by row (GX 第二十八条、第二十九条): 优 ≥ 90, 良, 中, 差 < 60. */
class SelfEvaluationGradeDecisionTest {

  static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  static final DmnDecision DECISION = DMN.parseDecision(SelfEvaluationProcess.DECISION_GRADE,
      Objects.requireNonNull(SelfEvaluationGradeDecisionTest.class
          .getResourceAsStream("/decisions/self-evaluation-grade.dmn")));

  @ParameterizedTest(name = "{0} → {1} {2}")
  @CsvSource({
      "100, EXCELLENT, 优", "90, EXCELLENT, 优",
      "89.9, GOOD, 良", "80, GOOD, 良",
      "79.9, FAIR, 中", "60, FAIR, 中",
      "59.9, POOR, 差", "0, POOR, 差"})
  void ruleEveryGradeAndItsBoundaries(double score, String grade, String label) {
    var result = DMN.evaluateDecisionTable(DECISION, Variables.createVariables()
        .putValue("evaluationScore", score)).getSingleResult();
    assertThat(result.getEntryMap()).containsEntry("grade", grade).containsEntry("label", label);
    assertThat(Grade.parse(grade)).hasValue(Grade.valueOf(grade));
  }
}
