package cn.fundmonitor.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.project.Direction;
import cn.fundmonitor.rules.Expense;
import cn.fundmonitor.rules.ExpenseCategory;
import cn.fundmonitor.rules.ExpenseChecker;
import cn.fundmonitor.rules.ExpenseSheets;
import cn.fundmonitor.rules.HazardParty;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Prohibition checks (GX 第八条) for a 100,000-row expense sheet, measured next to raw DMN engine
 * evaluations of the same deployed table in the same run, and next to FEEL-Scala (the engine's
 * default FEEL; which version is on the classpath decides which one: {@code .ci/benchmark
 * expenses} runs once as shipped and once with 7.24.0's 1.19.3). Then the whole sheet through
 * {@link ExpenseSheets}: rows per second and peak heap. Writes
 * target/benchmark/expense-check-feel-&lt;version&gt;.txt. Fails if a check costs more than 1.5× a
 * raw evaluation, or (against 1.19.3) if the shipped FEEL is not 7× faster.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "spring.datasource.url=jdbc:h2:mem:fundmonitor-bench;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "camunda.bpm.admin-user.password=Bench-Guanli-Mima#2026",
    "fundmonitor.demo.enabled=false",
    "logging.level.root=warn"})
class ExpenseCheckBenchmark {

  static final int ROWS = Integer.getInteger("bench.expenses", 100_000);
  static final int SCALA_ROWS = Integer.getInteger("bench.scala-rows", 20_000);
  static final int ROUNDS = 5;

  @Autowired ExpenseChecker checker;
  @Autowired ExpenseSheets sheets;
  @Autowired RepositoryService repository;

  final List<String> report = new ArrayList<>();

  void say(String format, Object... args) {
    var line = String.format(format, args);
    System.out.println("[benchmark] " + line);
    report.add(line);
  }

  @Test
  void prohibitionChecks() throws Exception {
    var feelVersion = feelScalaVersion();
    say("Expense checks, %d rows, %d cores, Java %s, FEEL-Scala on the classpath %s", ROWS,
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), feelVersion);
    var expenses = expenses(ROWS, new Random(8));
    var rules = checker.latest();
    var xml = deployedXml(ExpenseChecker.PROHIBITION);
    var simple = ExpenseChecker.engine(true);
    var simpleTable = simple.parseDecision(ExpenseChecker.PROHIBITION, new ByteArrayInputStream(xml));
    var inputs = expenses.stream().map(e -> Variables.fromMap(e.facts())).toList();

    // raw evaluations and service checks, interleaved round by round, after warming up
    var raw = new long[ROUNDS];
    var checks = new long[ROUNDS];
    long hits = 0;
    var full = new long[ROUNDS];
    for (int round = -2; round < ROUNDS; round++) {
      // alternate the order, so neither side always runs on a freshly collected heap
      long rawTime = 0;
      long checkTime = 0;
      long rawHits = 0;
      long checkHits = 0;
      for (int side = 0; side < 2; side++) {
        var t0 = System.nanoTime();
        if ((side == 0) == (round % 2 == 0)) {
          for (var input : inputs) {
            rawHits += simple.evaluateDecisionTable(simpleTable, input).size();
          }
          rawTime = System.nanoTime() - t0;
        } else {
          for (var expense : expenses) {
            checkHits += checker.prohibitions(expense, rules).size();
          }
          checkTime = System.nanoTime() - t0;
        }
      }
      assertThat(checkHits).as("the checker finds what the table finds").isEqualTo(rawHits);
      hits = checkHits;
      var t0 = System.nanoTime();
      for (var expense : expenses) {
        checker.check(expense, rules);
      }
      var fullTime = System.nanoTime() - t0;
      if (round >= 0) {
        raw[round] = rawTime;
        checks[round] = checkTime;
        full[round] = fullTime;
      }
    }
    var rawNs = median(raw) / (double) ROWS;
    var checkNs = median(checks) / (double) ROWS;
    say("prohibitions found: %d in %d rows", hits, ROWS);
    say("raw DMN evaluation (simple FEEL, same deployed table): %.2f µs/eval = %,.0f evals/s",
        rawNs / 1000, 1e9 / rawNs);
    say("ExpenseChecker.prohibitions (the service):              %.2f µs/check = %,.0f checks/s",
        checkNs / 1000, 1e9 / checkNs);
    var fullNs = median(full) / (double) ROWS;
    say("ExpenseChecker.check (scope and prohibitions, 2 tables): %.2f µs/check = %,.0f checks/s",
        fullNs / 1000, 1e9 / fullNs);
    var overhead = checkNs / rawNs;
    say("check / raw evaluation = %.2f (target ≤ 1.5)", overhead);

