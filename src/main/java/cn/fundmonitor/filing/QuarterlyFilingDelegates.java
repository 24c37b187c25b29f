package cn.fundmonitor.filing;

import static cn.fundmonitor.filing.QuarterlyFilingProcess.*;

import cn.fundmonitor.common.Choices;
import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.platform.Actors;
import cn.fundmonitor.platform.DecisionTasks;
import cn.fundmonitor.platform.JsonVariables;
import cn.fundmonitor.project.ProjectCatalogue;
import cn.fundmonitor.project.ProjectTeams;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The thin delegates of quarterlyFiling: variables in, one service call, variables out. (Its
 * {@code raiseProblemDelegate} is still a class of its own, {@link RaiseProblemDelegate}.)
 */
@Configuration(proxyBeanMethods = false)
class QuarterlyFilingDelegates {

  /**
   * Opens one project's filing (in its batch's transaction): who files, who reviews, the deadline,
   * and the indicators to report on.
   */
  @Bean
  JavaDelegate openFilingDelegate(FilingService filings, ProjectCatalogue catalogue,
      ProjectTeams teams, OrganisationService organisation, MonitoringPointService points) {
    return execution -> {
      var quarter = FilingPeriodVariables.read(execution, points);
      var f = filings.open(execution.getProcessBusinessKey(), quarter,
          execution.getProcessInstanceId(), RECEIVED_AT_OPENING.get(execution));
      var project = catalogue.get(f.projectCode());
      var unit = project.applicantUnitCode();
      PROJECT_NAME.set(execution, project.name());
      APPLICANT_UNIT_NAME.set(execution, organisation.get(unit).name());
      FILING_UNIT.set(execution, unit);
      FILING_GROUPS.set(execution, teams.unitGroups(project));
      // the row's due date, not computed again: the timer and the table agree (FilingService.dueOn)
      FILING_DEADLINE.set(execution, f.dueOn().toString());
      PERIOD_LABEL.set(execution, quarter.label());
      FILING_STEP_NAME.set(execution, FilingTexts.taskName(TASK_FILE, "填报季度执行情况",
          quarter instanceof MonitoringPeriod));
      // GX 第二十五条、第二十六条: the quarter is measured against the year's annual targets
      var targets = catalogue.targetsFor(project.code(), quarter.year());
      FILING_CONTEXT.set(execution, FilingTexts.context(f, project.name(),
          filings.previousPaid(f)) + "\n考核目标：" + targets.label());
      var indicators = targets.indicators();
      INDICATOR_ACTUALS.set(execution, IntStream.range(0, indicators.size())
          .mapToObj(i -> new IndicatorActualRow(i + 1, indicators.get(i).name(),
              indicators.get(i).comparator().symbol() + " " + indicators.get(i).target().text(),
              indicators.get(i).unit() == null ? "" : indicators.get(i).unit(), "", false))
          .toList());
    };
  }

  /**
   * Names a monitoring point's filing tasks as the point's (填报监测时点执行情况, 省级审核监测时点填报;
   * MNR 第十一条: 其他填报时点，按要求执行): the diagram's names speak of quarters, and a point is
   * not one. A quarter's tasks keep the diagram's names.
   */
  @Bean
  TaskListener periodTaskNameListener() {
    return task -> task.setName(FilingTexts.taskName(task.getTaskDefinitionKey(), task.getName(),
        MONITORING_POINT_ID.get(task) != null));
  }

  /** Checks and records the unit's filing; hands the progress ratios to the execution warning. */
  @Bean
  JavaDelegate recordQuarterFilingDelegate(FilingService filings) {
    return execution -> {
      var sources = new HashMap<String, Object>();
      for (var source : FundSource.values()) {
        sources.put(source.name(), execution.getVariable(paidField(source)));
      }
      var facts = filings.file(execution.getProcessBusinessKey(), new RawFiling(PAID_TO_DATE.get(execution), sources, PHYSICAL_PROGRESS.get(execution), JsonVariables.rows(INDICATOR_ACTUALS.raw(execution))), Actors.current(execution));
      EXECUTION_PROGRESS.set(execution, facts.executionProgress());
      PHYSICAL_PROGRESS_RATIO.set(execution, facts.physicalProgressRatio());
      LOWEST_INDICATOR_PROGRESS.set(execution, facts.lowestIndicatorProgress());
      HIGHEST_INDICATOR_PROGRESS.set(execution, facts.highestIndicatorProgress());
      PROGRESS_REFERENCE.set(execution, facts.reference() == null ? null : facts.reference().name());
      ACTUAL_EXECUTION.set(execution, facts.actualExecution());
      REFERENCE_EXECUTION.set(execution, facts.referenceExecution());
      REFERENCE_PHYSICAL.set(execution, facts.referencePhysical());
    };
  }

