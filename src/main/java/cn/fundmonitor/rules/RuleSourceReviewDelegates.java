package cn.fundmonitor.rules;

import static cn.fundmonitor.rules.RuleSourceReviewProcess.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The thin delegates of ruleSourceReview: variables in, one service call, variables out. */
@Configuration(proxyBeanMethods = false)
class RuleSourceReviewDelegates {

  /**
   * Finds the rule documents that lapse soon and have not been put to the policy owners yet. The
   * reminder's business key names each document and its last day ({@code GX@2026-12-30}), so the
   * daily run asks once per document and date, whichever node runs it.
   */
  @Bean
  JavaDelegate findLapsingSourcesDelegate(RuleSources sources, Clock clock) {
    return execution -> {
      var today = LocalDate.now(clock);
      var fresh = sources.notYetReviewed(today,
          execution.getProcessEngineServices().getHistoryService());
      ANY_LAPSING.set(execution, !fresh.isEmpty());
      if (fresh.isEmpty()) {
        return;
      }
      execution.setProcessBusinessKey(fresh.stream().map(RuleSources::reviewKey)
          .collect(Collectors.joining(",")));
      LAPSES_ON.set(execution, fresh.get(0).lastDay());
      LAPSING_SUMMARY.set(execution, RuleSources.reminder(fresh, today));
    };
  }
}
