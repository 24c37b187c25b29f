package cn.fundmonitor.warehousing;

import static cn.fundmonitor.warehousing.AnnualSelectionProcess.*;

import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.platform.JsonVariables;
import cn.fundmonitor.project.ProjectReserveService;
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

  ListCandidatesDelegate(ProjectReserveService reserve, OrganisationService organisation) {
    this.reserve = reserve;
    this.organisation = organisation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var province = PROVINCE_CODE.get(execution);
    List<Map<String, String>> options = reserve
        .selectionCandidates(province, BUDGET_YEAR.get(execution)).stream()
        .map(p -> Map.of("value", p.code(), "label", p.code() + " " + p.name() + "（"
            + organisation.get(p.regionCode()).name() + "，" + p.direction().label() + "，"
            + p.requestedAmount().toWanText() + "）"))
        .toList();
    execution.setVariableLocal(CANDIDATE_PROJECTS.name(), JsonVariables.json(options));
    execution.setVariableLocal(SELECTED_PROJECTS.name(), JsonVariables.json(List.of()));
    execution.setVariableLocal(SELECTION_NOTE.name(), null);
    PROVINCE_NAME.setLocal(execution, organisation.get(province).name());
  }
}
