package cn.fundmonitor.filing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.money.Yuan;
import cn.fundmonitor.project.Comparator;
import cn.fundmonitor.project.Indicator;
import cn.fundmonitor.project.IndicatorCategory;
import cn.fundmonitor.project.IndicatorLevel;
import cn.fundmonitor.project.IndicatorTarget;
import cn.fundmonitor.project.ProgressPlans.PlannedProgress;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The yardstick of the execution warning (资阳 三(三): 基本支出以时序进度作为参照，项目支出以项目实施
 * 进度或资金分配进度为参照): a project's filing is measured against its implementation plan where
 * the plan covers the monitoring point, else against the share of its money allocated — never
 * against calendar time.
 */
class ExecutionReferenceTest {

  static final Indicator AREA = new Indicator(IndicatorLevel.OUTPUT, IndicatorCategory.QUANTITY,
      "修复治理面积", Comparator.GE, new IndicatorTarget.Numeric(new BigDecimal("120")), "公顷");

  /** The first quarter's filing (calendar time 25%) of a project that received 1,000,000. */
  static QuarterlyFiling q1(String received) {
    return new QuarterlyFiling("450102-2026-0001-2026Q1", "450102-2026-0001", new Quarter(2026, 1),
        FilingStatus.OPEN, LocalDate.of(2026, 4, 15), Yuan.of(received), null, null, null, null,
        null, null, null, null, null, null, null, null);
  }

  static List<IndicatorActual> area(String hectares) {
    return List.of(new IndicatorActual(1, AREA, new IndicatorTarget.Numeric(new BigDecimal(hectares)),
        false, null, false));
  }

  static Optional<PlannedProgress> plan(String execution, String physical) {
    return Optional.of(new PlannedProgress(LocalDate.of(2026, 3, 31), new BigDecimal(execution),
        new BigDecimal(physical)));
  }

  @Test
  void ziyang3_3_aProjectIsMeasuredAgainstItsImplementationPlan() {
    // planned by 31 March: 10% of the money paid, 8% of the work done; filed: 10%, 8%, 9.6 公顷 (8%)
    var facts = FilingService.facts(q1("1000000"), Yuan.of("100000"), new BigDecimal("8"),
        area("9.6"), plan("10", "8"), Yuan.of("1000000"));
    assertThat(facts.reference()).isEqualTo(ProgressReference.PLAN);
    assertThat(facts.executionProgress()).as("on plan, though calendar time says 25%").isEqualTo(100.0);
    assertThat(facts.physicalProgressRatio()).isEqualTo(100.0);
    assertThat(facts.lowestIndicatorProgress()).isEqualTo(100.0);
    assertThat(facts.referenceText()).isEqualTo("参照项目实施进度（实施方案所列本监控时点计划）："
        + "计划预算执行率 10%，计划实物工作量进度 8%；实际预算执行率 10%");
  }

  @Test
  void ziyang3_3_aProjectBehindItsPlanIsBehindWhateverTheCalendarSays() {
    // 25% paid = calendar time exactly, but the plan said 50% by now: 50
    var facts = FilingService.facts(q1("1000000"), Yuan.of("250000"), new BigDecimal("20"),
        area("30"), plan("50", "40"), Yuan.of("1000000"));
    assertThat(facts.executionProgress()).isEqualTo(50.0);
    assertThat(facts.physicalProgressRatio()).isEqualTo(50.0);
    assertThat(facts.lowestIndicatorProgress()).as("30 of 120 公顷 = 25% against 40% planned")
        .isEqualTo(62.5);
  }

  @Test
  void ziyang3_3_withoutAPlanAProjectIsMeasuredAgainstItsAllocation() {
    // 1,000,000 of the 4,000,000 applied for has arrived (25%); 200,000 paid = 5% of 4,000,000
    var facts = FilingService.facts(q1("1000000"), Yuan.of("200000"), new BigDecimal("25"),
        area("30"), Optional.empty(), Yuan.of("4000000"));
    assertThat(facts.reference()).isEqualTo(ProgressReference.ALLOCATION);
    assertThat(facts.referenceExecution()).isEqualTo(25.0);
    assertThat(facts.actualExecution()).isEqualTo(5.0);
    assertThat(facts.executionProgress()).as("paid 5% of the money against 25% allocated").isEqualTo(20.0);
    assertThat(facts.physicalProgressRatio()).as("25% done against 25% allocated").isEqualTo(100.0);
    assertThat(facts.referenceText()).isEqualTo(
        "参照资金分配进度（到位资金占项目申报资金的比例）：25%；实际支付占项目申报资金 5%");
  }

  @Test
  void ziyang3_3_moneyBeyondTheApplicationIsTheWholeAllocation() {
    var facts = FilingService.facts(q1("1000000"), Yuan.of("900000"), new BigDecimal("95"),
        area("118"), Optional.empty(), Yuan.of("800000"));
    assertThat(facts.referenceExecution()).isEqualTo(100.0);
    assertThat(facts.executionProgress()).isEqualTo(90.0);
  }

  @Test
  void ziyang3_3_nothingPlannedYetIsNotJudged() {
    var facts = FilingService.facts(q1("1000000"), Yuan.ZERO, BigDecimal.ZERO, area("0"),
        plan("0", "0"), Yuan.of("1000000"));
    assertThat(facts.reference()).isEqualTo(ProgressReference.PLAN);
    assertThat(facts.executionProgress()).isNull();
    assertThat(facts.physicalProgressRatio()).isNull();
    assertThat(facts.lowestIndicatorProgress()).isNull();
  }
}
