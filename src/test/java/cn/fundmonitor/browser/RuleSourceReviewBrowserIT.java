package cn.fundmonitor.browser;

import static cn.fundmonitor.rules.RuleSourceReviewProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A policy owner reviews the decision tables whose rule document lapses (GX 第三十七条: 有效期五年;
 * 桂自然资发〔2021〕87号 runs until 2026-12-30), in Tasklist.
 */
@BrowserTest
class RuleSourceReviewBrowserIT {

  @Autowired ManagementService management;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;

  @Test
  void thePolicyOwnerReviewsTheTablesOfTheLapsingGuangxiRules_gxArticle37(Tasklist tasklist) {
    if (tasks.createTaskQuery().processDefinitionKey(KEY).count() == 0) {
      // today's check, as the job executor runs it every morning
      var timer = management.createJobQuery().processDefinitionKey(KEY).timers().singleResult();
      management.executeJob(timer.getId());
    }
    var review = tasks.createTaskQuery().processDefinitionKey(KEY).singleResult();
    assertThat(review).as("within 60 days of 2026-12-30 the policy owners are asked").isNotNull();

    tasklist.login("policy-owner").openTask("复核即将失效依据的规则表", "规则依据到期提醒").claim();
    assertThat(tasklist.field("即将失效的依据及引用它的规则表").inputValue())
        .contains("桂自然资发〔2021〕87号", "有效期至 2026-12-30", "支出范围（expenditureEligibility）");
    // 完成 with nothing recorded: the field says what is missing, nothing is completed
    tasklist.page().locator("[cam-tasklist-form] button.btn-primary",
        new com.microsoft.playwright.Page.LocatorOptions().setHasText("完成")).click();
    tasklist.page().locator(".fjs-form-field-error").first().waitFor();
    tasklist.screenshot("required");
    assertThat(tasklist.errorAt("处理情况")).isEqualTo("请填写此项");
    assertThat(tasks.createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);
    // the notification stays until the page changes; come back to the task as a person would
    tasklist.page().reload();
    tasklist.page().locator(".task-details .fjs-container").first().waitFor();
    tasklist.fill("处理情况", "新办法尚未印发；已请财务与资金运用处确认原办法是否延期，规则表暂不修改。")
        .complete();

    assertThat(REVIEW_NOTE.fromHistory(history, review.getProcessInstanceId()))
        .asString().startsWith("新办法尚未印发");
    assertThat(history.createHistoricActivityInstanceQuery()
        .processInstanceId(review.getProcessInstanceId()).activityId(END_REVIEWED).count())
        .isEqualTo(1);
  }
}
