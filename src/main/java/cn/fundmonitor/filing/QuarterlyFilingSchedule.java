package cn.fundmonitor.filing;

import cn.fundmonitor.platform.ModelBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When each quarter's filings open (the wave's timer reads {@code ${quarterlyFilingSchedule.cron}})
 * and how many projects one batch starts in one transaction.
 */
@ModelBean
@Component("quarterlyFilingSchedule")
public class QuarterlyFilingSchedule {

  private final String cron;
  private final int batchSize;

  QuarterlyFilingSchedule(@Value("${fundmonitor.filing.cron}") String cron,
      @Value("${fundmonitor.filing.batch-size}") int batchSize) {
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
