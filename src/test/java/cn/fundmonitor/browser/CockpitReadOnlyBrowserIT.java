package cn.fundmonitor.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.allocation.FundAllocationProcess;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Cockpit as a supervisor reads it (issue 17; MNR 第六条: 省级 "指导、督促下级部门按期完成填报任务"):
 * guangxi-finance (自治区自然资源厅 财务与资金运用处) reads Xingning's instances read-only, so
 * Cockpit offers it none of the buttons that change an instance — suspend, cancel, add or edit a
 * variable, retry — which answered 403 when clicked; an administrator keeps them. And the process
 * list counts for Guangxi only the running instances it may read, not the whole country's
 * (MNR 第二十三条: data only within one's duties).
 */
@BrowserTest
class CockpitReadOnlyBrowserIT {

  static final String XINJIANG_DOCUMENT = "新财资环〔2026〕88号";

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;

  /**
   * An instance Xingning works in (demo data: its quarterly filing, its refinement) that Guangxi
   * supervises and may read.
   */
  private String xingningInstance() {
    var guangxi = identity.createGroupQuery().groupMember("guangxi-finance").list().stream()
        .map(Group::getId).toList();
    return tasks.createTaskQuery().taskCandidateGroupIn(List.of("450102-finance", "450102-eco"))
        .list().stream().map(t -> t.getProcessInstanceId()).distinct()
        .filter(id -> {
          identity.setAuthentication("guangxi-finance", guangxi);
          try {
            return runtime.createProcessInstanceQuery().processInstanceId(id).count() == 1;
          } finally {
            identity.clearAuthentication();
          }
        }).findFirst().orElseThrow(() -> new AssertionError("no Xingning instance Guangxi reads"));
  }

  /** Opens an instance in Cockpit and waits until its variables are on screen. */
  private static void openInstance(Tasklist tasklist, String instanceId) {
    var page = tasklist.page();
    page.navigate(tasklist.base() + "/camunda/app/cockpit/default/#/process-instance/"
        + instanceId + "/runtime");
    page.locator(".nav-tabs > li").first().waitFor();
    page.locator("[cam-widget-variables-table] tbody tr, table.cam-table tbody tr").first()
        .waitFor();
    page.waitForLoadState(LoadState.NETWORKIDLE);
  }

  @Test
  void mnr6_theProvinceReadsXingningsInstanceWithoutButtonsThatWouldChangeIt(Tasklist tasklist) {
    var instance = xingningInstance();
    tasklist.cockpit("guangxi-finance", "");
    openInstance(tasklist, instance);
    var page = tasklist.page();
    // the engine's answer whether the user may change it has arrived (the page is idle)
    page.waitForTimeout(1000);
    tasklist.screenshot("guangxi-instance-read-only");
    assertThat(page.locator(".ctn-toolbar a:visible, .ctn-toolbar button:visible").count())
        .as("suspend, cancel, add variable: not offered").isZero();
    assertThat(page.locator("table td.actions:visible button:visible").count())
        .as("edit or delete a variable: not offered").isZero();
    assertThat(page.locator("body").innerText()).doesNotContain("Forbidden", "not authorized")
        .doesNotContainPattern(CockpitSupervisorBrowserIT.STATUS_403);
  }

  @Test
  void anAdministratorIsOfferedTheButtonsOnTheSameInstance(Tasklist tasklist) {
    var instance = xingningInstance();
    tasklist.cockpit("demo", "");
    openInstance(tasklist, instance);
    var page = tasklist.page();
    page.locator(".ctn-toolbar a.btn-toolbar").first().waitFor();
    assertThat(page.locator(".ctn-toolbar a.btn-toolbar:visible").count())
        .as("suspend, cancel, add variable").isGreaterThanOrEqualTo(3);
    assertThat(page.locator("table td.actions:visible button:visible").count())
        .as("edit or delete a variable").isPositive();
    tasklist.screenshot("admin-instance-actions");
  }

  /** A fund allocation in Xinjiang: a running instance Guangxi may not read. */
  private void xinjiangAllocation() {
    XinjiangAllocation.start(runtime, identity, "c-xinjiang-finance", XINJIANG_DOCUMENT,
        LocalDate.now());
  }

  /** The running instances of a process that a user may read, as the engine counts them. */
  private long readableBy(String userId, String key) {
    var groups = identity.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).toList();
    identity.setAuthentication(userId, groups);
    try {
      return runtime.createProcessInstanceQuery().processDefinitionKey(key).count();
    } finally {
      identity.clearAuthentication();
    }
  }

  private static String countOf(Page page, String key, String cell) {
    var row = page.locator("tr").filter(new Locator.FilterOptions().setHas(
        page.locator("td.key", new Page.LocatorOptions().setHasText(key))));
    row.first().locator("td." + cell).waitFor();
    return row.first().locator("td." + cell).innerText().trim();
  }

  @Test
  void mnr23_theProvincesProcessListCountsOnlyTheInstancesItMayRead(Tasklist tasklist) {
    xinjiangAllocation();
    var readable = readableBy("guangxi-finance", FundAllocationProcess.KEY);
    var all = runtime.createProcessInstanceQuery().processDefinitionKey(FundAllocationProcess.KEY)
        .count();
    assertThat(readable).as("Guangxi reads some, not all").isPositive().isLessThan(all);

    tasklist.cockpit("guangxi-finance", "#/processes");
    var page = tasklist.page();
    assertThat(countOf(page, FundAllocationProcess.KEY, "instances"))
        .isEqualTo(String.valueOf(readable));
    tasklist.screenshot("guangxi-process-counts");
  }

  @Test
  void theMinistryWhichReadsEveryInstanceSeesTheCountrysCount(Tasklist tasklist) {
    xinjiangAllocation();
    var all = runtime.createProcessInstanceQuery().processDefinitionKey(FundAllocationProcess.KEY)
        .count();
    tasklist.cockpit("ministry-finance", "#/processes");
    assertThat(countOf(tasklist.page(), FundAllocationProcess.KEY, "instances"))
        .isEqualTo(String.valueOf(all));
    tasklist.screenshot("ministry-process-counts");
  }
}
