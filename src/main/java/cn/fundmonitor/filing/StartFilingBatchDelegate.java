package cn.fundmonitor.filing;

import static cn.fundmonitor.filing.QuarterlyFilingProcess.*;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Starts one batch of filings in one transaction (its own job): the projects fixed into the batch
 * when the wave was planned, each filing opened at once, up to its first task, so tens of thousands
 * of projects cost a few hundred commits, not one each. A retried batch skips the filings that
 * exist (opened by an earlier run, or by another wave of the same quarter).
 */
@Component
class StartFilingBatchDelegate implements JavaDelegate {

  private final FilingService filings;
  private final MonitoringPointService points;

  StartFilingBatchDelegate(FilingService filings, MonitoringPointService points) {
    this.filings = filings;
    this.points = points;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var quarter = FilingPeriodVariables.read(execution, points);
    var runtime = execution.getProcessEngineServices().getRuntimeService();
    var wave = WAVE_ID.get(execution);
    int batch = BATCH_NUMBER.get(execution);
    int opened = 0;
    int alreadyOpen = 0;
    for (var project : filings.waveBatch(wave, batch)) {
      if (open(runtime, filings, project, quarter)) {
        opened++;
      } else {
        alreadyOpen++;
      }
    }
    filings.batchDone(wave, batch, opened, alreadyOpen);
  }

  /**
   * Opens the project's filing of the quarter (or monitoring point) unless it exists; true if
   * opened now.
   */
  static boolean open(RuntimeService runtime, FilingService filings, String project, FilingPeriod q) {
    if (!filings.prepare(project, q)) {
      return false;
    }
    runtime.createProcessInstanceByKey(KEY).businessKey(q.key(project))
        .setVariables(FilingPeriodVariables.of(q).putValue(PROJECT_CODE.name(), project))
        .execute();
    return true;
  }
}
