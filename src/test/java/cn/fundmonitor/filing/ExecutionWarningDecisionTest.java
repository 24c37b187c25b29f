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

/** decisions/execution-warning.dmn row by row (资阳 绩效跟踪监控; MNR 第十二条): bands 60/80/120. */
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
    return Variables.createVariables().putValue("executionProgress", 100.0)
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
    var unknown = Variables.createVariables().putValue("executionProgress", null)
        .putValue("physicalProgressRatio", null).putValue("lowestIndicatorProgress", null)
        .putValue("highestIndicatorProgress", null);
    assertThat(warnings(unknown)).isEmpty();
  }

  @ParameterizedTest(name = "execution {0} → {1}")
  @CsvSource({"59.99, RED", "0, RED", "60, YELLOW", "79.99, YELLOW", "80, ''", "150, ''"})
  void ruleExecutionRedAndYellow(double progress, String level) {
    var result = levels(onTrack().putValue("executionProgress", progress));
    assertThat(result).isEqualTo(level.isEmpty() ? List.of() : List.of(level));
  }

  @ParameterizedTest(name = "physical {0} → {1}")
  @CsvSource({"30, RED", "70, YELLOW", "80, ''"})
  void rulePhysicalRedAndYellow(double progress, String level) {
    var result = levels(onTrack().putValue("physicalProgressRatio", progress));
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
    var all = Variables.createVariables().putValue("executionProgress", 26.0)
        .putValue("physicalProgressRatio", 70.0).putValue("lowestIndicatorProgress", 7.0)
        .putValue("highestIndicatorProgress", 133.0);
    assertThat(warnings(all)).extracting(w -> w.get("dimension"))
        .containsExactly("EXECUTION", "PHYSICAL", "INDICATOR", "INDICATOR_HIGH");
    assertThat(((DmnDecisionTableImpl) decision.getDecisionLogic()).getRules())
        .as("one test above per rule").hasSize(7);
  }
}
