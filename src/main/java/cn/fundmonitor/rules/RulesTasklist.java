package cn.fundmonitor.rules;

import cn.fundmonitor.organisation.TasklistAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What rules offers in Tasklist: the policy owners' review of lapsing rule documents. */
@Configuration(proxyBeanMethods = false)
class RulesTasklist {

  /** The review of tables whose rule document lapses (GX 第三十七条), the policy owners' only. */
  @Bean
  TasklistAccess ruleSourceReviewAccess() {
    return TasklistAccess.readByPolicyOwners(RuleSourceReviewProcess.KEY);
  }
}
