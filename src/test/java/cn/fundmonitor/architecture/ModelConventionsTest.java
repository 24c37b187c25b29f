package cn.fundmonitor.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import cn.fundmonitor.platform.ProcessVariable;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/**
 * The models follow the house rules (CONVENTIONS.md): readable ids, time-to-live and version tags,
 * delegates by expression, every form, decision and delegate a model names exists, and every id the
 * code names exists in its model.
 */
class ModelConventionsTest {

  static final Pattern GENERATED_ID = Pattern.compile(".*_[0-9a-z]{7}|.*_\\d+");
  static final Pattern READABLE_ID = Pattern.compile("[A-Z][A-Za-z]*_[A-Z][A-Za-z0-9]*");
  static final Pattern EXPRESSION_BEAN = Pattern.compile("\\$\\{([A-Za-z]+)}");
  static final Pattern CJK = Pattern.compile(".*\\p{IsHan}.*", Pattern.DOTALL);

  static Map<Path, BpmnModelInstance> processes = new HashMap<>();
  static Map<Path, String> processXml = new HashMap<>();
  static Map<String, Decision> decisions = new HashMap<>();
  static Map<String, JsonNode> forms = new HashMap<>();
  static Set<String> beans = new HashSet<>();

  @BeforeAll
  static void load() throws IOException {
    for (var file : files("processes", ".bpmn")) {
      processes.put(file, Bpmn.readModelFromFile(file.toFile()));
      processXml.put(file, Files.readString(file));
    }
    for (var file : files("decisions", ".dmn")) {
      Dmn.readModelFromFile(file.toFile()).getModelElementsByType(Decision.class)
          .forEach(d -> decisions.put(d.getId(), d));
    }
    for (var file : files("forms", ".form")) {
      var form = new ObjectMapper().readTree(file.toFile());
      forms.put(form.get("id").asText(), form);
    }
    var scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
    var naming = new org.springframework.context.annotation.AnnotationBeanNameGenerator();
    var registry = new org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry();
    for (var bean : scanner.findCandidateComponents("cn.fundmonitor")) {
      beans.add(naming.generateBeanName(bean, registry));
      beans.addAll(beanMethodNames(bean.getBeanClassName()));
    }
  }

