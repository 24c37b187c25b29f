package cn.fundmonitor.platform;

import cn.fundmonitor.organisation.CamundaOrganisationSync;
import cn.fundmonitor.organisation.DivisionLevel;
import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.organisation.Role;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who the caller is and what its pages may offer it (/tools/ shows only what the user may do):
 * its units by name, and the actions its groups allow. The server checks each action again.
 */
@RestController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CurrentUserApiController {

  static final String ADMIN_GROUP = "camunda-admin";

  private final OrganisationService organisation;
  private final IdentityService identity;

  @GetMapping("/api/me")
  Me me(@AuthenticationPrincipal CurrentUser user) {
    var groups = user.groupIds();
    var units = OrganisationService.unitGroups(groups).stream()
        .flatMap(g -> organisation.find(g.divisionCode()).stream()
            .map(d -> new Unit(g.id(), d.unitName(g.role()), d.code(), d.level().name(),
                g.role().id())))
        .toList();
    var admin = groups.contains(ADMIN_GROUP);
    var policyOwner = groups.contains(CamundaOrganisationSync.POLICY_OWNERS);
    var financeAbove = units.stream().anyMatch(u -> u.role().equals(Role.FINANCE.id())
        && (u.level().equals(DivisionLevel.PROVINCE.name())
            || u.level().equals(DivisionLevel.MINISTRY.name())));
    var account = identity.createUserQuery().userId(user.userId()).singleResult();
    var name = account == null ? user.userId()
        : String.join(" ", nonNull(account.getFirstName()), nonNull(account.getLastName())).strip();
    return new Me(user.userId(), name.isEmpty() ? user.userId() : name, units, admin, policyOwner,
        new May(admin || policyOwner, admin || financeAbove));
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }

  record Me(String userId, String name, List<Unit> units, boolean administrator,
      boolean policyOwner, May may) {}

  record Unit(String group, String name, String divisionCode, String level, String role) {}

  /** What the pages offer: rule sheets to policy owners, division changes to provinces and the ministry. */
  record May(boolean uploadRuleSheets, boolean fileDivisionChanges) {}
}
