package cn.fundmonitor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.project.Direction;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * decisions/expenditure-prohibition.dmn (GX 第八条) row by row, on both FEEL engines it may run on:
 * the simple FEEL the expense checker uses and the FEEL-Scala the process engine uses.
 */
class ExpenditureProhibitionDecisionTest {

  static final String RESOURCE = "/decisions/expenditure-prohibition.dmn";
  static final List<String> ITEMS = IntStream.rangeClosed(1, 10)
      .mapToObj(i -> "第八条第" + List.of("一", "二", "三", "四", "五", "六", "七", "八", "九", "十").get(i - 1) + "项")
      .toList();

  static final Map<Feel, DmnDecision> TABLE = Map.of(
      Feel.SIMPLE, Feel.SIMPLE.parse(ExpenseChecker.PROHIBITION, RESOURCE),
      Feel.SCALA, Feel.SCALA.parse(ExpenseChecker.PROHIBITION, RESOURCE));

  static List<Map<String, Object>> results(Feel feel, Expense expense) {
    return feel.engine.evaluateDecisionTable(TABLE.get(feel), Variables.fromMap(expense.facts()))
        .getResultList();
  }

  static List<String> items(Feel feel, Expense expense) {
    return results(feel, expense).stream().map(r -> (String) r.get("item")).toList();
  }

  /** A geohazard treatment the natural-resources department answers for: nothing prohibited. */
  static Expense clean() {
    return Expenses.clean();
  }

  /** One expense per item of 第八条 that must be caught by that item's rule(s) and no other. */
  static Map<String, Expense> caseFor() {
    var c = clean();
    return Map.of(
        ITEMS.get(0), Expenses.with(c, Direction.ECO_RESTORATION, ExpenseCategory.LAND_CONSOLIDATION)
            .outsideArea(true).build(),
        ITEMS.get(1), Expenses.of(c).party(HazardParty.OTHER_DEPARTMENT).build(),
        ITEMS.get(2), Expenses.of(c).party(HazardParty.ENTERPRISE).build(),
        ITEMS.get(3), Expenses.of(c).humanCaused(true).build(),
        ITEMS.get(4), Expenses.of(c).category(ExpenseCategory.SALARY_BONUS).build(),
        ITEMS.get(5), Expenses.of(c).category(ExpenseCategory.LATE_FEE_FINE).build(),
        ITEMS.get(6), Expenses.of(c).category(ExpenseCategory.VEHICLE).build(),
        ITEMS.get(7), Expenses.with(c, Direction.ECO_RESTORATION, ExpenseCategory.ABANDONED_MINE_RESTORATION)
            .liableParty(true).build(),
        ITEMS.get(8), Expenses.of(c).category(ExpenseCategory.ILLEGAL_ACT_RECTIFICATION).build(),
        ITEMS.get(9), Expenses.of(c).related(false).build());
  }

  static List<Arguments> everyItemOnEveryEngine() {
    return ITEMS.stream().flatMap(item -> java.util.Arrays.stream(Feel.values())
        .map(feel -> Arguments.of(item, feel))).toList();
  }

  @ParameterizedTest(name = "{0} has a rule ({1})")
  @MethodSource("everyItemOnEveryEngine")
  void everyItemOfArticle8IsCaughtByItsOwnRule(String item, Feel feel) {
    var results = results(feel, caseFor().get(item));
    assertThat(results).extracting(r -> r.get("item")).containsExactly(item);
    assertThat((String) results.get(0).get("reason")).isNotBlank();
  }

  @org.junit.jupiter.api.Test
  void theTableCitesEachOfTheTenItemsOfArticle8AndNothingElse() {
    var model = Dmn.readModelFromStream(getClass().getResourceAsStream(RESOURCE));
    var cited = new TreeSet<String>();
    for (Rule rule : model.getModelElementsByType(Rule.class)) {
      var item = rule.getOutputEntries().iterator().next().getTextContent().replace("\"", "");
      cited.add(item);
      assertThat(rule.getDescription().getTextContent()).as(rule.getId()).startsWith("GX " + item);
    }
    assertThat(cited).containsExactlyInAnyOrderElementsOf(ITEMS);
  }

