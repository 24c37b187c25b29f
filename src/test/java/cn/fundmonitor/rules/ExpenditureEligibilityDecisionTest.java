package cn.fundmonitor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.project.Direction;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * decisions/expenditure-eligibility.dmn (GX 第六条、第九条至第十三条) row by row, on the simple FEEL
 * the expense checker uses and on the FEEL-Scala the process engine uses.
 */
class ExpenditureEligibilityDecisionTest {

  static final String RESOURCE = "/decisions/expenditure-eligibility.dmn";

  static final Map<Feel, DmnDecision> TABLE = Map.of(
      Feel.SIMPLE, Feel.SIMPLE.parse(ExpenseChecker.ELIGIBILITY, RESOURCE),
      Feel.SCALA, Feel.SCALA.parse(ExpenseChecker.ELIGIBILITY, RESOURCE));

  static Map<String, Object> decide(Feel feel, Direction direction, ExpenseCategory category) {
    var facts = Expenses.with(Expenses.clean(), direction, category).build().facts();
    var result = feel.engine.evaluateDecisionTable(TABLE.get(feel), Variables.fromMap(facts))
        .getResultList();
    assertThat(result).as("hit policy FIRST gives exactly one answer").hasSize(1);
    return result.get(0);
  }

  @ParameterizedTest(name = "GX 第六条: {0} on every direction")
  @EnumSource(value = ExpenseCategory.class, names = {"ENGINEERING", "SURVEY", "EXPLORATION",
      "PLANNING_DESIGN", "FEASIBILITY_STUDY", "IMPLEMENTATION_PLAN", "TEMPORARY_RELOCATION",
      "TENDER_AGENCY", "CONSTRUCTION_SUPERVISION", "CROP_COMPENSATION", "COMPLETION_ACCEPTANCE",
      "OWNER_MANAGEMENT"})
  void ruleGeneralScopeArticle6(ExpenseCategory category) {
    for (var feel : Feel.values()) {
      for (var direction : Direction.values()) {
        assertThat(decide(feel, direction, category))
            .containsEntry("eligible", true).containsEntry("article", "GX 第六条");
      }
    }
  }

  @ParameterizedTest(name = "{0} / {1} → {2}")
  @CsvSource({
      "ECO_RESTORATION, ECO_PROTECTION_RESTORATION, GX 第九条第一项",
      "ECO_RESTORATION, INTEGRATED_ECO_RESTORATION, GX 第九条第二项",
      "ECO_RESTORATION, LAND_CONSOLIDATION, GX 第九条第三项",
      "ECO_RESTORATION, ABANDONED_MINE_RESTORATION, GX 第九条第四项",
      "ECO_RESTORATION, CARBON_SINK, GX 第九条第五项",
      "ECO_RESTORATION, OTHER_ECO_RESTORATION, GX 第九条第六项",
      "GEO_SURVEY, MINERAL_EXPLORATION, GX 第十条第一项",
      "GEO_SURVEY, REGIONAL_GEOLOGY_SURVEY, GX 第十条第二项",
      "GEO_SURVEY, MARINE_GEOLOGY_SURVEY, GX 第十条第三项",
      "GEO_SURVEY, MAJOR_GEOLOGICAL_PROJECT, GX 第十条第四项",
      "GEOHAZARD, HAZARD_SURVEY, GX 第十二条",
      "GEOHAZARD, HAZARD_TREATMENT, GX 第十二条",
      "GEOHAZARD, HAZARD_MONITORING, GX 第十二条",
      "GEOHAZARD, HAZARD_EQUIPMENT, GX 第十二条",
      "GEOHAZARD, MASS_PREVENTION, GX 第十二条",
      "GEOHAZARD, TRAINING_DRILL, GX 第十二条",
      "GEO_HERITAGE, HERITAGE_SURVEY, GX 第十三条",
      "GEO_HERITAGE, HERITAGE_PROTECTION, GX 第十三条",
      "GEO_HERITAGE, HERITAGE_EDUCATION, GX 第十三条",
      "GEO_HERITAGE, HERITAGE_SPECIMENS, GX 第十三条"})
  void ruleDirectionScope(Direction direction, ExpenseCategory category, String article) {
    for (var feel : Feel.values()) {
      assertThat(decide(feel, direction, category))
          .containsEntry("eligible", true).containsEntry("article", article);
    }
  }

  @ParameterizedTest(name = "{0} / {1} is out of scope")
  @CsvSource({
      "GEOHAZARD, CARBON_SINK",
      "ECO_RESTORATION, HAZARD_TREATMENT",
      "GEO_SURVEY, HERITAGE_PROTECTION",
      "GEO_HERITAGE, MINERAL_EXPLORATION",
      "MARINE_MONITORING, LAND_CONSOLIDATION",
      "GEOHAZARD, SALARY_BONUS",
      "ECO_RESTORATION, VEHICLE",
      "GEOHAZARD, OTHER"})
  void ruleOutOfScope(Direction direction, ExpenseCategory category) {
    for (var feel : Feel.values()) {
      var answer = decide(feel, direction, category);
      assertThat(answer).containsEntry("eligible", false);
      assertThat((String) answer.get("article")).contains("不在").contains("第六条");
    }
  }

  @Test
  void everyRuleCitesItsArticle() {
    var model = Dmn.readModelFromStream(getClass().getResourceAsStream(RESOURCE));
    var rules = List.copyOf(model.getModelElementsByType(Rule.class));
    assertThat(rules).hasSize(22);
    for (var rule : rules) {
      assertThat(rule.getDescription().getTextContent()).as(rule.getId()).matches("^GX 第.+条.*");
    }
  }
}
