package cn.fundmonitor.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.support.FundMonitorTest;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine checks a logged-in user's authorizations without first reading every group id of the
 * authorization table (issue 16), and grants and refuses exactly what it did before.
 */
@FundMonitorTest
class AuthorizedGroupsPluginTest {

  @Autowired ProcessEngineConfigurationImpl configuration;
  @Autowired IdentityService identity;
  @Autowired RepositoryService repository;
  @Autowired org.camunda.bpm.engine.AuthorizationService authorizations;
  @Autowired cn.fundmonitor.organisation.CamundaOrganisationSync sync;

  @AfterEach
  void logout() {
    identity.clearAuthentication();
  }

  @Test
  void theEngineUsesTheManagerThatDoesNotReadTheWholeTable() {
    var manager = configuration.getCommandExecutorTxRequired()
        .execute(context -> context.getAuthorizationManager());
    assertThat(manager).isInstanceOf(AuthorizedGroupsPlugin.UnfilteredGroupsAuthorizationManager.class);
    // a unit group brings its level-and-role group; other groups bring nothing
    assertThat(manager.filterAuthenticatedGroupIds(List.of("450102-eco", "no-grants", "450102-eco")))
        .containsExactly("450102-eco", "no-grants", "fm-county-eco");
    assertThat(manager.filterAuthenticatedGroupIds(List.of("450000-finance", "000000-eco")))
        .containsExactly("450000-finance", "000000-eco", "fm-province-finance", "fm-ministry-eco");
    assertThat(manager.filterAuthenticatedGroupIds(List.of("999999-eco", "camunda-admin")))
        .containsExactly("999999-eco", "camunda-admin");
    assertThat(manager.filterAuthenticatedGroupIds(null)).isEmpty();
  }

  @Test
  void grantsAreHeldByLevelAndRoleNotByEachDivision() {
    // what a county may do is granted once, to fm-county-<role>; no division's group holds it
    assertThat(authorizations.createAuthorizationQuery().groupIdIn("fm-county-eco")
        .resourceType(org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION)
        .resourceId("projectWarehousing").count()).isOne();
    for (var resource : List.of(org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION,
        org.camunda.bpm.engine.authorization.Resources.APPLICATION,
        org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION)) {
      assertThat(authorizations.createAuthorizationQuery().groupIdIn("450102-eco", "450321-finance",
          "450000-finance", "000000-finance").resourceType(resource).count()).as(resource.resourceName())
          .isZero();
    }
    // on process instances a unit group holds only READ on single instances its subtree works in
    // (SupervisorGrants, issue 17), never a right on all instances
    var perInstance = authorizations.createAuthorizationQuery().groupIdIn("450102-eco",
        "450321-finance", "450000-finance", "000000-finance")
        .resourceType(org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE).list();
    assertThat(perInstance).allSatisfy(a -> {
      assertThat(a.getResourceId()).isNotEqualTo(org.camunda.bpm.engine.authorization.Authorization.ANY);
      assertThat(a.isPermissionGranted(org.camunda.bpm.engine.authorization.Permissions.READ))
          .isTrue();
      for (var write : List.of(org.camunda.bpm.engine.authorization.Permissions.UPDATE,
          org.camunda.bpm.engine.authorization.Permissions.DELETE,
          org.camunda.bpm.engine.authorization.ProcessInstancePermissions.UPDATE_VARIABLE,
          org.camunda.bpm.engine.authorization.ProcessInstancePermissions.SUSPEND)) {
        assertThat(a.isPermissionGranted(write)).as(write.getName()).isFalse();
      }
      assertThat(a.getGroupId()).as("the ministry reads instances through its definition grants")
          .isNotEqualTo("000000-finance");
    });
    // and each user still gets exactly their level's rights, through the engine's own check
    assertThat(authorizations.isUserAuthorized("u", List.of("450102-eco"),
        org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.CREATE_INSTANCE,
        org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION, "projectWarehousing"))
        .isTrue();
    assertThat(authorizations.isUserAuthorized("u", List.of("450000-eco"),
        org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.CREATE_INSTANCE,
        org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION, "projectWarehousing"))
        .isFalse();
    assertThat(authorizations.isUserAuthorized("u", List.of("450000-finance"),
        org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.CREATE_INSTANCE,
        org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION, "fundAllocation"))
        .isTrue();
    assertThat(authorizations.isUserAuthorized("u", List.of("450000-eco"),
        org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.CREATE_INSTANCE,
        org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION, "fundAllocation"))
        .isFalse();
    assertThat(authorizations.isUserAuthorized("u", List.of("450102-finance"),
        org.camunda.bpm.engine.authorization.Permissions.ACCESS,
        org.camunda.bpm.engine.authorization.Resources.APPLICATION, "cockpit")).isFalse();
    assertThat(authorizations.isUserAuthorized("u", List.of("000000-eco"),
        org.camunda.bpm.engine.authorization.Permissions.ACCESS,
        org.camunda.bpm.engine.authorization.Resources.APPLICATION, "cockpit")).isTrue();
    // a group named like a level group's member cannot be made up: fm-* groups have no members
    assertThat(identity.createUserQuery().memberOfGroup("fm-county-eco").count()).isZero();
  }

