package cn.fundmonitor.correction;

import cn.fundmonitor.platform.ModelBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** When provinces report changes to transmitted data ({@code ${correctionReportSchedule.cron}}). */
@ModelBean
@Component("correctionReportSchedule")
public class CorrectionReportSchedule {

  private final String cron;

  CorrectionReportSchedule(@Value("${fundmonitor.correction.report-cron}") String cron) {
    this.cron = cron;
  }

  public String getCron() {
    return cron;
  }
}
