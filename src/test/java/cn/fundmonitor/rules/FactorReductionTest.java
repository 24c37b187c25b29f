package cn.fundmonitor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fundmonitor.money.Yuan;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Next year's factor-method money cut for last year's results (GX 第二十二条、第二十九条): the
 * flagged county's weighted share shrinks, the total is split again and still adds up to the cent.
 */
class FactorReductionTest {

  static final List<Factor> ONE = List.of(new Factor("HAZARD_POINTS", "隐患点", BigDecimal.ONE));

  static List<FactorMethod.Share> equalThirds(String total) {
    return FactorMethod.allocate(new Yuan(new BigDecimal(total)), ONE, List.of(
        new FactorMethod.County("450102", Map.of("HAZARD_POINTS", BigDecimal.ONE)),
        new FactorMethod.County("450103", Map.of("HAZARD_POINTS", BigDecimal.ONE)),
        new FactorMethod.County("450321", Map.of("HAZARD_POINTS", BigDecimal.ONE))));
  }

  @Test
  void aFlaggedCountysShareShrinksAndTheOthersTakeWhatItLoses_gxArticle29() {
    var shares = equalThirds("300000.00");
    var reduced = FactorMethod.reduce(new Yuan(new BigDecimal("300000.00")), shares,
        Map.of("450102", BigDecimal.valueOf(30)));
    // 0.7 : 1 : 1 → 7/27, 10/27, 10/27 of 300000
    assertThat(reduced).extracting(s -> s.amount().amount().toPlainString())
        .containsExactly("77777.78", "111111.11", "111111.11");
    assertThat(reduced.stream().map(s -> s.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo("300000.00");
    assertThat(reduced.get(0).weightedShare()).isLessThan(shares.get(0).weightedShare());
  }

  @Test
  void noPercentLeavesTheSharesAsTheyWere() {
    var shares = equalThirds("100");
    assertThat(FactorMethod.reduce(new Yuan(new BigDecimal("100")), shares, Map.of()))
        .extracting(s -> s.amount().amount().toPlainString())
        .containsExactly("33.34", "33.33", "33.33");
  }

  @Test
  void aHundredPercentCutLeavesTheCountyNothing_butEveryCountyCutFullyIsRefused() {
    var shares = equalThirds("100");
    assertThat(FactorMethod.reduce(new Yuan(new BigDecimal("100")), shares,
        Map.of("450102", BigDecimal.valueOf(100)))).extracting(s -> s.amount().amount().toPlainString())
        .containsExactly("0.00", "50.00", "50.00");
    var all = Map.of("450102", BigDecimal.valueOf(100), "450103", BigDecimal.valueOf(100),
        "450321", BigDecimal.valueOf(100));
    assertThatThrownBy(() -> FactorMethod.reduce(new Yuan(new BigDecimal("100")), shares, all))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("全额扣减");
    assertThatThrownBy(() -> FactorMethod.reduce(new Yuan(new BigDecimal("100")), shares,
        Map.of("450102", BigDecimal.valueOf(101)))).isInstanceOf(IllegalArgumentException.class);
  }
}
