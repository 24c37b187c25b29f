package cn.fundmonitor.filing;

import static cn.fundmonitor.filing.QuarterlyFilingProcess.*;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The end of the quarter's wave: wait for its batches, then reconcile. */
final class WaveDelegates {

  private WaveDelegates() {}

  /**
   * Are the wave's batches done? A batch is done when its instance has ended — normally, or
   * cancelled by an operator (the reconciliation then opens what it left). A failed batch (an
   * incident in Cockpit) keeps the wave waiting until it is retried.
   */
  @Component("checkFilingBatchesDelegate")
  static class CheckBatches implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      var running = execution.getProcessEngineServices().getRuntimeService()
          .createProcessInstanceQuery().processDefinitionKey(BATCH_KEY)
          .variableValueEquals(WAVE_ID.name(), execution.getProcessInstanceId()).count();
      ALL_BATCHES_DONE.set(execution, running == 0);
    }
  }

  /**
   * Every project of the quarter has exactly one filing (MNR 第十一条): the quarter's projects are
   * read again now and any without its filing — funded while the wave ran — gets it here. The
   * counts planned / opened / added are recorded with the wave and logged.
   */
  @Component("reconcileFilingWaveDelegate")
  static class Reconcile implements JavaDelegate {
    private final FilingService filings;
    private final MonitoringPointService points;

    Reconcile(FilingService filings, MonitoringPointService points) {
      this.filings = filings;
      this.points = points;
    }

    @Override
    public void execute(DelegateExecution execution) {
      var quarter = FilingPeriodVariables.read(execution, points);
      var runtime = execution.getProcessEngineServices().getRuntimeService();
      var added = new ArrayList<String>();
      var missing = quarter instanceof MonitoringPeriod point
          ? filings.withoutFiling(point, points.regions(points.get(point.pointId())))
          : filings.withoutFiling((Quarter) quarter);
      for (var project : missing) {
        if (StartFilingBatchDelegate.open(runtime, filings, project, quarter)) {
          added.add(project);
        }
      }
      var wave = filings.reconciled(execution.getProcessInstanceId(), added);
      WAVE_ADDED.set(execution, wave.addedCount());
    }
  }
}