    // FEEL-Scala: the process engine's default for DMN
    var scala = ExpenseChecker.engine(false);
    var scalaTable = scala.parseDecision(ExpenseChecker.PROHIBITION, new ByteArrayInputStream(xml));
    var sample = inputs.subList(0, Math.min(SCALA_ROWS, inputs.size()));
    long scalaBest = Long.MAX_VALUE;
    for (int round = -1; round < 3; round++) {
      var t0 = System.nanoTime();
      long scalaHits = 0;
      for (var input : sample) {
        scalaHits += scala.evaluateDecisionTable(scalaTable, input).size();
      }
      var elapsed = System.nanoTime() - t0;
      if (round >= 0) {
        scalaBest = Math.min(scalaBest, elapsed);
      }
      assertThat(scalaHits).isPositive();
    }
    var scalaNs = scalaBest / (double) sample.size();
    say("raw DMN evaluation (FEEL-Scala %s, default config):   %.2f µs/eval = %,.0f evals/s (%d rows)",
        feelVersion, scalaNs / 1000, 1e9 / scalaNs, sample.size());
    var speedup = scalaNs / checkNs;
    say("shipped check vs FEEL-Scala %s evaluation: %.1f× faster%s", feelVersion, speedup,
        feelVersion.equals("1.19.3") ? " (target ≥ 7× against 7.24.0's default)" : "");

    // the whole sheet: read, check (eligibility and prohibitions), write
    var workbook = sheet(expenses);
    say("sheet: %d rows, %,d bytes", ROWS, workbook.length);
    for (int warm = 0; warm < 1; warm++) {
      sheets.check(new ByteArrayInputStream(workbook));
    }
    long elapsed;
    ExpenseSheets.Result result;
    String heap;
    try (var watch = new HeapWatch()) {
      var t0 = System.nanoTime();
      result = sheets.check(new ByteArrayInputStream(workbook));
      elapsed = System.nanoTime() - t0;
      watch.close();
      heap = watch.describe();
    }
    say("whole sheet through ExpenseSheets (SAX in, SXSSF out, both tables): %.1f s = %,.0f rows/s;"
        + " %d allowed, %d refused, %d invalid; result %,d bytes", elapsed / 1e9,
        ROWS / (elapsed / 1e9), result.allowed(), result.refused(), result.invalid(),
        result.workbook().length);
    say("heap during the sheet: %s", heap);
    assertThat(result.rows()).isEqualTo(ROWS);
    write(feelVersion);

