package cn.fundmonitor.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Who may touch which table (issue 18). A feature package writes (insert, update, delete, merge in
 * its SQL strings) only the {@code fm_} tables its own migrations create; it reads other features'
 * tables only when it is a declared read model; only {@code platform/} touches the engine's
 * {@code ACT_} tables. Today's exceptions are listed below, each with its reason: the lists only
 * shrink — an entry that no longer happens fails the test until it is removed.
 *
 * <p>The source is scanned as text: the string literals of each file (text blocks included, comments
 * left out), joined, searched for SQL verbs followed by a table name. A write whose table is not in
 * the literal ({@code "update " + table}) is reported as dynamic and must be listed too.
 */
class TableOwnershipTest {

  /** The tree scanned; {@code -Dfm.sourceRoot=/other/checkout/src/main} counts another checkout. */
  static final Path MAIN = Path.of(System.getProperty("fm.sourceRoot", "src/main"));

  /** Which package owns the tables a migration creates (by migration version). */
  static final Map<String, String> MIGRATION_OWNER = Map.ofEntries(
      Map.entry("1", "organisation"),
      Map.entry("2", "project"),
      Map.entry("3", "calendar"),
      Map.entry("4", "allocation"),
      Map.entry("5", "filing"),
      Map.entry("6", "problems"),
      Map.entry("7", "correction"),
      Map.entry("8", "reports"),
      Map.entry("9", "evaluation"),
      Map.entry("10", "lifecycle"),
      Map.entry("11", "lifecycle"),
      Map.entry("12", "inspection"),
      Map.entry("13", "divisions"),
      Map.entry("14", "waves"),
      Map.entry("15", "audit"),
      Map.entry("16", "reports"),
      Map.entry("17_3", "problems"),
      Map.entry("18_15", "project"),
      Map.entry("19_21", "results"),
      Map.entry("19_30", "evaluation"),
      Map.entry("19_31", "project"),
      Map.entry("19_40", "filing"));

  /** Tables a migration creates for another package than the migration's own. */
  static final Map<String, String> TABLE_OWNER = Map.of(
      "fm_overdue_step", "overdue", // V4 created it with the allocation deadlines it first watched
      "fm_number_counter", "common"); // V6 created it for problem numbers; NumberSequences serves all

  /** Packages that read other features' tables by design (reports, statistics, inspection rules). */
  static final Set<String> READ_MODELS = Set.of("reports", "inspection");

  /** The one package that touches the engine's tables. */
  static final String ENGINE_OWNER = "platform";

  /** The table of a write whose table name is not in the SQL literal. */
  static final String DYNAMIC = "<dynamic>";

  record Known(String pkg, String table, String reason) {}

  /** Writes to another package's table (or a dynamic table, {@code <dynamic>}), known today. */
  static final List<Known> KNOWN_WRITES = Stream.of(
      known("project", "IndicatorTable is the shared indicator layout; the owner names its table: "
          + "fm_project_indicator (project), fm_allocation_target (allocation)", DYNAMIC))
      .flatMap(List::stream).toList();

  /** Reads of another package's tables outside the read models, known today. */
  static final List<Known> KNOWN_READS = Stream.of(
      known("audit", "the audit trail names the record it shows (project, filing, allocation, "
          + "correction) by joining its table", "fm_allocation", "fm_correction_request",
          "fm_project", "fm_quarterly_filing"),
      known("evaluation", "who is funded is allocation's answer (AllocationReads); the year's "
          + "evaluations read the projects' annual target years and lifecycles and their regions: "
          + "project/ and lifecycle/ offer no bulk read of these yet", "fm_project",
          "fm_project_annual_indicator", "fm_project_lifecycle"),
      known("filing", "the money received is allocation's answer (AllocationReads); a monitoring "
          + "point's scope reads the projects of its regions: project/ offers no bulk read by "
          + "region yet", "fm_project"),
      known("project", "the progress plan compares a project's quarterly filings", "fm_quarterly_filing"),
      known("results", "result flags read a project's lifecycle and self-evaluation",
          "fm_lifecycle_event", "fm_project", "fm_project_lifecycle", "fm_self_evaluation"),
      known("waves", "a wave picks the projects whose lifecycle is open", "fm_project_lifecycle"))
      .flatMap(List::stream).toList();

  static List<Known> known(String pkg, String reason, String... tables) {
    return Stream.of(tables).map(t -> new Known(pkg, t, reason)).toList();
  }

  // --- the rules, on today's code ---------------------------------------------------------------

  @Test
  void issue18_everyFeatureWritesOnlyItsOwnTables() {
    var owners = owners(MAIN.resolve("resources/db/migration"));
    var found = writeViolations(scanAll(MAIN.resolve("java/cn/fundmonitor")), owners);
    System.out.println("[table ownership] cross-feature writes (package -> table): " + found.size()
        + " " + found);
    assertThat(found).as("writes to another package's table: move the write into the owner's "
            + "handler or service, or list it in KNOWN_WRITES with the reason")
        .isSubsetOf(keys(KNOWN_WRITES));
    assertThat(keys(KNOWN_WRITES)).as("KNOWN_WRITES entries that no longer happen: remove them")
        .isSubsetOf(found);
  }