  /** The beans a {@code @Configuration} class declares by its {@code @Bean} methods. */
  static Set<String> beanMethodNames(String className) {
    var names = new HashSet<String>();
    Class<?> type;
    try {
      type = Class.forName(className);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
    if (!type.isAnnotationPresent(Configuration.class)) {
      return names;
    }
    for (var method : type.getDeclaredMethods()) {
      var bean = method.getAnnotation(Bean.class);
      if (bean != null) {
        names.addAll(bean.name().length > 0 ? List.of(bean.name()) : List.of(method.getName()));
      }
    }
    return names;
  }

  static List<Path> files(String folder, String suffix) throws IOException {
    try (Stream<Path> s = Files.list(Path.of(folder))) {
      return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
  }

  @Test
  void everyModelFolderHasItsModels() {
    assertThat(processes).isNotEmpty();
    assertThat(decisions).isNotEmpty();
    assertThat(forms).isNotEmpty();
  }

  @Test
  void processesAreExecutableWithTimeToLiveVersionAndKebabFileName() {
    processes.forEach((file, model) -> {
      for (var process : model.getModelElementsByType(Process.class)) {
        assertThat(process.isExecutable()).as(file + " executable").isTrue();
        assertThat(process.getCamundaHistoryTimeToLiveString()).as(file + " time to live").isNotBlank();
        assertThat(process.getCamundaVersionTag()).as(file + " version tag").isNotBlank();
        var kebab = process.getId().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
        assertThat(file.getFileName().toString()).isEqualTo(kebab + ".bpmn");
        assertThat(process.getName()).as(file + " Chinese name").matches(CJK);
      }
    });
  }

  @Test
  void idsSayWhatTheyAre() {
    processes.forEach((file, model) -> {
      var elements = new ArrayList<BaseElement>(model.getModelElementsByType(FlowNode.class));
      elements.addAll(model.getModelElementsByType(SequenceFlow.class));
      for (var element : elements) {
        assertThat(element.getId()).as(file + " id").matches(READABLE_ID)
            .doesNotMatch(GENERATED_ID);
      }
      for (var node : model.getModelElementsByType(FlowNode.class)) {
        if (!(node instanceof org.camunda.bpm.model.bpmn.instance.Gateway)
            || node.getOutgoing().size() > 1) {
          assertThat(node.getName()).as(file + " " + node.getId() + " has a Chinese name")
              .matches(CJK);
        }
      }
    });
  }

  @Test
  void delegatesAreSpringBeansByExpressionNeverClasses() {
    processXml.forEach((file, xml) -> assertThat(xml).as(file.toString())
        .doesNotContain("camunda:class=").doesNotContain("camunda:expression="));
    processXml.forEach((file, xml) -> {
      var m = Pattern.compile("delegateExpression=\"\\$\\{([A-Za-z]+)}\"").matcher(xml);
      while (m.find()) {
        assertThat(beans).as(file + " names bean " + m.group(1)).contains(m.group(1));
      }
    });
  }

  /**
   * Issue 18, one delegate style: every delegate and listener is a {@code @Bean} lambda of its
   * process's {@code @Configuration} class; no class of ours implements the engine's interfaces.
   */

  static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("cn.fundmonitor");

  @Test
  void delegatesAndListenersAreDeclaredInOneStyleAsBeanLambdas() {
    assertThat(oldStyleClasses(MAIN_CLASSES))
        .as("delegate or listener classes: declare them as @Bean lambdas").isEmpty();
    // the converted processes are found where the rule says: @Bean methods of @Configuration classes
    assertThat(beans).contains("registerApplicationDelegate", "decisionInputListener",
        "openLifecycleDelegate", "recordOverdueDelegate", "overdueCompletionListener",
        "fiscalReceiptListener", "findLapsingSourcesDelegate", "applyCorrectionDelegate",
        "registerAllocationDelegate", "issueTargetsSummaryListener", "planReviewDecisionListener",
        "openFilingDelegate", "periodTaskNameListener", "quarterReviewListener", "planWaveDelegate",
        "startFilingBatchDelegate", "openMonitoringPointDelegate", "openSeptemberPointsDelegate",
        "raiseProblemDelegate");
  }

  @Test
  void theOneStyleRuleCatchesADelegateClass() {
    var seeded = new ClassFileImporter().importClasses(SeededDelegate.class, SeededListener.class,
        SeededTaskListener.class, ModelConventionsTest.class);
    assertThat(seeded.get(SeededDelegate.class)).matches(ModelConventionsTest::declaresItsOwnDelegateClass);
    assertThat(seeded.get(SeededListener.class)).matches(ModelConventionsTest::declaresItsOwnDelegateClass);
    assertThat(seeded.get(SeededTaskListener.class)).matches(ModelConventionsTest::declaresItsOwnDelegateClass);
    assertThat(seeded.get(ModelConventionsTest.class)).matches(c -> !declaresItsOwnDelegateClass(c));
    // the very check the main classes go through reports each seeded class (none is allowed)
    assertThat(oldStyleClasses(seeded)).containsExactlyInAnyOrder(SeededDelegate.class.getName(),
        SeededListener.class.getName(), SeededTaskListener.class.getName());
  }

  /** The classes that implement a delegate or listener interface. */
  static List<String> oldStyleClasses(JavaClasses classes) {
    return classes.stream().filter(ModelConventionsTest::declaresItsOwnDelegateClass)
        .map(JavaClass::getName).toList();
  }

  /** A class (not the lambdas, which have none) that implements a delegate or listener interface. */
  static boolean declaresItsOwnDelegateClass(JavaClass c) {
    return !c.isInterface() && (c.isAssignableTo(JavaDelegate.class)
        || c.isAssignableTo(ExecutionListener.class) || c.isAssignableTo(TaskListener.class));
  }

  /** A delegate in the old style, to show the rule fails on it. */
  static class SeededDelegate implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {}
  }

  static class SeededListener implements ExecutionListener {
    @Override
    public void notify(DelegateExecution execution) {}
  }

  static class SeededTaskListener implements TaskListener {
    @Override
    public void notify(DelegateTask task) {}
  }

  @Test
  void everyReferencedFormAndDecisionExists() {
    processes.forEach((file, model) -> {
      for (var task : model.getModelElementsByType(UserTask.class)) {
        assertThat(task.getCamundaFormRef()).as(file + " " + task.getId() + " form").isNotNull();
        assertThat(forms).as(file + " " + task.getId()).containsKey(task.getCamundaFormRef());
        assertThat(task.getCamundaCandidateGroups()).as(task.getId() + " has candidates").isNotBlank();
      }
      for (var start : model.getModelElementsByType(StartEvent.class)) {
        if (start.getCamundaFormRef() != null) {
          assertThat(forms).containsKey(start.getCamundaFormRef());
        }
      }
      for (var rule : model.getModelElementsByType(BusinessRuleTask.class)) {
        assertThat(decisions).as(file + " " + rule.getId()).containsKey(rule.getCamundaDecisionRef());
      }
    });
  }

  @Test
  void decisionsHaveTimeToLiveVersionExplicitHitPolicyAndCitedRules() {
    decisions.forEach((id, decision) -> {
      assertThat(decision.getCamundaHistoryTimeToLiveString()).as(id).isNotBlank();
      assertThat(decision.getVersionTag()).as(id).isNotBlank();
      var table = (DecisionTable) decision.getExpression();
      assertThat(table.getDomElement().getAttribute("hitPolicy")).as(id + " hit policy").isNotBlank();
      table.getInputs().forEach(in -> assertThat(in.getInputExpression().getTypeRef())
          .as(id + " typed input").isNotBlank());
      table.getRules().forEach(rule -> assertThat(rule.getDescription())
          .as(id + " " + rule.getId() + " cites its article").isNotNull()
          .satisfies(d -> assertThat(d.getTextContent()).matches(CJK)));
    });
  }

  @Test
  void formsAreChineseAndKeyedLikeTheVariables() {
    forms.forEach((id, form) -> {
      assertThat(form.get("schemaVersion").asInt()).isPositive();
      form.findParents("key").forEach(field -> {
        if (field.has("label")) {
          assertThat(field.get("label").asText()).as(id + " " + field.get("key")).matches(CJK);
        }
      });
    });
  }

  @Test
  void everyProcessIsProvenByAProcessTestClass() {
    var scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(cn.fundmonitor.support.Covers.class));
    var covered = new HashSet<String>();
    for (var candidate : scanner.findCandidateComponents("cn.fundmonitor")) {
      try {
        covered.addAll(List.of(Class.forName(candidate.getBeanClassName())
            .getAnnotation(cn.fundmonitor.support.Covers.class).value()));
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
    processes.values().forEach(m -> m.getModelElementsByType(Process.class).forEach(p ->
        assertThat(covered).as(p.getId() + " is named by a @Covers process test").contains(p.getId())));
  }

  @Test
  void everyDecisionHasItsRowByRowTestClass() {
    // by convention <Key>DecisionTest, e.g. ExpenditureProhibitionDecisionTest, one test per rule
    decisions.keySet().forEach(key -> {
      var name = Character.toUpperCase(key.charAt(0)) + key.substring(1) + "DecisionTest";
      var scanner = new ClassPathScanningCandidateComponentProvider(false);
      scanner.addIncludeFilter((reader, factory) ->
          reader.getClassMetadata().getClassName().endsWith("." + name));
      assertThat(scanner.findCandidateComponents("cn.fundmonitor")).as(key + " is tested by " + name)
          .isNotEmpty();
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Issue 18, "hold it with tests": constants classes found by scan, each id checked against its
  // own process, form keys declared in the facade, forms bound to their deployment, a step that
  // starts or correlates another process in its own transaction, one wave pattern.

  /** The main classes that declare a process: a static String {@code KEY} or {@code <P>_KEY}, or a name ending in Process. */
  static List<Class<?>> constantsClasses(JavaClasses classes) {
    return classes.stream()
        .filter(c -> c.getEnclosingClass().isEmpty() && !c.isInterface() && !c.isEnum())
        .filter(c -> c.getSimpleName().endsWith("Process") || c.getFields().stream()
            .anyMatch(f -> f.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.STATIC)
                && f.getRawType().isEquivalentTo(String.class) && isKey(f.getName())))
        .map(JavaClass::reflect).sorted(java.util.Comparator.comparing(Class::getName))
        .<Class<?>>map(c -> c).toList();
  }

  static boolean isKey(String field) {
    return field.equals("KEY") || field.endsWith("_KEY");
  }

  /** The static String constants of a class, by field name. */
  static Map<String, String> stringConstants(Class<?> constants) {
    var result = new java.util.TreeMap<String, String>();
    for (var field : constants.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        try {
          field.setAccessible(true);
          result.put(field.getName(), (String) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return result;
  }

  /**
   * The process each constant of a class names an id of, by an explicit prefix convention: a class
   * declares its main process as {@code KEY} and any further one as {@code <P>_KEY}; a constant
   * named {@code <P>_…} belongs to {@code <P>_KEY}'s process, every other one to {@code KEY}'s.
   */
  static Map<String, String> processOfEachConstant(Map<String, String> constants) {
    var prefixes = new HashMap<String, String>();
    constants.forEach((name, value) -> {
      if (name.endsWith("_KEY")) {
        prefixes.put(name.substring(0, name.length() - "KEY".length()), value);
      }
    });
    var result = new HashMap<String, String>();
    constants.forEach((name, value) -> {
      if (isKey(name)) {
        result.put(name, value);
        return;
      }
      var process = prefixes.entrySet().stream().filter(p -> name.startsWith(p.getKey()))
          .map(Map.Entry::getValue).findFirst().orElse(constants.get("KEY"));
      result.put(name, process);
    });
    return result;
  }

  /** The processes of the models that no constants class declares. */
  static Set<String> processesWithoutConstants(Set<String> processIds, List<Class<?>> constants) {
    var undeclared = new java.util.TreeSet<>(processIds);
    constants.forEach(c -> stringConstants(c).forEach((name, value) -> {
      if (isKey(name)) {
        undeclared.remove(value);
      }
    }));
    return undeclared;
  }

  /**
   * The constants of a class that its own process's model does not have: an element id, error
   * code or message name is looked up in the model of the process the constant belongs to (not in
   * the union of all models), a form id must be one of its processes' forms, a decision must exist.
   */
  static List<String> idsNotInTheirOwnProcess(Class<?> type, Map<String, BpmnModelInstance> byKey) {
    var wrong = new ArrayList<String>();
    var constants = stringConstants(type);
    var processOf = processOfEachConstant(constants);
    var ownForms = new HashSet<String>();
    processOf.values().stream().distinct().filter(byKey::containsKey)
        .forEach(key -> ownForms.addAll(formsOf(byKey.get(key), key)));
    constants.forEach((name, value) -> {
      var process = processOf.get(name);
      var model = process == null ? null : byKey.get(process);
      var where = type.getSimpleName() + "." + name + " = " + value;
      if (model == null) {
        wrong.add(where + ": belongs to no process of the models (" + process + ")");
      } else if (isKey(name)) {
        // the key names a process of the models: checked above
      } else if (name.startsWith("FORM_")) {
        if (!ownForms.contains(value)) {
          wrong.add(where + ": not a form of " + processOf.values().stream().distinct().sorted().toList());
        }
      } else if (name.startsWith("DECISION_")) {
        if (!decisions.containsKey(value)) {
          wrong.add(where + ": no such decision");
        }
      } else if (name.startsWith("ERROR_") && !name.startsWith("ERROR_EVENT")) {
        if (model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Error.class).stream()
            .noneMatch(e -> value.equals(e.getErrorCode()))) {
          wrong.add(where + ": no such error code in " + process);
        }
      } else if (name.startsWith("MESSAGE_")) {
        if (model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Message.class).stream()
            .noneMatch(m -> value.equals(m.getName()))) {
          wrong.add(where + ": no such message in " + process);
        }
      } else if (!elementIdsOf(model, process).contains(value)) {
        wrong.add(where + ": no such element in " + process);
      }
    });
    return wrong;
  }

  /** The ids of one process's elements (a file may in principle hold more than one). */
  static Set<String> elementIdsOf(BpmnModelInstance model, String key) {
    var ids = new HashSet<String>();
    for (var element : model.getModelElementsByType(BaseElement.class)) {
      for (var e = (org.camunda.bpm.model.xml.instance.ModelElementInstance) element; e != null;
          e = e.getParentElement()) {
        if (e instanceof Process p && key.equals(p.getId())) {
          ids.add(element.getId());
          break;
        }
      }
    }
    return ids;
  }

  /** The forms a process's user tasks and start events reference. */
  static Set<String> formsOf(BpmnModelInstance model, String key) {
    var result = new java.util.TreeSet<String>();
    for (var id : elementIdsOf(model, key)) {
      var element = model.getModelElementById(id);
      if (element instanceof UserTask task && task.getCamundaFormRef() != null) {
        result.add(task.getCamundaFormRef());
      } else if (element instanceof StartEvent start && start.getCamundaFormRef() != null) {
        result.add(start.getCamundaFormRef());
      }
    }
    return result;
  }

  static Map<String, BpmnModelInstance> modelsByKey() {
    var result = new HashMap<String, BpmnModelInstance>();
    processes.values().forEach(m -> m.getModelElementsByType(Process.class)
        .forEach(p -> result.put(p.getId(), m)));
    return result;
  }

  @Test
  void everyProcessHasAConstantsClassFoundByScan() {
    var found = constantsClasses(MAIN_CLASSES);
    assertThat(found).as("the scan finds the classes once listed by hand").contains(
        cn.fundmonitor.warehousing.ProjectWarehousingProcess.class,
        cn.fundmonitor.filing.QuarterlyFilingProcess.class,
        cn.fundmonitor.evaluation.SelfEvaluationProcess.class,
        cn.fundmonitor.inspection.InspectionProcess.class);
    assertThat(processesWithoutConstants(modelsByKey().keySet(), found))
        .as("processes no constants class declares (KEY or <P>_KEY)").isEmpty();
    found.forEach(c -> assertThat(stringConstants(c)).as(c.getName() + " declares a process")
        .containsKey("KEY"));
    assertThat(modelsByKey()).hasSizeGreaterThanOrEqualTo(19);
  }

  @Test
  void theScanRuleCatchesAProcessWithoutConstants() {
    var found = constantsClasses(MAIN_CLASSES);
    var seeded = Bpmn.createExecutableProcess("seededOrphan").startEvent().endEvent().done();
    var keys = new HashSet<>(modelsByKey().keySet());
    seeded.getModelElementsByType(Process.class).forEach(p -> keys.add(p.getId()));
    assertThat(processesWithoutConstants(keys, found)).containsExactly("seededOrphan");
  }

  @Test
  void everyIdTheCodeNamesExistsInItsOwnProcess() {
    var byKey = modelsByKey();
    var wrong = new ArrayList<String>();
    constantsClasses(MAIN_CLASSES).forEach(c -> wrong.addAll(idsNotInTheirOwnProcess(c, byKey)));
    assertThat(wrong).as("ids named by the code that their own process does not have").isEmpty();
  }

  @Test
  void theOwnProcessRuleCatchesAnIdOfAnotherProcess() {
    var wrong = idsNotInTheirOwnProcess(
        cn.fundmonitor.architecture.seeded.filing.SeededFilingProcess.class, modelsByKey());
    // ServiceTask_PlanWave exists, but in quarterlyFilingWave, not in quarterlyFiling
    assertThat(wrong).hasSize(1).allMatch(w -> w.startsWith("SeededFilingProcess.TASK_PLAN ="));
  }

  /**
   * Form fields ("form.key") that are no {@code ProcessVariable} constant, with the reason. Keep it
   * short: a field the code reads belongs in the facade.
   */
  static final Map<String, String> FORM_KEYS_NOT_IN_THE_FACADE = formKeysNotInTheFacade();

  static Map<String, String> formKeysNotInTheFacade() {
    var allowed = new HashMap<String, String>();
    for (var source : cn.fundmonitor.filing.FundSource.values()) {
      allowed.put("quarterlyFiling." + cn.fundmonitor.filing.QuarterlyFilingProcess.paidField(source),
          "one field per fund source, named by QuarterlyFilingProcess.paidField(FundSource)");
    }
    return Map.copyOf(allowed);
  }

  /**
   * Forms several processes share, and the shared variables class that declares their fields (a
   * process uses the class by using the form).
   */
  static final Map<String, Class<?>> SHARED_FORM_FACADES = Map.of(
      "overdueFollowUp", cn.fundmonitor.overdue.OverdueVariables.class);

  /** The variables (by name) a class declares as {@code ProcessVariable} constants. */
  static Set<String> variablesOf(Class<?> type) {
    var names = new HashSet<String>();
    for (var field : type.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == ProcessVariable.class) {
        try {
          field.setAccessible(true);
          names.add(((ProcessVariable<?>) field.get(null)).name());
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return names;
  }

  /**
   * The facade of each process: the variables of the constants class that declares it and of the
   * shared {@code *Variables} classes of the same package (e.g. warehousing's WarehousingVariables).
   */
  static Map<String, Set<String>> facadeOfEachProcess(List<Class<?>> constants, JavaClasses classes) {
    var result = new HashMap<String, Set<String>>();
    for (var type : constants) {
      var names = new HashSet<>(variablesOf(type));
      classes.stream().filter(c -> c.getPackageName().equals(type.getPackageName())
              && c.getSimpleName().endsWith("Variables"))
          .forEach(c -> names.addAll(variablesOf(c.reflect())));
      stringConstants(type).forEach((name, value) -> {
        if (isKey(name)) {
          result.computeIfAbsent(value, k -> new HashSet<>()).addAll(names);
        }
      });
    }
    return result;
  }

  /**
   * The variables a form writes: its fields' keys, and a dynamic list's path (the list is the
   * variable; the keys inside it are the columns of its rows). Buttons write nothing.
   */
  static Set<String> formKeys(JsonNode component) {
    var keys = new java.util.TreeSet<String>();
    for (var child : component.path("components")) {
      var type = child.path("type").asText();
      if (type.equals("dynamiclist")) {
        keys.add(child.get("path").asText());
      } else if (child.has("key") && !type.equals("button")) {
        keys.add(child.get("key").asText());
      }
      if (!type.equals("dynamiclist")) {
        keys.addAll(formKeys(child));
      }
    }
    return keys;
  }

  /** "process form key" for each form field of a process that its facade does not declare. */
  static List<String> formKeysNotInTheFacade(Map<String, BpmnModelInstance> byKey,
      Map<String, JsonNode> forms, Map<String, Set<String>> facades, Map<String, String> allowed) {
    var missing = new ArrayList<String>();
    byKey.forEach((key, model) -> formsOf(model, key).forEach(form -> formKeys(forms.get(form))
        .forEach(field -> {
          if (!facades.getOrDefault(key, Set.of()).contains(field)
              && !(SHARED_FORM_FACADES.containsKey(form)
                  && variablesOf(SHARED_FORM_FACADES.get(form)).contains(field))
              && !allowed.containsKey(form + "." + field)) {
            missing.add(key + " " + form + " " + field);
          }
        })));
    return missing.stream().sorted().toList();
  }

  @Test
  void formKeysAreVariablesOfTheFacade() {
    var facades = facadeOfEachProcess(constantsClasses(MAIN_CLASSES), MAIN_CLASSES);
    assertThat(formKeysNotInTheFacade(modelsByKey(), forms, facades, FORM_KEYS_NOT_IN_THE_FACADE))
        .as("form fields not declared as a ProcessVariable of their process").isEmpty();
  }

  @Test
  void theFormKeyRuleCatchesAFieldTheFacadeDoesNotDeclare() throws IOException {
    var seededForm = new ObjectMapper().readTree("""
        {"id": "seededForm", "components": [
          {"type": "textfield", "key": "projectCode", "label": "项目编码"},
          {"type": "group", "components": [{"type": "textarea", "key": "notAVariable", "label": "说明"}]},
          {"type": "dynamiclist", "path": "seededRows", "components": [
            {"type": "textfield", "key": "aColumn", "label": "列"}]},
          {"type": "button", "key": "submit", "label": "提交"}]}""");
    var model = Bpmn.createExecutableProcess("seededProcess").startEvent()
        .userTask("UserTask_Seeded").camundaFormRef("seededForm").endEvent().done();
    var facades = Map.of("seededProcess", Set.of("projectCode", "seededRows"));
    assertThat(formKeysNotInTheFacade(Map.of("seededProcess", model),
        Map.of("seededForm", seededForm), facades, Map.of()))
        .containsExactly("seededProcess seededForm notAVariable");
    assertThat(formKeysNotInTheFacade(Map.of("seededProcess", model),
        Map.of("seededForm", seededForm), facades, Map.of("seededForm.notAVariable", "shown only")))
        .isEmpty();
  }

  /** User tasks and start events whose form is not bound to the deployment of their process. */
  static List<String> formsNotBoundToTheirDeployment(BpmnModelInstance model) {
    var wrong = new ArrayList<String>();
    for (var task : model.getModelElementsByType(UserTask.class)) {
      if (task.getCamundaFormRef() != null && !"deployment".equals(task.getCamundaFormRefBinding())) {
        wrong.add(task.getId() + " " + task.getCamundaFormRefBinding());
      }
    }
    for (var start : model.getModelElementsByType(StartEvent.class)) {
      if (start.getCamundaFormRef() != null && !"deployment".equals(start.getCamundaFormRefBinding())) {
        wrong.add(start.getId() + " " + start.getCamundaFormRefBinding());
      }
    }
    return wrong;
  }

  /**
   * A running instance keeps the form its process was deployed with (ModelDeployment deploys
   * processes and forms together), so a changed form never meets an old instance's variables.
   */
  @Test
  void formsAreBoundToTheDeploymentOfTheirProcess() {
    processes.forEach((file, model) -> assertThat(formsNotBoundToTheirDeployment(model))
        .as(file + ": camunda:formRefBinding=\"deployment\"").isEmpty());
  }

  @Test
  void theBindingRuleCatchesALatestBinding() {
    var model = Bpmn.createExecutableProcess("seededProcess").startEvent("StartEvent_Seeded")
        .camundaFormRef("seededStart").camundaFormRefBinding("deployment")
        .userTask("UserTask_Latest").camundaFormRef("seededForm").camundaFormRefBinding("latest")
        .userTask("UserTask_Unbound").camundaFormRef("seededForm").endEvent().done();
    assertThat(formsNotBoundToTheirDeployment(model))
        .containsExactlyInAnyOrder("UserTask_Latest latest", "UserTask_Unbound null");
  }

  /** Engine calls that start or correlate a process instance. */
  static final Set<String> STARTING_CALLS = Set.of("startProcessInstanceByKey",
      "startProcessInstanceById", "startProcessInstanceByMessage", "createProcessInstanceByKey",
      "createProcessInstanceById", "createProcessInstanceByMessage", "createMessageCorrelation",
      "correlateMessage", "correlateMessageAsync");

  /**
   * The delegate beans ({@code @Bean JavaDelegate} methods; a lambda's calls count as its method's)
   * that start or correlate a process instance, directly or through our own code: by the engine's
   * RuntimeService, ProblemReports.raise, LifecycleStarter, …
   */
  static Set<String> startingDelegates(JavaClasses classes) {
    var result = new java.util.TreeSet<String>();
    for (var type : classes) {
      for (var method : type.getMethods()) {
        if (method.isAnnotatedWith(Bean.class) && method.getRawReturnType().isEquivalentTo(JavaDelegate.class)
            && startsOrCorrelates(method, new HashSet<>())) {
          var names = method.getAnnotationOfType(Bean.class).name();
          result.addAll(names.length > 0 ? List.of(names) : List.of(method.getName()));
        }
      }
    }
    return result;
  }

  static boolean startsOrCorrelates(com.tngtech.archunit.core.domain.JavaCodeUnit unit,
      Set<com.tngtech.archunit.core.domain.JavaCodeUnit> seen) {
    if (!seen.add(unit)) {
      return false;
    }
    for (var call : unit.getMethodCallsFromSelf()) {
      var owner = call.getTargetOwner();
      if (owner.isAssignableTo(org.camunda.bpm.engine.RuntimeService.class)
          && STARTING_CALLS.contains(call.getName())) {
        return true;
      }
      // an event published here (Spring's listeners run synchronously, in this transaction):
      // follow the listeners of the events this code creates
      if (owner.isAssignableTo(org.springframework.context.ApplicationEventPublisher.class)
          && call.getName().equals("publishEvent")) {
        for (var created : unit.getConstructorCallsFromSelf()) {
          for (var listener : created.getTargetOwner().getMethodsWithParameterTypeOfSelf()) {
            if (listener.isAnnotatedWith(org.springframework.context.event.EventListener.class)
                && startsOrCorrelates(listener, seen)) {
              return true;
            }
          }
        }
      }
      if (owner.getPackageName().startsWith("cn.fundmonitor")) {
        for (var target : call.getTarget().resolveMember().stream().toList()) {
          if (startsOrCorrelates(target, seen)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * Starting steps that stay in their caller's transaction ("file task id"), with the reason. Keep
   * it short.
   */
  static final Map<String, String> STARTING_TASKS_IN_THE_CALLERS_TRANSACTION = Map.of(
      "fund-allocation.bpmn ServiceTask_IssueFunds", "核验并记录下达 checks the issue form: its "
          + "errors must reach the user completing the task, not become an incident; the "
          + "lifecycles it then starts are started only if absent (LifecycleStarter.startIfAbsent)",
      "fund-allocation.bpmn ServiceTask_RecordRefinement", "核验并记录细化 checks the refinement "
          + "form, as above",
      "correction-report.bpmn ServiceTask_RecordDecisions", "checks the ministry's decisions and "
          + "records who took them (Actors.current: the user completing the task, not a job)",
      "monitoring-point-opening.bpmn ServiceTask_OpenPoint", "checks the start form and opens "
          + "the point as its initiator: a mistake must refuse the start, in Chinese");

  /** Service tasks that run a starting delegate without a transaction of their own. */
  static List<String> startingTasksNotAsync(BpmnModelInstance model, Set<String> starting) {
    var wrong = new ArrayList<String>();
    for (var task : model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.ServiceTask.class)) {
      var bean = task.getCamundaDelegateExpression() == null ? null
          : EXPRESSION_BEAN.matcher(task.getCamundaDelegateExpression());
      if (bean != null && bean.matches() && starting.contains(bean.group(1)) && !asyncBefore(task)) {
        wrong.add(task.getId() + " (" + bean.group(1) + ")");
      }
    }
    return wrong;
  }

  /** The task, or each instance of a multi-instance task, starts in a job of its own. */
  static boolean asyncBefore(org.camunda.bpm.model.bpmn.instance.Activity task) {
    return task.isCamundaAsyncBefore() || task.getLoopCharacteristics()
        instanceof org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics loop
        && loop.isCamundaAsyncBefore();
  }

  /**
   * A step that starts or correlates another process is asyncBefore: the other process's work runs
   * in the step's transaction, so a failure there retries the step alone (and a retry must find
   * what an earlier try started) instead of rolling back the caller's last wait state.
   */
  @Test
  void aServiceTaskThatStartsOrCorrelatesAnotherProcessIsAsyncBefore() {
    var starting = startingDelegates(MAIN_CLASSES);
    assertThat(starting).as("the delegates found to start or correlate a process").contains(
        "planWaveDelegate", "startFilingBatchDelegate", "raiseProblemDelegate");
    assertThat(beans).containsAll(starting);
    var wrong = new ArrayList<String>();
    processes.forEach((file, model) -> startingTasksNotAsync(model, starting).stream()
        .map(task -> file.getFileName() + " " + task)
        .filter(task -> !STARTING_TASKS_IN_THE_CALLERS_TRANSACTION.containsKey(task.split(" \\(")[0]))
        .forEach(wrong::add));
    assertThat(wrong).as("camunda:asyncBefore=\"true\" on").isEmpty();
    // an exception that no longer applies goes from the list
    assertThat(STARTING_TASKS_IN_THE_CALLERS_TRANSACTION.keySet()).allSatisfy(task -> assertThat(
        processes.entrySet().stream().filter(e -> task.startsWith(e.getKey().getFileName() + " "))
            .flatMap(e -> startingTasksNotAsync(e.getValue(), starting).stream()
                .map(t -> e.getKey().getFileName() + " " + t.split(" \\(")[0])))
        .as(task).contains(task));
  }

  @Test
  void theAsyncRuleCatchesAStartingTaskInTheCallersTransaction() {
    var seeded = new ClassFileImporter().importClasses(SeededStartingDelegates.class,
        cn.fundmonitor.architecture.seeded.filing.WarningRaisesProblem.class);
    assertThat(startingDelegates(seeded)).containsExactly("seededRaiseDelegate");
    var model = Bpmn.createExecutableProcess("seededProcess").startEvent()
        .serviceTask("ServiceTask_Raise").camundaDelegateExpression("${seededRaiseDelegate}")
        .serviceTask("ServiceTask_Quiet").camundaDelegateExpression("${seededQuietDelegate}")
        .serviceTask("ServiceTask_RaiseAsync").camundaAsyncBefore()
        .camundaDelegateExpression("${seededRaiseDelegate}").endEvent().done();
    assertThat(startingTasksNotAsync(model, startingDelegates(seeded)))
        .containsExactly("ServiceTask_Raise (seededRaiseDelegate)");
  }

  /**
   * Seeded: one delegate starts a process through another class of ours, one does not (not a
   * {@code @Configuration}, so that no application context picks it up).
   */
  static class SeededStartingDelegates {
    @Bean
    JavaDelegate seededRaiseDelegate(cn.fundmonitor.architecture.seeded.filing.WarningRaisesProblem raise) {
      return execution -> raise.startByKey(execution.getProcessEngineServices().getRuntimeService());
    }

    @Bean
    JavaDelegate seededQuietDelegate() {
      return execution -> execution.setVariable("quiet", true);
    }
  }

  /**
   * The shape of a process along its flow from the start: each flow node's kind, with
   * {@code [timer]} for a timer event, {@code [async]} for a step in its own job and {@code [multi]}
   * for a multi-instance step. Loops are walked once (a node already met ends the walk).
   */
  static List<String> shape(BpmnModelInstance model) {
    var start = model.getModelElementsByType(StartEvent.class).iterator().next();
    var result = new ArrayList<String>();
    var seen = new HashSet<String>();
    var next = new java.util.ArrayDeque<FlowNode>(List.of(start));
    while (!next.isEmpty()) {
      var node = next.pop();
      if (!seen.add(node.getId())) {
        continue;
      }
      var kind = new StringBuilder(node.getElementType().getTypeName());
      if (node instanceof org.camunda.bpm.model.bpmn.instance.Event event && !event
          .getChildElementsByType(org.camunda.bpm.model.bpmn.instance.TimerEventDefinition.class).isEmpty()) {
        kind.append("[timer]");
      }
      if (node instanceof org.camunda.bpm.model.bpmn.instance.Activity activity) {
        if (activity.getLoopCharacteristics() != null) {
          kind.append("[multi]");
        }
        if (asyncBefore(activity)) {
          kind.append("[async]");
        }
      }
      result.add(kind.toString());
      // the flow that goes on (not back) first, so a loop's exit follows the loop
      node.getOutgoing().stream().map(SequenceFlow::getTarget).filter(t -> !seen.contains(t.getId()))
          .sorted(java.util.Comparator.comparing(t -> -t.getOutgoing().size()))
          .forEach(next::push);
    }
    return result;
  }

  /** A wave: timer start → plan → batches, each in a job of its own → reconcile → end. */
  static List<String> waveProblems(String name, BpmnModelInstance wave, BpmnModelInstance batch) {
    var problems = new ArrayList<String>();
    var shape = shape(wave);
    if (shape.size() < 2 || !shape.get(0).equals("startEvent[timer]")
        || !shape.get(1).startsWith("serviceTask")) {
      problems.add(name + " does not begin with a timer start and a planning step: " + shape);
    }
    if (shape.size() < 2 || !shape.get(shape.size() - 2).startsWith("serviceTask")
        || !shape.get(shape.size() - 1).equals("endEvent")) {
      problems.add(name + " does not end with a reconciling step: " + shape);
    }
    if (shape.size() < 4) {
      problems.add(name + " does not plan and reconcile in steps of their own: " + shape);
    }
    var batches = new ArrayList<>(shape.subList(Math.min(2, shape.size()),
        Math.max(Math.min(2, shape.size()), shape.size() - 2)));
    if (batch != null) {
      batches.addAll(shape(batch));
    }
    if (batches.stream().noneMatch(kind -> kind.startsWith("serviceTask") && kind.endsWith("[async]"))) {
      problems.add(name + " starts no batch in a job of its own: " + shape);
    }
    return problems;
  }

  /**
   * Both waves follow one pattern: a timer starts them, a first step fixes the projects into
   * batches, each batch opens its instances in a job of its own, and a last step reconciles. They
   * differ in how they wait for the batches, and the test says how, so that aligning them (or
   * letting them drift) is a change someone makes on purpose: the quarterly wave starts a
   * quarterlyFilingBatch instance per batch and checks them in a timer loop (a batch can be
   * cancelled, monitoring points reuse the batches); the self-evaluation wave runs its batches as
   * an asynchronous multi-instance step, which the engine waits for.
   */
  @Test
  void bothWavesFollowOnePattern() {
    var byKey = modelsByKey();
    var filing = byKey.get(cn.fundmonitor.filing.QuarterlyFilingProcess.WAVE_KEY);
    var filingBatch = byKey.get(cn.fundmonitor.filing.QuarterlyFilingProcess.BATCH_KEY);
    var evaluation = byKey.get(cn.fundmonitor.evaluation.SelfEvaluationProcess.WAVE_KEY);
    assertThat(waveProblems("quarterlyFilingWave", filing, filingBatch)).isEmpty();
    assertThat(waveProblems("selfEvaluationWave", evaluation, null)).isEmpty();

    // the difference, on purpose: how each waits for its batches
    assertThat(shape(filing)).containsExactly("startEvent[timer]", "serviceTask[async]",
        "exclusiveGateway", "intermediateCatchEvent[timer]", "serviceTask", "exclusiveGateway",
        "serviceTask[async]", "endEvent");
    assertThat(shape(filingBatch)).containsExactly("startEvent", "serviceTask[async]", "endEvent");
    assertThat(shape(evaluation)).containsExactly("startEvent[timer]", "serviceTask",
        "serviceTask[multi][async]", "serviceTask[async]", "endEvent");
  }

  @Test
  void theWaveRuleCatchesAWaveThatOpensEverythingAtOnce() {
    var allAtOnce = Bpmn.createExecutableProcess("seededWave").startEvent().timerWithCycle("R/P1D")
        .serviceTask("ServiceTask_Plan").serviceTask("ServiceTask_OpenAll")
        .serviceTask("ServiceTask_Reconcile").endEvent().done();
    assertThat(waveProblems("seededWave", allAtOnce, null))
        .containsExactly("seededWave starts no batch in a job of its own: [startEvent[timer], "
            + "serviceTask, serviceTask, serviceTask, endEvent]");
    var noPlan = Bpmn.createExecutableProcess("seededWave").startEvent().timerWithCycle("R/P1D")
        .serviceTask("ServiceTask_OpenAll").camundaAsyncBefore().endEvent().done();
    assertThat(waveProblems("seededWave", noPlan, null)).hasSize(2);
  }
}
