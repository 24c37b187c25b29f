package cn.fundmonitor.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fundmonitor.problems.ProblemEscalationProcess;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.FieldVisitor;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.SpringAsmInfo;

/**
 * The feature packages talk through their front doors (issue 18; ddd-by-examples/library's
 * {@code ModularArchitectureTest}): division changes reach the features only by the events they
 * publish, the foundation depends on no feature and names no feature's process, and no two
 * packages depend on each other, with no exception left. Each rule is shown failing on a
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
    return slices().matching(root + ".(*)..").should().beFreeOfCycles();
  }

  /**
   * Only problems/ starts problemEscalation (issue 18, process triggers owned by the target): the
   * others call {@code problems.ProblemReports}. A class outside problems/ that calls the
   * RuntimeService to start a process or correlate a message may not hold the process's key nor its
   * start message. ArchUnit sees no use of a constant (javac copies {@code ProblemEscalationProcess.KEY}
   * into the caller as a string), so the class file's string constants are read. Naming the key
   * without starting anything (Tasklist grants) is not starting it.
   */
  static ArchRule onlyProblemsStartsProblemEscalation(String root) {
    return classes().that().resideOutsideOfPackage(root + ".problems..")
        .should(new ArchCondition<JavaClass>("not start problemEscalation themselves") {
          @Override
          public void check(JavaClass c, ConditionEvents events) {
            var starts = c.getMethodCallsFromSelf().stream().anyMatch(call -> call.getTargetOwner()
                .getName().equals(RuntimeService.class.getName())
                && STARTING.matcher(call.getName()).matches());
            if (starts) {
              for (var use : stringConstants(c, PROBLEM_TRIGGERS)) {
                events.add(SimpleConditionEvent.violated(c, c.getName() + "." + use
                    + ", and the class starts processes with the RuntimeService"));
              }
            }
          }
        })
        .because("problems/ProblemReports is the one front door of problemEscalation (issue 18)");
  }

  /** The names that start problemEscalation: its key and its start message. */
  static final Set<String> PROBLEM_TRIGGERS = Set.of(ProblemEscalationProcess.KEY,
      ProblemEscalationProcess.MESSAGE_PROBLEM_RAISED);

  /** RuntimeService methods that start an instance or correlate a message. */
  static final Pattern STARTING = Pattern.compile(
      "start.*|createProcessInstanceBy.*|createMessageCorrelation.*|correlateMessage.*");

  /** Where a class's bytecode holds one of these strings: "method loads \"key\"". */
  static List<String> stringConstants(JavaClass c, Set<String> wanted) {
    var found = new ArrayList<String>();
    var uri = c.getSource().orElseThrow().getUri();
    try (var in = uri.toURL().openStream()) {
      new ClassReader(in).accept(new ClassVisitor(SpringAsmInfo.ASM_VERSION) {
        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature,
            Object value) {
          if (value instanceof String s && wanted.contains(s)) {
            found.add(name + " holds \"" + value + "\"");
          }
          return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String method, String descriptor,
            String signature, String[] exceptions) {
          return new MethodVisitor(SpringAsmInfo.ASM_VERSION) {
            @Override
            public void visitLdcInsn(Object value) {
              if (value instanceof String s && wanted.contains(s)) {
                found.add(method + " loads \"" + value + "\"");
              }
            }
          };
        }
      }, ClassReader.SKIP_DEBUG);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  /**
   * The foundation names no feature's process (issue 18, features contribute, platform collects):
   * a feature declares its Tasklist access ({@code organisation.TasklistAccess}) and its task
   * summaries ({@code platform.TaskSummary}) as beans with its constants class, and the
   * foundation collects them. ArchUnit sees no use of a constant (javac copies
   * {@code QuarterlyFilingProcess.KEY} into the user as a string), so the class files' strings are
   * read for the keys; any other use of a constants class is a dependency.
   */
  static ArchRule foundationNamesNoProcess(String root, Set<String> keys,
      Set<String> constantsClasses) {
    var foundation = FOUNDATION.stream().map(p -> root + "." + p + "..").toArray(String[]::new);
    return classes().that().resideInAnyPackage(foundation)
        .should(new ArchCondition<JavaClass>("name no feature's process key nor use its constants "
            + "class") {
          @Override
          public void check(JavaClass c, ConditionEvents events) {
            for (var use : stringConstants(c, keys)) {
              events.add(SimpleConditionEvent.violated(c, c.getName() + "." + use));
            }
            c.getDirectDependenciesFromSelf().stream().map(d -> d.getTargetClass().getName())
                .filter(constantsClasses::contains).distinct()
                .forEach(t -> events.add(SimpleConditionEvent.violated(c, c.getName() + " uses "
                    + t)));
          }
        })
        .because("each feature declares its Tasklist access and task summaries as beans (issue 18)")
        .allowEmptyShould(true);
  }

  /** A feature's constants class: it declares a process key ({@code KEY}, {@code WAVE_KEY} …). */
  static Set<String> constantsClasses(String root, JavaClasses classes) {
    var features = features(root, classes);
    return classes.stream().filter(c -> c.getPackageName().startsWith(root + ".")
            && features.contains(c.getPackageName().substring(root.length() + 1).split("\\.")[0]))
        .filter(c -> !keyFields(c).isEmpty()).map(JavaClass::getName)
        .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
  }

  /** The process keys the constants classes declare. */
  static Set<String> processKeys(String root, JavaClasses classes) {
    var keys = new TreeSet<String>();
    for (var name : constantsClasses(root, classes)) {
      for (var field : keyFields(classes.get(name))) {
        try {
          var f = Class.forName(name).getDeclaredField(field.getName());
          f.setAccessible(true);
          keys.add((String) f.get(null));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return keys;
  }

  private static List<com.tngtech.archunit.core.domain.JavaField> keyFields(JavaClass c) {
    return c.getFields().stream().filter(f -> f.getName().matches("(\\w+_)?KEY")
        && f.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.STATIC)
        && f.getRawType().isEquivalentTo(String.class)).toList();
  }

  /** The ids of the processes in {@code processes/}, with or without a constants class. */
  static Set<String> deployedProcessKeys() {
    var id = Pattern.compile("<bpmn:process id=\"([^\"]+)\"");
    var keys = new TreeSet<String>();
    try (var files = java.nio.file.Files.list(java.nio.file.Path.of("processes"))) {
      for (var f : files.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
        id.matcher(java.nio.file.Files.readString(f)).results().forEach(m -> keys.add(m.group(1)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return keys;
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

  // --- each rule fails on its seeded violation ------------------------------------------------

  @Test
  void issue18_theRulesFailOnSeededViolations() {
    assertThat(features(SEEDED, SEEDED_CLASSES)).containsExactly("divisions", "filing", "problems");
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
    // a feature starting problemEscalation by its key or its message; not problems/, not a grant
    assertThatThrownBy(() -> onlyProblemsStartsProblemEscalation(SEEDED).check(SEEDED_CLASSES))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("WarningRaisesProblem.startByKey loads \"problemEscalation\"")
        .hasMessageContaining("WarningRaisesProblem.correlateStartMessage loads \"ProblemRaised\"")
        .hasMessageNotContaining("ProblemStarter").hasMessageNotContaining("GrantList");
    // the foundation naming a feature's process key (a literal or a constant javac copied in) or
    // using its constants class
    var seededConstants = constantsClasses(SEEDED, SEEDED_CLASSES);
    assertThat(seededConstants).containsExactlyInAnyOrder(SEEDED + ".problems.ProblemProcess",
        SEEDED + ".filing.SeededFilingProcess");
    assertThatThrownBy(() -> foundationNamesNoProcess(SEEDED,
        processKeys(SEEDED, SEEDED_CLASSES), seededConstants).check(SEEDED_CLASSES))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("AccessList.key loads \"problemEscalation\"")
        .hasMessageContaining("AccessList uses " + SEEDED + ".problems.ProblemProcess")
        .hasMessageContaining("GrantList.keys loads \"problemEscalation\"")
        .hasMessageNotContaining("Guard");
  }

  // --- the rules on the real code -------------------------------------------------------------

  @Test
  void issue18_divisionChangesReachTheFeaturesOnlyThroughEvents() {
    divisionsReachNoFeature(ROOT, MAIN).check(MAIN);
    featuresSeeOnlyTheDivisionEvents(ROOT).check(MAIN);
  }

  @Test
  void issue18_onlyProblemsStartsProblemEscalation() {
    onlyProblemsStartsProblemEscalation(ROOT).check(MAIN);
  }

  @Test
  void issue18_theFoundationNamesNoProcess() {
    var keys = new TreeSet<>(processKeys(ROOT, MAIN));
    keys.addAll(deployedProcessKeys());
    assertThat(keys).as("the keys looked for").contains(ProblemEscalationProcess.KEY,
        "quarterlyFilingWave", "correctionReport", "overdueRefresh");
    foundationNamesNoProcess(ROOT, keys, constantsClasses(ROOT, MAIN)).check(MAIN);
  }

  @Test
  void issue18_theFoundationDependsOnNoFeature() {
    foundationUsesNoFeature(ROOT, MAIN).check(MAIN);
  }

  @Test
  void issue18_noTwoPackagesDependOnEachOther() {
    noCycles(ROOT).check(MAIN);
  }
}
