package cn.fundmonitor.evaluation;

import static cn.fundmonitor.organisation.DivisionLevel.PROVINCE;

import cn.fundmonitor.organisation.Role;
import cn.fundmonitor.organisation.TasklistAccess;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What evaluation offers in Tasklist: who reads and starts its processes. */
@Configuration(proxyBeanMethods = false)
class EvaluationTasklist {

  @Bean
  TasklistAccess projectSelfEvaluationAccess() {
    return TasklistAccess.readByEveryUnit(SelfEvaluationProcess.KEY);
  }

  /** GX 第二十八条: 自治区自然资源厅负责专项资金总体绩效评价 — its finance department starts it. */
  @Bean
  TasklistAccess overallEvaluationAccess() {
    return TasklistAccess.readByEveryUnit(OverallEvaluationProcess.KEY)
        .startedBy(Set.of(Role.FINANCE), PROVINCE);
  }
}
