package cn.fundmonitor.results;

import cn.fundmonitor.common.Inputs;
import cn.fundmonitor.common.Problems;
import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.platform.CurrentUser;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
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
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ResultFlagApiController {

  private final ResultFlagService flags;
  private final OrganisationService organisation;

  @GetMapping
  List<ResultFlag> flags(@AuthenticationPrincipal CurrentUser user, @RequestParam int budgetYear) {
    return flags.visibleFlags(budgetYear, organisation.jurisdiction(user.groupIds()));
  }

  @PostMapping("/overrides")
  ResultFlag override(@AuthenticationPrincipal CurrentUser user, @RequestBody OverrideRequest body) {
    return flags.override(body.decision(), user.userId(), user.groupIds());
  }

  /** The decision as the client sent it. */
  record OverrideRequest(Object budgetYear, Object projectCode, Object reason) {

    /** Read once, here; every problem at its field. */
    ResultFlagService.Decision decision() {
      var problems = new Problems();
      var year = Inputs.budgetYear(budgetYear, problems.at("budgetYear"));
      var code = Inputs.text(projectCode);
      if (code == null) {
        problems.add("projectCode", "请填写项目编码");
      }
      var why = Inputs.optionalText(reason, "不予扣减的理由", ResultFlagService.MAX_REASON,
          problems.at("reason"));
      if (why == null && problems.at("reason").isEmpty()) {
        problems.add("reason", "请填写不予扣减的理由（省级决定不按结果扣减时须说明理由）");
      }
      problems.throwIfAny("不予扣减的决定有误");
      return new ResultFlagService.Decision(year, code, why);
    }
  }
}