  @Test
  void issue18_otherFeaturesTablesAreReadOnlyByReadModels() {
    var owners = owners(MAIN.resolve("resources/db/migration"));
    var found = readViolations(scanAll(MAIN.resolve("java/cn/fundmonitor")), owners);
    System.out.println("[table ownership] cross-feature reads outside read models: " + found.size());
    assertThat(found).as("reads of another package's table outside the read models "
            + READ_MODELS + ": ask the owner, or list it in KNOWN_READS with the reason")
        .isSubsetOf(keys(KNOWN_READS));
    assertThat(keys(KNOWN_READS)).as("KNOWN_READS entries that no longer happen: remove them")
        .isSubsetOf(found);
  }

  @Test
  void issue18_onlyPlatformTouchesEngineTables() {
    var found = engineViolations(scanAll(MAIN.resolve("java/cn/fundmonitor")));
    assertThat(found).as("engine tables touched outside platform/: use the engine API or a "
            + "platform/ component").isEmpty();
  }

  @Test
  void issue18_everyMigrationThatCreatesATableHasAnOwner() {
    var owners = owners(MAIN.resolve("resources/db/migration"));
    assertThat(owners).containsEntry("fm_problem", "problems")
        .containsEntry("fm_overdue_step", "overdue").containsEntry("fm_division_change", "divisions");
    assertThat(owners.values()).allSatisfy(o -> assertThat(MAIN.resolve("java/cn/fundmonitor/" + o))
        .isDirectory());
  }

  // --- each rule fails on a seeded violation -----------------------------------------------------

  static final Map<String, String> SEEDED_OWNERS = Map.of("fm_problem", "problems",
      "fm_division", "organisation", "fm_project", "project");

  @Test
  void issue18_aSeededWriteToAnotherFeaturesTableIsFound() {
    var uses = scan("divisions", """
        class Moves {
          void move(String to, String from) {
            jdbc.sql("update fm_problem set unit_code = ? " // the problems feature's table
                + "where unit_code = ? and status not in ('CLOSED', 'DISMISSED')").params(to, from);
            jdbc.sql(\"""
                insert into fm_division (code) values (?)\""").param(to);
            jdbc.sql("select count(*) from fm_division_change").query();
          }
        }
        """);
    assertThat(writeViolations(uses, SEEDED_OWNERS))
        .containsExactlyInAnyOrder("divisions -> fm_problem", "divisions -> fm_division");
    assertThat(writeViolations(scan("problems",
        "class P { String s = \"update fm_problem set status = ?\"; }"), SEEDED_OWNERS)).isEmpty();
  }

  @Test
  void issue18_aSeededDynamicWriteIsFound() {
    var uses = scan("divisions", """
        class Moves {
          // "update fm_problem set x" in a comment is no write
          void move(String table, String column) {
            jdbc.sql("update " + table + " set " + column + " = ?").update();
          }
        }
        """);
    assertThat(writeViolations(uses, SEEDED_OWNERS)).containsExactly("divisions -> <dynamic>");
  }

  @Test
  void issue18_aSeededReadOutsideTheReadModelsIsFound() {
    var source = "class Q { String q = \"select p.code from fm_project p \" + \"join fm_problem x "
        + "on x.project_code = p.code\"; }";
    assertThat(readViolations(scan("filing", source), SEEDED_OWNERS))
        .containsExactlyInAnyOrder("filing -> fm_project", "filing -> fm_problem");
    assertThat(readViolations(scan("reports", source), SEEDED_OWNERS)).isEmpty();
  }

  @Test
  void issue18_aSeededEngineTableOutsidePlatformIsFound() {
    var source = "class V { String q = \"select TEXT_ from ACT_RU_VARIABLE where NAME_ = ?\"; }";
    assertThat(engineViolations(scan("divisions", source)))
        .containsExactly("divisions -> act_ru_variable");
    assertThat(engineViolations(scan("platform", source))).isEmpty();
  }

  // --- the scanner -----------------------------------------------------------------------------

  enum Access { READ, WRITE }

  record TableUse(String pkg, String table, Access access) {}

  private static final char GAP = '\u0001'; // between two literals: code, maybe a table name
  private static final Pattern WRITE = Pattern.compile(
      "(?i)\\b(?:insert\\s+into|update|delete\\s+from|merge\\s+into)\\s+(?:(\\w+)|" + GAP + ")");
  private static final Pattern READ = Pattern.compile("(?i)\\b(?:from|join)\\s+((?:fm|act)_\\w+)");
  private static final Pattern LIST = Pattern.compile(
      "(?i)\\bfrom\\s+(?:fm|act)_\\w+(?:\\s+\\w+)?((?:\\s*,\\s*(?:fm|act)_\\w+(?:\\s+\\w+)?)+)");
  private static final Pattern TABLE = Pattern.compile("(?i)\\b(?:fm|act)_\\w+");
  private static final Pattern CREATE = Pattern.compile(
      "(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?(fm_\\w+)");
  private static final Pattern VERSION = Pattern.compile("V([0-9_]+?)__.*\\.sql");

