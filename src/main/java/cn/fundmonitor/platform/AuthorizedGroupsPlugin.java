package cn.fundmonitor.platform;

import cn.fundmonitor.organisation.GrantGroups;
import cn.fundmonitor.organisation.OrganisationService;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Authorization checks without reading the whole authorization table first (issue 16). Before
 * each check for a logged-in user, Camunda 7.24 narrows the user's groups to those that hold any
 * authorization, and to know them it runs {@code select distinct GROUP_ID_ from
 * ACT_RU_AUTHORIZATION} once per command: with the national tree (12,800 groups, hundreds of
 * thousands of rows) that query alone took 75-89 ms of every REST call (a known open Camunda
 * issue).
 *
 * <p>The narrowing is only an optimisation: a group that holds no authorization matches no row
 * of the checks' {@code GROUP_ID_ in (…)}, so passing all of the user's groups (a handful) grants
 * and refuses exactly what the narrowed list does. What a user may do is unchanged — the security
 * tests (HostileUserMatrixTest, JurisdictionGuardTest, …) hold that line.
 *
 * <p>It is also where a unit group's level-and-role group joins the check ({@link GrantGroups}):
 * the grants every county's department needs are held once, by {@code fm-county-eco}, not 3,200
 * times.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class AuthorizedGroupsPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<OrganisationService> organisation;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setIdentityService(new GrantGroupsInAuthentication(organisation));
    if (configuration.getCustomSessionFactories() == null) {
      configuration.setCustomSessionFactories(new ArrayList<>());
    }
    configuration.getCustomSessionFactories().add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class;
      }

      @Override
      public Session openSession() {
        return new UnfilteredGroupsAuthorizationManager(organisation.getObject());
      }
    });
  }

  /**
   * The level-and-role groups also in the authentication itself: Cockpit's own queries (the
   * process list, an instance's incidents, a definition's instances — {@code
   * AbstractCockpitPluginResource}) build their authorization check from the authentication's
   * group ids, not through the authorization manager above, so without them a province or the
   * ministry saw "12 个已部署的流程定义" over an empty list (issue 17). The groups hold no members
   * and name no task's candidates, so nothing else a user's groups decide changes.
   */
  static class GrantGroupsInAuthentication extends org.camunda.bpm.engine.impl.IdentityServiceImpl {
    private final ObjectProvider<OrganisationService> organisation;

    GrantGroupsInAuthentication(ObjectProvider<OrganisationService> organisation) {
      this.organisation = organisation;
    }

    @Override
    public void setAuthentication(org.camunda.bpm.engine.impl.identity.Authentication auth) {
      if (auth == null || auth.getGroupIds() == null || auth.getGroupIds().isEmpty()) {
        super.setAuthentication(auth);
        return;
      }
      super.setAuthentication(new org.camunda.bpm.engine.impl.identity.Authentication(
          auth.getUserId(), GrantGroups.withGrantGroups(auth.getGroupIds(), organisation.getObject()),
          auth.getTenantIds()));
    }
  }

  /**
   * Camunda's authorization manager, minus the whole-table read of authorized group ids, plus the
   * level-and-role groups ({@link GrantGroups}) of the user's unit groups: every authorization
   * check (single checks and the checks inside queries) asks for the groups here.
   */
  static class UnfilteredGroupsAuthorizationManager extends AuthorizationManager {
    private final OrganisationService organisation;

    UnfilteredGroupsAuthorizationManager(OrganisationService organisation) {
      this.organisation = organisation;
    }

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
        return new ArrayList<>();
      }
      return GrantGroups.withGrantGroups(new LinkedHashSet<>(authenticatedGroupIds), organisation);
    }
  }
}
