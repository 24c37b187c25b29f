package cn.fundmonitor.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.platform.ProcessVariable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;

/**
 * The typed variable facade holds (issue 18): each process variable is declared once, by one
 * {@link ProcessVariable} that every constants class naming it shares (e.g. {@code projectCode} in
 * {@code project/ProjectVariables}); and main code reads and writes variables through the facade,
 * never by handing a variable's raw name to the engine API ({@code X.name()}).
 */
class VariableFacadeTest {

  static final Path MAIN = Path.of("src/main/java");

  /**
   * Names two processes use for different things, each declared by its own process (renaming one
   * would change a form's keys, a public contract). The list only shrinks.
   */
  static final Map<String, String> SAME_NAME_OTHER_MEANING = Map.of(
      "budgetYear", "fundAllocation's is the receipt form's raw input, checked with the receipt "
          + "(RawReceipt); annualProjectSelection's is the year its timer chooses for",
      "confirmationComment", "the ministry's word confirming a problem's rectification vs the "
          + "inspector's word confirming a finding's",
      "filingDeadline", "the 30 days to file an allocation's refinement (MNR 第九条) vs a quarter's "
          + "filing deadline (MNR 第十一条)",
      "filingGroups", "the recipient's departments that file the refinement vs the project's that "
          + "file the quarter",
      "reviewGroup", "the province department reviewing an application vs the unit reviewing a "
          + "quarter's filing");

  @Test
  void issue18_eachProcessVariableIsDeclaredOnce() {
    var twice = declaredMoreThanOnce(classes("cn.fundmonitor").stream()
        .filter(type -> !isTestClass(type)).toList());
    assertThat(twice.keySet())
        .as("process variables declared by two ProcessVariable objects: declare one and alias it")
        .isSubsetOf(SAME_NAME_OTHER_MEANING.keySet());
    assertThat(SAME_NAME_OTHER_MEANING.keySet()).as("names that are no longer declared twice: "
        + "remove them from the list").isSubsetOf(twice.keySet());
  }

  @Test
  void issue18_aSeededSecondDeclarationIsFound() {
    assertThat(declaredMoreThanOnce(List.of(SeededConstants.class))).containsOnlyKeys("projectCode");
  }

  /** Seeded: projectCode declared a second time instead of named from ProjectVariables. */
  static final class SeededConstants {
    static final ProcessVariable<String> SHARED = cn.fundmonitor.project.ProjectVariables.PROJECT_CODE;
    static final ProcessVariable<String> AGAIN = ProcessVariable.string("projectCode");
    static final ProcessVariable<String> ALIAS = cn.fundmonitor.project.ProjectVariables.PROJECT_NAME;
  }

  @Test
  void issue18_mainCodeHasNoRawVariableNameEscapes() throws IOException {
    var escapes = new ArrayList<String>();
    try (var files = Files.walk(MAIN)) {
      for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        escapes.addAll(escapes(MAIN.relativize(file).toString(), Files.readString(file)));
      }
    }
    assertThat(escapes).as("use the variable's get/set/with/builder instead of X.name()").isEmpty();
  }

  @Test
  void issue18_aSeededEscapeIsFound() {
    var seeded = """
        execution.setVariable(QuarterlyFilingProcess.FILING_YEAR.name(), 2026);
        runtime.setVariable(id, WARNING_TEXT.name(), "红色预警");
        var label = Direction.GEOHAZARD.name(); // an enum's name is not an escape
        tasks.complete(id, REVIEW_OUTCOME.withRaw("MAYBE")); // raw input is for tests only
        """;
    assertThat(escapes("Seeded.java", seeded)).hasSize(3);
  }

  // --- the scan ---------------------------------------------------------------------------------

  /** Names declared by more than one ProcessVariable object, with the declaring fields. */
  static Map<String, List<String>> declaredMoreThanOnce(List<Class<?>> types) {
    var byName = new TreeMap<String, Map<ProcessVariable<?>, String>>();
    for (var type : types) {
      for (var field : type.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers()) && field.getType() == ProcessVariable.class) {
          try {
            field.setAccessible(true);
            var variable = (ProcessVariable<?>) field.get(null);
            byName.computeIfAbsent(variable.name(), n -> new IdentityHashMap<>())
                .putIfAbsent(variable, type.getSimpleName() + "." + field.getName());
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
          }
        }
      }
    }
    return byName.entrySet().stream().filter(e -> e.getValue().size() > 1)
        .collect(Collectors.toMap(Map.Entry::getKey, e -> List.copyOf(e.getValue().values()),
            (a, b) -> a, TreeMap::new));
  }

  /** The fields that hold process variables, by name, and the enum constants, by name. */
  static final Set<String> VARIABLE_FIELDS = new TreeSet<>();
  static final Set<String> ENUM_CONSTANTS = new HashSet<>();

  static {
    for (var type : classes("cn.fundmonitor")) {
      if (isTestClass(type)) {
        continue;
      }
      for (var field : type.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers()) && field.getType() == ProcessVariable.class) {
          VARIABLE_FIELDS.add(field.getName());
        }
      }
      Stream.concat(Stream.of(type), Stream.of(type.getDeclaredClasses())).filter(Class::isEnum)
          .forEach(e -> Stream.of(e.getEnumConstants()).forEach(c -> ENUM_CONSTANTS.add(((Enum<?>) c).name())));
    }
  }

  /** {@code FIELD.name()} where FIELD holds a process variable and is no enum constant's name. */
  static List<String> escapes(String file, String source) {
    var names = VARIABLE_FIELDS.stream().filter(n -> !ENUM_CONSTANTS.contains(n))
        .collect(Collectors.joining("|"));
    var found = new ArrayList<String>();
    var matcher = Pattern.compile("\\b(" + names + ")\\.name\\(\\)").matcher(source);
    while (matcher.find()) {
      var line = source.substring(0, matcher.start()).split("\n", -1).length;
      found.add(file + ":" + line + " " + matcher.group(1) + ".name()");
    }
    var raw = Pattern.compile("\\.withRaw\\(").matcher(source);
    while (raw.find()) {
      found.add(file + ":" + source.substring(0, raw.start()).split("\n", -1).length + " withRaw");
    }
    return found;
  }

  static boolean isTestClass(Class<?> type) {
    return type.getProtectionDomain().getCodeSource().getLocation().toString().contains("test-classes");
  }

  static List<Class<?>> classes(String root) {
    var scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter((reader, factory) -> true);
    var found = new ArrayList<Class<?>>();
    for (var candidate : scanner.findCandidateComponents(root)) {
      try {
        found.add(Class.forName(candidate.getBeanClassName()));
      } catch (ClassNotFoundException e) {
        throw new UncheckedIOException(new IOException(e));
      }
    }
    return found;
  }
}
