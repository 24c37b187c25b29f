package cn.fundmonitor.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.allocation.FundAllocationProcess;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import java.time.LocalDate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Cockpit for a province (issue 17; MNR 第六条: 省级自然资源主管部门 "指导、督促下级部门按期完成填报任务"),
 * as the demo user guangxi-finance (广西壮族自治区自然资源厅 财务与资金运用处) clicks through it: the
 * dashboard, 逾期事项, Guangxi's late issue of 财资环〔2026〕7号 with its incident (故障) and its task
 * (用户任务, read-only); the process's instance list holds Guangxi's instance and not Xinjiang's
 * late one, and no page shows a permission error.
 */
@BrowserTest
class ProvinceCockpitBrowserIT {

  static final String GUANGXI_DOCUMENT = "财资环〔2026〕7号";
  static final String XINJIANG_DOCUMENT = "新财资环〔2026〕77号";

  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;

  /** Xinjiang's province receives money and lets the issue run late: an incident of its own. */
  private void xinjiangLateIssue() {
    var started = XinjiangAllocation.start(runtime, identity, "b-xinjiang-finance",
        XINJIANG_DOCUMENT, LocalDate.now().minusDays(45));
    if (started.isEmpty()) {
      return;
    }
    var instanceId = started.get();
    var timer = management.createJobQuery().timers()
        .activityId(FundAllocationProcess.TIMER_ISSUE_OVERDUE).processInstanceId(instanceId)
        .singleResult();
    management.executeJob(timer.getId());
    assertThat(runtime.createIncidentQuery().processInstanceId(instanceId).count())
        .as("Xinjiang's late issue is an incident").isPositive();
  }

  private static void noPermissionError(Page page) {
    page.waitForLoadState(LoadState.NETWORKIDLE);
    var text = page.locator("body").innerText();
    assertThat(text).doesNotContain("Forbidden", "not authorized", "ENGINE-", "无权");
    assertThat(text).doesNotContainPattern(CockpitSupervisorBrowserIT.STATUS_403);
    assertThat(page.locator(".notifications .alert:visible").count())
        .as("no error notification").isZero();
  }

  @Test
  void mnr6_guangxiSeesItsLateIssueWithIncidentAndTaskAndNotXinjiangsWithoutPermissionErrors(
      Tasklist tasklist) {
    xinjiangLateIssue();
    tasklist.cockpit("guangxi-finance", "");
    var page = tasklist.page();
    page.locator(".fm-region-count").first().waitFor();
    noPermissionError(page);
    assertThat(page.locator("a[href='#/tasks']").first().isVisible())
        .as("人工任务 (every unit's task counts) is not offered").isFalse();
    assertThat(page.locator(".fm-region-count[data-code='650000']").count())
        .as("Xinjiang is not in Guangxi's overdue counts").isZero();
    tasklist.screenshot("guangxi-dashboard");

    // 逾期事项 → Guangxi's late issue → its instance
    page.locator("#fm-overdue-nav").click();
    var row = page.locator("tr.fm-overdue-step").filter(new Locator.FilterOptions()
        .setHasText(GUANGXI_DOCUMENT));
    row.first().waitFor();
    assertThat(page.locator("tr.fm-overdue-step").filter(new Locator.FilterOptions()
        .setHasText(XINJIANG_DOCUMENT)).count()).isZero();
    row.first().locator("a.fm-instance-link").click();
    page.waitForURL("**/process-instance/**");
    page.locator(".nav-tabs > li").first().waitFor();
    noPermissionError(page);
    tasklist.screenshot("guangxi-instance");

    // its incident (故障)
    tab(page, "故障").click();
    var incident = page.locator("table tbody tr").filter(new Locator.FilterOptions()
        .setHasText("逾期"));
    incident.first().waitFor();
    noPermissionError(page);
    tasklist.screenshot("guangxi-incident");

    // its task (用户任务), read-only
    var tasksTab = tab(page, "用户任务");
    tasksTab.waitFor();
    tasksTab.click();
    var task = page.locator("table tbody tr").filter(new Locator.FilterOptions()
        .setHasText("下达资金并分解绩效目标"));
    task.first().waitFor();
    noPermissionError(page);
    tasklist.screenshot("guangxi-user-tasks");
    assertThat(page.locator("table.user-tasks .edit-toggle:visible, table.user-tasks td.action "
        + "a:visible").count()).as("no assign or group controls for a reader").isZero();

    // the process's instances: Guangxi's, not Xinjiang's
    page.navigate(tasklist.base() + "/camunda/app/cockpit/default/#/processes");
    var process = page.locator("a", new Page.LocatorOptions().setHasText("资金下达与报备")).first();
    process.waitFor();
    noPermissionError(page);
    process.click();
    page.waitForURL("**/process-definition/**");
    page.locator("table tbody tr").filter(new Locator.FilterOptions().setHasText(GUANGXI_DOCUMENT))
        .first().waitFor();
    noPermissionError(page);
    assertThat(page.locator("body").innerText()).contains(GUANGXI_DOCUMENT)
        .doesNotContain(XINJIANG_DOCUMENT);
    tasklist.screenshot("guangxi-process-instances");
  }

  private static Locator tab(Page page, String name) {
    return page.locator(".nav-tabs > li").filter(new Locator.FilterOptions()
        .setHasText(java.util.regex.Pattern.compile("^\\s*" + name + "\\s*$"))).first();
  }
}
