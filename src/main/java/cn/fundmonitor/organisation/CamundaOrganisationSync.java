package cn.fundmonitor.organisation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
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
 * every division's group), for the processes the features declare ({@link TasklistAccess}). The
 * shared Tasklist filters are platform/'s ({@code TasklistFilters}). Runs at every start and only
 * adds what is missing, so it is safe on a database that already has everything.
 *
 * <p>Task visibility itself comes from candidate groups: the engine grants a task's candidate
 * group (and assignee) access to that task and to nothing else, which is what MNR 第二十三条 asks.
 */
@Component
public class CamundaOrganisationSync {

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
  private final ProcessEngineConfigurationImpl engine;
  private final List<TasklistAccess> access;
  private final LegacyUnitGrants legacyGrants;
  private Map<String, Authorization> grants = Map.of();

  CamundaOrganisationSync(OrganisationService organisation, IdentityService identity,
      AuthorizationService authorizations, ProcessEngineConfigurationImpl engine,
      List<TasklistAccess> access, LegacyUnitGrants legacyGrants) {
    this.engine = engine;
    this.organisation = organisation;
    this.identity = identity;
    this.authorizations = authorizations;
    this.access = List.copyOf(access);
    this.legacyGrants = legacyGrants;
  }

  /**
   * The processes this department at this level starts from Tasklist, as the features declare
   * them ({@link TasklistAccess}): cities and counties apply for warehousing (GX 第十五条), a
   * province's finance department registers money that arrived (MNR 第九条), a fiscal department
   * starts none (GX 第五条第二项、第四项).
   */
  List<String> startableBy(Division division, Role role) {
    return access.stream().filter(a -> a.startableBy(division.level(), role))
        .map(TasklistAccess::processKey).toList();
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
   * level-and-role groups), on every process a unit reads or starts.
   */
  private void removeGrantsPerDivision() {
    var removed = legacyGrants.remove(access.stream()
        .filter(a -> a.readers() == TasklistAccess.Readers.EVERY_UNIT || !a.starters().isEmpty())
        .map(TasklistAccess::processKey).toList());
    if (removed > 0) {
      LOG.info("Removed {} grants held division by division; the level-and-role groups hold them",
          removed);
    }
  }

  private void grantFor(DivisionLevel level, Role role, String groupId) {
    grant(groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    for (var process : access) {
      if (process.startableBy(level, role)) {
        // READ as well: a process only its starters see (TasklistAccess.Readers.ITS_STARTERS) is
        // not readable by every unit
        grant(groupId, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
        grant(groupId, Resources.PROCESS_DEFINITION, process.processKey(), Permissions.READ,
            ProcessDefinitionPermissions.CREATE_INSTANCE);
      } else if (process.readableBy(level, role)) {
        grant(groupId, Resources.PROCESS_DEFINITION, process.processKey(), Permissions.READ);
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
    for (var process : access) {
      if (process.readers() == TasklistAccess.Readers.POLICY_OWNERS) {
        grant(POLICY_OWNERS, Resources.PROCESS_DEFINITION, process.processKey(), Permissions.READ);
      }
    }
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
}
