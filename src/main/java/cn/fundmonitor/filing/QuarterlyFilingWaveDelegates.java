package cn.fundmonitor.filing;

import static cn.fundmonitor.filing.QuarterlyFilingProcess.*;

import cn.fundmonitor.money.Yuan;
import cn.fundmonitor.waves.Wave;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The thin delegates of quarterlyFilingWave and of the quarterlyFilingBatch instances it starts
 * (both open filings the same way): variables in, one service call, variables out.
 */
@Configuration(proxyBeanMethods = false)
class QuarterlyFilingWaveDelegates {

  /**
   * A quarter has begun: which quarter is filed; the quarter's projects are fixed into batches (so
   * money moving during the wave cannot shift them, issue 16), and one batch instance per batch
   * starts its filings in its own job, in parallel with the others.
   */
  @Bean
  JavaDelegate planWaveDelegate(FilingService filings, QuarterlyFilingSchedule schedule,
      MonitoringPointService points, Clock clock) {
    return execution -> {
      if (MONITORING_POINT_ID.get(execution) != null) {
        var point = points.get(MONITORING_POINT_ID.get(execution));
        var period = point.period();
        FILING_YEAR.set(execution, period.year());
        execution.setProcessBusinessKey("filing-" + period.period());
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
    };
  }

  /**
   * Starts one batch of filings in one transaction (its own job): the projects fixed into the batch
   * when the wave was planned, each filing opened at once, up to its first task, so tens of
   * thousands of projects cost a few hundred commits, not one each. A retried batch skips the
   * filings that exist (opened by an earlier run, or by another wave of the same quarter).
   */
  @Bean
  JavaDelegate startFilingBatchDelegate(FilingService filings, MonitoringPointService points) {
    return execution -> {
      var quarter = FilingPeriodVariables.read(execution, points);
      var runtime = execution.getProcessEngineServices().getRuntimeService();
      var wave = WAVE_ID.get(execution);
      int batch = BATCH_NUMBER.get(execution);
      int opened = 0;
      int alreadyOpen = 0;
      var projects = filings.waveBatch(wave, batch);
      var received = filings.receivedBy(projects);
      for (var project : projects) {
        if (open(runtime, filings, project, quarter, received.get(project))) {
          opened++;
        } else {
          alreadyOpen++;
        }
      }
      filings.batchDone(wave, batch, opened, alreadyOpen);
    };
  }

  /**
   * Are the wave's batches done? A batch is done when its instance has ended — normally, or
   * cancelled by an operator (the reconciliation then opens what it left). A failed batch (an
   * incident in Cockpit) keeps the wave waiting until it is retried.
   */
  @Bean
  JavaDelegate checkFilingBatchesDelegate() {
    return execution -> {
      var running = WAVE_ID.whereEquals(execution.getProcessEngineServices().getRuntimeService()
          .createProcessInstanceQuery().processDefinitionKey(BATCH_KEY),
          execution.getProcessInstanceId()).count();
      ALL_BATCHES_DONE.set(execution, running == 0);
    };
  }

  /**
   * Every project of the quarter has exactly one filing (MNR 第十一条): the quarter's projects are
   * read again now and any without its filing — funded while the wave ran — gets it here. The
   * counts planned / opened / added are recorded with the wave and logged.
   */
  @Bean
  JavaDelegate reconcileFilingWaveDelegate(FilingService filings, MonitoringPointService points) {
    return execution -> {
      var quarter = FilingPeriodVariables.read(execution, points);
      var runtime = execution.getProcessEngineServices().getRuntimeService();
      var added = new ArrayList<String>();
      var missing = quarter instanceof MonitoringPeriod point
          ? filings.withoutFiling(point, points.regions(points.get(point.pointId())))
          : filings.withoutFiling((Quarter) quarter);
      var received = filings.receivedBy(missing);
      for (var project : missing) {
        if (open(runtime, filings, project, quarter, received.get(project))) {
          added.add(project);
        }
      }
      var wave = filings.reconciled(execution.getProcessInstanceId(), added);
      WAVE_ADDED.set(execution, wave.addedCount());
    };
  }

  private static void startBatches(DelegateExecution execution, FilingPeriod period, Wave wave) {
    WAVE_PLANNED.set(execution, wave.plannedCount());
    WAVE_BATCHES.set(execution, wave.batchCount());
    var runtime = execution.getProcessEngineServices().getRuntimeService();
    for (int batch = 0; batch < wave.batchCount(); batch++) {
      runtime.createProcessInstanceByKey(BATCH_KEY)
          .businessKey(execution.getProcessBusinessKey() + "-" + batch)
          .setVariables(BATCH_NUMBER.putInto(WAVE_ID.putInto(FilingPeriodVariables.of(period),
              wave.id()), batch))
          .execute();
    }
  }

  /**
   * Opens the project's filing of the quarter (or monitoring point) unless it exists, with the
   * money it received as read for all the filings opened here; true if opened now.
   */
  private static boolean open(RuntimeService runtime, FilingService filings, String project,
      FilingPeriod q, Yuan received) {
    if (!filings.prepare(project, q)) {
      return false;
    }
    runtime.createProcessInstanceByKey(KEY).businessKey(q.key(project))
        .setVariables(RECEIVED_AT_OPENING.putTransientInto(
            PROJECT_CODE.putInto(FilingPeriodVariables.of(q), project), received))
        .execute();
    return true;
  }
}
