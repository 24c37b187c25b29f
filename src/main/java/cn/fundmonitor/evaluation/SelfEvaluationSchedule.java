package cn.fundmonitor.evaluation;

import cn.fundmonitor.platform.ModelBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When the year's self-evaluations open (the wave's timer reads
 * {@code ${selfEvaluationSchedule.cron}}) and how many projects one batch opens.
 */
@ModelBean
@Component("selfEvaluationSchedule")
public class SelfEvaluationSchedule {

  private final String cron;
  private final int batchSize;

  SelfEvaluationSchedule(@Value("${fundmonitor.evaluation.cron:0 0 1 2 1 ?}") String cron,
      @Value("${fundmonitor.evaluation.batch-size:100}") int batchSize) {
    this.cron = cron;
    this.batchSize = batchSize;
  }

  public String getCron() {
    return cron;
  }

  public int batchSize() {
    return batchSize;
  }
}
