package cn.fundmonitor.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount of money in yuan, exact to the cent (SPEC §2: never floating point). Stored in yuan,
 * shown in 万元 as the authorities' reports do (e.g. 3,961,869.98 元 = 396.186998 万元).
 */
public record Yuan(BigDecimal amount) implements Comparable<Yuan> {

  public static final Yuan ZERO = new Yuan(BigDecimal.ZERO);
  private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

  public Yuan {
    Objects.requireNonNull(amount, "amount");
    if (amount.stripTrailingZeros().scale() > 2) {
      throw new IllegalArgumentException("金额以元为单位，最多保留两位小数（分）：" + amount.toPlainString());
    }
    amount = amount.setScale(2, RoundingMode.UNNECESSARY);
  }

  public static Yuan of(String amount) {
    return new Yuan(new BigDecimal(amount));
  }

  public static Yuan of(BigDecimal amount) {
    return new Yuan(amount);
  }

  public boolean isPositive() {
    return amount.signum() > 0;
  }

  public boolean isNegative() {
    return amount.signum() < 0;
  }

  public Yuan plus(Yuan other) {
    return new Yuan(amount.add(other.amount));
  }

  public Yuan minus(Yuan other) {
    return new Yuan(amount.subtract(other.amount));
  }

  /** The amount in 万元, exact (up to six decimals), without trailing zeros. */
  public BigDecimal inWan() {
    var wan = amount.divide(TEN_THOUSAND, 6, RoundingMode.UNNECESSARY).stripTrailingZeros();
    return wan.scale() < 0 ? wan.setScale(0) : wan;
  }

  /** e.g. "396.186998 万元" */
  public String toWanText() {
    return inWan().toPlainString() + " 万元";
  }

  @Override
  public int compareTo(Yuan other) {
    return amount.compareTo(other.amount);
  }

  @Override
  public String toString() {
    return amount.toPlainString() + " 元";
  }
}
