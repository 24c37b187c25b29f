package cn.fundmonitor.results;

import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.platform.CurrentUser;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The results that flag a budget year's money (GX 第二十二条、第二十九条), as each unit may see them,
 * and the province's decision not to cut for one of them, with its reason.
 */
@RestController
@RequestMapping("/api/result-flags")
class ResultFlagApiController {

  private final ResultFlagService flags;
  private final OrganisationService organisation;

  ResultFlagApiController(ResultFlagService flags, OrganisationService organisation) {
    this.flags = flags;
    this.organisation = organisation;
  }

  @GetMapping
  List<ResultFlag> flags(@AuthenticationPrincipal CurrentUser user, @RequestParam int budgetYear) {
    return flags.visibleFlags(budgetYear, organisation.jurisdiction(user.groupIds()));
  }

  @PostMapping("/overrides")
  ResultFlag override(@AuthenticationPrincipal CurrentUser user, @RequestBody OverrideRequest body) {
    return flags.override(body.budgetYear(), body.projectCode(), body.reason(), user.userId(),
        user.groupIds());
  }

  record OverrideRequest(Object budgetYear, Object projectCode, Object reason) {}
}
