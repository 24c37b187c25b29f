package cn.fundmonitor.organisation;

import static cn.fundmonitor.organisation.DivisionLevel.CITY;
import static cn.fundmonitor.organisation.DivisionLevel.COUNTY;
import static cn.fundmonitor.organisation.DivisionLevel.MINISTRY;
import static cn.fundmonitor.organisation.DivisionLevel.PROVINCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fundmonitor.allocation.FundAllocationProcess;
import cn.fundmonitor.correction.DataCorrectionProcess;
import cn.fundmonitor.evaluation.OverallEvaluationProcess;
import cn.fundmonitor.evaluation.SelfEvaluationProcess;
import cn.fundmonitor.filing.MonitoringPointOpeningProcess;
import cn.fundmonitor.filing.QuarterlyFilingProcess;
import cn.fundmonitor.inspection.InspectionProcess;
import cn.fundmonitor.lifecycle.PlanAdjustmentProcess;
import cn.fundmonitor.lifecycle.ProjectLifecycleProcess;
import cn.fundmonitor.problems.ProblemEscalationProcess;
import cn.fundmonitor.rules.RuleSourceReviewProcess;
import cn.fundmonitor.support.FundMonitorTest;
import cn.fundmonitor.warehousing.AnnualSelectionProcess;
import cn.fundmonitor.warehousing.ProjectWarehousingProcess;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Tasklist grants the sync writes from what the features declare ({@link TasklistAccess}),
 * checked against the table the sync held itself before issue 18: every level's departments read
 * and start exactly what they did.
 */
@FundMonitorTest
class CamundaOrganisationSyncTest {

  @Autowired AuthorizationService authorizations;
  @Autowired CamundaOrganisationSync sync;

  /** The processes every unit reads (diagram and forms). */
  static final Set<String> READ_BY_EVERY_UNIT = Set.of(ProjectWarehousingProcess.KEY,
      AnnualSelectionProcess.KEY, FundAllocationProcess.KEY, QuarterlyFilingProcess.KEY,
      ProblemEscalationProcess.KEY, DataCorrectionProcess.KEY, DataCorrectionProcess.REPORT_KEY,
      SelfEvaluationProcess.KEY, ProjectLifecycleProcess.KEY, PlanAdjustmentProcess.KEY,
      InspectionProcess.KEY, OverallEvaluationProcess.KEY);

  /** Which department at which level starts what (GX 第十五条; MNR 第九条、第十一条、第十二条、第二十二条). */
  static Set<String> started(DivisionLevel level, Role role) {
    if (role == Role.FISCAL) {
      return Set.of();
    }
    var finance = role == Role.FINANCE;
    return switch (level) {
      case CITY, COUNTY -> finance
          ? Set.of(ProjectWarehousingProcess.KEY, ProblemEscalationProcess.KEY,
              DataCorrectionProcess.KEY, PlanAdjustmentProcess.KEY, FundAllocationProcess.KEY)
          : Set.of(ProjectWarehousingProcess.KEY, ProblemEscalationProcess.KEY,
              DataCorrectionProcess.KEY, PlanAdjustmentProcess.KEY);
      case PROVINCE -> finance
          ? Set.of(FundAllocationProcess.KEY, ProblemEscalationProcess.KEY, InspectionProcess.KEY,
              DataCorrectionProcess.KEY, OverallEvaluationProcess.KEY,
              MonitoringPointOpeningProcess.KEY)
          : Set.of(ProblemEscalationProcess.KEY);
      case MINISTRY -> finance
          ? Set.of(InspectionProcess.KEY, MonitoringPointOpeningProcess.KEY) : Set.of();
    };
  }

  @Test
  void everyLevelAndDepartmentReadsAndStartsWhatTheFeaturesDeclare() {
    for (var level : DivisionLevel.values()) {
      for (var role : Role.values()) {
        if (!role.existsAt(level)) {
          continue;
        }
        var group = GrantGroups.of(level, role);
        var starts = started(level, role);
        assertThat(definitions(group, ProcessDefinitionPermissions.CREATE_INSTANCE)).as(group)
            .containsExactlyInAnyOrderElementsOf(starts);
        assertThat(definitions(group, Permissions.READ)).as(group)
            .containsExactlyInAnyOrderElementsOf(Stream.concat(READ_BY_EVERY_UNIT.stream(),
                starts.stream()).collect(Collectors.toSet()));
        assertThat(authorizations.isUserAuthorized("u", List.of(group), Permissions.CREATE,
            Resources.PROCESS_INSTANCE, Authorization.ANY)).as(group).isEqualTo(!starts.isEmpty());
        assertThat(sync.startableBy(new Division("000000", "x", level, null), role))
            .as(group).containsExactlyInAnyOrderElementsOf(starts);
      }
    }
  }

  @Test
  void policyOwnersReadTheReviewOfLapsingRuleDocuments_gxArticle37() {
    assertThat(definitions(CamundaOrganisationSync.POLICY_OWNERS, Permissions.READ))
        .containsExactly(RuleSourceReviewProcess.KEY);
  }

  @Test
  void aFiscalDepartmentCannotBeDeclaredAStarter_gxArticle5() {
    assertThatThrownBy(() -> TasklistAccess.readByEveryUnit(FundAllocationProcess.KEY)
        .startedBy(Set.of(Role.FISCAL), CITY))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fiscal");
    assertThat(TasklistAccess.readByItsStarters(MonitoringPointOpeningProcess.KEY)
        .startedBy(Set.of(Role.FINANCE), PROVINCE))
        .satisfies(a -> assertThat(a.readableBy(PROVINCE, Role.FINANCE)).isTrue())
        .satisfies(a -> assertThat(a.readableBy(PROVINCE, Role.ECO)).isFalse())
        .satisfies(a -> assertThat(a.readableBy(COUNTY, Role.FINANCE)).isFalse())
        .satisfies(a -> assertThat(a.startableBy(MINISTRY, Role.FINANCE)).isFalse());
  }

  /** The process definitions (not "any") on which the group holds this permission. */
  private Set<String> definitions(String group, Permission permission) {
    return authorizations.createAuthorizationQuery().groupIdIn(group)
        .resourceType(Resources.PROCESS_DEFINITION).list().stream()
        .filter(a -> !Authorization.ANY.equals(a.getResourceId()))
        .filter(a -> a.isPermissionGranted(permission)).map(Authorization::getResourceId)
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
