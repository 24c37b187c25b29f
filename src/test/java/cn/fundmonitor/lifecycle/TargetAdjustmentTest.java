package cn.fundmonitor.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.project.Comparator;
import cn.fundmonitor.project.Indicator;
import cn.fundmonitor.project.IndicatorCategory;
import cn.fundmonitor.project.IndicatorLevel;
import cn.fundmonitor.project.IndicatorTarget;
import cn.fundmonitor.project.TargetAdjustment;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GX 第二十一条: an adjusted plan may not lower a target — one case per comparator. */
class TargetAdjustmentTest {

  static Indicator cost(String max) {
    return new Indicator(IndicatorLevel.OUTPUT, IndicatorCategory.COST, "单位成本", Comparator.LE,
        new IndicatorTarget.Numeric(new BigDecimal(max)), "元/亩");
  }

  static Indicator benefit(String text) {
    return new Indicator(IndicatorLevel.BENEFIT, IndicatorCategory.ECOLOGICAL, "生态环境", Comparator.QUALITATIVE,
        new IndicatorTarget.Qualitative(text), "");
  }

  @Test
  void aLessOrEqualTargetMayTightenButNotLoosen() {
    assertThat(TargetAdjustment.problems(List.of(cost("800")), List.of(cost("700")))).isEmpty();
    assertThat(TargetAdjustment.problems(List.of(cost("800")), List.of(cost("900"))))
        .containsExactly("第1项指标“单位成本”目标值由 ≤ 800 放宽为 ≤ 900（GX 第二十一条：调整实施方案应坚持绩效目标不降低）");
  }

  @Test
  void aQualitativeTargetStaysAndTheUnitCannotChange() {
    assertThat(TargetAdjustment.problems(List.of(benefit("有效改善")), List.of(benefit("有所改善"))))
        .singleElement().asString().contains("为定性目标，不得修改（原为“有效改善”）");
    var otherUnit = new Indicator(IndicatorLevel.OUTPUT, IndicatorCategory.COST, "单位成本", Comparator.LE,
        new IndicatorTarget.Numeric(new BigDecimal("800")), "元/公顷");
    assertThat(TargetAdjustment.problems(List.of(cost("800")), List.of(otherUnit)))
        .containsExactly("第1项指标“单位成本”的比较符和计量单位不得改变");
  }
}
