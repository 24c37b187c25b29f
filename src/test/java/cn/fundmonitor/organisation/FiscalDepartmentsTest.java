package cn.fundmonitor.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.support.FundMonitorTest;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The fiscal departments are actors of their own (GX 第五条第二项、第四项): each province, city and
 * county has a {@code <code>-fiscal} group named as the authority is named — 自治区财政厅, 市财政局,
 * 县（区）财政局 — and the ministry's level has none.
 */
@FundMonitorTest
class FiscalDepartmentsTest {

  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;
  @Autowired OrganisationService organisation;
  @Autowired CamundaOrganisationSync sync;

  @Test
  void everyProvinceCityAndCountyHasAFiscalDepartmentGroup_gxArticle5() {
    assertThat(identity.createGroupQuery().groupId("450000-fiscal").singleResult().getName())
        .isEqualTo("广西壮族自治区财政厅");
    assertThat(identity.createGroupQuery().groupId("450100-fiscal").singleResult().getName())
        .isEqualTo("南宁市财政局");
    assertThat(identity.createGroupQuery().groupId("450102-fiscal").singleResult().getName())
        .isEqualTo("兴宁区财政局");
    assertThat(identity.createGroupQuery().groupId("000000-fiscal").count())
        .as("the ministry's level has no fiscal department").isZero();
    var divisionsBelowMinistry = organisation.all().stream().filter(d -> !d.isMinistry()).count();
    assertThat(identity.createGroupQuery().groupIdIn(organisation.all().stream()
            .filter(d -> !d.isMinistry()).map(d -> UnitGroup.of(d.code(), Role.FISCAL).id())
            .toArray(String[]::new)).count())
        .as("one per province, city and county").isEqualTo(divisionsBelowMinistry);
  }

  @Test
  void aFiscalGroupIsReadAsItsAuthorityNotAsANaturalResourcesDepartment_gxArticle5() {
    assertThat(UnitGroup.parse("450102-fiscal")).contains(UnitGroup.of("450102", Role.FISCAL));
    assertThat(organisation.groupName("450000-fiscal")).isEqualTo("广西壮族自治区财政厅");
    assertThat(organisation.groupName("450321-fiscal")).isEqualTo("阳朔县财政局");
    assertThat(organisation.groupName("450321-finance")).isEqualTo("阳朔县自然资源局 财务与资金运用股");
    assertThat(Role.FISCAL.existsAt(DivisionLevel.MINISTRY)).isFalse();
    assertThat(Role.FISCAL.existsAt(DivisionLevel.COUNTY)).isTrue();
    assertThat(Role.FINANCE.existsAt(DivisionLevel.MINISTRY)).isTrue();
  }

  @Test
  void aFiscalDepartmentUsesTasklistButStartsNoWorkflow_gxArticle5() {
    // what the engine decides for a member of the unit group (the grants themselves are held by
    // the level-and-role groups the engine adds: GrantGroups)
    for (var group : new String[] {"450000-fiscal", "450100-fiscal", "450102-fiscal"}) {
      var groups = java.util.List.of(group);
      assertThat(authorizations.isUserAuthorized("fiscal-member", groups, Permissions.ACCESS,
          Resources.APPLICATION, "tasklist")).as(group + " opens Tasklist").isTrue();
      for (var key : java.util.List.of("fundAllocation", "projectWarehousing", "problemEscalation",
          "dataCorrection", "planAdjustment", "overallEvaluation", "projectLifecycle")) {
        assertThat(authorizations.isUserAuthorized("fiscal-member", groups,
            ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, key))
            .as(group + " starts no " + key + ": it reviews, issues and approves").isFalse();
      }
      assertThat(authorizations.isUserAuthorized("fiscal-member", groups, Permissions.CREATE,
          Resources.PROCESS_INSTANCE, Authorization.ANY)).as(group + " creates no instances").isFalse();
    }
    // the same questions for a county's finance office answer yes: the checks can tell
    assertThat(authorizations.isUserAuthorized("finance-member", java.util.List.of("450102-finance"),
        ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION,
        "projectWarehousing")).isTrue();
    assertThat(authorizations.isUserAuthorized("finance-member", java.util.List.of("450102-finance"),
        Permissions.CREATE, Resources.PROCESS_INSTANCE, Authorization.ANY)).isTrue();
    var guangxi = organisation.get("450000");
    assertThat(sync.startableBy(guangxi, Role.FISCAL)).isEmpty();
    assertThat(sync.startableBy(guangxi, Role.FINANCE)).contains("fundAllocation");
  }
}
