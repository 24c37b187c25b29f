package cn.fundmonitor.filing;

import static cn.fundmonitor.filing.QuarterlyFilingProcess.*;

import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * A quarter has begun: which quarter is filed; one batch instance per page of funded projects,
 * each starting its filings in its own job, in parallel with the others.
 */
@Component
class PlanWaveDelegate implements JavaDelegate {

  private final FilingService filings;
  private final QuarterlyFilingSchedule schedule;
  private final Clock clock;

  PlanWaveDelegate(FilingService filings, QuarterlyFilingSchedule schedule, Clock clock) {
    this.filings = filings;
    this.schedule = schedule;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var quarter = FILING_YEAR.get(execution) == null
        ? Quarter.endedBefore(LocalDate.now(clock))
        : new Quarter(FILING_YEAR.get(execution), FILING_QUARTER.get(execution));
    FILING_YEAR.set(execution, quarter.year());
    FILING_QUARTER.set(execution, quarter.quarter());
    execution.setProcessBusinessKey("filing-" + quarter.year() + "Q" + quarter.quarter());
    var size = schedule.batchSize();
    var runtime = execution.getProcessEngineServices().getRuntimeService();
    for (int offset = 0, total = filings.countFunded(); offset < total; offset += size) {
      runtime.createProcessInstanceByKey(BATCH_KEY)
          .businessKey(execution.getProcessBusinessKey() + "-" + offset)
          .setVariables(Variables.createVariables()
              .putValue(FILING_YEAR.name(), quarter.year())
              .putValue(FILING_QUARTER.name(), quarter.quarter())
              .putValue(BATCH_OFFSET.name(), offset).putValue(BATCH_SIZE.name(), size))
          .execute();
    }
  }
}