  @Test
  void aGroupWithoutGrantsStillGrantsNothing() {
    identity.setAuthentication("stranger", List.of("no-grants", "450102"));
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("projectWarehousing")
        .count()).isZero();
  }

  @Test
  void aUnitGroupStillGrantsWhatItsLevelNeedsAndNoMore() {
    identity.setAuthentication("someone", List.of("no-grants", "450102-eco"));
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("projectWarehousing")
        .count()).isPositive();
    // a county reads no policy owner's review process
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("ruleSourceReview")
        .count()).isZero();
  }

  /** A database from an earlier release: the grants each division's groups held are removed. */
  @Test
  void grantsHeldDivisionByDivisionAreRemovedAtStartOthersStay() {
    var legacy = List.of(
        grant("450102-eco", org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION,
            "projectWarehousing", org.camunda.bpm.engine.authorization.Permissions.READ),
        grant("450102-eco", org.camunda.bpm.engine.authorization.Resources.APPLICATION, "tasklist",
            org.camunda.bpm.engine.authorization.Permissions.ACCESS),
        grant("450000-finance", org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE,
            "*", org.camunda.bpm.engine.authorization.Permissions.CREATE));
    var kept = List.of(
        grant("450102-eco", org.camunda.bpm.engine.authorization.Resources.TASK, "a-task-of-450102",
            org.camunda.bpm.engine.authorization.Permissions.READ),
        grant("450102-eco", org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION,
            "someOtherProcess", org.camunda.bpm.engine.authorization.Permissions.READ));
    try {
      sync.synchronise();
      for (var id : legacy) {
        assertThat(authorizations.createAuthorizationQuery().authorizationId(id).count()).as(id)
            .isZero();
      }
      for (var id : kept) {
        assertThat(authorizations.createAuthorizationQuery().authorizationId(id).count()).as(id)
            .isOne();
      }
      // and the county still has its rights, through its level-and-role group
      assertThat(authorizations.isUserAuthorized("u", List.of("450102-eco"),
          org.camunda.bpm.engine.authorization.Permissions.ACCESS,
          org.camunda.bpm.engine.authorization.Resources.APPLICATION, "tasklist")).isTrue();
      // "policy-owners" also fits the pattern of a unit group's id, but is none: it keeps the
      // right to deploy decision tables (once lost here, later policy-owner tests got 403)
      assertThat(authorizations.isUserAuthorized("u", List.of("policy-owners"),
          org.camunda.bpm.engine.authorization.Permissions.CREATE,
          org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT, "*")).isTrue();
    } finally {
      kept.forEach(authorizations::deleteAuthorization);
    }
  }

  String grant(String group, org.camunda.bpm.engine.authorization.Resource resource, String id,
      org.camunda.bpm.engine.authorization.Permission permission) {
    var auth = authorizations.createNewAuthorization(
        org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
    auth.setGroupId(group);
    auth.setResource(resource);
    auth.setResourceId(id);
    auth.addPermission(permission);
    return authorizations.saveAuthorization(auth).getId();
  }
}
