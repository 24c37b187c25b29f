package cn.fundmonitor.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Objects;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** decisions/problem-severity.dmn row by row (MNR 第十二条: 重大问题及时报部). */
class ProblemSeverityDecisionTest {

  static DmnEngine dmn;
  static DmnDecision decision;

  @BeforeAll
  static void parse() {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    decision = dmn.parseDecision("problemSeverity", Objects.requireNonNull(
        ProblemSeverityDecisionTest.class.getResourceAsStream("/decisions/problem-severity.dmn")));
  }

  static VariableMap problem(String kind, Double amount, String level, String warning) {
    return Variables.createVariables().putValue("kind", kind).putValue("amount", amount)
        .putValue("unitLevel", level).putValue("warningLevel", warning);
  }

  static String severity(VariableMap vars) {
    return dmn.evaluateDecisionTable(decision, vars).getSingleResult().getEntry("severity");
  }

  @Test
  void ruleMisappropriationIsAlwaysMajor_evenSmall() {
    assertThat(severity(problem("MISAPPROPRIATION", 1.0, "COUNTY", null))).isEqualTo("MAJOR");
    assertThat(severity(problem("MISAPPROPRIATION", null, "COUNTY", null))).isEqualTo("MAJOR");
  }

  @Test
  void ruleUnauthorisedChangeLarge() {
    assertThat(severity(problem("UNAUTHORISED_CHANGE", 1_000_000.0, "COUNTY", null))).isEqualTo("MAJOR");
    assertThat(severity(problem("UNAUTHORISED_CHANGE", 999_999.99, "COUNTY", null))).isEqualTo("ORDINARY");
  }

  @Test
  void ruleLargeAmount() {
    assertThat(severity(problem("SLOW_PAYMENT", 10_000_000.0, "COUNTY", null))).isEqualTo("MAJOR");
    assertThat(severity(problem("SLOW_PAYMENT", 9_999_999.0, "COUNTY", null))).isEqualTo("ORDINARY");
  }

  @Test
  void ruleRedWarningLarge() {
    assertThat(severity(problem("SLOW_PAYMENT", 5_000_000.0, "CITY", "RED"))).isEqualTo("MAJOR");
    assertThat(severity(problem("SLOW_PAYMENT", 5_000_000.0, "CITY", "YELLOW"))).isEqualTo("ORDINARY");
  }

  @Test
  void ruleProvinceLevel() {
    assertThat(severity(problem("OTHER", null, "PROVINCE", null))).isEqualTo("MAJOR");
  }

  @Test
  void ruleOrdinaryOtherwise() {
    var result = dmn.evaluateDecisionTable(decision, problem("SLOW_PROGRESS", 200_000.0, "COUNTY",
        "YELLOW")).getSingleResult();
    assertThat((String) result.getEntry("severity")).isEqualTo("ORDINARY");
    assertThat((String) result.getEntry("reason")).isEqualTo("一般问题，由省级自然资源主管部门跟踪解决");
    assertThat(((DmnDecisionTableImpl) decision.getDecisionLogic()).getRules())
        .as("one test above per rule").hasSize(6);
  }
}
