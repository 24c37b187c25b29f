package cn.fundmonitor.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The feature packages talk through their front doors (issue 18; ddd-by-examples/library's
 * {@code ModularArchitectureTest}): division changes reach the features only by the events they
 * publish, the foundation depends on no feature, and no two packages depend on each other. The
 * known exceptions are listed with their reasons and only shrink. Each rule is shown failing on a
 * seeded violation ({@code architecture.seeded}) before it is checked on the real code.
 */
class ModularArchitectureTest {

  static final String ROOT = "cn.fundmonitor";
  static final String SEEDED = "cn.fundmonitor.architecture.seeded";

  static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
  static final JavaClasses SEEDED_CLASSES = new ClassFileImporter().importPackages(SEEDED);

  /** Packages every feature may use; they use no feature. */
  static final Set<String> FOUNDATION = Set.of("common", "money", "organisation", "calendar",
      "platform");

  /** What of divisions/ other packages may see: the events and their vocabulary. */
  static final String DIVISION_EVENTS = "(DivisionChanged|DivisionChanging|DivisionChangeKind)";

  record KnownEdge(String fromClass, String toPackage, String reason) {}

  /** Dependencies that break the rules today, each with its reason. */
  static final List<KnownEdge> KNOWN_EDGES = List.of(
      new KnownEdge("platform.JurisdictionGuard", "project", "the guard checks a project's region "
          + "for the engine's REST API through ProjectReserveService; moves when project offers a "
          + "read side of its own (issue 18: split ProjectReserveService)"),
      new KnownEdge("organisation.CamundaOrganisationSync", "platform", "the sync grants Tasklist "
          + "access per process key and reads TaskSummaryPlugin's variables; issue 18's 'features "
          + "contribute, platform collects' turns this round"));

  // --- the rules, for a root package ----------------------------------------------------------

  /** divisions/ publishes events; it does not reach into the features whose rows move. */
  static ArchRule divisionsReachNoFeature(String root, JavaClasses classes) {
    var others = features(root, classes).stream().filter(p -> !p.equals("divisions"))
        .map(p -> root + "." + p + "..").toArray(String[]::new);
    return noClasses().that().resideInAPackage(root + ".divisions..")
        .should().dependOnClassesThat().resideInAnyPackage(others)
        .because("each feature moves its own rows in a handler of DivisionChanged (issue 18)");
  }

  /** Other packages see divisions/ only through its events. */
  static ArchRule featuresSeeOnlyTheDivisionEvents(String root) {
    DescribedPredicate<JavaClass> beyondTheEvents = resideInAPackage(root + ".divisions..")
        .and(DescribedPredicate.not(nameMatching(
            java.util.regex.Pattern.quote(root + ".divisions.") + DIVISION_EVENTS + "(\\$.*)?")))
        .as("classes of divisions/ other than its events");
    return noClasses().that().resideOutsideOfPackage(root + ".divisions..")
        .should().dependOnClassesThat(beyondTheEvents)
        .because("a feature answers a division change in its own handler (issue 18)");
  }

  /** The foundation depends on no feature. */
  static ArchRule foundationUsesNoFeature(String root, JavaClasses classes) {
    var features = features(root, classes).stream().map(p -> root + "." + p + "..")
        .toArray(String[]::new);
    var foundation = FOUNDATION.stream().map(p -> root + "." + p + "..").toArray(String[]::new);
    return noClasses().that().resideInAnyPackage(foundation)
        .should().dependOnClassesThat().resideInAnyPackage(features)
        .because("features use the foundation, not the other way round")
        .allowEmptyShould(true);
  }

  /** No two top-level packages depend on each other, directly or round a ring. */
  static ArchRule noCycles(String root) {
    var rule = slices().matching(root + ".(*)..").should().beFreeOfCycles();
    for (var edge : KNOWN_EDGES) {
      rule = rule.ignoreDependency(nameMatching(java.util.regex.Pattern.quote(root + "."
          + edge.fromClass()) + "(\\$.*)?"), resideInAPackage(root + "." + edge.toPackage() + ".."));
    }
    return rule;
  }

  /** The top-level packages under the root that are neither the foundation nor the root itself. */
  static Set<String> features(String root, JavaClasses classes) {
    var result = new TreeSet<String>();
    for (var c : classes) {
      var pkg = c.getPackageName();
      if (pkg.startsWith(root + ".")) {
        var top = pkg.substring(root.length() + 1).split("\\.")[0];
        if (!FOUNDATION.contains(top) && !(root.equals(ROOT) && top.equals("architecture"))) {
          result.add(top);
        }
      }
    }
    return result;
  }

  /** Classes of the real code, leaving out the known edges' sources for the foundation rule. */
  static JavaClasses withoutKnownSources(JavaClasses classes, String root) {
    return classes.that(DescribedPredicate.not(nameMatching(KNOWN_EDGES.stream()
        .map(e -> java.util.regex.Pattern.quote(root + "." + e.fromClass()) + "(\\$.*)?")
        .reduce((a, b) -> a + "|" + b).orElse("(?!)"))));
  }

  // --- each rule fails on its seeded violation ------------------------------------------------

  @Test
  void issue18_theRulesFailOnSeededViolations() {
    assertThat(features(SEEDED, SEEDED_CLASSES)).containsExactly("divisions", "problems");
    assertThatThrownBy(() -> divisionsReachNoFeature(SEEDED, SEEDED_CLASSES).check(SEEDED_CLASSES))
        .isInstanceOf(AssertionError.class).hasMessageContaining("RecordMover");
    assertThatThrownBy(() -> featuresSeeOnlyTheDivisionEvents(SEEDED).check(SEEDED_CLASSES))
        .isInstanceOf(AssertionError.class).hasMessageContaining("ProblemStore")
        .hasMessageContaining("RecordMover").hasMessageNotContaining("DivisionChanged>");
    assertThatThrownBy(() -> foundationUsesNoFeature(SEEDED, SEEDED_CLASSES).check(SEEDED_CLASSES))
        .isInstanceOf(AssertionError.class).hasMessageContaining("Guard");
    assertThatThrownBy(() -> noCycles(SEEDED).check(SEEDED_CLASSES))
        .isInstanceOf(AssertionError.class).hasMessageContaining("divisions")
        .hasMessageContaining("problems");
  }

  // --- the rules on the real code -------------------------------------------------------------

  @Test
  void issue18_divisionChangesReachTheFeaturesOnlyThroughEvents() {
    divisionsReachNoFeature(ROOT, MAIN).check(MAIN);
    featuresSeeOnlyTheDivisionEvents(ROOT).check(MAIN);
  }

  @Test
  void issue18_theFoundationDependsOnNoFeature() {
    foundationUsesNoFeature(ROOT, MAIN).check(withoutKnownSources(MAIN, ROOT));
  }

  @Test
  void issue18_noTwoPackagesDependOnEachOther() {
    noCycles(ROOT).check(MAIN);
  }

  @Test
  void issue18_everyKnownEdgeStillExists() {
    for (var edge : KNOWN_EDGES) {
      var from = MAIN.stream().filter(c -> c.getName().equals(ROOT + "." + edge.fromClass())
          || c.getName().startsWith(ROOT + "." + edge.fromClass() + "$"));
      assertThat(from.flatMap(c -> c.getDirectDependenciesFromSelf().stream())
          .anyMatch(d -> d.getTargetClass().getPackageName().startsWith(ROOT + "." + edge.toPackage())))
          .as("%s no longer depends on %s: remove it from KNOWN_EDGES", edge.fromClass(),
              edge.toPackage())
          .isTrue();
    }
  }
}
