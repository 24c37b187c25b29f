package cn.fundmonitor.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * decisions/result-reduction.dmn row by row: how last year's results cut next year's money
 * (GX 第二十二条、第二十九条); the percentages are configurable defaults.
 */
class ResultReductionDecisionTest {

  static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
      .buildEngine();
  static final DmnDecision DECISION = DMN.parseDecision(ResultReductionTable.DECISION,
      Objects.requireNonNull(ResultReductionDecisionTest.class
          .getResourceAsStream("/decisions/result-reduction.dmn")));

  static Map<String, Object> row(String kind, boolean emergency) {
    return DMN.evaluateDecisionTable(DECISION, Variables.createVariables()
        .putValue("flagKind", kind).putValue("geohazardEmergency", emergency)).getSingleResult();
  }

  @Test
  void rulePoorEvaluation_cutBy30PercentByDefault_gxArticle29() {
    assertThat(row("POOR_EVALUATION", false)).containsEntry("reductionPercent", 30)
        .containsEntry("label", "绩效自评结果差，少安排下一年度资金（GX 第二十九条）");
  }

  @Test
  void ruleTerminated_cutBy50PercentByDefault_gxArticle22() {
    assertThat(row("TERMINATED", false)).containsEntry("reductionPercent", 50);
  }

  @Test
  void ruleCancelled_forceMajeureCutBy10PercentByDefault_gxArticle22() {
    assertThat(row("CANCELLED", false)).containsEntry("reductionPercent", 10);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(ResultFlag.Kind.class)
  void ruleGeohazardEmergencyExcepted_nothingIsCut_gxArticle29(ResultFlag.Kind kind) {
    assertThat(row(kind.name(), true)).containsEntry("reductionPercent", 0)
        .containsEntry("label", "地质灾害应急项目，不扣减（GX 第二十九条）");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(ResultFlag.Kind.class)
  void everyKindTheCodeKnowsHasARow(ResultFlag.Kind kind) {
    assertThat(row(kind.name(), false)).isNotNull().containsKey("reductionPercent");
  }

  @Test
  void aKindTheTableDoesNotKnowMatchesNoRow() {
    assertThat(row("UNKNOWN", false)).isNull();
  }
}
