package cn.fundmonitor.filing;

import static cn.fundmonitor.filing.QuarterlyFilingProcess.*;

import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * A quarter has begun: which quarter is filed; the quarter's projects are fixed into batches (so
 * money moving during the wave cannot shift them, issue 16), and one batch instance per batch
 * starts its filings in its own job, in parallel with the others.
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
    execution.setProcessBusinessKey("filing-" + quarter.period());
    var wave = filings.planWave(execution.getProcessInstanceId(), quarter, schedule.batchSize());
    WAVE_PLANNED.set(execution, wave.plannedCount());
    WAVE_BATCHES.set(execution, wave.batchCount());
    var runtime = execution.getProcessEngineServices().getRuntimeService();
    for (int batch = 0; batch < wave.batchCount(); batch++) {
      runtime.createProcessInstanceByKey(BATCH_KEY)
          .businessKey(execution.getProcessBusinessKey() + "-" + batch)
          .setVariables(Variables.createVariables()
              .putValue(FILING_YEAR.name(), quarter.year())
              .putValue(FILING_QUARTER.name(), quarter.quarter())
              .putValue(WAVE_ID.name(), wave.id()).putValue(BATCH_NUMBER.name(), batch))
          .execute();
    }
  }
}
