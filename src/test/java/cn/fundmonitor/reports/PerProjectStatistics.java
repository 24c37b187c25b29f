package cn.fundmonitor.reports;

import cn.fundmonitor.filing.FilingPeriod;
import cn.fundmonitor.filing.MonitoringPeriod;
import cn.fundmonitor.filing.Quarter;
import cn.fundmonitor.organisation.Division;
import cn.fundmonitor.organisation.DivisionLevel;
import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.project.Direction;
import cn.fundmonitor.project.FundClass;
import cn.fundmonitor.project.IndicatorCategory;
import cn.fundmonitor.project.IndicatorLevel;
import cn.fundmonitor.reports.StatisticsService.Row;
import cn.fundmonitor.reports.StatisticsService.Statistics;
import cn.fundmonitor.reports.StatisticsService.View;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The statistics as they were computed before issue 16, project by project in Java, kept as the
 * reference the SQL sums are tested against ({@link StatisticsAggregationTest}): the same
 * figures, with the region view walking the whole subtree, for a quarter or a monitoring point
 * (MNR 第十一条), with the fund source of issued money decided project by project
 * ({@link cn.fundmonitor.filing.FundSource#received}, MNR 第二条).
 */
final class PerProjectStatistics {

  private final StatisticsRepository repository;
  private final OrganisationService organisation;
  private final Clock clock;

  PerProjectStatistics(StatisticsRepository repository, OrganisationService organisation,
      Clock clock) {
    this.repository = repository;
    this.organisation = organisation;
    this.clock = clock;
  }

  Statistics compute(int year, int quarter, Scope scope) {
    return compute(new Quarter(year, quarter), scope);
  }

  Statistics compute(FilingPeriod period, Scope scope) {
    var year = period.year();
    var today = LocalDate.now(clock);
    var visible = new java.util.HashSet<String>();
    scope.roots().forEach(r -> visible.addAll(organisation.subtree(r)));
    var regions = regions(visible);
    var facts = inScope(repository.projects(period, regions), visible);
    var receipts = receipts(period, visible);
    var problems = repository.openProblems().stream()
        .filter(p -> visible.contains(p.unitCode())).toList();
    var byProject = new HashMap<String, ProjectFact>();
    facts.forEach(f -> byProject.put(f.projectCode(), f));
    var months = period.monthsElapsed();
    var provincesOrAbove = scope.roots().stream().map(organisation::get)
        .allMatch(d -> d.level() == DivisionLevel.PROVINCE || d.level() == DivisionLevel.MINISTRY);

    var region = regionView(scope, facts, receipts, problems, months, today);
    var fundClass = groupedView("FUND_CLASS", "按资金类别", FundClass.values(), FundClass::label,
        facts, ProjectFact::fundClass, receipts, StatisticsRepository.Receipt::fundClass,
        problems, p -> Optional.ofNullable(byProject.get(p.projectCode())).map(ProjectFact::fundClass),
        provincesOrAbove, months, today);
    var direction = groupedView("DIRECTION", "按资金方向", Direction.values(), Direction::label,
        facts, ProjectFact::direction, receipts, StatisticsRepository.Receipt::direction,
        problems, p -> Optional.ofNullable(byProject.get(p.projectCode())).map(ProjectFact::direction),
        provincesOrAbove, months, today);
    var quarters = quarterView(period, visible, regions, problems, provincesOrAbove, today);
    var targets = targetView(period, byProject.keySet(), regions, months);
    var source = sourceView(period, byProject, receipts, provincesOrAbove, months);
    return new Statistics(year, period instanceof Quarter q ? q.quarter() : null,
        scope.roots().stream().map(r -> organisation.get(r).name()).toList(),
        region, fundClass, direction, quarters, targets, source, period.period(), period.label());
  }

  /** Beyond this many regions the scope is filtered in Java, not in SQL (a configurable default). */
  private static final int REGIONS_IN_SQL = 500;

  /**
   * The regions to filter by in SQL (issue 16: a county's statistics read its own projects, not
   * the nation's 30,000), or null when the scope covers so much of the country (the ministry's)
   * that reading everything costs no more than a list of thousands of codes.
   */
  private static java.util.Set<String> regions(java.util.Set<String> visible) {
    return visible.size() > REGIONS_IN_SQL ? null : visible;
  }

  private static List<ProjectFact> inScope(List<ProjectFact> facts, java.util.Set<String> visible) {
    return facts.stream().filter(f -> visible.contains(f.regionCode())).toList();
  }

  // --- by region, rolled up -----------------------------------------------------------------------

  private View regionView(Scope scope, List<ProjectFact> facts,
      List<StatisticsRepository.Receipt> receipts, List<StatisticsRepository.OpenProblem> problems,
      int months, LocalDate today) {
    var nodes = new HashMap<String, Figures>();
    Function<String, Figures> node = code -> nodes.computeIfAbsent(code, c -> new Figures(months));
    for (var f : facts) {
      up(scope, f.regionCode()).forEach(code -> node.apply(code).add(f, today));
    }
    for (var p : problems) {
      up(scope, p.unitCode()).forEach(code -> node.apply(code).addOpenProblem());
    }
    for (var r : receipts) {
      // what reached a province from the ministry; below the province, what reached a unit is
      // what the province issued to it
      up(scope, r.provinceCode()).stream()
          .filter(code -> levelOf(code).ordinal() <= DivisionLevel.PROVINCE.ordinal())
          .forEach(code -> node.apply(code).addReceived(r.amount()));
    }
    nodes.forEach((code, figures) -> {
      if (levelOf(code).ordinal() > DivisionLevel.PROVINCE.ordinal()) {
        figures.addReceived(figures.issued().amount());
      }
    });
    var children = new HashMap<String, List<Division>>();
    for (var d : organisation.all()) {
      if (d.parentCode() != null && nodes.containsKey(d.code())) {
        children.computeIfAbsent(d.parentCode(), k -> new ArrayList<>()).add(d);
      }
    }
    children.values().forEach(list -> list.sort(Comparator.comparing(Division::code)));
    var rows = new ArrayList<Row>();
    var total = new Figures(months);
    for (var root : scope.roots()) {
      node.apply(root);
      walk(root, 0, nodes, children, rows);
      total.plus(nodes.get(root));
    }
    return new View("REGION", "按地区", rows, total);
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

  private void walk(String code, int depth, Map<String, Figures> nodes,
      Map<String, List<Division>> children, List<Row> rows) {
    rows.add(new Row(code, organisation.get(code).name(), depth, nodes.get(code)));
    for (var child : children.getOrDefault(code, List.of())) {
      walk(child.code(), depth + 1, nodes, children, rows);
    }
  }

  // --- by fund class, by direction -----------------------------------------------------------------

  private <K extends Enum<K>> View groupedView(String name, String title, K[] keys,
      Function<K, String> label, List<ProjectFact> facts, Function<ProjectFact, K> keyOf,
      List<StatisticsRepository.Receipt> receipts, Function<StatisticsRepository.Receipt, K> receiptKey,
      List<StatisticsRepository.OpenProblem> problems,
      Function<StatisticsRepository.OpenProblem, Optional<K>> problemKey, boolean receiptsCount,
      int months, LocalDate today) {
    var groups = new LinkedHashMap<K, Figures>();
    for (var k : keys) {
      groups.put(k, new Figures(months));
    }
    facts.forEach(f -> groups.get(keyOf.apply(f)).add(f, today));
    problems.forEach(p -> problemKey.apply(p).ifPresent(k -> groups.get(k).addOpenProblem()));
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

  /**
   * Money received, issued and paid by the four ways money joins a special task (MNR 第二条第一项:
   * 上级下达、本级筹措、责任人出资、社会出资), seen from the city or county that spends it: central
   * and provincial money came from above, city and county special funds are raised at home, social
   * funds are social. Received money splits the same money the region view counts (what reached
   * the provinces; below a province, what was issued to its projects), paid money the filed
   * payments; a filing's sources add up to its total (checked when it is filed or corrected), and
   * anything paid without a source shows in its own row, so the rows always add up to the total.
   */
  private View sourceView(FilingPeriod period, Map<String, ProjectFact> byProject,
      List<StatisticsRepository.Receipt> receipts, boolean receiptsCount, int months) {
    var groups = new LinkedHashMap<cn.fundmonitor.filing.FundSource.Channel, Figures>();
    for (var c : cn.fundmonitor.filing.FundSource.Channel.values()) {
      groups.put(c, new Figures(months));
    }
    for (var i : repository.issuedByClass(period.year(), period.lastDay())) {
      if (byProject.containsKey(i.projectCode())) {
        // seen from the unit that spends it: a city's money issued to a county came from above
        groups.get(cn.fundmonitor.filing.FundSource.received(i.fundClass(), i.fromAnotherUnit())
            .channel()).addIssued(i.amount());
      }
    }
    if (receiptsCount) {
      // what reached the registering unit is its own, whoever spends it later
      receipts.forEach(r -> groups.get(StatisticsService.channel(r.fundClass()))
          .addReceived(r.amount()));
    } else {
      groups.values().forEach(g -> g.addReceived(g.issued().amount()));
    }
    var paidBySource = new HashMap<String, java.math.BigDecimal>();
    for (var p : repository.paidBySource(period)) {
      var fact = byProject.get(p.projectCode());
      if (fact != null && fact.filed()) {
        groups.get(p.source().channel()).addPaid(p.amount());
        paidBySource.merge(p.projectCode(), p.amount(), java.math.BigDecimal::add);
      }
    }
    var unsplit = new Figures(months);
    byProject.values().stream().filter(f -> f.filed() && f.paid() != null).forEach(f -> unsplit
        .addPaid(f.paid().subtract(paidBySource.getOrDefault(f.projectCode(), java.math.BigDecimal.ZERO))));
    var rows = new ArrayList<Row>();
    var total = new Figures(months);
    groups.forEach((c, g) -> {
      rows.add(new Row(c.name(), c.label(), 0, g));
      total.plus(g);
    });
    if (unsplit.paid().amount().signum() != 0) {
      rows.add(new Row(StatisticsService.UNSPLIT, "未分来源", 0, unsplit));
      total.plus(unsplit);
    }
    return new View("SOURCE", "按资金来源", rows, total);
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
   * quarter.
   */
  private View quarterView(FilingPeriod period, java.util.Set<String> visible,
      java.util.Set<String> regions, List<StatisticsRepository.OpenProblem> problems,
      boolean receiptsCount, LocalDate today) {
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
      for (var f : inScope(repository.projects(p, regions), visible)) {
        figures.add(f, today);
      }
      if (receiptsCount) {
        receipts(p, visible).forEach(r -> figures.addReceived(r.amount()));
      } else {
        figures.addReceived(figures.issued().amount());
      }
      var since = from;
      var to = p.lastDay().plusDays(1);
      problems.stream().filter(o -> !o.raisedOn().isBefore(since) && o.raisedOn().isBefore(to))
          .forEach(o -> figures.addOpenProblem());
      rows.add(new Row(p.period(), p.label(), 0, figures));
      last = figures;
      from = to;
    }
    // amounts to date are cumulative: the year so far is the last period, not a sum of periods
    return new View("QUARTER", period instanceof Quarter ? "按季度" : "按季度及监测时点", rows, last);
  }

  // --- by target achievement -----------------------------------------------------------------------

  private View targetView(FilingPeriod period, java.util.Set<String> projects,
      java.util.Set<String> regions, int months) {
    var byCategory = new LinkedHashMap<IndicatorCategory, Figures>();
    for (var c : IndicatorCategory.values()) {
      byCategory.put(c, new Figures(months));
    }
    for (var i : repository.indicators(period, regions)) {
      if (projects.contains(i.projectCode())) {
        byCategory.get(i.category()).addIndicator(i.rate(), i.notYetDue());
      }
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
