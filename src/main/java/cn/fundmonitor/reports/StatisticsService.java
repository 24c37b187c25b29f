package cn.fundmonitor.reports;

import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.common.NotFoundException;
import cn.fundmonitor.filing.FilingPeriod;
import cn.fundmonitor.filing.FundSource;
import cn.fundmonitor.filing.MonitoringPeriod;
import cn.fundmonitor.filing.Quarter;
import cn.fundmonitor.organisation.Division;
import cn.fundmonitor.organisation.DivisionLevel;
import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.project.Direction;
import cn.fundmonitor.project.FundClass;
import cn.fundmonitor.project.IndicatorCategory;
import cn.fundmonitor.project.IndicatorLevel;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Statistics over the persisted data (MNR 第十三条): by region rolled up county → city → province
 * → nation, by fund class, by direction, by quarter and by target achievement, for one budget
 * year at one monitoring point (a quarter's end, or a point opened besides the quarters:
 * MNR 第十一条), within what the user may see, summed in the database (issue 16).
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class StatisticsService {

  public static final String ADMIN_GROUP = "camunda-admin";

  private final StatisticsRepository repository;
  private final OrganisationService organisation;
  private final Clock clock;

  public record Row(String key, String label, int depth, Figures figures) {}

  public record View(String name, String title, List<Row> rows, Figures total) {}

  /**
   * The figures of one filing period: a quarter ({@code quarter} 1–4) or a monitoring point
   * ({@code quarter} null; MNR 第十一条: 其他填报时点，按要求执行), named by {@code periodLabel}
   * (2026年第3季度, 2026年1—8月监测时点（截至2026-08-31）).
   */
  public record Statistics(int year, Integer quarter, List<String> scope, View region, View fundClass,
      View direction, View quarters, View targets, View source, String period, String periodLabel) {

    public List<View> views() {
      return List.of(region, fundClass, direction, quarters, targets, source);
    }
  }

  /**
   * For {@code /api/statistics} (issue 16): a division code that is not six digits is refused
   * (400, not echoed: it is whatever the caller typed), one no division has is not found (404).
   * Nothing when no code is given. The overdue board keeps its own answers through {@link #scope}.
   */
  public void checkDivision(String divisionCode) {
    if (divisionCode == null || divisionCode.isBlank()) {
      return;
    }
    if (!divisionCode.matches("\\d{6}")) {
      throw new InvalidInputException("查询条件有误", "行政区划代码不存在：应为6位数字");
    }
    if (organisation.find(divisionCode).isEmpty()) {
      throw new NotFoundException("行政区划代码“" + divisionCode + "”不存在，请检查后重新查询。");
    }
  }

  /** The user's scope, or the part of it under {@code divisionCode}. */
  public Scope scope(Collection<String> groupIds, String divisionCode) {
    var units = groupIds.contains(ADMIN_GROUP) ? List.of(Division.MINISTRY_CODE)
        : OrganisationService.unitGroups(groupIds).stream().map(g -> g.divisionCode()).distinct()
            .toList();
    var roots = units.stream()
        .filter(u -> units.stream().noneMatch(o -> !o.equals(u) && organisation.isWithin(u, o)))
        .sorted().toList();
    if (roots.isEmpty()) {
      throw new AccessDeniedException("no unit");
    }
    if (divisionCode == null || divisionCode.isBlank()) {
      return new Scope(roots);
    }
    if (organisation.find(divisionCode).isEmpty()) {
      throw new InvalidInputException("查询条件有误", "行政区划代码“" + divisionCode + "”不存在");
    }
    if (roots.stream().noneMatch(r -> organisation.isWithin(divisionCode, r))) {
      throw new AccessDeniedException("outside the user's units");
    }
    return new Scope(List.of(divisionCode));
  }

  /**
   * The statistics of a scope, summed in the database (issue 16): each query answers one row per
   * region, fund class and direction, or category, never one per project, and the region view
   * shows the scope and its direct children (the ministry's provinces, a province's cities), each
   * opened by asking again with its {@code divisionCode}, so the answer does not grow with the
   * nation.
   */
  @Transactional(readOnly = true)
  public Statistics compute(int year, int quarter, Scope scope) {
    check(year, quarter);
    return compute(new Quarter(year, quarter), scope);
  }

  /**
   * The figures of a quarter or of a monitoring point (MNR 第十一条: 其他填报时点，按要求执行),
   * summed the same way: money as of the period's last day, the period's own filings, time
   * progress of its months.
   */
  @Transactional(readOnly = true)
  public Statistics compute(FilingPeriod period, Scope scope) {
    var year = period.year();
    var today = LocalDate.now(clock);
    var visible = new java.util.HashSet<String>();
    scope.roots().forEach(r -> visible.addAll(organisation.subtree(r)));
    var filter = StatisticsRepository.RegionFilter.of(visible,
        organisation.all().stream().map(Division::code).toList());
    var receipts = receipts(period, visible);
    var problems = repository.openProblems(period, filter).stream()
        .filter(p -> visible.contains(p.unitCode())).toList();
    // one grouped scan serves the views by region, by fund class and by direction
    var sums = repository.sums(period, filter,
        StatisticsRepository.Grouping.REGION_CLASS_AND_DIRECTION, today);
    var months = period.monthsElapsed();
    var provincesOrAbove = scope.roots().stream().map(organisation::get)
        .allMatch(d -> d.level() == DivisionLevel.PROVINCE || d.level() == DivisionLevel.MINISTRY);

    var region = regionView(scope, sums, receipts, problems, months);
    var fundClass = groupedView("FUND_CLASS", "按资金类别", FundClass.values(), FundClass::label,
        sums, StatisticsRepository.Sums::fundClass, receipts, StatisticsRepository.Receipt::fundClass,
        problems, StatisticsRepository.ProblemSums::fundClass, provincesOrAbove, months);
    var direction = groupedView("DIRECTION", "按资金方向", Direction.values(), Direction::label,
        sums, StatisticsRepository.Sums::direction, receipts, StatisticsRepository.Receipt::direction,
        problems, StatisticsRepository.ProblemSums::direction, provincesOrAbove, months);
    var quarters = quarterView(period, visible, filter, sums, problems, provincesOrAbove, today);
    var targets = targetView(period, filter, months);
    var source = sourceView(period, filter, sums, receipts, provincesOrAbove, months);
    return new Statistics(year, period instanceof Quarter q ? q.quarter() : null,
        scope.roots().stream().map(r -> organisation.get(r).name()).toList(),
        region, fundClass, direction, quarters, targets, source, period.period(), period.label());
  }

  private static void check(int year, int quarter) {
    var problems = new ArrayList<String>();
    if (year < 2000 || year > 2100) {
      problems.add("年度应为2000至2100之间的年份");
    }
    if (quarter < 1 || quarter > 4) {
      problems.add("季度应为1至4");
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("查询条件有误", problems);
    }
  }

  // --- by region, rolled up -----------------------------------------------------------------------

  private View regionView(Scope scope, List<StatisticsRepository.Sums> byRegion,
      List<StatisticsRepository.Receipt> receipts, List<StatisticsRepository.ProblemSums> problems,
      int months) {
    var nodes = new HashMap<String, Figures>();
    Function<String, Figures> node = code -> nodes.computeIfAbsent(code, c -> new Figures(months));
    var shown = new HashMap<String, List<String>>();
    Function<String, List<String>> rowsOf = code -> shown.computeIfAbsent(code, c -> shown(scope, c));
    for (var s : byRegion) {
      rowsOf.apply(s.regionCode()).forEach(code -> node.apply(code).add(s));
    }
    for (var p : problems) {
      rowsOf.apply(p.unitCode()).forEach(code -> node.apply(code).addOpenProblems(p.count()));
    }
    for (var r : receipts) {
      // what reached a province from the ministry; below the province, what reached a unit is
      // what the province issued to it
      rowsOf.apply(r.provinceCode()).stream()
          .filter(code -> levelOf(code).ordinal() <= DivisionLevel.PROVINCE.ordinal())
          .forEach(code -> node.apply(code).addReceived(r.amount()));
    }
    nodes.forEach((code, figures) -> {
      if (levelOf(code).ordinal() > DivisionLevel.PROVINCE.ordinal()) {
        figures.addReceived(figures.issued().amount());
      }
    });
    var rows = new ArrayList<Row>();
    var total = new Figures(months);
    for (var root : scope.roots()) {
      node.apply(root);
      rows.add(new Row(root, organisation.get(root).name(), 0, nodes.get(root)));
      organisation.all().stream()
          .filter(d -> root.equals(d.parentCode()) && nodes.containsKey(d.code()))
          .sorted(Comparator.comparing(Division::code))
          .forEach(d -> rows.add(new Row(d.code(), d.name(), 1, nodes.get(d.code()))));
      total.plus(nodes.get(root));
    }
    return new View("REGION", "按地区", rows, total);
  }

  /**
   * The rows of the region view a division's figures count in: the scope's root and the root's
   * child it lies under (or the root alone); none outside the scope.
   */
  private List<String> shown(Scope scope, String code) {
    var chain = up(scope, code);
    return chain.size() <= 2 ? chain : chain.subList(chain.size() - 2, chain.size());
  }

  /** The division and its ancestors up to the scope's root (inclusive); empty outside the scope. */
  private List<String> up(Scope scope, String code) {
    var chain = new ArrayList<String>();
    Optional<Division> d = organisation.find(code);
    while (d.isPresent()) {
      chain.add(d.get().code());
      if (scope.roots().contains(d.get().code())) {
        return chain;
      }
      d = organisation.find(d.get().parentCode());
    }
    return List.of();
  }

  private DivisionLevel levelOf(String code) {
    return organisation.get(code).level();
  }

  // --- by fund class, by direction -----------------------------------------------------------------

  private <K extends Enum<K>> View groupedView(String name, String title, K[] keys,
      Function<K, String> label, List<StatisticsRepository.Sums> sums,
      Function<StatisticsRepository.Sums, K> keyOf, List<StatisticsRepository.Receipt> receipts,
      Function<StatisticsRepository.Receipt, K> receiptKey,
      List<StatisticsRepository.ProblemSums> problems,
      Function<StatisticsRepository.ProblemSums, K> problemKey, boolean receiptsCount, int months) {
    var groups = new LinkedHashMap<K, Figures>();
    for (var k : keys) {
      groups.put(k, new Figures(months));
    }
    sums.forEach(s -> groups.get(keyOf.apply(s)).add(s));
    problems.forEach(p -> Optional.ofNullable(problemKey.apply(p))
        .ifPresent(k -> groups.get(k).addOpenProblems(p.count())));
    if (receiptsCount) {
      receipts.forEach(r -> groups.get(receiptKey.apply(r)).addReceived(r.amount()));
    } else {
      groups.values().forEach(g -> g.addReceived(g.issued().amount()));
    }
    var rows = new ArrayList<Row>();
    var total = new Figures(months);
    groups.forEach((k, g) -> {
      if (g.projects() > 0 || g.received().isPositive() || g.openProblems() > 0) {
        rows.add(new Row(k.name(), label.apply(k), 0, g));
        total.plus(g);
      }
    });
    return new View(name, title, rows, total);
  }

  // --- by fund source (MNR 第二条) ----------------------------------------------------------------

  /** The row that holds paid money no fund source was filed for (filings older than the split). */
  static final String UNSPLIT = "UNSPLIT";

  /**
   * Money received, issued and paid by the four ways money joins a special task (MNR 第二条第一项:
   * 上级下达、本级筹措、责任人出资、社会出资), seen from the city or county that spends it: central
   * and provincial money came from above, city and county special funds are raised at home, social
   * funds are social. Received money splits the same money the region view counts (what reached
   * the provinces; below a province, what was issued to its projects), paid money the filed
   * payments; a filing's sources add up to its total (checked when it is filed or corrected), and
   * anything paid without a source shows in its own row, so the rows always add up to the total.
   */
  private View sourceView(FilingPeriod period, StatisticsRepository.RegionFilter filter,
      List<StatisticsRepository.Sums> sums, List<StatisticsRepository.Receipt> receipts,
      boolean receiptsCount, int months) {
    var groups = new LinkedHashMap<cn.fundmonitor.filing.FundSource.Channel, Figures>();
    for (var c : cn.fundmonitor.filing.FundSource.Channel.values()) {
      groups.put(c, new Figures(months));
    }
    // seen from the unit that spends it: a city's money issued to a county came from above
    // (FundSource.received); the database says which money was issued to another unit
    for (var i : repository.issuedByClass(period.year(), period.lastDay(), filter)) {
      groups.get(FundSource.received(i.fundClass(), i.fromAnotherUnit()).channel())
          .addIssued(i.amount());
    }
    if (receiptsCount) {
      // what reached the registering unit is its own, whoever spends it later
      receipts.forEach(r -> groups.get(channel(r.fundClass())).addReceived(r.amount()));
    } else {
      groups.values().forEach(g -> g.addReceived(g.issued().amount()));
    }
    // paid without a source: what the filings state as paid less what they split by source
    var unsplitPaid = sums.stream().map(StatisticsRepository.Sums::paid)
        .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
    for (var p : repository.paidBySource(period, filter)) {
      groups.get(p.source().channel()).addPaid(p.amount());
      if (p.ofTotal()) {
        unsplitPaid = unsplitPaid.subtract(p.amount());
      }
    }
    var unsplit = new Figures(months);
    unsplit.addPaid(unsplitPaid);
    var rows = new ArrayList<Row>();
    var total = new Figures(months);
    groups.forEach((c, g) -> {
      rows.add(new Row(c.name(), c.label(), 0, g));
      total.plus(g);
    });
    if (unsplit.paid().amount().signum() != 0) {
      rows.add(new Row(UNSPLIT, "未分来源", 0, unsplit));
      total.plus(unsplit);
    }
    return new View("SOURCE", "按资金来源", rows, total);
  }

  /** Which way a fund class's money joins the task, seen from the city or county spending it. */
  static cn.fundmonitor.filing.FundSource.Channel channel(FundClass fundClass) {
    return switch (fundClass) {
      case CENTRAL, PROVINCIAL -> cn.fundmonitor.filing.FundSource.Channel.SUPERIOR;
      case CITY, COUNTY -> cn.fundmonitor.filing.FundSource.Channel.OWN;
      case SOCIAL -> cn.fundmonitor.filing.FundSource.Channel.SOCIAL;
    };
  }

  // --- by quarter ----------------------------------------------------------------------------------

  /** The money that had reached the visible provinces by the period's last day. */
  private List<StatisticsRepository.Receipt> receipts(FilingPeriod period,
      java.util.Set<String> visible) {
    return repository.receipts(period.year(), period.lastDay())
        .stream().filter(r -> visible.contains(r.provinceCode())).toList();
  }

  /**
   * A row per quarter up to the period; a monitoring point (MNR 第十一条: 其他填报时点，按要求执行)
   * adds its own row after the quarters that ended before it, labelled with its name, never as a
   * quarter. Each row is one grouped query (the period's own is the one already read).
   */
  private View quarterView(FilingPeriod period, java.util.Set<String> visible,
      StatisticsRepository.RegionFilter filter, List<StatisticsRepository.Sums> current,
      List<StatisticsRepository.ProblemSums> problems, boolean receiptsCount, LocalDate today) {
    var year = period.year();
    var periods = new ArrayList<FilingPeriod>();
    var quarters = period instanceof Quarter q ? q.quarter() : period.monthsElapsed() / 3;
    for (int q = 1; q <= quarters; q++) {
      var quarter = new Quarter(year, q);
      if (quarter.lastDay().isBefore(period.lastDay()) || quarter.equals(period)) {
        periods.add(quarter);
      }
    }
    if (period instanceof MonitoringPeriod) {
      periods.add(period);
    }
    var rows = new ArrayList<Row>();
    Figures last = null;
    var from = LocalDate.of(year, 1, 1);
    for (var p : periods) {
      var figures = new Figures(p.monthsElapsed());
      (p.equals(period) ? current
          : repository.sums(p, filter, StatisticsRepository.Grouping.NONE, today))
          .forEach(figures::add);
      if (receiptsCount) {
        receipts(p, visible).forEach(r -> figures.addReceived(r.amount()));
      } else {
        figures.addReceived(figures.issued().amount());
      }
      var since = from;
      var to = p.lastDay().plusDays(1);
      problems.stream().filter(o -> !o.raisedOn().isBefore(since) && o.raisedOn().isBefore(to))
          .forEach(o -> figures.addOpenProblems(o.count()));
      rows.add(new Row(p.period(), p.label(), 0, figures));
      last = figures;
      from = to;
    }
    // amounts to date are cumulative: the year so far is the last period, not a sum of periods
    return new View("QUARTER", period instanceof Quarter ? "按季度" : "按季度及监测时点", rows, last);
  }

  // --- by target achievement -----------------------------------------------------------------------

  private View targetView(FilingPeriod period, StatisticsRepository.RegionFilter filter,
      int months) {
    var byCategory = new LinkedHashMap<IndicatorCategory, Figures>();
    for (var c : IndicatorCategory.values()) {
      byCategory.put(c, new Figures(months));
    }
    for (var i : repository.indicatorSums(period, filter)) {
      byCategory.get(i.category()).add(i);
    }
    var rows = new ArrayList<Row>();
    var total = new Figures(months);
    for (var level : IndicatorLevel.values()) {
      var levelFigures = new Figures(months);
      var children = new ArrayList<Row>();
      byCategory.forEach((c, f) -> {
        if (c.level() == level && f.indicators() > 0) {
          children.add(new Row(c.name(), c.label(), 1, f));
          levelFigures.plus(f);
        }
      });
      if (!children.isEmpty()) {
        rows.add(new Row(level.name(), level.label(), 0, levelFigures));
        rows.addAll(children);
        total.plus(levelFigures);
      }
    }
    return new View("TARGET", "绩效目标完成情况", rows, total);
  }
}
