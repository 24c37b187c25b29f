package cn.fundmonitor.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;

/**
 * {@code fundmonitor.supervisor-grants.enabled} (issue 16: what the supervisors' grants of MNR
 * 第六条、第七条 cost is measured with them on and off): on by default, the engine makes them;
 * off, it grants as Camunda does and the backfill does nothing.
 */
class SupervisorGrantsSwitchTest {

  @SuppressWarnings("unchecked")
  final ObjectProvider<cn.fundmonitor.organisation.OrganisationService> organisation =
      org.mockito.Mockito.mock(ObjectProvider.class);

  @Test
  void mnr6_onTheEngineMakesTheSupervisorsGrants() {
    var configuration = new StandaloneInMemProcessEngineConfiguration();
    new SupervisorGrants(organisation, true).preInit(configuration);
    assertThat(configuration.getResourceAuthorizationProvider())
        .isInstanceOf(SupervisorGrants.Provider.class);
  }

  @Test
  void mnr6_offTheEngineGrantsAsCamundaDoesAndTheBackfillWritesNothing() {
    var configuration = new StandaloneInMemProcessEngineConfiguration();
    var before = configuration.getResourceAuthorizationProvider();
    var grants = new SupervisorGrants(organisation, false);
    grants.preInit(configuration);
    assertThat(configuration.getResourceAuthorizationProvider()).isSameAs(before)
        .satisfiesAnyOf(p -> assertThat(p).isNull(),
            p -> assertThat(p).isExactlyInstanceOf(DefaultAuthorizationProvider.class));
    var jdbc = org.mockito.Mockito.mock(org.springframework.jdbc.core.JdbcTemplate.class);
    new SupervisorGrantsBackfill(jdbc, null, null, null, grants).onStart();
    org.mockito.Mockito.verifyNoInteractions(jdbc);
  }
}
