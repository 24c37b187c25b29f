package cn.fundmonitor.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * One Chromium for the whole run (started on first use, closed when the run ends); a fresh
 * browser context, with its own login, for every test, handed to the test as {@link Tasklist}.
 * Every step's screenshot goes to {@code target/browser/<class>/<test>/}; the last one is taken
 * after the test whether it passed or not.
 */
public class BrowserExtension implements ParameterResolver, AfterEachCallback {

  /** Debian's chromium package; Playwright's own browser download cannot work on these machines. */
  static final Path CHROMIUM = Path.of(System.getProperty("fm.chromium", "/usr/bin/chromium"));
  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(BrowserExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Tasklist.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    var browser = context.getRoot().getStore(NS)
        .getOrComputeIfAbsent("chromium", k -> new Chromium(), Chromium.class).browser;
    var spring = SpringExtension.getApplicationContext(context);
    var port = spring.getEnvironment().getProperty("local.server.port");
    var browserContext = browser.newContext(new Browser.NewContextOptions()
        .setLocale("zh-CN")
        .setTimezoneId("Asia/Shanghai")
        // the webapps pick their language from this header
        .setExtraHTTPHeaders(Map.of("Accept-Language", "zh-CN,zh;q=0.9"))
        .setViewportSize(1400, 1000));
    // generous: a CI machine with two cores also runs the server and the engine
    browserContext.setDefaultTimeout(30_000);
    warmUp(browser, "http://localhost:" + port);
    var shots = Path.of("target", "browser", context.getRequiredTestClass().getSimpleName(),
        context.getRequiredTestMethod().getName());
    var tasklist = new Tasklist(browserContext.newPage(), "http://localhost:" + port, shots,
        spring.getBean(cn.fundmonitor.support.ProblemRaises.class));
    context.getStore(NS).put("context", browserContext);
    context.getStore(NS).put("tasklist", tasklist);
    return tasklist;
  }

  private static final java.util.Set<String> WARM = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /**
   * The first page of a fresh server compiles and serves megabytes of webapp scripts: load the
   * login page once, patiently, reloading as a person would if it stays on its spinner (the webapp
   * plugins answer slowly only on their very first request), so no test's own timeout pays for it.
   */
  private static void warmUp(Browser browser, String base) {
    if (!WARM.add(base)) {
      return;
    }
    try (var context = browser.newContext()) {
      var page = context.newPage();
      page.setDefaultTimeout(120_000);
      var deadline = System.nanoTime() + java.time.Duration.ofMinutes(3).toNanos();
      page.navigate(base + "/camunda/app/tasklist/default/");
      while (true) {
        try {
          page.locator("form input[type=password]").first().waitFor(
              new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(20_000));
          return;
        } catch (com.microsoft.playwright.TimeoutError e) {
          if (System.nanoTime() > deadline) {
            return; // the tests' own waits will say what is wrong
          }
          page.reload();
        }
      }
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    var tasklist = context.getStore(NS).remove("tasklist", Tasklist.class);
    if (tasklist != null) {
      tasklist.screenshot(context.getExecutionException().isPresent() ? "failed" : "end");
    }
    var browserContext = context.getStore(NS).remove("context", BrowserContext.class);
    if (browserContext != null) {
      browserContext.close();
    }
  }

  /** Playwright's driver and one headless Chromium, closed with the root context. */
  static final class Chromium implements ExtensionContext.Store.CloseableResource {
    final Playwright playwright;
    final Browser browser;

    Chromium() {
      if (!Files.isExecutable(CHROMIUM)) {
        throw new IllegalStateException(CHROMIUM + " is missing: apt-get install chromium "
            + "fonts-noto-cjk (.ci/run does it)");
      }
      playwright = Playwright.create(new Playwright.CreateOptions()
          .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
      browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
          .setExecutablePath(CHROMIUM)
          .setHeadless(true)
          .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
              "--disable-component-update", "--disable-sync", "--no-first-run", "--lang=zh-CN",
              "--accept-lang=zh-CN,zh")));
    }

    @Override
    public void close() {
      browser.close();
      playwright.close();
    }
  }
}