  /** The table uses in one source file of package {@code pkg}. */
  static List<TableUse> scan(String pkg, String javaSource) {
    var sql = literals(javaSource);
    var flat = sql.replace(GAP, ' ');
    var uses = new ArrayList<TableUse>();
    var w = WRITE.matcher(sql);
    while (w.find()) {
      var table = w.group(1);
      if (table == null) {
        uses.add(new TableUse(pkg, DYNAMIC, Access.WRITE));
      } else if (TABLE.matcher(table).matches()) {
        uses.add(new TableUse(pkg, table.toLowerCase(Locale.ROOT), Access.WRITE));
      }
    }
    var r = READ.matcher(flat);
    while (r.find()) {
      uses.add(new TableUse(pkg, r.group(1).toLowerCase(Locale.ROOT), Access.READ));
    }
    var l = LIST.matcher(flat);
    while (l.find()) {
      var t = TABLE.matcher(l.group(1));
      while (t.find()) {
        uses.add(new TableUse(pkg, t.group().toLowerCase(Locale.ROOT), Access.READ));
      }
    }
    return uses;
  }

  /** The string literals of a Java source (text blocks too), comments left out, joined by gaps. */
  static String literals(String src) {
    var out = new StringBuilder();
    int i = 0;
    int n = src.length();
    while (i < n) {
      char c = src.charAt(i);
      if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
        i = src.indexOf('\n', i);
        i = i < 0 ? n : i;
      } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
        i = src.indexOf("*/", i + 2);
        i = i < 0 ? n : i + 2;
      } else if (c == '\'') {
        i += src.charAt(i + 1) == '\\' ? 4 : 3; // 'x' or '\x' (no unicode escapes in char literals here)
      } else if (src.startsWith("\"\"\"", i)) {
        int end = src.indexOf("\"\"\"", i + 3);
        end = end < 0 ? n : end;
        out.append(src, i + 3, end).append(GAP);
        i = end + 3;
      } else if (c == '"') {
        int j = i + 1;
        while (j < n && src.charAt(j) != '"') {
          j += src.charAt(j) == '\\' ? 2 : 1;
        }
        out.append(src, i + 1, Math.min(j, n)).append(GAP);
        i = j + 1;
      } else {
        i++;
      }
    }
    return out.toString();
  }

  static List<TableUse> scanAll(Path root) {
    try (var files = Files.walk(root)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().flatMap(f -> {
        var relative = root.relativize(f);
        var pkg = relative.getNameCount() > 1 ? relative.getName(0).toString() : "";
        return scan(pkg, read(f)).stream();
      }).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every {@code fm_} table a migration creates, with the package that owns it. */
  static Map<String, String> owners(Path migrations) {
    var owners = new TreeMap<String, String>();
    try (var files = Files.list(migrations)) {
      for (var f : files.sorted().toList()) {
        var version = VERSION.matcher(f.getFileName().toString());
        if (!version.matches()) {
          continue;
        }
        var create = CREATE.matcher(read(f));
        while (create.find()) {
          var table = create.group(1).toLowerCase(Locale.ROOT);
          var owner = Optional.ofNullable(TABLE_OWNER.get(table))
              .or(() -> Optional.ofNullable(MIGRATION_OWNER.get(version.group(1))))
              .orElseThrow(() -> new AssertionError(f.getFileName() + " creates " + table
                  + " but has no owning package in MIGRATION_OWNER"));
          owners.put(table, owner);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return owners;
  }

  static Set<String> writeViolations(List<TableUse> uses, Map<String, String> owners) {
    return uses.stream().filter(u -> u.access() == Access.WRITE)
        .filter(u -> u.table().equals(DYNAMIC)
            || (u.table().startsWith("fm_") && !u.pkg().equals(owners.get(u.table()))))
        .map(TableOwnershipTest::key).collect(Collectors.toCollection(TreeSet::new));
  }

  static Set<String> readViolations(List<TableUse> uses, Map<String, String> owners) {
    return uses.stream().filter(u -> u.access() == Access.READ && u.table().startsWith("fm_"))
        .filter(u -> !READ_MODELS.contains(u.pkg()) && !u.pkg().equals(owners.get(u.table())))
        .map(TableOwnershipTest::key).collect(Collectors.toCollection(TreeSet::new));
  }

  static Set<String> engineViolations(List<TableUse> uses) {
    return uses.stream().filter(u -> u.table().startsWith("act_") && !u.pkg().equals(ENGINE_OWNER))
        .map(TableOwnershipTest::key).collect(Collectors.toCollection(TreeSet::new));
  }

  static String key(TableUse u) {
    return u.pkg() + " -> " + u.table();
  }

  static Set<String> keys(List<Known> known) {
    return known.stream().map(k -> k.pkg() + " -> " + k.table())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static String read(Path f) {
    try {
      return Files.readString(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
