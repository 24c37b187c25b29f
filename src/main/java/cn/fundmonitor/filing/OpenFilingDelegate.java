package cn.fundmonitor.filing;

import static cn.fundmonitor.filing.QuarterlyFilingProcess.*;

import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.organisation.Role;
import cn.fundmonitor.organisation.UnitGroup;
import cn.fundmonitor.platform.JsonVariables;
import cn.fundmonitor.project.ProjectReserveService;
import java.util.LinkedHashMap;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Opens one project's filing (in its batch's transaction): who files, who reviews, the deadline,
 * and the indicators to report on.
 */
@Component
class OpenFilingDelegate implements JavaDelegate {

  private final FilingService filings;
  private final ProjectReserveService reserve;
  private final OrganisationService organisation;
  private final MonitoringPointService points;

  OpenFilingDelegate(FilingService filings, ProjectReserveService reserve,
      OrganisationService organisation, MonitoringPointService points) {
    this.points = points;
    this.filings = filings;
    this.reserve = reserve;
    this.organisation = organisation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var quarter = FilingPeriodVariables.read(execution, points);
    var f = filings.open(execution.getProcessBusinessKey(), quarter,
        execution.getProcessInstanceId());
    var project = reserve.get(f.projectCode());
    var unit = project.applicantUnitCode();
    var role = project.direction().reviewingRole();
    PROJECT_NAME.set(execution, project.name());
    APPLICANT_UNIT_NAME.set(execution, organisation.get(unit).name());
    FILING_UNIT.set(execution, unit);
    FILING_GROUPS.set(execution, UnitGroup.of(unit, Role.FINANCE).id() + ","
        + UnitGroup.of(unit, role).id());
    FILING_DEADLINE.set(execution, quarter.nominalDueDate().toString());
    PERIOD_LABEL.set(execution, quarter.label());
    FILING_STEP_NAME.set(execution, FilingTexts.taskName(TASK_FILE, "填报季度执行情况",
        quarter instanceof MonitoringPeriod));
    // GX 第二十五条、第二十六条: the quarter is measured against the year's annual targets
    var targets = reserve.targetsFor(project.code(), quarter.year());
    FILING_CONTEXT.set(execution, FilingTexts.context(f, project.name(),
        filings.previousPaid(f)) + "\n考核目标：" + targets.label());
    var indicators = targets.indicators();
    execution.setVariable(INDICATOR_ACTUALS.name(), JsonVariables.json(IntStream
        .range(0, indicators.size()).mapToObj(i -> {
          var row = new LinkedHashMap<String, Object>();
          row.put("position", i + 1);
          row.put("name", indicators.get(i).name());
          row.put("target", indicators.get(i).comparator().symbol() + " "
              + indicators.get(i).target().text());
          row.put("unit", indicators.get(i).unit() == null ? "" : indicators.get(i).unit());
          row.put("actual", "");
          row.put("notYetDue", false);
          return row;
        }).toList()));
  }
}
