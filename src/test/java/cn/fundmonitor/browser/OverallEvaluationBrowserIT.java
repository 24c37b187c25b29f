package cn.fundmonitor.browser;

import static cn.fundmonitor.evaluation.OverallEvaluationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * overallEvaluation (专项资金总体绩效评价, GX 第二十八条) in Tasklist as its own users: Guangxi's
 * finance department starts it and writes the conclusion, 广西壮族自治区财政厅 receives the result.
 */
@BrowserTest
class OverallEvaluationBrowserIT {

  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;

  @Test
  void theProvinceReportsItsOverallEvaluationAndTheFiscalDepartmentReceivesIt_gxArticle28(
      Tasklist tasklist) {
    var conclusion = "全区专项资金项目总体完成年度绩效目标，资金使用规范。";

    tasklist.login("guangxi-finance").startProcess("专项资金总体绩效评价").fill("评价年度", "2024").start();
    var key = businessKey("450000", 2024);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).count()).isOne();

    tasklist.openTask("撰写专项资金总体绩效评价", "专项资金总体绩效评价").claim();
    assertThat(tasklist.field("本年度项目自评汇总").inputValue())
        .startsWith("广西壮族自治区 2024 年度项目绩效自评");
    tasklist.fill("总体绩效评价结论", conclusion).complete();

    // GX 第二十八条: 评价结果报自治区财政厅
    tasklist.logout().login("guangxi-fiscal").openTask("财政厅接收总体绩效评价结果", "专项资金总体绩效评价")
        .claim();
    assertThat(tasklist.field("总体绩效评价结论").inputValue()).isEqualTo(conclusion);
    tasklist.radio("绩效再评价", "不开展再评价").fill("意见", "已收悉。").complete();

    var finished = history.createHistoricProcessInstanceQuery().processDefinitionKey(KEY)
        .processInstanceBusinessKey(key).finished().singleResult();
    assertThat(finished.getEndActivityId()).isEqualTo(END_REPORTED);
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(finished.getId())
        .taskDefinitionKey(TASK_RECEIVE).singleResult().getAssignee()).isEqualTo("guangxi-fiscal");
    assertThat(FISCAL_COMMENT.fromHistory(history, finished.getId())).isEqualTo("已收悉。");
  }
}
