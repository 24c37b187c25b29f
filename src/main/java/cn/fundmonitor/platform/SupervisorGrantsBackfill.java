package cn.fundmonitor.platform;

import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.organisation.Supervision;
import cn.fundmonitor.organisation.UnitGroup;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The supervisors' grants ({@link SupervisorGrants}) for the tasks that were already open when
 * this release first started: the engine grants them as it gives a task to a unit, so tasks
 * created before would stay invisible to their province and city in Cockpit. Runs once per
 * database (a row in {@code ACT_GE_PROPERTY} says it ran), after the organisation is synchronised,
 * and only adds grants that are missing.
 *
 * <p>A second pass ({@link #REVOKED}, once per database) takes back the READ on a whole instance
 * that earlier releases gave a supervisor of a task in it even when the instance was a higher
 * unit's (the ministry's inspection with a step for a county of Guangxi): the supervisor keeps the
 * task's grant, and loses the instance's unless it works in it itself ({@link
 * Supervision#readsInstance}).
 */
@Component
class SupervisorGrantsBackfill {

  static final String DONE = "fm.supervisor-grants.backfilled";
  static final String REVOKED = "fm.supervisor-grants.higher-instances-revoked";
  private static final Logger LOG = LoggerFactory.getLogger(SupervisorGrantsBackfill.class);
  /** Grants written per transaction (a configurable default). */
  private static final int PER_TRANSACTION = 500;

  private final JdbcTemplate jdbc;
  private final AuthorizationService authorizations;
  private final ProcessEngineConfigurationImpl engine;
  private final OrganisationService organisation;
  private final SupervisorGrants grants;

  SupervisorGrantsBackfill(JdbcTemplate jdbc, AuthorizationService authorizations,
      ProcessEngineConfigurationImpl engine, OrganisationService organisation,
      SupervisorGrants grants) {
    this.grants = grants;
    this.jdbc = jdbc;
    this.authorizations = authorizations;
    this.engine = engine;
    this.organisation = organisation;
  }

  record Grant(String groupId, Resource resource, String resourceId) {
    String key() {
      return groupId + "|" + resource.resourceType() + "|" + resourceId;
    }
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(11)
  public void onStart() {
    if (!grants.enabled()) {
      // switched off: nothing to make up for; the marker is not written, so switching them on
      // later backfills what opened meanwhile
      return;
    }
    try {
      backfill();
      revokeHigherInstances();
    } catch (RuntimeException e) {
      // another node starting at the same moment wrote them first (unique grant, one marker row):
      // what this node missed the other did; a start never fails for it
      LOG.warn("Supervisors' grants not backfilled on this node: {}", e.getMessage());
    }
  }

  void backfill() {
    if (jdbc.queryForObject("select count(*) from ACT_GE_PROPERTY where NAME_ = ?", Integer.class,
        DONE) > 0) {
      return;
    }
    var wanted = new LinkedHashSet<Grant>();
    var owners = new java.util.HashMap<String, List<String>>();
    jdbc.query("select L.GROUP_ID_, T.ID_, T.PROC_INST_ID_, H.START_USER_ID_ from "
        + "ACT_RU_IDENTITYLINK L join ACT_RU_TASK T on T.ID_ = L.TASK_ID_ left join "
        + "ACT_HI_PROCINST H on H.ID_ = T.PROC_INST_ID_ where L.TYPE_ = 'candidate' and "
        + "L.GROUP_ID_ is not null and T.PROC_INST_ID_ is not null", rs -> {
          var starter = rs.getString(4);
          wanted.addAll(grantsFor(rs.getString(1), rs.getString(2), rs.getString(3),
              owners.computeIfAbsent(starter == null ? "" : starter, this::divisionsOf)));
        });
    var existing = new HashSet<String>();
    jdbc.query("select GROUP_ID_, RESOURCE_TYPE_, RESOURCE_ID_ from ACT_RU_AUTHORIZATION where "
        + "TYPE_ = ? and GROUP_ID_ is not null and RESOURCE_TYPE_ in (?, ?)", rs -> {
          existing.add(rs.getString(1) + "|" + rs.getInt(2) + "|" + rs.getString(3));
        }, Authorization.AUTH_TYPE_GRANT, Resources.TASK.resourceType(),
        Resources.PROCESS_INSTANCE.resourceType());
    var missing = wanted.stream().filter(g -> !existing.contains(g.key())).toList();
    for (int from = 0; from < missing.size(); from += PER_TRANSACTION) {
      var batch = missing.subList(from, Math.min(missing.size(), from + PER_TRANSACTION));
      engine.getCommandExecutorTxRequired().execute(context -> {
        for (var g : batch) {
          var auth = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
          auth.setGroupId(g.groupId());
          auth.setResource(g.resource());
          auth.setResourceId(g.resourceId());
          auth.addPermission(Permissions.READ);
          authorizations.saveAuthorization(auth);
        }
        return null;
      });
    }
    jdbc.update("insert into ACT_GE_PROPERTY (NAME_, VALUE_, REV_) values (?, ?, 1)", DONE,
        String.valueOf(missing.size()));
    if (!missing.isEmpty()) {
      LOG.info("Granted supervisors read access to {} open tasks and instances", missing.size());
    }
  }

  /** The divisions of a user's units (none for the system or an unknown user). */
  List<String> divisionsOf(String userId) {
    if (userId == null || userId.isEmpty()) {
      return List.of();
    }
    return OrganisationService.unitGroups(jdbc.queryForList(
            "select GROUP_ID_ from ACT_ID_MEMBERSHIP where USER_ID_ = ?", String.class, userId))
        .stream().map(UnitGroup::divisionCode).distinct().toList();
  }

  /**
   * Takes back a supervisor's READ on a running instance of a higher unit (see the class
   * comment): the groups that supervise a task of the instance, are not candidates of a task in
   * it themselves, and in whose region the instance does not lie.
   */
  void revokeHigherInstances() {
    if (jdbc.queryForObject("select count(*) from ACT_GE_PROPERTY where NAME_ = ?", Integer.class,
        REVOKED) > 0) {
      return;
    }
    var candidates = new java.util.HashMap<String, java.util.Set<String>>();
    var starters = new java.util.HashMap<String, String>();
    jdbc.query("select distinct T.PROC_INST_ID_, L.GROUP_ID_, H.START_USER_ID_ from "
        + "ACT_HI_IDENTITYLINK L join ACT_HI_TASKINST T on T.ID_ = L.TASK_ID_ join "
        + "ACT_HI_PROCINST H on H.ID_ = T.PROC_INST_ID_ where L.TYPE_ = 'candidate' and "
        + "L.GROUP_ID_ is not null and H.END_TIME_ is null and H.START_USER_ID_ is not null",
        rs -> {
          candidates.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
          starters.put(rs.getString(1), rs.getString(3));
        });
    var owners = new java.util.HashMap<String, List<String>>();
    var revoked = 0;
    for (var entry : candidates.entrySet()) {
      var instanceId = entry.getKey();
      var owner = owners.computeIfAbsent(starters.get(instanceId), this::divisionsOf);
      if (owner.isEmpty()) {
        continue;
      }
      var supervisors = new LinkedHashSet<String>();
      for (var group : entry.getValue()) {
        UnitGroup.parse(group).ifPresent(
            unit -> supervisors.addAll(Supervision.supervisorsOf(unit, organisation)));
      }
      supervisors.removeAll(entry.getValue());
      for (var supervisor : supervisors) {
        if (!Supervision.readsInstance(supervisor, owner, organisation)) {
          revoked += revokeRead(supervisor, instanceId);
        }
      }
    }
    jdbc.update("insert into ACT_GE_PROPERTY (NAME_, VALUE_, REV_) values (?, ?, 1)", REVOKED,
        String.valueOf(revoked));
    if (revoked > 0) {
      LOG.info("Took back supervisors' read access to {} instances of higher units", revoked);
    }
  }

  private int revokeRead(String groupId, String instanceId) {
    var found = authorizations.createAuthorizationQuery().authorizationType(
            Authorization.AUTH_TYPE_GRANT).groupIdIn(groupId)
        .resourceType(Resources.PROCESS_INSTANCE).resourceId(instanceId).list();
    for (var auth : found) {
      auth.removePermission(Permissions.READ);
      if (((org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity) auth)
          .getPermissions() == Permissions.NONE.getValue()) {
        authorizations.deleteAuthorization(auth.getId());
      } else {
        authorizations.saveAuthorization(auth);
      }
    }
    return found.size();
  }

  /** The grants the engine now makes when it gives {@code groupId} a task (SupervisorGrants). */
  List<Grant> grantsFor(String groupId, String taskId, String instanceId,
      List<String> ownerDivisions) {
    var unit = UnitGroup.parse(groupId);
    if (unit.isEmpty()) {
      return List.of();
    }
    var result = new java.util.ArrayList<Grant>();
    if (Supervision.needsInstanceGrant(unit.get(), organisation)) {
      result.add(new Grant(groupId, Resources.PROCESS_INSTANCE, instanceId));
    }
    for (var supervisor : Supervision.supervisorsOf(unit.get(), organisation)) {
      if (Supervision.readsInstance(supervisor, ownerDivisions, organisation)) {
        result.add(new Grant(supervisor, Resources.PROCESS_INSTANCE, instanceId));
      }
      result.add(new Grant(supervisor, Resources.TASK, taskId));
    }
    return result;
  }
}
