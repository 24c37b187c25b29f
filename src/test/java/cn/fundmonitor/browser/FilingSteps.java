package cn.fundmonitor.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * Interactions the filing, problem and correction forms need that {@link Tasklist} does not have
 * yet: a radio group or a checkbox that repeats in every item of a dynamic list (逐项认定, 未达监控节点),
 * picked by its position; and a first login that waits for Tasklist's first load.
 */
final class FilingSteps {

  private static final AtomicBoolean LOADED = new AtomicBoolean();

  private FilingSteps() {}

  /**
   * {@link Tasklist#login}, but the first time in a run it first waits for Tasklist's login page
   * to load, reloading it if it does not come: on a cold server and browser, on a busy machine,
   * that first load takes longer than the 15 s every later step is given.
   */
  static Tasklist login(Tasklist tasklist, String user) {
    if (!LOADED.get()) {
      var page = tasklist.page();
      var log = new StringBuilder();
      var started = System.nanoTime();
      java.util.function.Supplier<String> at =
          () -> String.format("%6.1fs ", (System.nanoTime() - started) / 1e9);
      page.onConsoleMessage(m -> log.append(at.get()).append("console ").append(m.type())
          .append(": ").append(m.text()).append('\n'));
      page.onRequestFinished(r -> log.append(at.get()).append("done ").append(r.url()).append('\n'));
      page.onRequestFailed(r -> log.append(at.get()).append("failed ").append(r.url())
          .append(' ').append(r.failure()).append('\n'));
      for (int attempt = 1; !LOADED.get(); attempt++) {
        try {
          page.navigate(tasklist.base() + "/camunda/app/tasklist/default/",
              new Page.NavigateOptions().setTimeout(120_000));
          page.locator("input[type=password]").first()
              .waitFor(new Locator.WaitForOptions().setTimeout(60_000));
          LOADED.set(true);
        } catch (com.microsoft.playwright.TimeoutError e) {
          System.out.println("Tasklist's first load, attempt " + attempt + " timed out:\n" + log);
          if (attempt == 3) {
            throw e;
          }
        }
      }
      System.out.println("Tasklist's first load:\n" + log);
    }
    return tasklist.login(user);
  }

  /** Picks an option of the nth radio group with that label (0 = the list's first item). */
  static void radio(Tasklist tasklist, String groupLabel, int nth, String option) {
    var page = tasklist.page();
    var group = page.locator(".fjs-form-field-radio").filter(new Locator.FilterOptions()
        .setHas(page.locator(".fjs-form-field-label", new Page.LocatorOptions()
            .setHasText(Pattern.compile("^\\s*" + quote(groupLabel) + "\\s*\\*?\\s*$")))))
        .nth(nth);
    group.getByLabel(option, new Locator.GetByLabelOptions().setExact(true)).check();
  }

  /** Escapes for a JavaScript regular expression (Playwright runs patterns in the browser). */
  private static String quote(String text) {
    return text.replaceAll("[.*+?^${}()|\\[\\]\\\\]", "\\\\$0");
  }

  /** Ticks the nth checkbox with that label. */
  static void check(Tasklist tasklist, String label, int nth) {
    tasklist.field(label, nth).check();
  }
}
