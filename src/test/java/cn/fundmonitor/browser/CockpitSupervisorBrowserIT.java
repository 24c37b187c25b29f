package cn.fundmonitor.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.options.LoadState;
import org.junit.jupiter.api.Test;

/**
 * Cockpit for a supervising unit (issue 17, MNR 第五条): the ministry reads instances and
 * incidents; the units' tasks are not its to read (SecurityTest), so Cockpit does not offer them —
 * no 人工任务 in the header or on the dashboard, no 用户任务 tab on an instance but for its own
 * follow-ups (催办) — instead of
 * answering with an English 403. An administrator, who may read tasks, keeps all of it.
 */
@BrowserTest
class CockpitSupervisorBrowserIT {

  /** A status 403 standing alone, not the digits inside an instance id (5994031b-…). */
  static final String STATUS_403 = "(?<![0-9A-Za-z-])403(?![0-9A-Za-z-])";

  @Test
  void theMinistryIsNotOfferedTasksItMayNotReadAndMeetsNoPermissionError_mnrArticle5(
      Tasklist tasklist) {
    tasklist.cockpit("ministry-finance", "");
    var page = tasklist.page();
    page.locator(".fm-region-count").first().waitFor();
    page.waitForLoadState(LoadState.NETWORKIDLE);
    assertThat(page.locator("a[href='#/tasks']").first().isVisible()).as("人工任务 in the header")
        .isFalse();
    assertThat(page.locator(".open-human-tasks").isVisible()).isFalse();
    assertThat(page.locator("a[href='#/processes']").first().isVisible()).isTrue();
    tasklist.screenshot("ministry-dashboard");

    // an instance of its subtree: diagram and incidents, no 用户任务 tab, no permission error
    page.locator("#fm-overdue-nav").click();
    page.locator("tr.fm-overdue-step a.fm-instance-link").first().click();
    page.waitForURL("**/process-instance/**");
    page.locator(".nav-tabs > li").first().waitFor();
    page.waitForLoadState(LoadState.NETWORKIDLE);
    var tabs = page.locator(".nav-tabs > li:visible").allInnerTexts();
    assertThat(tabs).isNotEmpty();
    // the late step's instance holds the ministry's own follow-up (催办): the 用户任务 tab is
    // offered for it alone (the tab lists the tasks the engine lets the user read), never the
    // province's late step
    if (tabs.stream().anyMatch(t -> t.trim().equals("用户任务"))) {
      page.locator(".nav-tabs > li:visible").filter(new com.microsoft.playwright.Locator
          .FilterOptions().setHasText("用户任务")).first().click();
      var rows = page.locator("table.user-tasks tbody tr");
      rows.first().waitFor();
      assertThat(rows.allInnerTexts()).isNotEmpty().allMatch(r -> r.contains("催办"));
    }
    assertThat(page.locator("body").innerText()).doesNotContain("Forbidden", "not authorized",
        "ENGINE-").doesNotContainPattern(STATUS_403);
    assertThat(page.locator(".notifications .alert:visible").count())
        .as("no error notification").isZero();
    tasklist.screenshot("ministry-instance");

    // typed by hand: back to the dashboard, no English 403
    page.navigate(tasklist.base() + "/camunda/app/cockpit/default/#/tasks");
    page.waitForURL("**#/dashboard**");
    page.waitForLoadState(LoadState.NETWORKIDLE);
    assertThat(page.locator("body").innerText()).doesNotContain("Forbidden", "not authorized")
        .doesNotContainPattern(STATUS_403);
    assertThat(page.locator(".notifications .alert:visible").count())
        .as("the tasks page never asked for what the ministry may not read").isZero();
    tasklist.screenshot("ministry-typed-tasks");
  }

  @Test
  void anAdministratorKeepsHumanTasks(Tasklist tasklist) {
    tasklist.cockpit("demo", "");
    var page = tasklist.page();
    page.locator("a[href='#/tasks']").first().waitFor();
    assertThat(page.locator(".open-human-tasks").isVisible()).isTrue();
    page.locator("a[href='#/tasks']").first().click();
    page.waitForURL("**#/tasks**");
    page.waitForLoadState(LoadState.NETWORKIDLE);
    assertThat(page.url()).contains("#/tasks");
    tasklist.screenshot("admin-tasks");
  }

}
