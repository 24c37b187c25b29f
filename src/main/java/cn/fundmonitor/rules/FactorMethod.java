package cn.fundmonitor.rules;

import cn.fundmonitor.money.Yuan;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The factor method of GX 第十六条: each county gets the total times the weighted sum of its shares
 * of every factor, {@code Σ_f weight_f × value_cf / Σ_c value_cf}. Shares are cut to the cent and the
 * cents left over go one each to the counties with the largest remainders (largest-remainder
 * method), so they add up exactly to the total. Which factors and what weights is policy (DMN),
 * not code: any number of factors works the same.
 */
public final class FactorMethod {

  private static final MathContext PRECISION = MathContext.DECIMAL128;
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private FactorMethod() {}

  /** One county's data: its factor values by factor code. */
  public record County(String divisionCode, Map<String, BigDecimal> values) {}

  /** One county's result: its share of each factor, the weighted share, and the money. */
  public record Share(String divisionCode, Map<String, BigDecimal> factorShares,
      BigDecimal weightedShare, Yuan amount) {}

  /**
   * Splits the total. The caller has checked the inputs (see {@link #problems}); this throws
   * {@link IllegalArgumentException} if it was not done.
   */
  public static List<Share> allocate(Yuan total, List<Factor> factors, List<County> counties) {
    var problems = new ArrayList<String>(policyProblems(factors));
    problems.addAll(dataProblems(factors, counties, c -> c));
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("；", problems));
    }
    var sums = new LinkedHashMap<String, BigDecimal>();
    for (var f : factors) {
      sums.put(f.code(), counties.stream().map(c -> c.values().get(f.code()))
          .reduce(BigDecimal.ZERO, BigDecimal::add));
    }
    var cents = total.amount().movePointRight(2);
    var exact = new ArrayList<BigDecimal>(counties.size());
    var factorShares = new ArrayList<Map<String, BigDecimal>>(counties.size());
    var weighted = new ArrayList<BigDecimal>(counties.size());
    for (var c : counties) {
      var shares = new LinkedHashMap<String, BigDecimal>();
      var w = BigDecimal.ZERO;
      for (var f : factors) {
        var share = c.values().get(f.code()).divide(sums.get(f.code()), PRECISION);
        shares.put(f.code(), share);
        w = w.add(f.weight().multiply(share, PRECISION), PRECISION);
      }
      factorShares.add(shares);
      weighted.add(w);
      exact.add(cents.multiply(w, PRECISION));
    }
    var floors = largestRemainder(cents, exact,
        counties.stream().map(County::divisionCode).toList());
    var result = new ArrayList<Share>(counties.size());
    for (int i = 0; i < floors.length; i++) {
      result.add(new Share(counties.get(i).divisionCode(), factorShares.get(i),
          weighted.get(i), Yuan.of(BigDecimal.valueOf(floors[i], 2))));
    }
    return result;
  }

  /**
   * Next year's money cut for results (GX 第二十二条、第二十九条): each county's weighted share is
   * reduced by its percentage and the total is split again over the reduced shares, so what a
   * flagged county loses goes to the others and the shares still add up to the total, to the cent.
   * A county without a percentage keeps its weight. Throws {@link IllegalArgumentException} if
   * nothing would be left to split (every county cut by 100%).
   */
  public static List<Share> reduce(Yuan total, List<Share> shares,
      Map<String, BigDecimal> reductionPercents) {
    var reduced = new ArrayList<BigDecimal>(shares.size());
    var sum = BigDecimal.ZERO;
    for (var s : shares) {
      var percent = reductionPercents.getOrDefault(s.divisionCode(), BigDecimal.ZERO);
      if (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
        throw new IllegalArgumentException("扣减比例应在0至100之间：" + percent);
      }
      var w = s.weightedShare().multiply(BigDecimal.ONE.subtract(percent.divide(HUNDRED, PRECISION)),
          PRECISION);
      reduced.add(w);
      sum = sum.add(w, PRECISION);
    }
    if (sum.signum() == 0) {
      throw new IllegalArgumentException("所有县（市、区）均被全额扣减，无法分配");
    }
    var cents = total.amount().movePointRight(2);
    var exact = new ArrayList<BigDecimal>(shares.size());
    var normalised = new ArrayList<BigDecimal>(shares.size());
    for (var w : reduced) {
      var share = w.divide(sum, PRECISION);
      normalised.add(share);
      exact.add(cents.multiply(share, PRECISION));
    }
    var floors = largestRemainder(cents, exact, shares.stream().map(Share::divisionCode).toList());
    var result = new ArrayList<Share>(shares.size());
    for (int i = 0; i < shares.size(); i++) {
      result.add(new Share(shares.get(i).divisionCode(), shares.get(i).factorShares(),
          normalised.get(i), Yuan.of(BigDecimal.valueOf(floors[i], 2))));
    }
    return result;
  }

  /** Cents cut down, the cents left over one each to the largest remainders (ties by code). */
  private static long[] largestRemainder(BigDecimal cents, List<BigDecimal> exact,
      List<String> codes) {
    var floors = new long[exact.size()];
    long given = 0;
    for (int i = 0; i < floors.length; i++) {
      floors[i] = exact.get(i).setScale(0, RoundingMode.FLOOR).longValueExact();
      given += floors[i];
    }
    var left = cents.longValueExact() - given;
    var order = new ArrayList<Integer>();
    for (int i = 0; i < floors.length; i++) {
      order.add(i);
    }
    order.sort(Comparator.<Integer, BigDecimal>comparing(
            i -> exact.get(i).subtract(BigDecimal.valueOf(floors[i])))
        .reversed().thenComparing(codes::get));
    // the shares add up to 1, so fewer cents are left over than there are counties
    for (int k = 0; k < left; k++) {
      floors[order.get(k % order.size())]++;
    }
    return floors;
  }

  /** What is wrong with the policy, in Chinese: codes unique, weights positive and adding up to 1. */
  public static List<String> policyProblems(List<Factor> factors) {
    var problems = new ArrayList<String>();
    if (factors.isEmpty()) {
      problems.add("分配因素为空：请在决策表“因素法分配权重”中至少设置一个因素");
    }
    var sum = BigDecimal.ZERO;
    var codes = new HashSet<String>();
    for (var f : factors) {
      if (!codes.add(f.code())) {
        problems.add("因素“" + f.label() + "”（" + f.code() + "）在决策表中出现了不止一次");
      }
      if (f.weight() == null || f.weight().signum() <= 0) {
        problems.add("因素“" + f.label() + "”的权重应大于0");
      } else {
        sum = sum.add(f.weight());
      }
    }
    if (!factors.isEmpty() && sum.compareTo(BigDecimal.ONE) != 0) {
      problems.add("各因素权重合计为 " + sum.stripTrailingZeros().toPlainString() + "，应为 1（即100%）");
    }
    return problems;
  }

  /**
   * What is wrong with the counties' data, in Chinese: every county needs a non-negative value of
   * every factor, and a factor must not be zero everywhere (nothing to divide by).
   */
  public static List<String> dataProblems(List<Factor> factors, List<County> counties,
      Function<String, String> countyName) {
    var problems = new ArrayList<String>();
    if (counties.isEmpty()) {
      problems.add("请至少填写一个县（市、区）的因素数据");
    }
    for (var f : factors) {
      var total = BigDecimal.ZERO;
      for (var c : counties) {
        var value = c.values().get(f.code());
        if (value == null) {
          problems.add(countyName.apply(c.divisionCode()) + "：缺少因素“" + f.label() + "”的数据");
        } else if (value.signum() < 0) {
          problems.add(countyName.apply(c.divisionCode()) + "：因素“" + f.label() + "”不能为负数");
        } else {
          total = total.add(value);
        }
      }
      if (!counties.isEmpty() && total.signum() == 0) {
        problems.add("所有县（市、区）的“" + f.label() + "”合计为0，无法按该因素分配");
      }
    }
    return problems;
  }

  /** A share as a percentage with four decimals, for tables. */
  public static BigDecimal percent(BigDecimal share) {
    return share.multiply(HUNDRED).setScale(4, RoundingMode.HALF_UP);
  }
}
