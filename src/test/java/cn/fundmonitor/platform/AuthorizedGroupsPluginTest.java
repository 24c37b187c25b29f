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

  @AfterEach
  void logout() {
    identity.clearAuthentication();
  }

  @Test
  void theEngineUsesTheManagerThatDoesNotReadTheWholeTable() {
    var manager = configuration.getCommandExecutorTxRequired()
        .execute(context -> context.getAuthorizationManager());
    assertThat(manager).isInstanceOf(AuthorizedGroupsPlugin.UnfilteredGroupsAuthorizationManager.class);
    assertThat(manager.filterAuthenticatedGroupIds(List.of("450102-eco", "no-grants", "450102-eco")))
        .containsExactly("450102-eco", "no-grants");
    assertThat(manager.filterAuthenticatedGroupIds(null)).isEmpty();
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
}
