package cn.fundmonitor.reports;

import cn.fundmonitor.money.Yuan;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * The figures of one row of statistics: money received, issued and paid, execution against time
 * progress, warnings, overdue filings, open problems and how the indicators stand. Sums are
 * exact; rates are derived, never summed.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public final class Figures {

  private BigDecimal received = BigDecimal.ZERO;
  private BigDecimal issued = BigDecimal.ZERO;
  private BigDecimal paid = BigDecimal.ZERO;
  private int projects;
  private int filed;
  private int overdueFilings;
  private int red;
  private int yellow;
  private int blue;
  private int openProblems;
  private int indicators;
  private int indicatorsRated;
  private int indicatorsMet;
  private int rateSum;
  private final int monthsElapsed;

  void add(ProjectFact f, LocalDate today) {
    issued = issued.add(f.issued());
    projects++;
    if (f.filed()) {
      filed++;
      if (f.paid() != null) {
        paid = paid.add(f.paid());
      }
      switch (f.warningLevel() == null ? "" : f.warningLevel()) {
        case "RED" -> red++;
        case "YELLOW" -> yellow++;
        case "BLUE" -> blue++;
        default -> { }
      }
    }
    if (f.overdue(today)) {
      overdueFilings++;
    }
    indicators += f.indicators();
    indicatorsRated += f.indicatorsRated();
    indicatorsMet += f.indicatorsMet();
    rateSum += f.rateSum();
  }

  /** The figures of a group of projects summed in the database, as {@link #add} one by one. */
  void add(StatisticsRepository.Sums s) {
    issued = issued.add(s.issued());
    paid = paid.add(s.paid());
    projects += s.projects();
    filed += s.filed();
    red += s.red();
    yellow += s.yellow();
    blue += s.blue();
    overdueFilings += s.overdueFilings();
    indicators += s.indicators();
    indicatorsRated += s.indicatorsRated();
    indicatorsMet += s.indicatorsMet();
    rateSum += s.rateSum();
  }

  /** The indicators of one category, summed in the database, as {@link #addIndicator} each. */
  void add(StatisticsRepository.IndicatorSums s) {
    indicators += s.indicators();
    indicatorsRated += s.rated();
    indicatorsMet += s.met();
    rateSum += s.rateSum();
  }

  void addOpenProblems(int count) {
    openProblems += count;
  }

  void addReceived(BigDecimal amount) {
    received = received.add(amount);
  }

  /** Money issued to projects, counted without a project (the split by fund source). */
  void addIssued(BigDecimal amount) {
    issued = issued.add(amount);
  }

  /** Money paid, counted without a project (the split by fund source). */
  void addPaid(BigDecimal amount) {
    paid = paid.add(amount);
  }

  void addOpenProblem() {
    openProblems++;
  }

  void addIndicator(Integer rate, boolean notYetDue) {
    indicators++;
    if (!notYetDue && rate != null) {
      indicatorsRated++;
      rateSum += rate;
      if (rate >= 100) {
        indicatorsMet++;
      }
    }
  }

  void plus(Figures other) {
    received = received.add(other.received);
    issued = issued.add(other.issued);
    paid = paid.add(other.paid);
    projects += other.projects;
    filed += other.filed;
    overdueFilings += other.overdueFilings;
    red += other.red;
    yellow += other.yellow;
    blue += other.blue;
    openProblems += other.openProblems;
    indicators += other.indicators;
    indicatorsRated += other.indicatorsRated;
    indicatorsMet += other.indicatorsMet;
    rateSum += other.rateSum;
  }

  public Yuan received() {
    return Yuan.of(received);
  }

  public Yuan issued() {
    return Yuan.of(issued);
  }

  public Yuan paid() {
    return Yuan.of(paid);
  }

  /** 累计支出 ÷ 下达资金, a fraction (0.2573…); null when nothing was issued. */
  public BigDecimal executionRate() {
    return issued.signum() == 0 ? null : paid.divide(issued, 6, RoundingMode.HALF_UP);
  }

  /** 时序进度: months elapsed at the monitoring point ÷ 12. */
  public BigDecimal timeProgress() {
    return BigDecimal.valueOf(monthsElapsed).divide(BigDecimal.valueOf(12), 6, RoundingMode.HALF_UP);
  }

  /** The mean completion rate of the indicators that have one, in percent; null when none. */
  public BigDecimal averageCompletion() {
    return indicatorsRated == 0 ? null
        : BigDecimal.valueOf(rateSum).divide(BigDecimal.valueOf(indicatorsRated), 1, RoundingMode.HALF_UP);
  }

  public int projects() {
    return projects;
  }

  public int filed() {
    return filed;
  }

  public int overdueFilings() {
    return overdueFilings;
  }

  public int red() {
    return red;
  }

  public int yellow() {
    return yellow;
  }

  public int blue() {
    return blue;
  }

  public int openProblems() {
    return openProblems;
  }

  public int indicators() {
    return indicators;
  }

  public int indicatorsRated() {
    return indicatorsRated;
  }

  public int indicatorsMet() {
    return indicatorsMet;
  }
}
