package cn.fundmonitor.warehousing;

import static cn.fundmonitor.warehousing.AnnualSelectionProcess.*;

import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.platform.Actors;
import cn.fundmonitor.platform.JsonVariables;
import cn.fundmonitor.project.ProjectCatalogue;
import cn.fundmonitor.project.ProjectWarehousing;
import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The thin delegates of annualProjectSelection: variables in, one service call, variables out. */
@Configuration(proxyBeanMethods = false)
class AnnualSelectionDelegates {

  /** Finds the provinces that have warehoused projects to choose from for the budget year. */
  @Bean
  JavaDelegate prepareSelectionDelegate(ProjectCatalogue catalogue,
      AnnualSelectionSchedule schedule) {
    return execution -> {
      var year = BUDGET_YEAR.get(execution);
      if (year == null) {
        year = schedule.nextBudgetYear();
        BUDGET_YEAR.set(execution, year);
      }
      if (execution.getProcessBusinessKey() == null) {
        execution.setProcessBusinessKey("selection-" + year);
      }
      PROVINCE_CODES.set(execution, catalogue.provincesWithCandidates(year));
      SELECTION_DUE_DATE.set(execution, schedule.dueDate());
    };
  }

  /**
   * Offers one province its warehoused, not yet chosen projects (the form's checklist), with last
   * year's results in the project's county and the cut they suggest (GX 第二十二条、第二十九条).
   */
  @Bean
  JavaDelegate listCandidatesDelegate(SelectionCandidates candidates,
      OrganisationService organisation) {
    return execution -> {
      var province = PROVINCE_CODE.get(execution);
      var options = candidates.checklist(province, BUDGET_YEAR.get(execution));
      CANDIDATE_PROJECTS.setLocal(execution, options);
      SELECTED_PROJECTS.setLocal(execution, JsonVariables.json(List.of()));
      SELECTION_NOTE.setLocal(execution, null);
      PROVINCE_NAME.setLocal(execution, organisation.get(province).name());
    };
  }

  /** Records the province's choice of next year's supported projects. */
  @Bean
  JavaDelegate recordSelectionDelegate(ProjectWarehousing warehousing) {
    return execution -> warehousing.select(PROVINCE_CODE.get(execution), BUDGET_YEAR.get(execution),
        codes(SELECTED_PROJECTS.get(execution)), Actors.current(execution),
        SELECTION_NOTE.get(execution));
  }

  private static List<String> codes(Object value) {
    try {
      return JsonVariables.strings(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("遴选结果有误", "所选项目应为项目编码列表");
    }
  }
}
