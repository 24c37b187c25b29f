package cn.fundmonitor.demo;

import cn.fundmonitor.allocation.AllocationSeeding;
import cn.fundmonitor.allocation.AllocationSeeding.LineStage;
import cn.fundmonitor.allocation.AllocationSeeding.SeededAllocation;
import cn.fundmonitor.allocation.AllocationSeeding.SeededLine;
import cn.fundmonitor.allocation.AllocationSeeding.SeededPart;
import cn.fundmonitor.allocation.AllocationStatus;
import cn.fundmonitor.allocation.PartStatus;
import cn.fundmonitor.filing.FilingSeeding;
import cn.fundmonitor.filing.FilingSeeding.SeededActual;
import cn.fundmonitor.filing.FilingSeeding.SeededFiling;
import cn.fundmonitor.filing.FilingSeeding.SeededPayment;
import cn.fundmonitor.filing.FilingStatus;
import cn.fundmonitor.filing.FundSource;
import cn.fundmonitor.filing.WarningLevel;
import cn.fundmonitor.money.Yuan;
import cn.fundmonitor.organisation.Division;
import cn.fundmonitor.organisation.DivisionLevel;
import cn.fundmonitor.organisation.DivisionSeeding;
import cn.fundmonitor.organisation.DivisionSeeding.SeededDivision;
import cn.fundmonitor.project.Comparator;
import cn.fundmonitor.project.Direction;
import cn.fundmonitor.project.FundClass;
import cn.fundmonitor.project.Indicator;
import cn.fundmonitor.project.IndicatorCategory;
import cn.fundmonitor.project.IndicatorLevel;
import cn.fundmonitor.project.IndicatorTarget;
import cn.fundmonitor.project.ProjectSeeding;
import cn.fundmonitor.project.ProjectSeeding.KeyedIndicators;
import cn.fundmonitor.project.ProjectSeeding.SeededProject;
import cn.fundmonitor.project.ProjectSeeding.SeededSelection;
import cn.fundmonitor.project.ProjectStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A national dataset, the same for the same seed: the ministry, the 31 provincial-level divisions
 * of the mainland with their real GB/T 2260 codes and names, about 330 cities and 2,800 counties
 * beneath them, and funded projects with their targets (indicators), the allocations that fund
 * them and a transmitted filing for the first quarter.
 *
 * <p>Cities and counties are <em>generated</em>: their codes follow GB/T 2260's layout (a city
 * is {@code PPCC00} under province {@code PP0000}, a county {@code PPCCXX} under it) and their
 * names say they are generated (河北省第03市第07县); only the provinces are real. Divisions already in
 * the table (the demo's 兴宁区, 阳朔县, …) stay and count among the generated ones.
 *
 * <p>Everything is written through the owning features' seeding doors ({@code DivisionSeeding},
 * {@code ProjectSeeding}, {@code AllocationSeeding}, {@code FilingSeeding}, issue 18), which write
 * multi-row inserts, 500 rows a statement, never one service call per row: the benchmarks (issue
 * 16) and the large demo ({@code fundmonitor.demo.national=true}) load 30,000 projects in seconds.
 */
public final class NationalDataset {

  /** The 31 provincial-level divisions of the mainland, GB/T 2260 codes and names. */
  public static final Map<String, String> PROVINCES = provinces();

  /** Cities and counties a dataset aims at (configurable defaults, near the real 333 and 2,844). */
  static final int CITIES = 333;
  static final int COUNTIES = 2_844;

  static final int BUDGET_YEAR = 2026;
  static final String PREFIX = "GJ";
  /** Who the generated rows say applied, selected, registered, filed and reviewed them. */
  private static final String AUTHOR = "national-dataset";

  private final DivisionSeeding divisionDoor;
  private final ProjectSeeding projectDoor;
  private final AllocationSeeding allocationDoor;
  private final FilingSeeding filingDoor;

  public NationalDataset(DivisionSeeding divisions, ProjectSeeding projects,
      AllocationSeeding allocations, FilingSeeding filings) {
    this.divisionDoor = divisions;
    this.projectDoor = projects;
    this.allocationDoor = allocations;
    this.filingDoor = filings;
  }

  /** What was generated: division and project counts, for reports. */
  public record Summary(int provinces, int cities, int counties, int projects, int allocations,
      int filings, double seconds) {

    public int divisions() {
      return 1 + provinces + cities + counties;
    }
  }

  /** Whether a national dataset was generated into this database already. */
  public boolean present() {
    return projectDoor.anyCodeStartingWith(PREFIX);
  }

