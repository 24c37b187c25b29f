package cn.fundmonitor.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.project.Comparator;
import cn.fundmonitor.project.Indicator;
import cn.fundmonitor.project.IndicatorCategory;
import cn.fundmonitor.project.IndicatorLevel;
import cn.fundmonitor.project.IndicatorTarget;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Decomposed targets never lower than approved (MNR 第十条; GX 第二十一条 绩效目标不降低). */
class TargetDecompositionTest {

  static final Indicator AREA = new Indicator(IndicatorLevel.OUTPUT, IndicatorCategory.QUANTITY,
      "修复治理面积", Comparator.GE, new IndicatorTarget.Numeric(new BigDecimal("100")), "公顷");
  static final Indicator POINTS = new Indicator(IndicatorLevel.OUTPUT, IndicatorCategory.QUANTITY,
      "治理隐患点", Comparator.EQ, new IndicatorTarget.Numeric(new BigDecimal("3")), "处");
  static final Indicator PASS_RATE = new Indicator(IndicatorLevel.OUTPUT, IndicatorCategory.QUALITY,
      "工程验收合格率", Comparator.GE, new IndicatorTarget.Numeric(new BigDecimal("98")), "%");
  static final Indicator COST = new Indicator(IndicatorLevel.OUTPUT, IndicatorCategory.COST,
      "单位面积治理成本", Comparator.LE, new IndicatorTarget.Numeric(new BigDecimal("10.5")), "万元/公顷");
  static final Indicator FINISH = new Indicator(IndicatorLevel.OUTPUT, IndicatorCategory.TIMELINESS,
      "完工时间", Comparator.LE, new IndicatorTarget.Deadline(LocalDate.of(2027, 12, 31)), "");
  static final Indicator ECOLOGY = new Indicator(IndicatorLevel.BENEFIT, IndicatorCategory.ECOLOGICAL,
      "生态环境", Comparator.QUALITATIVE, new IndicatorTarget.Qualitative("有效改善"), "");
  static final List<Indicator> APPROVED = List.of(AREA, POINTS, PASS_RATE, COST, FINISH, ECOLOGY);
  static final List<String> UNITS = List.of("450102", "450321");

  final List<String> problems = new ArrayList<>();

  static Map<String, Object> row(String unit, String name, String target) {
    return Map.of("unitCode", unit, "indicatorName", name, "target", target);
  }

  List<DecomposedTarget> decompose(List<String> units, Map<String, Object>... rows) {
    return TargetDecomposition.decompose(APPROVED, units, List.of(rows), u -> u, "下达单位", problems);
  }

  @Test
  void additiveQuantitiesAreSplitAndTheRestInherited() {
    var result = decompose(UNITS, row("450102", "修复治理面积", "70"), row("450321", "修复治理面积", "30"),
        row("450102", "治理隐患点", "2"), row("450321", "治理隐患点", "1"),
        row("450321", "工程验收合格率", "99"));
    assertThat(problems).isEmpty();
    assertThat(result).filteredOn(t -> t.unitCode().equals("450321"))
        .extracting(t -> t.approved().name(), t -> t.target().text(), DecomposedTarget::inherited)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("修复治理面积", "30", false),
            org.assertj.core.groups.Tuple.tuple("治理隐患点", "1", false),
            org.assertj.core.groups.Tuple.tuple("工程验收合格率", "99", false),
            org.assertj.core.groups.Tuple.tuple("单位面积治理成本", "10.5", true),
            org.assertj.core.groups.Tuple.tuple("完工时间", "2027-12-31", true),
            org.assertj.core.groups.Tuple.tuple("生态环境", "有效改善", true));
  }

  @Test
  void aGreaterOrEqualSumBelowTheApprovedTargetIsRefused() {
    decompose(UNITS, row("450102", "修复治理面积", "50"), row("450321", "修复治理面积", "30"),
        row("450102", "治理隐患点", "3"));
    assertThat(problems).containsExactly("指标“修复治理面积”分解合计 80 公顷，低于批复目标 ≥ 100 公顷");
  }

  @Test
  void anEqualTargetMustAddUpExactly() {
    decompose(UNITS, row("450102", "修复治理面积", "100"), row("450102", "治理隐患点", "2"),
        row("450321", "治理隐患点", "2"));
    assertThat(problems).containsExactly("指标“治理隐患点”分解合计 4 处，不等于批复目标 = 3 处");
  }

  @Test
  void aRateMayNotGoBelowAndACostOrDeadlineNotAbove() {
    decompose(UNITS, row("450102", "修复治理面积", "100"), row("450102", "治理隐患点", "3"),
        row("450102", "工程验收合格率", "80"), row("450321", "单位面积治理成本", "12"),
        row("450321", "完工时间", "2028-06-30"));
    assertThat(problems).containsExactly(
        "450102：指标“工程验收合格率”分解为 ≥ 80 %，低于批复目标 ≥ 98 %",
        "450321：指标“单位面积治理成本”分解为 ≤ 12 万元/公顷，宽于批复目标 ≤ 10.5 万元/公顷",
        "450321：指标“完工时间”分解为 ≤ 2028-06-30，宽于批复目标 ≤ 2027-12-31");
  }

  @Test
  void aSingleUnitTakesTheWholeTargetUnlessItNamesOne() {
    var result = decompose(List.of("450102"));
    assertThat(problems).isEmpty();
    assertThat(result).filteredOn(t -> t.approved().name().equals("修复治理面积"))
        .singleElement().satisfies(t -> {
          assertThat(t.target().text()).isEqualTo("100");
          assertThat(t.inherited()).isTrue();
        });
  }

  @Test
  void unknownIndicatorsAndUnitsAndDuplicatesAreNamed() {
    decompose(UNITS, row("450102", "修复治理面积", "100"), row("450102", "治理隐患点", "3"),
        row("450999", "修复治理面积", "1"), row("450102", "耕地面积", "1"),
        row("450102", "工程验收合格率", "99"), row("450102", "工程验收合格率", "99"));
    assertThat(problems).containsExactly(
        "第3条分解指标：下达单位“450999”不在本次资金的下达单位中",
        "第4条分解指标：指标“耕地面积”不在批复的绩效目标中",
        "第6条分解指标：450102的指标“工程验收合格率”重复填写");
  }
}
