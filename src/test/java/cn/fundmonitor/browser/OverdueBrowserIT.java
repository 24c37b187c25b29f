package cn.fundmonitor.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * 逾期事项 in Cockpit (issue 17) as the ministry uses it: the dashboard counts late steps per
 * region; one click on 广西壮族自治区 lists Guangxi's late issue of 财资环〔2026〕7号 (MNR 第九条's
 * 30 days) with its days late and the follow-up; the list sorts, filters and links to the
 * instance. Clicks from the login page to the late step: the login button and the region — 2.
 */
@BrowserTest
class OverdueBrowserIT {

  static final String DOCUMENT = "财资环〔2026〕7号";

  @Test
  void theMinistryFindsGuangxisLateIssueInOneClickFromTheCockpitDashboard_mnrArticle9(
      Tasklist tasklist) {
    tasklist.cockpit("ministry-finance", ""); // click 1: 登录
    var page = tasklist.page();
    var guangxi = page.locator(".fm-region-count[data-code='450000']");
    guangxi.waitFor();
    assertThat(Integer.parseInt(guangxi.locator(".fm-count").innerText().trim())).isPositive();
    assertThat(page.locator(".fm-region-count[data-code='000000'] .fm-count").innerText().trim())
        .isEqualTo(page.locator("#fm-overdue-total").innerText().replaceAll("\\D", ""));
    tasklist.screenshot("dashboard-counts");

    guangxi.locator("a").click(); // click 2: 广西壮族自治区
    var row = step(page);
    row.waitFor();
    assertThat(page.url()).contains("#/fm-overdue?region=450000");
    var text = row.innerText();
    assertThat(text).contains("广西壮族自治区", "资金下达与报备", "下达资金并分解绩效目标",
        "广西壮族自治区自然资源厅 财务与资金运用处", "已催办（自然资源部 财务与资金运用司办理中）");
    assertThat(row.locator(".fm-late").innerText()).matches("\\d+天|今日逾期");
    assertThat(page.locator("#fm-overdue-status").innerText()).contains("自然资源部");
    assertThat(page.locator("tr.fm-group").first().innerText()).startsWith("广西壮族自治区");
    tasklist.screenshot("guangxi-late-issue");

    // sortable and filterable
    page.locator("th[data-key='dueOn']").click();
    assertThat(page.locator("th[data-key='dueOn']").getAttribute("class")).contains("fm-sorted");
    page.locator("#fm-text").fill("不存在的环节");
    assertThat(page.locator("tr.fm-overdue-step").count()).isZero();
    page.locator("#fm-text").fill("下达资金");
    step(page).waitFor();
    page.locator("#fm-not-followed-up").check();
    assertThat(step(page).count()).as("its follow-up was sent").isZero();
    page.locator("#fm-not-followed-up").uncheck();
    page.locator("#fm-group").selectOption("PROCESS");
    assertThat(page.locator("tr.fm-group").first().innerText()).contains("资金下达与报备");
    tasklist.screenshot("grouped-by-process");

    // the link to the instance opens it in Cockpit
    step(page).locator("a.fm-instance-link").click();
    page.waitForURL("**/process-instance/**");
    page.waitForLoadState(LoadState.NETWORKIDLE);
    tasklist.screenshot("process-instance");
  }

  @Test
  void theOverduePageIsInCockpitsHeaderAndSortsByDaysLate(Tasklist tasklist) {
    tasklist.cockpit("ministry-finance", "");
    var page = tasklist.page();
    page.locator("#fm-overdue-nav").click();
    step(page).waitFor();
    // grouped by region (the default), steps are sorted within each region, most days late first
    var groups = lateDaysByGroup(page);
    assertThat(groups).isNotEmpty().allSatisfy(days ->
        assertThat(days).isSortedAccordingTo(java.util.Comparator.reverseOrder()));
    page.locator("th[data-key='daysLate']").click();
    assertThat(lateDaysByGroup(page)).allSatisfy(days -> assertThat(days).isSorted());
    assertThat(lateDaysByGroup(page).stream().mapToInt(List::size).sum())
        .as("the same steps, in the other order").isEqualTo(groups.stream().mapToInt(List::size).sum());
    assertThat(page.locator("#fm-region option").allInnerTexts().get(0)).startsWith("自然资源部");
    tasklist.screenshot("overdue-page");
  }

  static int days(String text) {
    return text.startsWith("今日") ? 0 : Integer.parseInt(text.replaceAll("\\D", ""));
  }

  static Locator step(Page page) {
    return page.locator("tr.fm-overdue-step", new Page.LocatorOptions().setHasText(DOCUMENT));
  }


  /** The days late of the steps under each group heading, in the order shown. */
  static List<List<Integer>> lateDaysByGroup(Page page) {
    var groups = new java.util.ArrayList<List<Integer>>();
    for (var row : page.locator("table tbody tr.fm-group, table tbody tr.fm-overdue-step").all()) {
      var cls = row.getAttribute("class");
      if (cls != null && cls.contains("fm-group")) {
        groups.add(new java.util.ArrayList<>());
      } else if (!groups.isEmpty()) {
        groups.get(groups.size() - 1).add(days(row.locator(".fm-late").innerText()));
      }
    }
    groups.removeIf(List::isEmpty);
    return groups;
  }
}
