package cn.fundmonitor.overdue;

import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.organisation.Division;
import cn.fundmonitor.organisation.DivisionLevel;
import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.platform.Actors;
import cn.fundmonitor.reports.StatisticsService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Component;

/**
 * 逾期事项: every open overdue step in a manager's own unit and below, across all processes, with
 * its region (province → city → county), process, step, unit, due date, days late and whether
 * the superior's follow-up (催办) went out; counted per region and per process. The manager's
 * scope follows the same rules as {@code /api/statistics} (MNR 第二十三条: data only within one's
 * duties): the subtrees of the user's units, or one division of them it asks for. The Cockpit
 * plugin and {@code /api/overdue-steps} both read it here.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class OverdueBoard {

  static final Pattern DIVISION_CODE = Pattern.compile("\\d{6}");
  static final Pattern PROCESS_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
  static final String FOLLOW_UP_PREFIX = "UserTask_FollowUp";

  private final OverdueService overdue;
  private final OrganisationService organisation;
  private final StatisticsService statistics;
  private final HistoryService history;
  private final TaskService tasks;
  private final IdentityService identity;
  private final Clock clock;

  /** One late step as a manager reads it. */
  public record Item(long id, String processInstanceId, String processKey, String processName,
      String businessKey, String activityId, String stepName, String unitCode, String unitName,
      String responsibleUnit, String provinceCode, String provinceName, String cityCode,
      String cityName, String countyCode, String countyName, LocalDate dueOn, int daysLate,
      boolean followUpSent, boolean followUpOpen, String followUpUnit, String followUpTaskId,
      String taskId) {}

  /** A region of the scope with the late steps in it and below it. */
  public record RegionCount(String code, String name, String level, int depth, int count) {}

  public record ProcessCount(String key, String name, int count) {}

  public record Board(List<String> scope, LocalDate today, int total, List<RegionCount> regions,
      List<ProcessCount> processes, List<Item> steps) {}

  /**
   * The board of a user (its Camunda groups), optionally narrowed to one division of its scope
   * and one process key. Unknown or malformed parameters answer 400 (InvalidInputException), a
   * division outside the user's units 403 (AccessDeniedException) — as statistics do.
   */
  public Board of(Collection<String> groupIds, String divisionCode,
      String processKey) {
    var problems = new ArrayList<String>();
    if (divisionCode != null && !divisionCode.isBlank()
        && !DIVISION_CODE.matcher(divisionCode).matches()) {
      problems.add("行政区划代码应为6位数字");
    }
    if (processKey != null && !processKey.isBlank()
        && !PROCESS_KEY.matcher(processKey).matches()) {
      problems.add("流程标识只能包含字母、数字、下划线和连字符，至多64个字符");
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("查询条件有误", problems);
    }
    var scope = statistics.scope(groupIds, divisionCode);
    var visible = new java.util.HashSet<String>();
    scope.roots().forEach(r -> visible.addAll(organisation.subtree(r)));
    var open = overdue.open().stream().filter(s -> visible.contains(s.unitCode())).toList();
    var items = Actors.asSystem(identity, () -> items(open, Set.copyOf(groupIds)));
    if (processKey != null && !processKey.isBlank()) {
      items = items.stream().filter(i -> processKey.equals(i.processKey())).toList();
    }
    items = items.stream().sorted(Comparator.comparing(Item::daysLate).reversed()
        .thenComparing(Item::dueOn).thenComparing(Item::id)).toList();
    return new Board(scope.roots().stream().map(organisation::nameOf).toList(),
        LocalDate.now(clock), items.size(), regions(scope.roots(), items), processes(items),
        items);
  }

  private List<Item> items(List<OverdueStep> steps, Set<String> groupIds) {
    if (steps.isEmpty()) {
      return List.of();
    }
    var instanceIds = steps.stream().map(OverdueStep::processInstanceId).distinct()
        .toArray(String[]::new);
    Map<String, HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
        .processInstanceIds(Set.of(instanceIds)).list().stream()
        .collect(Collectors.toMap(HistoricProcessInstance::getId, p -> p));
    var followUps = followUps(steps);
    // the open tasks of the steps' instances, read once, not once per step
    var openTasks = new HashMap<String, String>();
    tasks.createTaskQuery().processInstanceIdIn(instanceIds).list().forEach(t ->
        openTasks.putIfAbsent(t.getExecutionId() + "/" + t.getTaskDefinitionKey(), t.getId()));
    var result = new ArrayList<Item>();
    for (var s : steps) {
      var pi = instances.get(s.processInstanceId());
      var chain = chain(s.unitCode());
      var unitName = organisation.find(s.unitCode()).map(Division::name).orElse(s.unitCode());
      var followUp = Optional.ofNullable(followUps.get(s.id()));
      var taskId = openTasks.get(s.taskExecutionId() + "/" + s.activityId());
      var followUpOpen = followUp.map(f -> f.getEndTime() == null).orElse(false);
      result.add(new Item(s.id(), s.processInstanceId(),
          pi == null ? null : pi.getProcessDefinitionKey(),
          pi == null ? null : pi.getProcessDefinitionName(), s.businessKey(), s.activityId(),
          s.stepName(), s.unitCode(), unitName, organisation.groupName(s.responsibleGroup()),
          code(chain, DivisionLevel.PROVINCE), name(chain, DivisionLevel.PROVINCE),
          code(chain, DivisionLevel.CITY), name(chain, DivisionLevel.CITY),
          code(chain, DivisionLevel.COUNTY), name(chain, DivisionLevel.COUNTY), s.dueOn(),
          overdue.daysLate(s), followUp.isPresent(), followUpOpen,
          organisation.groupName(s.escalatedToGroup()),
          // the follow-up is a task only its addressee can open
          followUpOpen && groupIds.contains(s.escalatedToGroup())
              ? followUp.get().getId() : null,
          taskId));
    }
    return result;
  }

  /**
   * The follow-up (催办) of each step, if one was made: {@link OverdueDelegates#recordOverdueDelegate} makes it in
   * the step's instance, due on the step's own deadline, in the same transaction that records the
   * step. Steps and follow-ups of one instance and deadline (several late counties of one
   * multi-instance) pair up in the order they were made.
   */
  private Map<Long, HistoricTaskInstance> followUps(List<OverdueStep> steps) {
    var result = new HashMap<Long, HistoricTaskInstance>();
    var byInstance = steps.stream().collect(Collectors.groupingBy(OverdueStep::processInstanceId));
    byInstance.forEach((instanceId, instanceSteps) -> {
      var made = history.createHistoricTaskInstanceQuery().processInstanceId(instanceId).list()
          .stream()
          .filter(t -> t.getTaskDefinitionKey() != null
              && t.getTaskDefinitionKey().startsWith(FOLLOW_UP_PREFIX) && t.getDueDate() != null)
          .sorted(Comparator.comparing(HistoricTaskInstance::getStartTime))
          .collect(Collectors.groupingBy(t -> LocalDate.ofInstant(t.getDueDate().toInstant(),
              clock.getZone())));
      instanceSteps.stream().collect(Collectors.groupingBy(OverdueStep::dueOn))
          .forEach((dueOn, same) -> {
            var tasksDue = made.getOrDefault(dueOn, List.of());
            var ordered = same.stream().sorted(Comparator.comparing(OverdueStep::overdueSince)
                .thenComparing(OverdueStep::id)).toList();
            for (int i = 0; i < ordered.size() && i < tasksDue.size(); i++) {
              result.put(ordered.get(i).id(), tasksDue.get(i));
            }
          });
    });
    return result;
  }

  /** The division and its ancestors, nearest first. */
  private List<Division> chain(String code) {
    var chain = new ArrayList<Division>();
    Optional<Division> d = organisation.find(code);
    while (d.isPresent() && chain.size() < 8) {
      chain.add(d.get());
      d = organisation.find(d.get().parentCode());
    }
    return chain;
  }

  private static String code(List<Division> chain, DivisionLevel level) {
    return chain.stream().filter(d -> d.level() == level).map(Division::code).findFirst()
        .orElse(null);
  }

  private static String name(List<Division> chain, DivisionLevel level) {
    return chain.stream().filter(d -> d.level() == level).map(Division::name).findFirst()
        .orElse(null);
  }

  /** Counts per region, rolled up to the scope's roots, in tree order (roots always listed). */
  private List<RegionCount> regions(List<String> roots, List<Item> items) {
    var counts = new HashMap<String, Integer>();
    for (var item : items) {
      for (var d : chain(item.unitCode())) {
        counts.merge(d.code(), 1, Integer::sum);
        if (roots.contains(d.code())) {
          break;
        }
      }
    }
    var children = new HashMap<String, List<Division>>();
    for (var d : organisation.all()) {
      if (d.parentCode() != null && counts.containsKey(d.code())) {
        children.computeIfAbsent(d.parentCode(), k -> new ArrayList<>()).add(d);
      }
    }
    children.values().forEach(l -> l.sort(Comparator.comparing(Division::code)));
    var rows = new ArrayList<RegionCount>();
    for (var root : roots) {
      walk(organisation.get(root), 0, counts, children, rows);
    }
    return rows;
  }

  private void walk(Division d, int depth, Map<String, Integer> counts,
      Map<String, List<Division>> children, List<RegionCount> rows) {
    rows.add(new RegionCount(d.code(), d.name(), d.level().name(), depth,
        counts.getOrDefault(d.code(), 0)));
    for (var child : children.getOrDefault(d.code(), List.of())) {
      walk(child, depth + 1, counts, children, rows);
    }
  }

  private static List<ProcessCount> processes(List<Item> items) {
    var counts = new LinkedHashMap<String, ProcessCount>();
    for (var i : items) {
      var key = i.processKey() == null ? "" : i.processKey();
      var previous = counts.get(key);
      counts.put(key, new ProcessCount(key, i.processName(),
          previous == null ? 1 : previous.count() + 1));
    }
    return counts.values().stream()
        .sorted(Comparator.comparing(ProcessCount::count).reversed()
            .thenComparing(ProcessCount::key)).toList();
  }
}
