package cn.fundmonitor.warehousing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** decisions/project-eligibility.dmn, row by row (MNR 第十条; GX 第二条、第十五条; 资阳 目标前置). */
class ProjectEligibilityDecisionTest {

  static DmnEngine dmn;
  static DmnDecision decision;

  @BeforeAll
  static void parse() {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    InputStream in = ProjectEligibilityDecisionTest.class.getResourceAsStream(
        "/decisions/project-eligibility.dmn");
    decision = dmn.parseDecision(ProjectWarehousingProcess.DECISION_ELIGIBILITY,
        Objects.requireNonNull(in));
  }

  /** An application that meets every rule. */
  static VariableMap eligible() {
    return Variables.createVariables()
        .putValue("direction", "ECO_RESTORATION")
        .putValue("outputIndicatorCount", 2)
        .putValue("benefitIndicatorCount", 1)
        .putValue("qualitativeOutputIndicatorCount", 0)
        .putValue("requestedAmountYuan", 3961869.98)
        .putValue("regionInApplicantProvince", true);
  }

  static List<String> reasons(VariableMap vars) {
    return dmn.evaluateDecisionTable(decision, vars).collectEntries("reason");
  }

  @Test
  void eligibleApplicationHasNoReason() {
    assertThat(reasons(eligible())).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ECO_RESTORATION", "GEO_SURVEY", "GEOHAZARD", "GEO_HERITAGE"})
  void gxArticle2DirectionsAreInScope(String direction) {
    assertThat(reasons(eligible().putValue("direction", direction))).isEmpty();
  }

  @Test
  void ruleDirectionOutOfScope_gxArticle2() {
    assertThat(reasons(eligible().putValue("direction", "MARINE_MONITORING")))
        .containsExactly("申报方向不属于专项资金支持方向（国土综合整治与生态修复、地质勘查、地质灾害防治、地质遗迹保护）");
  }

  @Test
  void ruleNoOutputIndicator_mnrArticle10() {
    assertThat(reasons(eligible().putValue("outputIndicatorCount", 0)))
        .singleElement().asString().startsWith("缺少产出指标");
  }

  @Test
  void ruleNoBenefitIndicator_mnrArticle10() {
    assertThat(reasons(eligible().putValue("benefitIndicatorCount", 0)))
        .singleElement().asString().startsWith("缺少效益指标");
  }

  @Test
  void ruleQualitativeOutputIndicator_mnrArticle10() {
    assertThat(reasons(eligible().putValue("qualitativeOutputIndicatorCount", 1)))
        .singleElement().asString().startsWith("产出指标须可量化");
  }

  @Test
  void ruleAmountNotPositive() {
    assertThat(reasons(eligible().putValue("requestedAmountYuan", 0.0)))
        .containsExactly("申报金额必须大于0元");
    assertThat(reasons(eligible().putValue("requestedAmountYuan", 0.01))).isEmpty();
  }

  @Test
  void ruleRegionOutsideProvince_gxArticle15() {
    assertThat(reasons(eligible().putValue("regionInApplicantProvince", false)))
        .singleElement().asString().startsWith("项目所在地不在申报单位所属省份");
  }

  @Test
  void everyFailingRuleGivesItsReason() {
    var all = Variables.createVariables()
        .putValue("direction", "OTHER")
        .putValue("outputIndicatorCount", 0)
        .putValue("benefitIndicatorCount", 0)
        .putValue("qualitativeOutputIndicatorCount", 2)
        .putValue("requestedAmountYuan", 0.0)
        .putValue("regionInApplicantProvince", false);
    var table = (DmnDecisionTableImpl) decision.getDecisionLogic();
    assertThat(table.getRules()).as("one test above per rule").hasSize(6);
    assertThat(reasons(all)).hasSize(6);
  }
}
