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
 */
@Component
class SupervisorGrantsBackfill {

  static final String DONE = "fm.supervisor-grants.backfilled";
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
    jdbc.query("select L.GROUP_ID_, T.ID_, T.PROC_INST_ID_ from ACT_RU_IDENTITYLINK L join "
        + "ACT_RU_TASK T on T.ID_ = L.TASK_ID_ where L.TYPE_ = 'candidate' and L.GROUP_ID_ is not "
        + "null and T.PROC_INST_ID_ is not null", rs -> {
          wanted.addAll(grantsFor(rs.getString(1), rs.getString(2), rs.getString(3)));
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

  /** The grants the engine now makes when it gives {@code groupId} a task (SupervisorGrants). */
  List<Grant> grantsFor(String groupId, String taskId, String instanceId) {
    var unit = UnitGroup.parse(groupId);
    if (unit.isEmpty()) {
      return List.of();
    }
    var result = new java.util.ArrayList<Grant>();
    if (Supervision.needsInstanceGrant(unit.get(), organisation)) {
      result.add(new Grant(groupId, Resources.PROCESS_INSTANCE, instanceId));
    }
    for (var supervisor : Supervision.supervisorsOf(unit.get(), organisation)) {
      result.add(new Grant(supervisor, Resources.PROCESS_INSTANCE, instanceId));
      result.add(new Grant(supervisor, Resources.TASK, taskId));
    }
    return result;
  }
}
