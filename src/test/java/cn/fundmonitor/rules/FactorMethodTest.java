package cn.fundmonitor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fundmonitor.money.Yuan;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The factor method of GX 第十六条 and its rounding to the cent (largest remainder). */
class FactorMethodTest {

  static final List<Factor> GX_532 = List.of(
      new Factor("HAZARD_POINTS", "地质灾害隐患点数量", new BigDecimal("0.5")),
      new Factor("HIGH_RISK_AREA", "中—极高风险区面积", new BigDecimal("0.3")),
      new Factor("THREATENED_POPULATION", "隐患点威胁人口数", new BigDecimal("0.2")));

  static FactorMethod.County county(String code, String points, String area, String people) {
    return new FactorMethod.County(code, Map.of("HAZARD_POINTS", new BigDecimal(points),
        "HIGH_RISK_AREA", new BigDecimal(area), "THREATENED_POPULATION", new BigDecimal(people)));
  }

  static Yuan sum(List<FactorMethod.Share> shares) {
    return shares.stream().map(FactorMethod.Share::amount).reduce(Yuan.ZERO, Yuan::plus);
  }

  @Test
  void gxArticle16FormulaWithWeights532() {
    // county A: 30/100 points, 20/50 area, 1000/4000 people
    // = 0.3×0.5 + 0.4×0.3 + 0.25×0.2 = 0.15 + 0.12 + 0.05 = 0.32
    var shares = FactorMethod.allocate(Yuan.of("1000000.00"), GX_532, List.of(
        county("450102", "30", "20", "1000"),
        county("450321", "70", "30", "3000")));
    assertThat(shares.get(0).weightedShare()).isEqualByComparingTo("0.32");
    assertThat(shares.get(0).amount()).isEqualTo(Yuan.of("320000.00"));
    assertThat(shares.get(1).amount()).isEqualTo(Yuan.of("680000.00"));
    assertThat(shares.get(0).factorShares().get("HAZARD_POINTS")).isEqualByComparingTo("0.3");
  }

  @Test
  void threeEqualCountiesSplitACentByLargestRemainderInCodeOrder() {
    // 100.00 / 3 = 33.333… each: 33.33 × 3 = 99.99; the one cent left goes to the first code
    var shares = FactorMethod.allocate(Yuan.of("100.00"), GX_532, List.of(
        county("450103", "1", "1", "1"), county("450102", "1", "1", "1"),
        county("450104", "1", "1", "1")));
    assertThat(shares).extracting(s -> s.amount().amount().toPlainString())
        .containsExactly("33.33", "33.34", "33.33");
    assertThat(sum(shares)).isEqualTo(Yuan.of("100.00"));
  }

  @Test
  void theLargestRemainderGetsTheCentNotTheLargestCounty() {
    // exact shares 66.666…, 33.333… of 100.00: 66.66 + 33.33 = 99.99; remainders .666 > .333
    var shares = FactorMethod.allocate(Yuan.of("100.00"), GX_532, List.of(
        county("450102", "2", "2", "2"), county("450321", "1", "1", "1")));
    assertThat(shares).extracting(s -> s.amount().amount().toPlainString())
        .containsExactly("66.67", "33.33");
  }

  @Test
  void sharesAlwaysAddUpToTheTotalToTheCent() {
    var random = new Random(16);
    for (int run = 0; run < 200; run++) {
      var counties = new ArrayList<FactorMethod.County>();
      int n = 1 + random.nextInt(120);
      for (int i = 0; i < n; i++) {
        counties.add(county(String.format("45%04d", i), String.valueOf(random.nextInt(400)),
            BigDecimal.valueOf(random.nextInt(1_000_000), 2).toPlainString(),
            String.valueOf(1 + random.nextInt(90_000))));
      }
      counties.set(0, county("450000", "1", "1", "1"));
      var total = Yuan.of(BigDecimal.valueOf(random.nextLong(1, 10_000_000_000L), 2));
      var shares = FactorMethod.allocate(total, GX_532, counties);
      assertThat(sum(shares)).as("run %d", run).isEqualTo(total);
      for (int i = 0; i < n; i++) {
        var exact = total.amount().multiply(shares.get(i).weightedShare());
        assertThat(shares.get(i).amount().amount().subtract(exact).abs())
            .as("no county is more than a cent from its exact share")
            .isLessThan(new BigDecimal("0.01"));
      }
    }
  }

  @Test
  void anAddedFactorIsUsedWithItsWeight() {
    var withFiscal = List.of(
        new Factor("HAZARD_POINTS", "地质灾害隐患点数量", new BigDecimal("0.4")),
        new Factor("HIGH_RISK_AREA", "中—极高风险区面积", new BigDecimal("0.3")),
        new Factor("THREATENED_POPULATION", "隐患点威胁人口数", new BigDecimal("0.2")),
        new Factor("FISCAL_DIFFICULTY", "财政困难程度", new BigDecimal("0.1")));
    var a = new FactorMethod.County("450102", Map.of("HAZARD_POINTS", BigDecimal.ONE,
        "HIGH_RISK_AREA", BigDecimal.ONE, "THREATENED_POPULATION", BigDecimal.ONE,
        "FISCAL_DIFFICULTY", BigDecimal.ZERO));
    var b = new FactorMethod.County("450321", Map.of("HAZARD_POINTS", BigDecimal.ONE,
        "HIGH_RISK_AREA", BigDecimal.ONE, "THREATENED_POPULATION", BigDecimal.ONE,
        "FISCAL_DIFFICULTY", BigDecimal.ONE));
    var shares = FactorMethod.allocate(Yuan.of("1000.00"), withFiscal, List.of(a, b));
    // equal on the first three factors (0.45 each), all of the fiscal factor (0.1) to b
    assertThat(shares).extracting(s -> s.amount().amount().toPlainString())
        .containsExactly("450.00", "550.00");
  }

  @Test
  void weightsMustBePositiveAndAddUpToOne() {
    var wrong = List.of(new Factor("A", "甲", new BigDecimal("0.5")),
        new Factor("B", "乙", new BigDecimal("0.4")), new Factor("A", "甲", new BigDecimal("0")));
    assertThat(FactorMethod.policyProblems(wrong)).containsExactly(
        "因素“甲”（A）在决策表中出现了不止一次", "因素“甲”的权重应大于0", "各因素权重合计为 0.9，应为 1（即100%）");
    assertThat(FactorMethod.policyProblems(List.of())).hasSize(1);
    assertThat(FactorMethod.policyProblems(GX_532)).isEmpty();
  }

  @Test
  void missingNegativeAndAllZeroFactorsAreNamed() {
    var counties = List.of(
        new FactorMethod.County("450102", Map.of("HAZARD_POINTS", BigDecimal.ONE,
            "HIGH_RISK_AREA", new BigDecimal("-1"), "THREATENED_POPULATION", BigDecimal.ZERO)),
        new FactorMethod.County("450321", Map.of("HAZARD_POINTS", BigDecimal.ONE,
            "THREATENED_POPULATION", BigDecimal.ZERO)));
    assertThat(FactorMethod.dataProblems(GX_532, counties, c -> c.equals("450102") ? "兴宁区" : "阳朔县"))
        .containsExactly("兴宁区：因素“中—极高风险区面积”不能为负数", "阳朔县：缺少因素“中—极高风险区面积”的数据",
            "所有县（市、区）的“中—极高风险区面积”合计为0，无法按该因素分配",
            "所有县（市、区）的“隐患点威胁人口数”合计为0，无法按该因素分配");
    assertThatThrownBy(() -> FactorMethod.allocate(Yuan.of("1.00"), GX_532, counties))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
