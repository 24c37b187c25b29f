package cn.fundmonitor.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Interactions the misc area's forms need beyond {@link Tasklist} (candidates to move there):
 * adding a row to a form-js dynamic list, 完成 refused by the server, and a once-per-run wait for
 * the login page of a freshly started application.
 */
final class MiscSteps {

  /** Once per run: the first page load of a freshly started application. */
  private static final AtomicBoolean WARM = new AtomicBoolean();
  private static final double WARM_UP_MS = 300_000;

  private MiscSteps() {}

  /**
   * Waits, once per run, for Camunda's login page to come up (up to five minutes): the first load
   * after the application started (cold JIT, every webapp resource served and parsed for the first
   * time) took from 40 s to over two minutes on a two-core machine shared by several builds, far
   * beyond the 15 s each step is allowed, and failed the run's first test. Belongs in
   * BrowserExtension (once per run, before the first test's login).
   */
  static Tasklist warmedUp(Tasklist tasklist) {
    if (WARM.compareAndSet(false, true)) {
      var started = System.nanoTime();
      var page = tasklist.page();
      page.navigate(tasklist.base() + "/camunda/app/tasklist/default/",
          new Page.NavigateOptions().setTimeout(WARM_UP_MS));
      page.locator("input[type=password]").first()
          .waitFor(new Locator.WaitForOptions().setTimeout(WARM_UP_MS));
      System.out.printf("Tasklist's login page first came up after %d s%n",
          (System.nanoTime() - started) / 1_000_000_000);
    }
    return tasklist;
  }

  /**
   * 添加一行 under the dynamic list with that label (form-js's "Add new" button, translated by the
   * fund-monitor script); waits until the list has one row more.
   */
  static void addRow(Tasklist tasklist, String listLabel) {
    var page = tasklist.page();
    var list = page.locator(".fjs-form-field-grouplike").filter(
        new Locator.FilterOptions().setHasText(listLabel)).first();
    var rows = list.locator(".fjs-repeat-row-container");
    var before = rows.count();
    list.locator("button.fjs-repeat-render-add").click();
    rows.nth(before).waitFor();
    tasklist.screenshot("row-added");
  }

  /**
   * 完成 on a task form that the server refuses (a delegate or listener rejects the values):
   * returns what the page says, and checks the task is still open in the form.
   */
  static String completeRefused(Tasklist tasklist) {
    var page = tasklist.page();
    tasklist.screenshot("filled");
    var button = page.locator("[cam-tasklist-form] button.btn-primary",
        new Page.LocatorOptions().setHasText("完成"));
    assertThat(button.isEnabled()).as("完成 is enabled").isTrue();
    button.click();
    var error = page.locator(".page-notifications .alert-danger");
    error.first().waitFor();
    tasklist.screenshot("refused");
    assertThat(page.locator(".task-details .fjs-container").isVisible())
        .as("the form stays open").isTrue();
    return String.join("\n", error.allInnerTexts());
  }
}
