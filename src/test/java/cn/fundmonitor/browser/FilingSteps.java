package cn.fundmonitor.browser;

import com.microsoft.playwright.ConsoleMessage;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.TimeoutError;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Interactions the filing, problem and correction forms need that {@link Tasklist} does not have
 * yet: typing that checks the field kept what was typed; a radio group or a checkbox that repeats
 * in every item of a dynamic list (逐项认定, 未达监控节点), picked by its position; and a first login
 * that waits for Tasklist's first load.
 */
final class FilingSteps {

  private static final AtomicBoolean LOADED = new AtomicBoolean();

  private FilingSteps() {}

  /**
   * {@link Tasklist#login}, but the first time in a run it first waits for Tasklist's login page,
   * reloading it when it does not come. In a fresh JVM on a busy machine the first load stalls:
   * the plugin scripts arrive after some 20 s and Tasklist then never asks for its custom script
   * (scripts/fund-monitor.js), so the login form never shows; a reload loads in seconds. What the
   * page loaded and logged is printed when an attempt times out.
   */
  static Tasklist login(Tasklist tasklist, String user) {
    if (!LOADED.get()) {
      var page = tasklist.page();
      var log = new StringBuilder();
      var started = System.nanoTime();
      Supplier<String> at = () -> String.format("%6.1fs ", (System.nanoTime() - started) / 1e9);
      Consumer<ConsoleMessage> console = m -> log.append(at.get()).append("console ")
          .append(m.type()).append(": ").append(m.text()).append('\n');
      Consumer<Request> done = r -> log.append(at.get()).append("done ").append(r.url())
          .append('\n');
      Consumer<Request> failed = r -> log.append(at.get()).append("failed ").append(r.url())
          .append(' ').append(r.failure()).append('\n');
      page.onConsoleMessage(console);
      page.onRequestFinished(done);
      page.onRequestFailed(failed);
      try {
        for (int attempt = 1; !LOADED.get(); attempt++) {
          try {
            page.navigate(tasklist.base() + "/camunda/app/tasklist/default/",
                new Page.NavigateOptions().setTimeout(120_000));
            page.locator("input[type=password]").first()
                .waitFor(new Locator.WaitForOptions().setTimeout(60_000));
            LOADED.set(true);
          } catch (TimeoutError e) {
            System.out.println("Tasklist's first load, attempt " + attempt + ", timed out:\n" + log);
            if (attempt == 3) {
              throw e;
            }
          }
        }
      } finally {
        page.offConsoleMessage(console);
        page.offRequestFinished(done);
        page.offRequestFailed(failed);
      }
    }
    return tasklist.login(user);
  }

  /**
   * {@link Tasklist#fill}, then waits until form-js has rendered and checks that the field still
   * shows what was typed, typing it again if not. Playwright types far faster than a person: a
   * re-render still pending from the previous field (late on a busy machine) can reset the new
   * input to the old, empty state between typing and leaving the field, and the textfield's
   * debounced change then reads the emptied input (seen in the quarterly filing's list: the 4th
   * indicator's actual value lost, the server then refusing the filing).
   */
  static Tasklist type(Tasklist tasklist, String label, int nth, String value) {
    for (int attempt = 1; ; attempt++) {
      tasklist.fill(label, nth, value);
      settle(tasklist);
      var shown = tasklist.field(label, nth).inputValue();
      if (plain(shown).equals(plain(value))) {
        return tasklist;
      }
      if (attempt == 3) {
        throw new AssertionError("“" + label + "”（第" + (nth + 1) + "个）填入“" + value
            + "”后显示“" + shown + "”");
      }
    }
  }

  static Tasklist type(Tasklist tasklist, String label, String value) {
    return type(tasklist, label, 0, value);
  }

  /** Two animation frames and a moment: what form-js had scheduled has been rendered. */
  static void settle(Tasklist tasklist) {
    tasklist.page().evaluate("() => new Promise(done => requestAnimationFrame(() => "
        + "requestAnimationFrame(() => setTimeout(done, 50))))");
  }

  /** An amount as shown grouped (12,500,000.00) and as typed (12500000) compare equal. */
  private static String plain(String text) {
    return text.replace(",", "").replaceAll("\\.0+$", "");
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
