package cn.fundmonitor.evaluation;

import cn.fundmonitor.filing.IndicatorActual;
import cn.fundmonitor.money.Yuan;
import cn.fundmonitor.project.Comparator;
import cn.fundmonitor.project.IndicatorTarget;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A project's self-evaluation score from its year-end data (GX 第二十八条): each part's weight is
 * shared equally by its indicators; an indicator earns its full share when met and pro rata
 * otherwise (a "≤" indicator loses as the actual exceeds the target, a deadline missed earns
 * nothing, a qualitative one earns the rate the reviewer set); budget execution earns paid ÷
 * received. What cannot be judged yet (未达监控节点, no filing) is left out and the score is taken
 * over the weights that could be judged, so a project is not punished for a target due later.
 */
public final class EvaluationScore {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private EvaluationScore() {}

  /** One line of the breakdown: what was judged, its share of the weight, what it earned. */
  public record Line(EvaluationPart part, String item, BigDecimal weight, BigDecimal achievement,
      BigDecimal earned) {}

  public record Result(BigDecimal score, List<Line> lines, BigDecimal judgedWeight) {

    /** e.g. "产出 38.5/50；效益 30/30；…；得分 87.3". */
    public String summary() {
      var parts = new EnumMap<EvaluationPart, BigDecimal[]>(EvaluationPart.class);
      for (var l : lines) {
        var sums = parts.computeIfAbsent(l.part(), p -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        sums[0] = sums[0].add(l.earned());
        sums[1] = sums[1].add(l.weight());
      }
      var text = new StringBuilder();
      parts.forEach((p, s) -> text.append(p.label()).append(' ').append(round(s[0])).append('/')
          .append(round(s[1])).append("；"));
      return text.append("得分 ").append(score.toPlainString()).toString();
    }
  }

  public static Result score(Map<EvaluationPart, BigDecimal> weights, List<IndicatorActual> actuals,
      Yuan paid, Yuan received) {
    var lines = new ArrayList<Line>();
    for (var part : EvaluationPart.values()) {
      var weight = weights.getOrDefault(part, BigDecimal.ZERO);
      if (weight.signum() == 0) {
        continue;
      }
      if (part == EvaluationPart.BUDGET_EXECUTION) {
        if (received != null && received.isPositive() && paid != null) {
          var achievement = paid.amount().divide(received.amount(), 6, RoundingMode.HALF_UP)
              .min(BigDecimal.ONE);
          lines.add(new Line(part, "预算执行率", weight, achievement, weight.multiply(achievement)));
        }
        continue;
      }
      var judged = new ArrayList<IndicatorActual>();
      var achievements = new ArrayList<BigDecimal>();
      for (var a : actuals) {
        if (a.indicator().level() != part.level()) {
          continue;
        }
        achievement(a).ifPresent(v -> {
          judged.add(a);
          achievements.add(v);
        });
      }
      for (int i = 0; i < judged.size(); i++) {
        var share = weight.divide(BigDecimal.valueOf(judged.size()), 6, RoundingMode.HALF_UP);
        lines.add(new Line(part, judged.get(i).indicator().name(), share, achievements.get(i),
            share.multiply(achievements.get(i))));
      }
    }
    var judgedWeight = BigDecimal.ZERO;
    var earned = BigDecimal.ZERO;
    var counted = new java.util.HashSet<EvaluationPart>();
    for (var l : lines) {
      earned = earned.add(l.earned());
      if (counted.add(l.part())) {
        judgedWeight = judgedWeight.add(weights.get(l.part()));
      }
    }
    var score = judgedWeight.signum() == 0 ? BigDecimal.ZERO.setScale(1)
        : earned.multiply(HUNDRED).divide(judgedWeight, 1, RoundingMode.HALF_UP);
    return new Result(score, lines, judgedWeight);
  }

  /** How far an indicator was achieved, 0..1; empty when it cannot be judged. */
  static Optional<BigDecimal> achievement(IndicatorActual a) {
    if (a.notYetDue() || a.actual() == null) {
      return Optional.empty();
    }
    var target = a.indicator().target();
    if (target instanceof IndicatorTarget.Numeric t && a.actual() instanceof IndicatorTarget.Numeric v) {
      if (a.indicator().comparator() == Comparator.LE) {
        return Optional.of(v.value().compareTo(t.value()) <= 0 ? BigDecimal.ONE
            : t.value().divide(v.value(), 6, RoundingMode.HALF_UP));
      }
      if (t.value().signum() == 0) {
        return Optional.of(BigDecimal.ONE);
      }
      return Optional.of(v.value().divide(t.value(), 6, RoundingMode.HALF_UP).min(BigDecimal.ONE));
    }
    if (target instanceof IndicatorTarget.Deadline t && a.actual() instanceof IndicatorTarget.Deadline v) {
      return Optional.of(v.date().isAfter(t.date()) ? BigDecimal.ZERO : BigDecimal.ONE);
    }
    if (a.completionRate() != null) {
      return Optional.of(BigDecimal.valueOf(a.completionRate()).divide(HUNDRED, 6, RoundingMode.HALF_UP)
          .min(BigDecimal.ONE));
    }
    return Optional.empty();
  }

  private static String round(BigDecimal value) {
    return value.setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }
}
