package cn.fundmonitor.warehousing;

import cn.fundmonitor.money.Yuan;
import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.project.Project;
import cn.fundmonitor.project.ProjectCatalogue;
import cn.fundmonitor.results.ResultFlag;
import cn.fundmonitor.results.ResultFlagService;
import cn.fundmonitor.warehousing.AnnualSelectionProcess.Candidate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/** The checklist one province chooses next year's supported projects from. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SelectionCandidates {

  private final ProjectCatalogue catalogue;
  private final OrganisationService organisation;
  private final ResultFlagService results;

  /**
   * The province's warehoused, not yet chosen projects as the form's options, each with last
   * year's results in its county and the cut they suggest (GX 第二十二条、第二十九条).
   */
  List<Candidate> checklist(String province, int year) {
    var flags = results.flagsWithin(year, province);
    return catalogue.selectionCandidates(province, year).stream()
        .map(p -> new Candidate(p.code() + " " + p.name() + "（"
            + organisation.get(p.regionCode()).name() + "，" + p.direction().label() + "，"
            + p.requestedAmount().toWanText() + "）" + flagText(p, flags), p.code()))
        .toList();
  }

  /** The flags on the project's county, and the amount the cut would leave of its request. */
  private String flagText(Project p, List<ResultFlag> flags) {
    var county = organisation.get(p.regionCode());
    var own = flags.stream().filter(f -> organisation.isWithin(f.regionCode(), county.code())
        || organisation.isWithin(county.code(), f.regionCode())).toList();
    if (own.isEmpty()) {
      return "";
    }
    var percent = ResultFlagService.reductionOf(own);
    var text = new StringBuilder("【上年度结果：").append(String.join("；",
        own.stream().map(ResultFlag::describe).toList()));
    if (percent.signum() > 0) {
      var left = p.requestedAmount().amount().multiply(BigDecimal.valueOf(100).subtract(percent))
          .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
      text.append("；建议少安排").append(percent.toPlainString()).append("%，按申请额约 ")
          .append(Yuan.of(left).toWanText());
    }
    return text.append("（GX 第二十九条）】").toString();
  }
}
