package cn.fundmonitor.platform;

import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.organisation.Supervision;
import cn.fundmonitor.organisation.UnitGroup;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Cockpit for supervisors below the ministry (issue 17; MNR 第六条、第七条): a province's or a
 * city's departments read the process instances their subtree works in — diagram, variables,
 * incidents, jobs — and those instances' tasks read-only, and nothing of another region.
 *
 * <p>Camunda 7 grants per resource id, not per subtree, and an instance names no division the
 * engine could check. What ties an instance to a unit is the work in it: a task whose candidate
 * group is {@code 450102-eco}. So when the engine gives a unit group a task (the moment it grants
 * that group the task, {@link DefaultAuthorizationProvider#newTaskGroupIdentityLink}), it also
 * grants, in the same transaction:
 * <ul>
 *   <li>READ on the task's process instance to that unit group (its own work, seen in Cockpit) and
 *       to those of its supervisors ({@link Supervision}: the same department and the finance
 *       department of the city and the province above it) in whose region the instance lies — one
 *       their subtree started, or the system; a higher unit's instance (the ministry's, or the
 *       province's for a city) is not theirs to read in full ({@link Supervision#readsInstance});</li>
 *   <li>READ on the task to those supervisors — read-only: no UPDATE, no TASK_WORK, so they can
 *       neither claim, complete nor reassign it, and no Tasklist filter lists it (the filters ask
 *       for the user's own candidate groups).</li>
 * </ul>
 * The narrowest grants that work: one row per instance and supervising group, one per task and
 * supervising group (two to four, as the tree is at most province → city → county), none for the
 * ministry, which reads every instance through its definition grants. A wider grant
 * (READ_INSTANCE on a process definition) would show every province's instances; a Cockpit view of
 * our own could not open Cockpit's own instance page, incidents or task tab.
 */
@Component
public class SupervisorGrants extends AbstractProcessEnginePlugin {

  /** Switches the supervisors' grants off (on by default); the engine then grants as Camunda does. */
  public static final String ENABLED = "fundmonitor.supervisor-grants.enabled";

  private final ObjectProvider<OrganisationService> organisation;
  private final boolean enabled;

  SupervisorGrants(ObjectProvider<OrganisationService> organisation,
      @Value("${" + ENABLED + ":true}") boolean enabled) {
    this.organisation = organisation;
    this.enabled = enabled;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (enabled) {
      configuration.setResourceAuthorizationProvider(new Provider(organisation));
    }
  }

  /** Whether the engine makes the supervisors' grants (the backfill runs only then). */
  public boolean enabled() {
    return enabled;
  }

  /** Camunda's default grants, plus the supervisors' read-only ones. */
  static class Provider extends DefaultAuthorizationProvider {
    private final ObjectProvider<OrganisationService> organisation;

    Provider(ObjectProvider<OrganisationService> organisation) {
      this.organisation = organisation;
    }

    /**
     * A deployment is the record of a rule or model change: who deployed which version, and every
     * decision later taken under it. Camunda's default grants the deploying user READ and DELETE on
     * it, so a policy owner could delete its own deployment with {@code cascade=true} and with it the
     * history of every decision evaluated under that version. Its deployer reads it; only the
     * administrator removes a deployment.
     */
    @Override
    public AuthorizationEntity[] newDeployment(Deployment deployment) {
      var authentication = Context.getProcessEngineConfiguration().getIdentityService()
          .getCurrentAuthentication();
      if (authentication == null || authentication.getUserId() == null) {
        return null;
      }
      return new AuthorizationEntity[] {createGrantAuthorization(authentication.getUserId(), null,
          Resources.DEPLOYMENT, deployment.getId(), Permissions.READ)};
    }

    @Override
    public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId,
        String type) {
      var own = super.newTaskGroupIdentityLink(task, groupId, type);
      var unit = UnitGroup.parse(groupId);
      if (!IdentityLinkType.CANDIDATE.equals(type) || unit.isEmpty()
          || task.getProcessInstanceId() == null) {
        return own;
      }
      var result = new ArrayList<AuthorizationEntity>();
      if (own != null) {
        result.addAll(Arrays.asList(own));
      }
      var instanceId = task.getProcessInstanceId();
      // what the groups hold already, in one select per resource, not one per group and resource
      // (issue 16: five to nine selects per task created, 24-36 % of REST p99, measured); none at
      // all for a task or instance made in this very command: it has no grant in the database yet
      // (a wave opens a filing's instance and its task in one command)
      readGrantsOf(TaskEntity.class, Resources.TASK, task.getId());
      readGrantsOf(ExecutionEntity.class, Resources.PROCESS_INSTANCE, instanceId);
      if (Supervision.needsInstanceGrant(unit.get(), organisation.getObject())) {
        readGrant(groupId, Resources.PROCESS_INSTANCE, instanceId).ifPresent(result::add);
      }
      List<String> owners = null;
      for (var supervisor : Supervision.supervisorsOf(unit.get(), organisation.getObject())) {
        if (owners == null) {
          owners = ownerDivisions(instanceId);
        }
        if (Supervision.readsInstance(supervisor, owners, organisation.getObject())) {
          readGrant(supervisor, Resources.PROCESS_INSTANCE, instanceId).ifPresent(result::add);
        }
        readGrant(supervisor, Resources.TASK, task.getId()).ifPresent(result::add);
      }
      return result.toArray(AuthorizationEntity[]::new);
    }

    /** The divisions of the units of the person who started the instance; none for the system. */
    private List<String> ownerDivisions(String instanceId) {
      var context = Context.getCommandContext();
      return context.runWithoutAuthorization(() -> {
        var starter = startUserId(context, instanceId);
        if (starter == null) {
          return List.<String>of();
        }
        return OrganisationService.unitGroups(context.getReadOnlyIdentityProvider()
                .createGroupQuery(context).groupMember(starter).list().stream()
                .map(Group::getId).toList()).stream()
            .map(UnitGroup::divisionCode).distinct().toList();
      });
    }

    /**
     * Who started the instance: its history row, or — started in this very command, the row not
     * yet written — the user this command runs for.
     */
    private static String startUserId(CommandContext context, String instanceId) {
      for (var pending : context.getDbEntityManager()
          .getCachedEntitiesByType(HistoricProcessInstanceEventEntity.class)) {
        if (instanceId.equals(pending.getProcessInstanceId()) && pending.getStartUserId() != null) {
          return pending.getStartUserId();
        }
      }
      var stored = context.getHistoricProcessInstanceManager()
          .findHistoricProcessInstance(instanceId);
      return stored != null ? stored.getStartUserId() : context.getAuthenticatedUserId();
    }

    /**
     * Reads every grant on the resource into this command's entity cache, where {@link #readGrant}
     * looks (the engine's own select, without authorization checks: the logged-in county user may
     * not read grants), unless the resource was inserted in this command (nothing to read).
     */
    private static void readGrantsOf(Class<? extends DbEntity> type, Resource resource,
        String resourceId) {
      var manager = Context.getCommandContext().getDbEntityManager();
      var entity = manager.getCachedEntity(type, resourceId);
      var cached = entity == null ? null : manager.getDbEntityCache().getCachedEntity(entity);
      if (cached != null && cached.getEntityState() == DbEntityState.TRANSIENT) {
        return;
      }
      var parameters = new java.util.HashMap<String, Object>();
      parameters.put("type", Authorization.AUTH_TYPE_GRANT);
      parameters.put("resourceType", resource.resourceType());
      parameters.put("resourceId", resourceId);
      manager.selectListWithRawParameter("selectAuthorizationByParameters", parameters, 0,
          Integer.MAX_VALUE);
    }

    /**
     * A new READ grant, or none if the group holds one already — in the database (read by
     * {@link #readGrantsOf}) or made earlier in this command (a multi-instance gives several
     * counties of one city their tasks at once, and the city's grant on the instance must be
     * inserted once).
     */
    private java.util.Optional<AuthorizationEntity> readGrant(String groupId, Resource resource,
        String resourceId) {
      var known = Context.getCommandContext().getDbEntityManager()
          .getCachedEntitiesByType(AuthorizationEntity.class).stream()
          .filter(a -> a.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT
              && groupId.equals(a.getGroupId()) && resourceId.equals(a.getResourceId())
              && a.getResourceType() == resource.resourceType())
          .findFirst();
      if (known.isPresent()) {
        // to be inserted when the command ends, or read from the database: a permission added
        // now is inserted with it, or updated (the cache writes what changed)
        if (!known.get().isPermissionGranted(Permissions.READ)) {
          known.get().addPermission(Permissions.READ);
        }
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(createGrantAuthorization(null, groupId, resource, resourceId,
          Permissions.READ));
    }
  }
}
