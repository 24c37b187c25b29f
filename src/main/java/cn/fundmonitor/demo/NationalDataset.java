package cn.fundmonitor.demo;

import cn.fundmonitor.organisation.Division;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

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
 * <p>Everything is written with multi-row inserts, 500 rows a statement, never one service call
 * per row: the benchmarks (issue 16) and the large demo
 * ({@code fundmonitor.demo.national=true}) load 30,000 projects in seconds.
 */
public final class NationalDataset {

  /** The 31 provincial-level divisions of the mainland, GB/T 2260 codes and names. */
  public static final Map<String, String> PROVINCES = provinces();

  /** Cities and counties a dataset aims at (configurable defaults, near the real 333 and 2,844). */
  static final int CITIES = 333;
  static final int COUNTIES = 2_844;

  static final int BUDGET_YEAR = 2026;
  static final String PREFIX = "GJ";
  private static final int ROWS_PER_STATEMENT = 500;

  private final JdbcTemplate jdbc;

  public NationalDataset(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
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
    return jdbc.queryForObject("select count(*) from fm_project where code like ?", Integer.class,
        PREFIX + "%") > 0;
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
    var existing = new HashSet<>(jdbc.queryForList("select code from fm_division", String.class));
    batch("insert into fm_division (code, name, level, parent_code) values (?, ?, ?, ?)",
        divisions.stream().filter(d -> !existing.contains(d.code))
            .map(d -> new Object[] {d.code, d.name, d.level, d.parent}).toList());
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

  /** Writes the projects; answers {allocations, filings}. */
  private int[] projects(int count, Random random, List<Div> counties) {
    var now = Timestamp.from(OffsetDateTime.of(2026, 1, 5, 9, 0, 0, 0, ZoneOffset.ofHours(8))
        .toInstant());
    // which county each project belongs to, and so which province funds it
    var byProvince = new LinkedHashMap<String, List<Object[]>>();
    var projectRows = new ArrayList<Object[]>(count);
    var directions = List.of("ECO_RESTORATION", "GEOHAZARD", "GEO_SURVEY", "MARINE_MONITORING");
    for (int i = 0; i < count; i++) {
      var county = counties.get(random.nextInt(counties.size()));
      var code = PREFIX + county.code + "-%d-%05d".formatted(BUDGET_YEAR, i + 1);
      long amount = 200_000L + random.nextInt(49) * 100_000L;
      var direction = directions.get(random.nextInt(directions.size()));
      projectRows.add(new Object[] {code, "全国样例项目" + (i + 1), county.code, county.code,
          direction, "CENTRAL", BigDecimal.valueOf(amount), now, now});
      byProvince.computeIfAbsent(county.province, k -> new ArrayList<>())
          .add(new Object[] {code, county.code, amount, random.nextInt(101)});
    }
    batch("insert into fm_project (code, name, region_code, applicant_unit_code, direction, "
        + "fund_class, requested_amount, status, applied_by, applied_at, updated_at) "
        + "values (?, ?, ?, ?, ?, ?, ?, 'WAREHOUSED', 'national-dataset', ?, ?)", projectRows);
    var indicators = new ArrayList<Object[]>();
    for (var p : projectRows) {
      indicators.add(new Object[] {p[0], 1, "OUTPUT", "QUANTITY", "修复治理面积", "GE",
          BigDecimal.valueOf(120), "120", "公顷"});
      indicators.add(new Object[] {p[0], 2, "BENEFIT", "ECOLOGICAL", "植被覆盖率提高", "GE",
          BigDecimal.valueOf(15), "15", "百分点"});
    }
    batch("insert into fm_project_indicator (project_code, position, level1, level2, name, "
        + "comparator, target_value, target_text, unit) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        indicators);
    batch("insert into fm_project_selection (project_code, budget_year, selected_by, selected_at) "
        + "values (?, " + BUDGET_YEAR + ", 'national-dataset', ?)",
        projectRows.stream().map(p -> new Object[] {p[0], now}).toList());
    return new int[] {byProvince.size(), allocationsAndFilings(byProvince, now)};
  }

  /**
   * One central allocation per province, issued to its counties project by project, with the
   * province's two targets; each project's first quarter filed and transmitted.
   */
  private int allocationsAndFilings(Map<String, List<Object[]>> byProvince, Timestamp now) {
    var allocations = new ArrayList<Object[]>();
    var targets = new ArrayList<Object[]>();
    var parts = new ArrayList<Object[]>();
    var lines = new ArrayList<Object[]>();
    var filings = new ArrayList<Object[]>();
    var payments = new ArrayList<Object[]>();
    var actuals = new ArrayList<Object[]>();
    var received = Date.valueOf(LocalDate.of(BUDGET_YEAR, 1, 5));
    var issueDue = Date.valueOf(LocalDate.of(BUDGET_YEAR, 2, 4));
    var q1Due = Date.valueOf(LocalDate.of(BUDGET_YEAR, 4, 10));
    var filedAt = Timestamp.from(OffsetDateTime.of(2026, 4, 8, 10, 0, 0, 0, ZoneOffset.ofHours(8))
        .toInstant());
    for (var entry : byProvince.entrySet()) {
      var doc = "全国样例〔" + BUDGET_YEAR + "〕" + entry.getKey() + "号";
      long total = entry.getValue().stream().mapToLong(p -> (long) p[2]).sum();
      allocations.add(new Object[] {doc, entry.getKey(), BigDecimal.valueOf(total), received,
          issueDue, now});
      targets.add(new Object[] {doc, 1, "OUTPUT", "QUANTITY", "修复治理面积", "GE",
          BigDecimal.valueOf(120L * entry.getValue().size()), "" + 120 * entry.getValue().size(), "公顷"});
      targets.add(new Object[] {doc, 2, "BENEFIT", "ECOLOGICAL", "植被覆盖率提高", "GE",
          BigDecimal.valueOf(15), "15", "百分点"});
      var perCounty = new LinkedHashMap<String, Long>();
      for (var p : entry.getValue()) {
        perCounty.merge((String) p[1], (Long) p[2], Long::sum);
        lines.add(new Object[] {doc, p[1], p[0], BigDecimal.valueOf((long) p[2])});
        var key = p[0] + "-" + BUDGET_YEAR + "Q1";
        int progress = (int) p[3];
        var paid = BigDecimal.valueOf((long) p[2] * progress / 400);
        filings.add(new Object[] {key, p[0], q1Due, BigDecimal.valueOf((long) p[2]), paid,
            BigDecimal.valueOf(progress / 4), progress < 5 ? "RED" : progress < 15 ? "YELLOW" : null,
            now, filedAt, filedAt});
        payments.add(new Object[] {key, paid});
        actuals.add(new Object[] {key, 1, BigDecimal.valueOf(30L * progress / 100), false,
            progress * 30 / 120});
        actuals.add(new Object[] {key, 2, null, true, null});
      }
      perCounty.forEach((county, amount) -> parts.add(new Object[] {doc, county,
          BigDecimal.valueOf(amount)}));
    }
    batch("insert into fm_allocation (document_no, province_code, fund_class, direction, "
        + "budget_year, central_amount, provincial_amount, received_on, issue_due_on, status, "
        + "registered_by, registered_at) values (?, ?, 'CENTRAL', 'ECO_RESTORATION', " + BUDGET_YEAR
        + ", ?, 0, ?, ?, 'ISSUED', 'national-dataset', ?)", allocations);
    batch("insert into fm_allocation_target (document_no, position, level1, level2, name, "
        + "comparator, target_value, target_text, unit) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", targets);
    batch("insert into fm_allocation_part (document_no, recipient_code, central_amount, "
        + "provincial_amount, status) values (?, ?, ?, 0, 'ISSUED')", parts);
    batch("insert into fm_allocation_line (document_no, stage, recipient_code, project_code, "
        + "central_amount, provincial_amount) values (?, 'ISSUE', ?, ?, ?, 0)", lines);
    batch("insert into fm_quarterly_filing (business_key, project_code, filing_year, quarter, "
        + "status, due_on, received_amount, paid_to_date, physical_progress, warning_level, "
        + "opened_at, filed_by, filed_at, reviewed_by, transmitted_at) values (?, ?, " + BUDGET_YEAR
        + ", 1, 'TRANSMITTED', ?, ?, ?, ?, ?, ?, 'national-dataset', ?, 'national-dataset', ?)",
        filings);
    batch("insert into fm_filing_payment (business_key, fund_source, paid) values (?, 'CENTRAL', ?)",
        payments);
    batch("insert into fm_filing_indicator (business_key, position, actual_value, not_yet_due, "
        + "completion_rate, rate_by_reviewer) values (?, ?, ?, ?, ?, false)", actuals);
    return filings.size();
  }

  /**
   * Inserts the rows {@value #ROWS_PER_STATEMENT} at a time as one multi-row {@code insert …
   * values (…), (…)}: PostgreSQL runs one statement per row of a JDBC batch, which made 30,000
   * projects take a minute and a half.
   */
  private void batch(String sql, List<Object[]> rows) {
    int at = sql.lastIndexOf("values ") + "values ".length();
    var head = sql.substring(0, at);
    var tuple = sql.substring(at);
    for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
      var chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
      var args = new ArrayList<Object>();
      chunk.forEach(r -> args.addAll(java.util.Arrays.asList(r)));
      jdbc.update(head + String.join(", ", java.util.Collections.nCopies(chunk.size(), tuple)),
          args.toArray());
    }
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
