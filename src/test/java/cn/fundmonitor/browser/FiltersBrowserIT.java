package cn.fundmonitor.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The shared filters 逾期任务 and 即将到期 in Tasklist: a superior finds its subordinates' late
 * steps through their follow-ups (催办), due on the late step's own deadline; every unit sees
 * what falls due within three working days (默认).
 */
@BrowserTest
class FiltersBrowserIT {

  @Autowired TaskService tasks;
  @Autowired Clock clock;

  @Test
  void theMinistryFindsGuangxisLateIssueUnderOverdueTasks_mnrArticle9(Tasklist tasklist) {
    // the demo's 财资环〔2026〕7号 passed its 30-day issue deadline in Guangxi (MNR 第九条)
    tasklist.login("ministry-finance").filter("逾期任务");

    var followUp = tasklist.card("催办：资金下达逾期", "财资环〔2026〕7号");
    assertThat(followUp.locator(".fm-due-on").innerText())
        .matches("（\\d{4}-\\d{2}-\\d{2}，已逾期）");
    assertThat(tasklist.cardNames()).contains("催办：资金下达逾期");
    tasklist.screenshot("ministry-overdue");

    tasklist.openTask("催办：资金下达逾期", "财资环〔2026〕7号");
    assertThat(tasklist.field("逾期情况").inputValue())
        .contains("广西壮族自治区 下达资金并分解绩效目标");
  }

  @Test
  void aCountySeesItsTaskDueInTwoDaysUnderDueSoon_mnrArticle11(Tasklist tasklist) {
    // the demo's quarterly filing or refinement waiting for Xingning, due the day after tomorrow
    var task = tasks.createTaskQuery().taskCandidateGroup("450102-finance").list().stream()
        .filter(t -> tasks.getVariable(t.getId(), "projectCode") != null
            || tasks.getVariable(t.getId(), "documentNo") != null)
        .findFirst().orElseThrow();
    tasks.setDueDate(task.getId(), Date.from(clock.instant().plus(Duration.ofDays(2))));
    var code = tasks.getVariable(task.getId(), "projectCode");
    var project = (String) (code != null ? code : tasks.getVariable(task.getId(), "documentNo"));

    tasklist.login("xingning-finance").filter("即将到期");

    var card = tasklist.card(task.getName(), project);
    assertThat(card.locator(".fm-due-on").innerText()).doesNotContain("已逾期");
    tasklist.screenshot("county-due-soon");

    tasklist.filter("逾期任务");
    assertThat(tasklist.page().locator("li.task").filter(new com.microsoft.playwright.Locator
        .FilterOptions().setHasText(project)).count()).isZero();
  }
}
