package cn.fundmonitor.filing;

import cn.fundmonitor.platform.ModelBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When each quarter's filings open (the wave's timer reads {@code ${quarterlyFilingSchedule.cron}}),
 * how many projects one batch starts in one transaction, and how often the wave looks whether its
 * batches are done ({@code ${quarterlyFilingSchedule.waveCheckInterval}}, an ISO-8601 duration).
 */
@ModelBean
@Component("quarterlyFilingSchedule")
public class QuarterlyFilingSchedule {

  private final String cron;
  private final int batchSize;
  private final String waveCheckInterval;

  QuarterlyFilingSchedule(@Value("${fundmonitor.filing.cron}") String cron,
      @Value("${fundmonitor.filing.batch-size}") int batchSize,
      @Value("${fundmonitor.filing.wave-check-interval:PT1M}") String waveCheckInterval) {
    this.cron = cron;
    this.batchSize = batchSize;
    this.waveCheckInterval = waveCheckInterval;
  }

  public String getCron() {
    return cron;
  }

  public int batchSize() {
    return batchSize;
  }

  public String getWaveCheckInterval() {
    return waveCheckInterval;
  }
}
