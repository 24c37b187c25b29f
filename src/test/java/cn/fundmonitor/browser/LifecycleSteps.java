package cn.fundmonitor.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.PlaywrightException;

/**
 * What the lifecycle browser tests need beyond {@link Tasklist} (candidates for Tasklist itself).
 */
final class LifecycleSteps {

  /** How long one try at Camunda's login page may take. */
  static final double LOGIN_PAGE_MS = 30_000;
  static final int LOGIN_PAGE_TRIES = 3;

  private LifecycleSteps() {}

  /**
   * {@link Tasklist#login(String)}, once Camunda's login page has actually come up. On a cold
   * server under load, Tasklist's first page stays a spinner for good: the server takes longer
   * than RequireJS's module timeout to answer the first request for the plugin bundle, the page
   * reports "Load timeout for modules: tasklist-plugin-tasklistPlugins/plugin" and never boots.
   * A person reloads the page; so does this, up to three times.
   */
  static Tasklist login(Tasklist tasklist, String user) {
    var page = tasklist.page();
    page.navigate(tasklist.base() + "/camunda/app/tasklist/default/");
    for (int tries = 1; ; tries++) {
      try {
        page.locator("input[type=password]").first()
            .waitFor(new Locator.WaitForOptions().setTimeout(LOGIN_PAGE_MS));
        break;
      } catch (PlaywrightException stillLoading) {
        if (tries == LOGIN_PAGE_TRIES) {
          throw stillLoading;
        }
        tasklist.screenshot("login-page-not-loaded-" + tries);
        page.reload();
      }
    }
    return tasklist.login(user);
  }
}