  @ParameterizedTest
  @EnumSource(Feel.class)
  void aCleanExpenseIsNotProhibited(Feel feel) {
    assertThat(items(feel, clean())).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Feel.class)
  void rule1FarmlandSupplementOnAnyDirection(Feel feel) {
    assertThat(items(feel, Expenses.of(clean()).farmland(true).build())).containsExactly(ITEMS.get(0));
  }

  @ParameterizedTest
  @EnumSource(Feel.class)
  void rule1OutsideInfrastructureOnlyConcernsEcoRestoration(Feel feel) {
    assertThat(items(feel, Expenses.of(clean()).outsideArea(true).build())).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Feel.class)
  void rules2To4OnlyConcernGeohazards(Feel feel) {
    var survey = Expenses.with(clean(), Direction.GEO_SURVEY, ExpenseCategory.MINERAL_EXPLORATION)
        .party(HazardParty.ENTERPRISE).humanCaused(true).build();
    assertThat(items(feel, survey)).isEmpty();
  }

  @ParameterizedTest(name = "{0} → 第八条第五项")
  @EnumSource(value = ExpenseCategory.class, names = {"OFFICE_PREMISES", "SALARY_BONUS",
      "WORKING_FUNDS", "MANAGEMENT_FEE", "BUDGET_BALANCING"})
  void rule5EveryOfficeAndSalaryCategory(ExpenseCategory category) {
    for (var feel : Feel.values()) {
      assertThat(items(feel, Expenses.of(clean()).category(category).build()))
          .containsExactly(ITEMS.get(4));
    }
  }

  @ParameterizedTest(name = "{0} → 第八条第六项")
  @EnumSource(value = ExpenseCategory.class, names = {"INVESTMENT", "SPONSORSHIP_DONATION",
      "LATE_FEE_FINE"})
  void rule6EveryInvestmentDonationAndFineCategory(ExpenseCategory category) {
    for (var feel : Feel.values()) {
      assertThat(items(feel, Expenses.of(clean()).category(category).build()))
          .containsExactly(ITEMS.get(5));
    }
  }

  @ParameterizedTest(name = "{0} → 第八条第七项")
  @EnumSource(value = ExpenseCategory.class, names = {"VEHICLE", "UNRELATED_EQUIPMENT",
      "UNRELATED_INFRASTRUCTURE"})
  void rule7EveryVehicleAndUnrelatedAssetCategory(ExpenseCategory category) {
    for (var feel : Feel.values()) {
      assertThat(items(feel, Expenses.of(clean()).category(category).build()))
          .containsExactly(ITEMS.get(6));
    }
  }

  @ParameterizedTest
  @EnumSource(Feel.class)
  void rule8LiablePartyOnlyConcernsEcoRestoration(Feel feel) {
    assertThat(items(feel, Expenses.of(clean()).liableParty(true).build())).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Feel.class)
  void severalProhibitionsAreAllReported(Feel feel) {
    var bad = Expenses.of(clean()).category(ExpenseCategory.VEHICLE).party(HazardParty.ENTERPRISE)
        .related(false).build();
    assertThat(items(feel, bad)).containsExactlyInAnyOrder(ITEMS.get(2), ITEMS.get(6), ITEMS.get(9));
  }

  @ParameterizedTest
  @EnumSource(Feel.class)
  void bothEnginesAgreeOnEveryCategoryAndDirection(Feel feel) {
    for (var direction : Direction.values()) {
      for (var category : ExpenseCategory.values()) {
        var expense = Expenses.with(clean(), direction, category).build();
        assertThat(items(feel, expense)).as(direction + "/" + category)
            .isEqualTo(items(Feel.SIMPLE, expense));
      }
    }
  }
}
