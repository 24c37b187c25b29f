package cn.fundmonitor.warehousing;

import static cn.fundmonitor.warehousing.AnnualSelectionProcess.*;

import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.platform.JsonVariables;
import cn.fundmonitor.project.ProjectReserveService;
import cn.fundmonitor.money.Yuan;
import cn.fundmonitor.project.Project;
import cn.fundmonitor.results.ResultFlag;
import cn.fundmonitor.results.ResultFlagService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Offers one province its warehoused, not yet chosen projects (the form's checklist). */
@Component
class ListCandidatesDelegate implements JavaDelegate {

  private final ProjectReserveService reserve;
  private final OrganisationService organisation;
  private final ResultFlagService results;

  ListCandidatesDelegate(ProjectReserveService reserve, OrganisationService organisation,
      ResultFlagService results) {
    this.reserve = reserve;
    this.organisation = organisation;
    this.results = results;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var province = PROVINCE_CODE.get(execution);
    var year = BUDGET_YEAR.get(execution);
    // GX 第二十二条、第二十九条: last year's results in the project's county, and the cut they suggest
    var flags = results.flagsWithin(year, province);
    List<Map<String, String>> options = reserve
        .selectionCandidates(province, year).stream()
        .map(p -> Map.of("value", p.code(), "label", p.code() + " " + p.name() + "（"
            + organisation.get(p.regionCode()).name() + "，" + p.direction().label() + "，"
            + p.requestedAmount().toWanText() + "）" + flagText(p, flags)))
        .toList();
    execution.setVariableLocal(CANDIDATE_PROJECTS.name(), JsonVariables.json(options));
    execution.setVariableLocal(SELECTED_PROJECTS.name(), JsonVariables.json(List.of()));
    execution.setVariableLocal(SELECTION_NOTE.name(), null);
    PROVINCE_NAME.setLocal(execution, organisation.get(province).name());
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
