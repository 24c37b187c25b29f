package cn.fundmonitor.reports;

import cn.fundmonitor.money.Yuan;
import cn.fundmonitor.project.Comparator;
import cn.fundmonitor.project.Indicator;
import cn.fundmonitor.project.IndicatorCategory;
import cn.fundmonitor.project.IndicatorLevel;
import cn.fundmonitor.project.IndicatorTarget;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * A unit's monitoring report (整体支出绩效监控报告) for a monitoring point, as entered; every rate
 * and count the report states is computed here, so the report cannot disagree with itself.
 */
public record MonitoringReport(String unitCode, int year, LocalDate monitoringDate,
    LocalDate reportDate, Yuan arrived, Section basic, Section project,
    List<UnitIndicator> indicators, Extra extra, Texts texts) {

  public MonitoringReport {
    indicators = List.copyOf(indicators);
  }

  /** Basic (基本支出) or project spending (项目支出): the budget, its sources, what was spent. */
  public record Section(Yuan budget, Yuan fiscal, Yuan other, Yuan spent, List<Use> uses) {
    public Section {
      uses = List.copyOf(uses);
    }

    /** Whether the uses break the spending down (其中用于) rather than name the main uses. */
    public boolean usesAreSpending() {
      return !uses.isEmpty() && uses.stream().map(Use::amount).reduce(Yuan.ZERO, Yuan::plus)
          .compareTo(spent) == 0;
    }
  }

  /** A named amount: a use of the money; for extra money also what of it was paid. */
  public record Use(String name, Yuan amount, Yuan paid) {}

  /** A level-3 indicator with its actual value at the monitoring point. */
  public record UnitIndicator(Indicator indicator, IndicatorTarget actual, boolean notYetDue,
      Integer enteredRate, String cause) {

    /** Computed where the values allow (CompletionRate), else as entered; empty if not yet due. */
    public OptionalInt rate() {
      if (notYetDue) {
        return OptionalInt.empty();
      }
      var computed = cn.fundmonitor.filing.CompletionRate.of(indicator.comparator(),
          indicator.target(), actual);
      if (computed.isPresent()) {
        return computed;
      }
      return enteredRate == null ? OptionalInt.empty() : OptionalInt.of(enteredRate);
    }

    public boolean computable(IndicatorTarget actualValue) {
      return cn.fundmonitor.filing.CompletionRate.of(indicator.comparator(), indicator.target(),
          actualValue).isPresent();
    }
  }

  /** Extra money (追加资金) granted during the year: its sources and what arrived and was paid. */
  public record Extra(Yuan total, Yuan ownFunds, Yuan superiorFunds, Yuan arrivedEntered,
      Yuan paidEntered, List<Use> uses) {
    public Extra {
      uses = List.copyOf(uses);
    }

    /** What arrived: the uses' amounts when listed, else as entered. */
    public Yuan arrived() {
      return uses.isEmpty() ? arrivedEntered
          : uses.stream().map(Use::amount).reduce(Yuan.ZERO, Yuan::plus);
    }

    /** What was paid: the uses' payments when listed, else as entered. */
    public Yuan paid() {
      return uses.isEmpty() ? paidEntered
          : uses.stream().map(u -> u.paid() == null ? Yuan.ZERO : u.paid()).reduce(Yuan.ZERO, Yuan::plus);
    }
  }

  /** The report's narrative parts, as the unit wrote them. */
  public record Texts(String organisation, String problems, String measures, String deviation,
      String correctiveTaken, String correctivePlanned, String suggestions, String other) {}

  // --- computed ----------------------------------------------------------------------------------

  public Yuan budget() {
    return basic.budget().plus(project.budget());
  }

  public Yuan executed() {
    return basic.spent().plus(project.spent());
  }

  /** 到位率 = arrived ÷ budget, in whole percent. */
  public Optional<Integer> arrivalRate() {
    return percent(arrived, budget());
  }

  /** 预算执行率 = executed ÷ budget. */
  public Optional<Integer> executionRate() {
    return percent(executed(), budget());
  }

  public long level1Count() {
    return indicators.stream().map(i -> i.indicator().level()).distinct().count();
  }

  public long level2Count() {
    return indicators.stream().map(i -> i.indicator().category()).distinct().count();
  }

  public int level3Count() {
    return indicators.size();
  }

  /** The indicators by level 1, then level 2, in the order of the national frame. */
  public java.util.Map<IndicatorLevel, java.util.Map<IndicatorCategory, List<UnitIndicator>>> grouped() {
    return indicators.stream().collect(Collectors.groupingBy(i -> i.indicator().level(),
        () -> new java.util.EnumMap<>(IndicatorLevel.class),
        Collectors.groupingBy(i -> i.indicator().category(),
            () -> new java.util.EnumMap<>(IndicatorCategory.class), Collectors.toList())));
  }

  /** part ÷ whole in whole percent, half up (the Qiemo report's arithmetic: 383.74 / 1493.25 → 26%). */
  public static Optional<Integer> percent(Yuan part, Yuan whole) {
    if (part == null || whole == null || !whole.isPositive()) {
      return Optional.empty();
    }
    return Optional.of(part.amount().multiply(BigDecimal.valueOf(100))
        .divide(whole.amount(), 0, RoundingMode.HALF_UP).intValueExact());
  }

  /** "≥98%", "15 个", "2021-12-31", "效果明显": the target as the report writes it. */
  public static String targetText(Indicator ind) {
    var unit = ind.unit() == null ? "" : ind.unit();
    var symbol = switch (ind.comparator()) {
      case GE, LE -> ind.target() instanceof IndicatorTarget.Deadline ? "" : ind.comparator().symbol();
      default -> "";
    };
    if (ind.target() instanceof IndicatorTarget.Deadline d) {
      return d.date() + (ind.comparator() == Comparator.LE ? " 前完成" : "");
    }
    return symbol + ind.target().text() + (unit.equals("%") || unit.isEmpty() ? unit : " " + unit);
  }
}
