package cn.fundmonitor.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/**
 * The rules page offers only what the user may do, and Cockpit's decision tables read in Chinese
 * (a policy owner checks the table it changes).
 */
@BrowserTest
class ToolsAndCockpitBrowserIT {

  @Test
  void onlyPolicyOwnersSeeRuleSheetUploadOnlyProvincesAndTheMinistrySeeDivisionChanges(
      Tasklist tasklist) {
    var county = tasklist.tools("xingning-finance");
    county.locator("#ruleTables tr").first().waitFor();
    assertThat(county.locator("#me").innerText()).isEqualTo("兴宁区自然资源局 财务与资金运用股");
    assertThat(county.locator("#ruleTables input[type=file]").count()).isZero();
    assertThat(county.locator("#ruleTables a.download").count()).isPositive(); // policy is public
    assertThat(county.locator("#divisions").isVisible()).isFalse();

    var owner = tasklist.tools("policy-owner");
    owner.locator("#ruleTables input[type=file]").first().waitFor();
    assertThat(owner.locator("th.upload-rules").isVisible()).isTrue();
    assertThat(owner.locator("#divisions").isVisible()).isFalse();

    var province = tasklist.tools("guangxi-finance");
    province.locator("#divisions").waitFor();
    assertThat(province.locator("#divisions h2").innerText()).contains("行政区划调整");
    assertThat(province.locator("#ruleTables input[type=file]").count()).isZero();
  }

  @Test
  void aDecisionTableReadsInChineseInCockpit(Tasklist tasklist) {
    tasklist.cockpit("policy-owner", "#/decisions");
    var page = tasklist.page();
    page.locator("a", new Page.LocatorOptions().setHasText("禁止性支出")).first().click();
    var table = page.locator(".tjs-container, .dmn-decision-table-container").first();
    table.waitFor();
    page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
    tasklist.screenshot("decision-table");
    var text = table.innerText();
    assertThat(text).contains("命中策略", "条件（When）", "结果（Then）", "文本");
    assertThat(text).doesNotContain("Hit policy", "Hit Policy", "Annotations");
    assertThat(page.locator(".ce-eol-banner").isVisible()).isFalse();
    assertThat(page.locator("html").getAttribute("lang")).isEqualTo("zh-CN");
  }
}
