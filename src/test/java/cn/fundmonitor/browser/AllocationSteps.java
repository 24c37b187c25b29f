package cn.fundmonitor.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * Interactions the allocation forms need beyond {@link Tasklist}: another row in a form-js dynamic
 * list (下达明细, 绩效目标分解…), added with the list's own 添加一行 button as a person does; and
 * the first Tasklist page of a run given time to come up. Belongs in {@link Tasklist} (or
 * {@link BrowserExtension}) once the lead engineer takes it over.
 */
final class AllocationSteps {

  private static final AtomicBoolean WARM = new AtomicBoolean();

  private AllocationSteps() {}

  /**
   * The first Tasklist page of a run can fail to start at all: the webapp's plugin resource
   * ({@code /camunda/api/tasklist/plugin/tasklistPlugins/static/app/plugin.js}) is initialised on
   * that first request, which on a loaded machine took longer than RequireJS's 7 s load timeout;
   * the page then logs "Load timeout for modules: tasklist-plugin-tasklistPlugins/plugin" and shows
   * its spinner for good, so the run's first test failed at {@link Tasklist#login}, whichever it
   * was. A person reloads the page: this does the same, once per run, until the login form shows
   * (at most three minutes); later calls return at once.
   */
  static Tasklist warmedUp(Tasklist tasklist) {
    if (!WARM.compareAndSet(false, true)) {
      return tasklist;
    }
    var page = tasklist.page();
    var deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    page.navigate(tasklist.base() + "/camunda/app/tasklist/default/",
        new Page.NavigateOptions().setTimeout(120_000));
    while (true) {
      try {
        page.locator("input[type=password]").first()
            .waitFor(new Locator.WaitForOptions().setTimeout(20_000));
        return tasklist;
      } catch (TimeoutError e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        page.reload(new Page.ReloadOptions().setTimeout(120_000));
      }
    }
  }

  /** Escapes for a JavaScript regular expression (Playwright runs patterns in the browser). */
  static String quote(String text) {
    return text.replaceAll("[.*+?^${}()|\\[\\]\\\\]", "\\\\$0");
  }

  /** Clicks 添加一行 under the dynamic list with that label; the new row is the list's last. */
  static void addRow(Tasklist tasklist, String listLabel) {
    var page = tasklist.page();
    var list = page.locator(".fjs-form-field-dynamiclist").filter(new Locator.FilterOptions()
        .setHas(page.locator(".fjs-form-field-label", new Page.LocatorOptions().setHasText(
            Pattern.compile("^\\s*" + quote(listLabel) + "\\s*\\*?\\s*$")))));
    var rows = list.first().locator(".fjs-repeat-row-container");
    var before = rows.count();
    list.first().locator(".fjs-repeat-render-add").first().click();
    page.waitForCondition(() -> rows.count() == before + 1);
  }
}
