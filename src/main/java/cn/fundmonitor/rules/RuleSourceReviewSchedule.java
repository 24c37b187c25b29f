package cn.fundmonitor.rules;

import cn.fundmonitor.platform.ModelBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** When the rule documents' validity is checked ({@code ${ruleSourceReviewSchedule.cron}}). */
@ModelBean
@Component("ruleSourceReviewSchedule")
public class RuleSourceReviewSchedule {

  private final String cron;

  RuleSourceReviewSchedule(@Value("${fundmonitor.rules.review-cron:0 30 8 * * ?}") String cron) {
    this.cron = cron;
  }

  public String getCron() {
    return cron;
  }
}