  /**
   * Generates the divisions and {@code projects} funded projects from {@code seed}. Not
   * idempotent for projects: call {@link #present()} first where a start may repeat.
   */
  public Summary generate(int projects, long seed) {
    var start = System.nanoTime();
    var random = new Random(seed);
    var divisions = divisions(random);
    var counties = divisions.stream().filter(d -> d.level.equals("COUNTY")).toList();
    int cities = (int) divisions.stream().filter(d -> d.level.equals("CITY")).count();
    var existing = divisionDoor.existingCodes();
    divisionDoor.insert(divisions.stream().filter(d -> !existing.contains(d.code))
        .map(d -> new SeededDivision(d.code, d.name, DivisionLevel.valueOf(d.level), d.parent))
        .toList());
    var written = projects(projects, random, counties);
    return new Summary(PROVINCES.size(), cities, counties.size(), projects, written[0], written[1],
        (System.nanoTime() - start) / 1e9);
  }

  record Div(String code, String name, String level, String parent, String province) {}

  /** The tree, parents before children; the same for the same seed. */
  static List<Div> divisions(Random random) {
    var result = new ArrayList<Div>();
    result.add(new Div(Division.MINISTRY_CODE, "自然资源部", "MINISTRY", null, null));
    var provinceCodes = new ArrayList<>(PROVINCES.keySet());
    var citiesPer = spread(CITIES, provinceCodes.size(), 4, random);
    var countiesPerCity = spread(COUNTIES, CITIES, 3, random);
    int city = 0;
    for (int p = 0; p < provinceCodes.size(); p++) {
      var pCode = provinceCodes.get(p);
      var pName = PROVINCES.get(pCode);
      result.add(new Div(pCode, pName, "PROVINCE", Division.MINISTRY_CODE, pCode));
      for (int c = 1; c <= citiesPer[p]; c++, city++) {
        var cCode = pCode.substring(0, 2) + "%02d00".formatted(c);
        var cName = pName + "第%02d市".formatted(c);
        result.add(new Div(cCode, cName, "CITY", pCode, pCode));
        for (int k = 1; k <= countiesPerCity[city]; k++) {
          result.add(new Div(cCode.substring(0, 4) + "%02d".formatted(k),
              cName + "第%02d县".formatted(k), "COUNTY", cCode, pCode));
        }
      }
    }
    return result;
  }

  /** {@code total} split into {@code parts} counts of at least {@code min}, seeded. */
  static int[] spread(int total, int parts, int min, Random random) {
    var counts = new int[parts];
    java.util.Arrays.fill(counts, min);
    for (int left = total - parts * min; left > 0; left--) {
      counts[random.nextInt(parts)]++;
    }
    return counts;
  }

  /** A generated project as its allocation and filing need it. */
  private record Funded(String code, String county, long amount, int progress) {}

  /** Writes the projects; answers {allocations, filings}. */
  private int[] projects(int count, Random random, List<Div> counties) {
    var now = OffsetDateTime.of(2026, 1, 5, 9, 0, 0, 0, ZoneOffset.ofHours(8)).toInstant();
    // which county each project belongs to, and so which province funds it
    var byProvince = new LinkedHashMap<String, List<Funded>>();
    var projectRows = new ArrayList<SeededProject>(count);
    var directions = List.of(Direction.ECO_RESTORATION, Direction.GEOHAZARD, Direction.GEO_SURVEY,
        Direction.MARINE_MONITORING);
    for (int i = 0; i < count; i++) {
      var county = counties.get(random.nextInt(counties.size()));
      var code = PREFIX + county.code + "-%d-%05d".formatted(BUDGET_YEAR, i + 1);
      long amount = 200_000L + random.nextInt(49) * 100_000L;
      var direction = directions.get(random.nextInt(directions.size()));
      projectRows.add(new SeededProject(code, "全国样例项目" + (i + 1), county.code, county.code,
          direction, FundClass.CENTRAL, yuan(amount), ProjectStatus.WAREHOUSED, AUTHOR, now, now));
      byProvince.computeIfAbsent(county.province, k -> new ArrayList<>())
          .add(new Funded(code, county.code, amount, random.nextInt(101)));
    }
    projectDoor.insertProjects(projectRows);
    projectDoor.insertTargets(projectRows.stream()
        .map(p -> new KeyedIndicators(p.code(), List.of(area(120), vegetation()))).toList());
    projectDoor.insertSelections(projectRows.stream()
        .map(p -> new SeededSelection(p.code(), BUDGET_YEAR, AUTHOR, now)).toList());
    return new int[] {byProvince.size(), allocationsAndFilings(byProvince, now)};
  }

  /** The output target every generated project and allocation carries: hectares restored. */
  private static Indicator area(long hectares) {
    return new Indicator(IndicatorLevel.OUTPUT, IndicatorCategory.QUANTITY, "修复治理面积",
        Comparator.GE, new IndicatorTarget.Numeric(BigDecimal.valueOf(hectares)), "公顷");
  }

  /** The benefit target every generated project and allocation carries. */
  private static Indicator vegetation() {
    return new Indicator(IndicatorLevel.BENEFIT, IndicatorCategory.ECOLOGICAL, "植被覆盖率提高",
        Comparator.GE, new IndicatorTarget.Numeric(BigDecimal.valueOf(15)), "百分点");
  }

  private static Yuan yuan(long amount) {
    return Yuan.of(BigDecimal.valueOf(amount));
  }