  /**
   * Records the execution warning (资阳 绩效跟踪监控: 执行进度滞后的项目督促加快进度) with the reference
   * it was measured against, names its level in Chinese for the task cards and forms, and prepares
   * the province's review; a red warning's response is given its due date.
   */
  @Bean
  @SuppressWarnings("unchecked")
  JavaDelegate recordWarningDelegate(FilingService filings, ProjectCatalogue catalogue,
      ProjectTeams teams) {
    return execution -> {
      var key = execution.getProcessBusinessKey();
      List<Map<String, Object>> warnings = EXECUTION_WARNINGS.get(execution);
      var found = warnings == null ? List.<Map<String, Object>>of() : warnings;
      var facts = new ExecutionFacts(EXECUTION_PROGRESS.get(execution),
          PHYSICAL_PROGRESS_RATIO.get(execution), LOWEST_INDICATOR_PROGRESS.get(execution),
          HIGHEST_INDICATOR_PROGRESS.get(execution),
          ProgressReference.parse(PROGRESS_REFERENCE.get(execution)),
          ACTUAL_EXECUTION.get(execution), REFERENCE_EXECUTION.get(execution),
          REFERENCE_PHYSICAL.get(execution));
      var level = filings.recordWarning(key, found, facts);
      WARNING_LEVEL.set(execution, level);
      // what the filing unit's and the province's task cards and forms show (issue 17)
      WARNING_TEXT.set(execution, level == null ? "未预警" : WarningLevel.text(level));
      WARNING_DETAILS.set(execution, filings.get(key).warningDetails());
      if ("RED".equals(level)) {
        WARNING_RESPONSE_DEADLINE.set(execution, filings.warningResponseDueOn().toString());
        WARNING_RESPONSE_KIND.set(execution, null);
        WARNING_RESPONSE_TEXT.set(execution, null);
      }
      var actuals = filings.actuals(key);
      FILING_SUMMARY.set(execution,
          FilingTexts.summary(filings.get(key), filings.payments(key), actuals));
      QUALITATIVE_RATES.set(execution, actuals.stream()
          .filter(a -> !a.notYetDue() && a.completionRate() == null)
          .map(a -> new QualitativeRateRow(a.position(), a.indicator().name(),
              a.indicator().target().text(), a.actualText(), null))
          .toList());
      REVIEW_GROUP.set(execution,
          teams.reviewGroup(catalogue.get(filings.get(key).projectCode())).id());
      if (REVIEW_OUTCOME.get(execution) != null) {
        REVIEW_OUTCOME.set(execution, null);
        REVIEW_COMMENT.set(execution, null);
      }
    };
  }

  /**
   * Records the filing unit's answer to a red warning (资阳 三(三): 偏离目标的及时纠偏) and adds it to
   * what the province reads when it reviews.
   */
  @Bean
  JavaDelegate recordWarningResponseDelegate(FilingService filings) {
    return execution -> {
      var key = execution.getProcessBusinessKey();
      // raw: an unknown kind is reported with the text's problem, in one answer (FilingService)
      filings.recordWarningResponse(key,
          WarningResponseKind.of(WARNING_RESPONSE_KIND.raw(execution)),
          WARNING_RESPONSE_TEXT.get(execution), Actors.current(execution));
      // from the record, not from what the completion sent: the province reads what was decided
      var f = filings.get(key);
      WARNING_TEXT.set(execution, f.warningText());
      WARNING_DETAILS.set(execution, f.warningDetails() + "\n填报单位" + f.warningResponse());
    };
  }

  /** Refuses a review the gateway cannot route, or a return without its reason. */
  @Bean
  ExecutionListener quarterReviewListener() {
    var rule = new Choices.Decision<ReviewOutcome>("审核意见有误",
        "请选择：审核通过并传输至自然资源部，或退回修改", outcome -> outcome == ReviewOutcome.RETURN,
        "退回修改时必须填写审核意见", "审核意见");
    return execution -> DecisionTasks.check(execution, rule, REVIEW_OUTCOME, REVIEW_COMMENT);
  }

  /** The province transmits the reviewed filing to the ministry; it is locked from now on. */
  @Bean
  JavaDelegate transmitToMinistryDelegate(FilingService filings) {
    return execution -> filings.transmit(execution.getProcessBusinessKey(),
        JsonVariables.rows(QUALITATIVE_RATES.raw(execution)), Actors.current(execution));
  }

  /** The province returns the filing to the unit for correction. */
  @Bean
  JavaDelegate returnQuarterFilingDelegate(FilingService filings) {
    return execution -> filings.returnFiling(execution.getProcessBusinessKey(),
        REVIEW_COMMENT.get(execution), Actors.current(execution));
  }
}
