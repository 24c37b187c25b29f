package cn.fundmonitor.filing;

import cn.fundmonitor.project.Comparator;
import cn.fundmonitor.project.IndicatorTarget;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.OptionalInt;

/**
 * An indicator's completion rate (指标完成率), computed, never typed: actual ÷ target for ≥ and =,
 * target ÷ actual for ≤ (0 when nothing was done), capped at 100%, in whole percent rounded half
 * up — the Qiemo report's arithmetic (7 of 15 → 47%, 60% against ≥ 98% → 61%). A deadline is 100%
 * when met on time and 0% when missed. Qualitative indicators have no computed rate: the reviewer
 * chooses one.
 */
public final class CompletionRate {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private CompletionRate() {}

  public static OptionalInt of(Comparator comparator, IndicatorTarget target, IndicatorTarget actual) {
    if (target instanceof IndicatorTarget.Numeric t && actual instanceof IndicatorTarget.Numeric a) {
      return OptionalInt.of(numeric(comparator, t.value(), a.value()));
    }
    if (target instanceof IndicatorTarget.Deadline t && actual instanceof IndicatorTarget.Deadline a) {
      return OptionalInt.of(a.date().isAfter(t.date()) ? 0 : 100);
    }
    return OptionalInt.empty();
  }

  static int numeric(Comparator comparator, BigDecimal target, BigDecimal actual) {
    BigDecimal ratio;
    if (comparator == Comparator.LE) {
      if (actual.signum() == 0) {
        return 0;
      }
      ratio = target.multiply(HUNDRED).divide(actual, 4, RoundingMode.HALF_UP);
    } else {
      if (target.signum() == 0) {
        return 100;
      }
      ratio = actual.multiply(HUNDRED).divide(target, 4, RoundingMode.HALF_UP);
    }
    return ratio.min(HUNDRED).setScale(0, RoundingMode.HALF_UP).intValueExact();
  }
}
