package cn.fundmonitor.organisation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.task.TaskQuery;
import cn.fundmonitor.platform.TaskSummaryPlugin;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes Camunda's identity match the division table: one group per division and role, the
 * authorizations each level and role needs (held once by its {@link GrantGroups} group, not by
 * every division's group), and the shared Tasklist filters. Runs at every start and only
 * adds what is missing, so it is safe on a database that already has everything.
 *
 * <p>Task visibility itself comes from candidate groups: the engine grants a task's candidate
 * group (and assignee) access to that task and to nothing else, which is what MNR 第二十三条 asks.
 */
@Component
public class CamundaOrganisationSync {

  /** Processes whose definitions (diagram, forms) every unit may read. */
  static final List<String> READABLE_BY_UNITS = List.of("projectWarehousing",
      "annualProjectSelection", "fundAllocation", "quarterlyFiling", "problemEscalation",
      "dataCorrection", "correctionReport", "projectSelfEvaluation", "projectLifecycle", "planAdjustment", "dataQualityInspection",
      "overallEvaluation");

  /**
   * Which unit groups start which process from Tasklist: cities and counties apply for warehousing
   * (GX 第十五条); a province's finance department registers money that arrived (MNR 第九条), a
   * city's or county's its own money and social money (MNR 第九条末句、第十五条);
   * any unit below the ministry reports a problem (MNR 第十二条).
   */
  static List<String> startableBy(Division division, Role role) {
    return startableBy(division.level(), role);
  }

  static List<String> startableBy(DivisionLevel level, Role role) {
    if (role == Role.FISCAL) {
      // a fiscal department reviews, issues and approves what the natural-resources side brings
      // (GX 第五条第二项、第四项); it starts no workflow of its own
      return List.of();
    }
    return switch (level) {
      // a city's or county's finance office registers its own special funds and social funds
      // (MNR 第二条第二项、第三项，第九条末句，第十五条)
      case CITY, COUNTY -> role == Role.FINANCE
          ? List.of("projectWarehousing", "problemEscalation", "dataCorrection", "planAdjustment",
              "fundAllocation")
          : List.of("projectWarehousing", "problemEscalation", "dataCorrection", "planAdjustment");
      case PROVINCE -> role == Role.FINANCE
          // MNR 第二十二条: the province corrects the issue data it sent (dataCorrection)
          ? List.of("fundAllocation", "problemEscalation", "dataQualityInspection", "dataCorrection",
              // GX 第二十八条: 自治区自然资源厅负责专项资金总体绩效评价
              "overallEvaluation",
              // MNR 第十一条: 其他填报时点，按要求执行 — the province opens a monitoring point
              "monitoringPointOpening")
          : List.of("problemEscalation");
      case MINISTRY -> role == Role.FINANCE
          ? List.of("dataQualityInspection", "monitoringPointOpening") : List.of();
    };
  }

  /**
   * Policy owners (规则维护人) change the DMN tables without a code change: they deploy new
   * versions from Camunda Modeler through /engine-rest or import a rules sheet, and watch the
   * decisions in Cockpit. They see no unit's tasks or instances.
   */
  public static final String POLICY_OWNERS = "policy-owners";

  private static final Logger LOG = LoggerFactory.getLogger(CamundaOrganisationSync.class);

  private final OrganisationService organisation;
  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final TaskService tasks;
  private final ProcessEngineConfigurationImpl engine;
  private final org.springframework.jdbc.core.JdbcTemplate jdbc;
  private Map<String, Authorization> grants = Map.of();

  CamundaOrganisationSync(OrganisationService organisation, IdentityService identity,
      AuthorizationService authorizations, FilterService filters, TaskService tasks,
      ProcessEngineConfigurationImpl engine, org.springframework.jdbc.core.JdbcTemplate jdbc) {
    this.engine = engine;
    this.jdbc = jdbc;
    this.organisation = organisation;
    this.identity = identity;
    this.authorizations = authorizations;
    this.filters = filters;
    this.tasks = tasks;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(10)
  public synchronized void synchronise() {
    var start = System.nanoTime();
    organisation.reload();
    // read what exists once: a nationwide table has thousands of divisions
    var groups = identity.createGroupQuery().list().stream()
        .collect(Collectors.toMap(g -> g.getId(), g -> g));
    grants = new java.util.HashMap<>();
    authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT).list()
        .stream().filter(a -> a.getGroupId() != null)
        .forEach(a -> grants.putIfAbsent(grantKey(a.getGroupId(), a.getResourceType(),
            a.getResourceId()), a));
    // what is missing is written in a few transactions of many rows each, inserted in JDBC
    // batches, not one transaction per group and grant: the national tree's first start took
    // 5.8 minutes that way (issue 16)
    var divisions = new ArrayList<>(organisation.all());
    int created = 0;
    for (int from = 0; from < divisions.size(); from += DIVISIONS_PER_TRANSACTION) {
      var chunk = divisions.subList(from, Math.min(divisions.size(), from + DIVISIONS_PER_TRANSACTION));
      created += inOneTransaction(() -> {
        int made = 0;
        for (var division : chunk) {
          for (var role : Role.values()) {
            if (!role.existsAt(division.level())) {
              continue;
            }
            var group = UnitGroup.of(division.code(), role);
            var name = division.unitName(role);
            var existing = groups.get(group.id());
            if (existing == null) {
              var g = identity.newGroup(group.id());
              g.setName(name);
              g.setType(division.level().name());
              identity.saveGroup(g);
              made++;
            } else if (!name.equals(existing.getName()) && division.active()) {
              // what Tasklist shows for a task's groups: the unit as staff name it
              existing.setName(name);
              identity.saveGroup(existing);
            }
          }
        }
        return made;
      });
    }
    created += inOneTransaction(() -> {
      int made = 0;
      if (!groups.containsKey(POLICY_OWNERS)) {
        var g = identity.newGroup(POLICY_OWNERS);
        g.setName("规则维护人（决策表）");
        g.setType("SYSTEM");
        identity.saveGroup(g);
        made++;
      }
      // the grants of each level and role, held once by its authorization group (GrantGroups)
      for (var level : DivisionLevel.values()) {
        for (var role : Role.values()) {
          if (!role.existsAt(level)) {
            continue;
          }
          var id = GrantGroups.of(level, role);
          if (!groups.containsKey(id)) {
            var g = identity.newGroup(id);
            g.setName("授权：" + level.label() + "级 " + role.label() + "（按级别与处室，无成员）");
            g.setType("SYSTEM");
            identity.saveGroup(g);
            made++;
          }
          grantFor(level, role, id);
        }
      }
      grantPolicyOwners();
      savePending();
      removeGrantsPerDivision();
      grantPolicyToEveryone();
      ensureFilters();
      return made;
    });
    lastDuration = java.time.Duration.ofNanos(System.nanoTime() - start);
    LOG.info("Organisation synchronised in {} ms: {} divisions, {} groups created",
        (System.nanoTime() - start) / 1_000_000, organisation.all().size(), created);
  }

  private volatile java.time.Duration lastDuration = java.time.Duration.ZERO;

  /** How long the last synchronisation took (reported by the national benchmark). */
  public java.time.Duration lastDuration() {
    return lastDuration;
  }

  /** Divisions whose groups and grants are written in one transaction (a configurable default). */
  static final int DIVISIONS_PER_TRANSACTION = 25;

  private int inOneTransaction(java.util.function.IntSupplier work) {
    // the engine's services called inside one command share its context: one transaction, and
    // the inserts are flushed at its end in JDBC batches (jdbcBatchProcessing)
    return engine.getCommandExecutorTxRequired().execute(context -> work.getAsInt());
  }

  /**
   * Removes the grants earlier releases gave each division's groups one by one (now held by the
   * level-and-role groups): 17 rows a group, 218,000 for the national tree. Only those: a task's
   * grant to its candidate group and anything else given to a unit group stay.
   */
  private void removeGrantsPerDivision() {
    var definitions = new java.util.TreeSet<>(READABLE_BY_UNITS);
    for (var level : DivisionLevel.values()) {
      for (var role : Role.values()) {
        definitions.addAll(startableBy(level, role));
      }
    }
    definitions.add(Authorization.ANY);
    // candidates by pattern, then only real unit groups (a 6-digit code and a role): "policy-owners"
    // also fits '______-%' and keeps its grants
    var ids = jdbc.query("select ID_, GROUP_ID_ from ACT_RU_AUTHORIZATION where TYPE_ = ? and "
        + "GROUP_ID_ like '______-%' and ((RESOURCE_TYPE_ = ? and RESOURCE_ID_ in ('tasklist', "
        + "'cockpit')) or (RESOURCE_TYPE_ = ? and RESOURCE_ID_ in ('"
        + String.join("', '", definitions) + "')) or "
        + "(RESOURCE_TYPE_ in (?, ?, ?) and RESOURCE_ID_ = ?))",
        (rs, i) -> UnitGroup.parse(rs.getString(2)).isPresent() ? rs.getString(1) : null,
        Authorization.AUTH_TYPE_GRANT, Resources.APPLICATION.resourceType(),
        Resources.PROCESS_DEFINITION.resourceType(), Resources.PROCESS_INSTANCE.resourceType(),
        Resources.DEPLOYMENT.resourceType(), Resources.DECISION_DEFINITION.resourceType(),
        Authorization.ANY).stream().filter(java.util.Objects::nonNull).toList();
    var removed = 0;
    for (var from = 0; from < ids.size(); from += 500) {
      var batch = ids.subList(from, Math.min(ids.size(), from + 500));
      removed += jdbc.update("delete from ACT_RU_AUTHORIZATION where ID_ in ("
          + String.join(", ", java.util.Collections.nCopies(batch.size(), "?")) + ")",
          batch.toArray());
    }
    if (removed > 0) {
      LOG.info("Removed {} grants held division by division; the level-and-role groups hold them",
          removed);
    }
  }

  private void grantFor(DivisionLevel level, Role role, String groupId) {
    grant(groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    for (var key : READABLE_BY_UNITS) {
      grant(groupId, Resources.PROCESS_DEFINITION, key, Permissions.READ);
    }
    var startable = startableBy(level, role);
    if (!startable.isEmpty()) {
      grant(groupId, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
      for (var key : startable) {
        // READ as well: a process only its starters see (monitoringPointOpening) is not readable
        // by every unit
        grant(groupId, Resources.PROCESS_DEFINITION, key, Permissions.READ,
            ProcessDefinitionPermissions.CREATE_INSTANCE);
      }
    }
    if (Supervision.supervisesInCockpit(level, role)) {
      // a province or city watches its subtree's instances in Cockpit (MNR 第六条、第七条); which
      // instances it may read is granted per instance (platform/SupervisorGrants), nothing here
      grant(groupId, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    }
    if (level == DivisionLevel.MINISTRY) {
      // the ministry supervises (MNR 第五条): it watches every instance in Cockpit, read-only
      grant(groupId, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      grant(groupId, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ,
          ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
      grant(groupId, Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ,
          Permissions.READ_HISTORY);
      grant(groupId, Resources.DEPLOYMENT, Authorization.ANY, Permissions.READ);
    }
  }

  private void grantPolicyOwners() {
    grant(POLICY_OWNERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    // the review of tables whose rule document lapses (ruleSourceReview, GX 第三十七条)
    grant(POLICY_OWNERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(POLICY_OWNERS, Resources.PROCESS_DEFINITION, "ruleSourceReview", Permissions.READ);
    grant(POLICY_OWNERS, Resources.DEPLOYMENT, Authorization.ANY, Permissions.CREATE, Permissions.READ);
    grant(POLICY_OWNERS, Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ,
        Permissions.READ_HISTORY);
    grant(POLICY_OWNERS, Resources.DECISION_REQUIREMENTS_DEFINITION, Authorization.ANY,
        Permissions.READ);
  }

  /**
   * Policy is public: every user may read every decision table (the expense check, the rules
   * sheet export) and evaluate the factor-method weights and the result reductions. Global grants, one row each, however
   * many divisions there are.
   */
  private void grantPolicyToEveryone() {
    ensureGlobal(Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ);
    ensureGlobal(Resources.DECISION_DEFINITION, "allocationFactorWeights",
        Permissions.CREATE_INSTANCE);
    // next year's cut for last year's results, shown in the selection and the factor calculation
    ensureGlobal(Resources.DECISION_DEFINITION, "resultReduction", Permissions.CREATE_INSTANCE);
  }

  private void ensureGlobal(Resource resource, String resourceId, Permission permission) {
    var existing = authorizations.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GLOBAL).resourceType(resource)
        .resourceId(resourceId).list();
    if (existing.stream().anyMatch(a -> a.isPermissionGranted(permission))) {
      return;
    }
    var auth = existing.isEmpty()
        ? authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL) : existing.get(0);
    if (existing.isEmpty()) {
      auth.setUserId(Authorization.ANY);
      auth.setResource(resource);
      auth.setResourceId(resourceId);
    }
    auth.addPermission(permission);
    authorizations.saveAuthorization(auth);
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    var key = grantKey(groupId, resource.resourceType(), resourceId);
    var auth = grants.computeIfAbsent(key, k -> newGrant(resource, resourceId, groupId));
    var missing = Arrays.stream(permissions).filter(p -> !auth.isPermissionGranted(p)).toList();
    if (!missing.isEmpty()) {
      missing.forEach(auth::addPermission);
      pending.add(key);
    }
  }

  /** Saves each grant that gained a permission once (an unflushed insert cannot be updated). */
  private void savePending() {
    for (var key : pending) {
      grants.put(key, authorizations.saveAuthorization(grants.get(key)));
    }
    pending.clear();
  }

  private final java.util.Set<String> pending = new java.util.LinkedHashSet<>();

  private static String grantKey(String groupId, int resourceType, String resourceId) {
    return groupId + "|" + resourceType + "|" + resourceId;
  }

  private Authorization newGrant(Resource resource, String resourceId, String groupId) {
    var auth = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    auth.setGroupId(groupId);
    auth.setResource(resource);
    auth.setResourceId(resourceId);
    return auth;
  }

  /** Shared Tasklist filters everyone may use; each shows only the tasks the user may see. */
  private void ensureFilters() {
    ensureFilter("本单位待办", -10, "本单位（含本人所在各处室）可办理的任务",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks());
    ensureFilter("我的待办", -5, "已由我认领的任务",
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    // a follow-up (催办) is due on the date of the late step it is about, so a superior finds its
    // subordinates' late steps here as well as its own (OverdueDelegates.recordOverdueDelegate)
    ensureFilter(OVERDUE_FILTER, 0, "已过到期日仍未办结的任务，含下级逾期环节的催办（催办的到期日即该环节的原定期限）",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks().dueBeforeExpression("${now()}"));
    ensureFilter(DUE_SOON_FILTER, 5, "尚未逾期、今后" + DUE_SOON_WORKING_DAYS
            + "个工作日（默认，不含今日）内到期的任务；工作日按国务院节假日安排计算",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks().dueAfterExpression("${now()}")
            .dueBeforeExpression("${endOfWorkingDays(" + DUE_SOON_WORKING_DAYS + ")}"));
  }

  public static final String OVERDUE_FILTER = "逾期任务";

  public static final String DUE_SOON_FILTER = "即将到期";

  /** How far ahead 即将到期 looks, in working days: a configurable default (默认), no article sets it. */
  static final int DUE_SOON_WORKING_DAYS = 3;

  private void ensureFilter(String name, int priority, String description, TaskQuery query) {
    Map<String, Object> properties = Map.of("priority", priority, "description", description,
        "refresh", true, "variables", TaskSummaryPlugin.SUMMARY_VARIABLES.entrySet().stream()
            .map(e -> Map.of("name", e.getKey(), "label", e.getValue()))
            .collect(Collectors.toCollection(ArrayList::new)));
    var existing = filters.createFilterQuery().filterName(name).singleResult();
    if (existing != null) {
      var wanted = filters.newTaskFilter(name).setQuery(query);
      var queryChanged = !((FilterEntity) wanted).getQueryInternal()
          .equals(((FilterEntity) existing).getQueryInternal());
      if (queryChanged || !properties.equals(existing.getProperties())) {
        // a newer release lists more summary variables or asks a different question
        existing.setProperties(properties);
        if (queryChanged) {
          existing.setQuery(query);
        }
        filters.saveFilter(existing);
      }
      return;
    }
    var filter = filters.newTaskFilter(name);
    filter.setQuery(query);
    filter.setProperties(properties);
    filters.saveFilter(filter);
    var auth = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
    auth.setUserId(Authorization.ANY);
    auth.setResource(Resources.FILTER);
    auth.setResourceId(filter.getId());
    auth.addPermission(Permissions.READ);
    authorizations.saveAuthorization(auth);
  }
}
