package cn.fundmonitor.evaluation;

import static cn.fundmonitor.evaluation.SelfEvaluationProcess.*;

import cn.fundmonitor.platform.ProcessVariables;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The thin delegates of selfEvaluationWave: variables in, one service call, variables out. */
@Configuration(proxyBeanMethods = false)
class SelfEvaluationWaveDelegates {

  /**
   * Which year ended; the year's projects fixed into batches (issue 16), one batch per
   * multi-instance element, each its own job.
   */
  @Bean
  JavaDelegate planEvaluationsDelegate(SelfEvaluationService evaluations,
      SelfEvaluationSchedule schedule, Clock clock) {
    return execution -> {
      var year = EVALUATION_YEAR.get(execution) == null ? LocalDate.now(clock).getYear() - 1
          : EVALUATION_YEAR.get(execution);
      EVALUATION_YEAR.set(execution, year);
      execution.setProcessBusinessKey("evaluation-" + year);
      var wave = evaluations.planWave(execution.getProcessInstanceId(), year, schedule.batchSize());
      BATCHES.set(execution, IntStream.range(0, wave.batchCount()).boxed().toList());
      WAVE_PLANNED.set(execution, wave.plannedCount());
    };
  }

  /**
   * Opens one batch of evaluations (the projects fixed into it at planning) in one transaction; a
   * retried batch skips the evaluations that exist.
   */
  @Bean
  JavaDelegate startEvaluationBatchDelegate(SelfEvaluationService evaluations) {
    return execution -> {
      int year = EVALUATION_YEAR.get(execution);
      var runtime = execution.getProcessEngineServices().getRuntimeService();
      var wave = execution.getProcessInstanceId();
      int batch = BATCH_NUMBER.get(execution);
      int opened = 0;
      int alreadyOpen = 0;
      for (var project : evaluations.waveBatch(wave, batch)) {
        if (open(runtime, evaluations, project, year)) {
          opened++;
        } else {
          alreadyOpen++;
        }
      }
      evaluations.batchDone(wave, batch, opened, alreadyOpen);
    };
  }

  /**
   * Every project funded in the year has exactly one evaluation (GX 第二十八条): the year's
   * projects are read again once every batch is done, and any without its evaluation — funded
   * while the wave ran — gets it here; the counts are recorded with the wave and logged.
   */
  @Bean
  JavaDelegate reconcileEvaluationsDelegate(SelfEvaluationService evaluations) {
    return execution -> {
      int year = EVALUATION_YEAR.get(execution);
      var runtime = execution.getProcessEngineServices().getRuntimeService();
      var added = new ArrayList<String>();
      for (var project : evaluations.withoutEvaluation(year)) {
        if (open(runtime, evaluations, project, year)) {
          added.add(project);
        }
      }
      var wave = evaluations.reconciled(execution.getProcessInstanceId(), added);
      WAVE_ADDED.set(execution, wave.addedCount());
    };
  }

  /** Opens the project's evaluation of the year unless it exists; true if opened now. */
  private static boolean open(RuntimeService runtime, SelfEvaluationService evaluations,
      String project, int year) {
    if (!evaluations.prepare(project, year)) {
      return false;
    }
    runtime.createProcessInstanceByKey(KEY).businessKey(SelfEvaluation.key(project, year))
        .setVariables(ProcessVariables.builder().set(EVALUATION_YEAR, year)
            .set(PROJECT_CODE, project).build())
        .execute();
    return true;
  }
}