    assertThat(overhead).as("one check costs at most 1.5× the raw evaluation").isLessThanOrEqualTo(1.5);
    if (feelVersion.equals("1.19.3")) {
      assertThat(speedup).as("the shipped FEEL is 7× faster than 7.24.0's default").isGreaterThanOrEqualTo(7);
    }
  }

  // --- inputs ----------------------------------------------------------------------------------

  static final Map<Direction, List<ExpenseCategory>> IN_SCOPE = Map.of(
      Direction.ECO_RESTORATION, List.of(ExpenseCategory.LAND_CONSOLIDATION,
          ExpenseCategory.ABANDONED_MINE_RESTORATION, ExpenseCategory.ENGINEERING),
      Direction.GEO_SURVEY, List.of(ExpenseCategory.MINERAL_EXPLORATION, ExpenseCategory.SURVEY),
      Direction.GEOHAZARD, List.of(ExpenseCategory.HAZARD_TREATMENT,
          ExpenseCategory.HAZARD_MONITORING, ExpenseCategory.MASS_PREVENTION),
      Direction.GEO_HERITAGE, List.of(ExpenseCategory.HERITAGE_PROTECTION));

  /** Mostly proper expenses, one in five with something Art. 8 forbids. */
  static List<Expense> expenses(int n, Random random) {
    var directions = List.copyOf(IN_SCOPE.keySet()).stream().sorted().toList();
    var categories = ExpenseCategory.values();
    var result = new ArrayList<Expense>(n);
    for (int i = 0; i < n; i++) {
      var direction = directions.get(random.nextInt(directions.size()));
      var bad = random.nextInt(5) == 0;
      var category = bad ? categories[random.nextInt(categories.length)]
          : IN_SCOPE.get(direction).get(random.nextInt(IN_SCOPE.get(direction).size()));
      result.add(new Expense(direction, category, bad && random.nextInt(4) == 0,
          bad && random.nextInt(6) == 0,
          direction == Direction.GEOHAZARD ? HazardParty.values()[bad ? random.nextInt(3) : 0]
              : HazardParty.NONE,
          bad && random.nextInt(5) == 0, bad && random.nextInt(5) == 0,
          !(bad && random.nextInt(8) == 0)));
    }
    return result;
  }

  static byte[] sheet(List<Expense> expenses) throws Exception {
    try (var wb = new SXSSFWorkbook(500)) {
      var sheet = wb.createSheet("支出");
      var header = sheet.createRow(0);
      var columns = List.of("序号", "资金方向", "支出类别", "支出内容", "金额（元）", "项目区外不直接配套的基础设施",
          "以补充耕地为主要或单一目标", "地质灾害责任方", "人为活动引发的地质灾害", "有明确恢复治理或复垦责任主体", "与项目相关");
      for (int c = 0; c < columns.size(); c++) {
        header.createCell(c).setCellValue(columns.get(c));
      }
      for (int i = 0; i < expenses.size(); i++) {
        var e = expenses.get(i);
        var row = sheet.createRow(i + 1);
        row.createCell(0).setCellValue(i + 1);
        row.createCell(1).setCellValue(e.direction().label());
        row.createCell(2).setCellValue(e.category().label());
        row.createCell(3).setCellValue("支出" + (i + 1));
        row.createCell(4).setCellValue(1000 + (i % 997) * 13.5);
        row.createCell(5).setCellValue(e.infrastructureOutsideProjectArea() ? "是" : "否");
        row.createCell(6).setCellValue(e.mainlyFarmlandSupplement() ? "是" : "否");
        row.createCell(7).setCellValue(e.hazardResponsibleParty().label());
        row.createCell(8).setCellValue(e.hazardCausedByHumanActivity() ? "是" : "否");
        row.createCell(9).setCellValue(e.liablePartyExists() ? "是" : "否");
        row.createCell(10).setCellValue(e.relatedToProject() ? "是" : "否");
      }
      var out = new ByteArrayOutputStream();
      wb.write(out);
      wb.dispose();
      return out.toByteArray();
    }
  }

  // --- helpers ---------------------------------------------------------------------------------

  byte[] deployedXml(String key) throws Exception {
    var latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
        .latestVersion().singleResult();
    try (var in = repository.getDecisionModel(latest.getId())) {
      return in.readAllBytes();
    }
  }

  static String feelScalaVersion() throws Exception {
    try (var in = DmnDecision.class.getClassLoader().getResourceAsStream(
        "META-INF/maven/org.camunda.feel/feel-engine/pom.properties")) {
      if (in == null) {
        return "unknown";
      }
      var properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    }
  }

  static long median(long[] values) {
    var sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  void write(String feelVersion) throws Exception {
    var file = Path.of("target", "benchmark", "expense-check-feel-" + feelVersion + ".txt");
    Files.createDirectories(file.getParent());
    Files.write(file, report);
  }
}
