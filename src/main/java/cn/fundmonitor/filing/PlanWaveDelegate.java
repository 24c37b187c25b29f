package cn.fundmonitor.filing;

import static cn.fundmonitor.filing.QuarterlyFilingProcess.*;

import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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
  private final MonitoringPointService points;
  private final Clock clock;

  PlanWaveDelegate(FilingService filings, QuarterlyFilingSchedule schedule,
      MonitoringPointService points, Clock clock) {
    this.points = points;
    this.filings = filings;
    this.schedule = schedule;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (MONITORING_POINT_ID.get(execution) != null) {
      var point = points.get(MONITORING_POINT_ID.get(execution));
      var period = point.period();
      FILING_YEAR.set(execution, period.year());
      execution.setProcessBusinessKey("filing-" + period.period());
      points.waveStarted(point.id(), execution.getProcessInstanceId());
      startBatches(execution, period, filings.planWave(execution.getProcessInstanceId(), period,
          points.regions(point), schedule.batchSize()));
      return;
    }
    var quarter = FILING_YEAR.get(execution) == null
        ? Quarter.endedBefore(LocalDate.now(clock))
        : new Quarter(FILING_YEAR.get(execution), FILING_QUARTER.get(execution));
    FILING_YEAR.set(execution, quarter.year());
    FILING_QUARTER.set(execution, quarter.quarter());
    execution.setProcessBusinessKey("filing-" + quarter.period());
    startBatches(execution, quarter, filings.planWave(execution.getProcessInstanceId(), quarter,
        schedule.batchSize()));
  }

  private static void startBatches(DelegateExecution execution, FilingPeriod period,
      cn.fundmonitor.waves.Wave wave) {
    WAVE_PLANNED.set(execution, wave.plannedCount());
    WAVE_BATCHES.set(execution, wave.batchCount());
    var runtime = execution.getProcessEngineServices().getRuntimeService();
    for (int batch = 0; batch < wave.batchCount(); batch++) {
      runtime.createProcessInstanceByKey(BATCH_KEY)
          .businessKey(execution.getProcessBusinessKey() + "-" + batch)
          .setVariables(FilingPeriodVariables.of(period)
              .putValue(WAVE_ID.name(), wave.id()).putValue(BATCH_NUMBER.name(), batch))
          .execute();
    }
  }
}
