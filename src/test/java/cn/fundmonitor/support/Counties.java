package cn.fundmonitor.support;

import cn.fundmonitor.organisation.CamundaOrganisationSync;
import cn.fundmonitor.organisation.Role;
import cn.fundmonitor.organisation.UnitGroup;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counties made for one test, with one user per department ({@code t-<code>-<role>}, password
 * {@link TestUsers#PASSWORD}): division-change tests rename and merge these, never the shared ones.
 */
@Component
public class Counties {

  private final JdbcClient jdbc;
  private final CamundaOrganisationSync sync;
  private final IdentityService identity;

  Counties(JdbcClient jdbc, CamundaOrganisationSync sync, IdentityService identity) {
    this.jdbc = jdbc;
    this.sync = sync;
    this.identity = identity;
  }

  public static String user(String code, Role role) {
    return "t-" + code + "-" + role.id();
  }

  /** Creates the county under {@code parent} (a city) unless it exists, with its groups and users. */
  public void create(String code, String name, String parent) {
    if (jdbc.sql("select count(*) from fm_division where code = ?").param(code).query(Integer.class)
        .single() == 0) {
      jdbc.sql("insert into fm_division (code, name, level, parent_code) values (?, ?, 'COUNTY', ?)")
          .params(code, name, parent).update();
      sync.synchronise();
    }
    for (var role : Role.values()) {
      var id = user(code, role);
      if (identity.createUserQuery().userId(id).count() == 0) {
        var user = identity.newUser(id);
        user.setPassword(TestUsers.PASSWORD);
        user.setFirstName(name);
        user.setLastName(role.label());
        // test users keep a short password; the password policy has its own test
        ((IdentityServiceImpl) identity).saveUser(user, true);
        identity.createMembership(id, UnitGroup.of(code, role).id());
      }
    }
  }
}