  /**
   * One central allocation per province, issued to its counties project by project, with the
   * province's two targets; each project's first quarter filed and transmitted.
   */
  private int allocationsAndFilings(Map<String, List<Funded>> byProvince, Instant now) {
    var allocations = new ArrayList<SeededAllocation>();
    var targets = new ArrayList<KeyedIndicators>();
    var parts = new ArrayList<SeededPart>();
    var lines = new ArrayList<SeededLine>();
    var filings = new ArrayList<SeededFiling>();
    var payments = new ArrayList<SeededPayment>();
    var actuals = new ArrayList<SeededActual>();
    var received = LocalDate.of(BUDGET_YEAR, 1, 5);
    var issueDue = LocalDate.of(BUDGET_YEAR, 2, 4);
    var q1Due = LocalDate.of(BUDGET_YEAR, 4, 10);
    var filedAt = OffsetDateTime.of(2026, 4, 8, 10, 0, 0, 0, ZoneOffset.ofHours(8)).toInstant();
    for (var entry : byProvince.entrySet()) {
      var doc = "全国样例〔" + BUDGET_YEAR + "〕" + entry.getKey() + "号";
      long total = entry.getValue().stream().mapToLong(Funded::amount).sum();
      allocations.add(new SeededAllocation(doc, entry.getKey(), FundClass.CENTRAL,
          Direction.ECO_RESTORATION, BUDGET_YEAR, yuan(total), Yuan.ZERO, received, issueDue,
          AllocationStatus.ISSUED, AUTHOR, now));
      targets.add(new KeyedIndicators(doc,
          List.of(area(120L * entry.getValue().size()), vegetation())));
      var perCounty = new LinkedHashMap<String, Long>();
      for (var p : entry.getValue()) {
        perCounty.merge(p.county(), p.amount(), Long::sum);
        lines.add(new SeededLine(doc, LineStage.ISSUE, p.county(), p.code(), yuan(p.amount()),
            Yuan.ZERO));
        var key = p.code() + "-" + BUDGET_YEAR + "Q1";
        int progress = p.progress();
        var paid = yuan(p.amount() * progress / 400);
        filings.add(new SeededFiling(key, p.code(), BUDGET_YEAR, 1, FilingStatus.TRANSMITTED,
            q1Due, yuan(p.amount()), paid, BigDecimal.valueOf(progress / 4),
            progress < 5 ? WarningLevel.RED : progress < 15 ? WarningLevel.YELLOW : null, now,
            AUTHOR, filedAt, AUTHOR, filedAt));
        payments.add(new SeededPayment(key, FundSource.CENTRAL, paid));
        actuals.add(new SeededActual(key, 1, BigDecimal.valueOf(30L * progress / 100), false,
            progress * 30 / 120, false));
        actuals.add(new SeededActual(key, 2, null, true, null, false));
      }
      perCounty.forEach((county, amount) -> parts.add(new SeededPart(doc, county, yuan(amount),
          Yuan.ZERO, PartStatus.ISSUED)));
    }
    allocationDoor.insertAllocations(allocations);
    allocationDoor.insertTargets(targets);
    allocationDoor.insertParts(parts);
    allocationDoor.insertLines(lines);
    filingDoor.insertFilings(filings);
    filingDoor.insertPayments(payments);
    filingDoor.insertActuals(actuals);
    return filings.size();
  }

  private static Map<String, String> provinces() {
    var p = new LinkedHashMap<String, String>();
    p.put("110000", "北京市");
    p.put("120000", "天津市");
    p.put("130000", "河北省");
    p.put("140000", "山西省");
    p.put("150000", "内蒙古自治区");
    p.put("210000", "辽宁省");
    p.put("220000", "吉林省");
    p.put("230000", "黑龙江省");
    p.put("310000", "上海市");
    p.put("320000", "江苏省");
    p.put("330000", "浙江省");
    p.put("340000", "安徽省");
    p.put("350000", "福建省");
    p.put("360000", "江西省");
    p.put("370000", "山东省");
    p.put("410000", "河南省");
    p.put("420000", "湖北省");
    p.put("430000", "湖南省");
    p.put("440000", "广东省");
    p.put("450000", "广西壮族自治区");
    p.put("460000", "海南省");
    p.put("500000", "重庆市");
    p.put("510000", "四川省");
    p.put("520000", "贵州省");
    p.put("530000", "云南省");
    p.put("540000", "西藏自治区");
    p.put("610000", "陕西省");
    p.put("620000", "甘肃省");
    p.put("630000", "青海省");
    p.put("640000", "宁夏回族自治区");
    p.put("650000", "新疆维吾尔自治区");
    return java.util.Collections.unmodifiableMap(p);
  }

  /** The generated county codes (for benchmarks that pick a county user). */
  public static Set<String> countyCodes(long seed) {
    var result = new java.util.LinkedHashSet<String>();
    divisions(new Random(seed)).stream().filter(d -> d.level.equals("COUNTY"))
        .forEach(d -> result.add(d.code));
    return result;
  }
}
