package cn.fundmonitor.filing;

import static cn.fundmonitor.filing.QuarterlyFilingProcess.*;

import cn.fundmonitor.platform.JsonVariables;
import cn.fundmonitor.project.ProjectReserveService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the execution warning (资阳 绩效跟踪监控: 执行进度滞后的项目督促加快进度) with the reference
 * it was measured against, names its level in Chinese for the task cards and forms, and prepares
 * the province's review; a red warning's response is given its due date.
 */
@Component
class RecordWarningDelegate implements JavaDelegate {

  private final FilingService filings;
  private final ProjectReserveService reserve;

  RecordWarningDelegate(FilingService filings, ProjectReserveService reserve) {
    this.filings = filings;
    this.reserve = reserve;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void execute(DelegateExecution execution) {
    var key = execution.getProcessBusinessKey();
    List<Map<String, Object>> warnings = EXECUTION_WARNINGS.get(execution);
    var found = warnings == null ? List.<Map<String, Object>>of() : warnings;
    var facts = new ExecutionFacts(EXECUTION_PROGRESS.get(execution),
        PHYSICAL_PROGRESS_RATIO.get(execution), LOWEST_INDICATOR_PROGRESS.get(execution),
        HIGHEST_INDICATOR_PROGRESS.get(execution),
        ProgressReference.parse(PROGRESS_REFERENCE.get(execution)), ACTUAL_EXECUTION.get(execution),
        REFERENCE_EXECUTION.get(execution), REFERENCE_PHYSICAL.get(execution));
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
    execution.setVariable(QUALITATIVE_RATES.name(), JsonVariables.json(actuals.stream()
        .filter(a -> !a.notYetDue() && a.completionRate() == null)
        .map(a -> {
          var row = new LinkedHashMap<String, Object>();
          row.put("position", a.position());
          row.put("name", a.indicator().name());
          row.put("target", a.indicator().target().text());
          row.put("actual", a.actualText());
          row.put("rate", null);
          return row;
        }).toList()));
    REVIEW_GROUP.set(execution, reserve.reviewGroup(reserve.get(filings.get(key).projectCode())).id());
    if (execution.hasVariable(REVIEW_OUTCOME.name())) {
      REVIEW_OUTCOME.set(execution, null);
      REVIEW_COMMENT.set(execution, null);
    }
  }
}
