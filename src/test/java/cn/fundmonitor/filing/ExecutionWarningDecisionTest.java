package cn.fundmonitor.filing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
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
import org.junit.jupiter.params.provider.CsvSource;

/**
 * decisions/execution-warning.dmn row by row (资阳 三(三): 基本支出以时序进度作为参照，项目支出以项目
 * 实施进度或资金分配进度为参照; MNR 第十二条): bands 60/80/120, and the reference input says which
 * rows apply.
 */
class ExecutionWarningDecisionTest {

  static DmnEngine dmn;
  static DmnDecision decision;

  @BeforeAll
  static void parse() {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    decision = dmn.parseDecision("executionWarning", Objects.requireNonNull(
        ExecutionWarningDecisionTest.class.getResourceAsStream("/decisions/execution-warning.dmn")));
  }

  static VariableMap onTrack() {
    return onTrack("PLAN");
  }

  static VariableMap onTrack(String reference) {
    return Variables.createVariables().putValue("progressReference", reference)
        .putValue("executionProgress", 100.0)
        .putValue("physicalProgressRatio", 100.0).putValue("lowestIndicatorProgress", 100.0)
        .putValue("highestIndicatorProgress", 100.0);
  }

  static List<Map<String, Object>> warnings(VariableMap vars) {
    return dmn.evaluateDecisionTable(decision, vars).getResultList();
  }

  static List<String> levels(VariableMap vars) {
    return warnings(vars).stream().map(w -> (String) w.get("level")).toList();
  }

  @Test
  void onTrackHasNoWarning() {
    assertThat(warnings(onTrack())).isEmpty();
  }

  @Test
  void missingFactsRaiseNothing() {
    var unknown = Variables.createVariables().putValue("progressReference", null)
        .putValue("executionProgress", null)
        .putValue("physicalProgressRatio", null).putValue("lowestIndicatorProgress", null)
        .putValue("highestIndicatorProgress", null);
    assertThat(warnings(unknown)).isEmpty();
  }

  /** Rule_ExecutionRed, Rule_ExecutionYellow: a project's payments against its plan or its money. */
  @ParameterizedTest(name = "{0}: execution {1} → {2}")
  @CsvSource({"PLAN, 59.99, RED", "PLAN, 0, RED", "PLAN, 60, YELLOW", "PLAN, 79.99, YELLOW",
      "PLAN, 80, ''", "PLAN, 150, ''", "ALLOCATION, 59.99, RED", "ALLOCATION, 60, YELLOW",
      "ALLOCATION, 80, ''"})
  void ziyang3_3_projectPaymentsAgainstTheImplementationPlanOrAllocation(String reference,
      double progress, String level) {
    var result = warnings(onTrack(reference).putValue("executionProgress", progress));
    assertThat(result).extracting(w -> w.get("level"))
        .isEqualTo(level.isEmpty() ? List.of() : List.of(level));
    assertThat(result).extracting(w -> (String) w.get("reason"))
        .allSatisfy(r -> assertThat(r).contains("项目实施进度或资金分配进度").doesNotContain("时序进度"));
  }

  /** Rule_BasicExecutionRed, Rule_BasicExecutionYellow: basic spending against calendar time. */
  @ParameterizedTest(name = "TIME: execution {0} → {1}")
  @CsvSource({"59.99, RED", "60, YELLOW", "79.99, YELLOW", "80, ''"})
  void ziyang3_3_basicSpendingAgainstTimeProgress(double progress, String level) {
    var result = warnings(onTrack("TIME").putValue("executionProgress", progress)
        .putValue("physicalProgressRatio", 10.0));
    assertThat(result).extracting(w -> w.get("level"))
        .as("physical progress is a project's, not measured for basic spending")
        .isEqualTo(level.isEmpty() ? List.of() : List.of(level));
    assertThat(result).extracting(w -> (String) w.get("reason"))
        .allSatisfy(r -> assertThat(r).startsWith("基本支出进度").contains("时序进度"));
  }

  @Test
  void ziyang3_3_withoutAReferenceNoPaymentOrWorkIsJudged() {
    var unknown = Variables.createVariables().putValue("progressReference", null)
        .putValue("executionProgress", 10.0).putValue("physicalProgressRatio", 10.0)
        .putValue("lowestIndicatorProgress", 100.0).putValue("highestIndicatorProgress", 100.0);
    assertThat(warnings(unknown)).isEmpty();
  }

  /** Rule_PhysicalRed, Rule_PhysicalYellow. */
  @ParameterizedTest(name = "{0}: physical {1} → {2}")
  @CsvSource({"PLAN, 30, RED", "PLAN, 70, YELLOW", "PLAN, 80, ''", "ALLOCATION, 30, RED",
      "ALLOCATION, 70, YELLOW", "TIME, 30, ''"})
  void rulePhysicalRedAndYellow(String reference, double progress, String level) {
    var result = levels(onTrack(reference).putValue("physicalProgressRatio", progress));
    assertThat(result).isEqualTo(level.isEmpty() ? List.of() : List.of(level));
  }

  @ParameterizedTest(name = "lowest indicator {0} → {1}")
  @CsvSource({"10, RED", "60, YELLOW", "95, ''"})
  void ruleIndicatorRedAndYellow(double progress, String level) {
    var result = levels(onTrack().putValue("lowestIndicatorProgress", progress));
    assertThat(result).isEqualTo(level.isEmpty() ? List.of() : List.of(level));
  }

  @ParameterizedTest(name = "highest indicator {0} → {1}")
  @CsvSource({"120, BLUE", "119.99, ''"})
  void ruleIndicatorBlue(double progress, String level) {
    var result = levels(onTrack().putValue("highestIndicatorProgress", progress));
    assertThat(result).isEqualTo(level.isEmpty() ? List.of() : List.of(level));
  }

  @Test
  void everyLaggingDimensionGivesItsOwnWarning() {
    var all = Variables.createVariables().putValue("progressReference", "ALLOCATION")
        .putValue("executionProgress", 26.0)
        .putValue("physicalProgressRatio", 70.0).putValue("lowestIndicatorProgress", 7.0)
        .putValue("highestIndicatorProgress", 133.0);
    assertThat(warnings(all)).extracting(w -> w.get("dimension"))
        .containsExactly("EXECUTION", "PHYSICAL", "INDICATOR", "INDICATOR_HIGH");
    assertThat(((DmnDecisionTableImpl) decision.getDecisionLogic()).getRules())
        .as("one test above per rule").hasSize(9);
  }
}
