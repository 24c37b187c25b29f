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
    var port = SpringExtension.getApplicationContext(context).getEnvironment()
        .getProperty("local.server.port");
    var browserContext = browser.newContext(new Browser.NewContextOptions()
        .setLocale("zh-CN")
        .setTimezoneId("Asia/Shanghai")
        // the webapps pick their language from this header
        .setExtraHTTPHeaders(Map.of("Accept-Language", "zh-CN,zh;q=0.9"))
        .setViewportSize(1400, 1000));
    browserContext.setDefaultTimeout(15_000);
    var shots = Path.of("target", "browser", context.getRequiredTestClass().getSimpleName(),
        context.getRequiredTestMethod().getName());
    var tasklist = new Tasklist(browserContext.newPage(), "http://localhost:" + port, shots);
    context.getStore(NS).put("context", browserContext);
    context.getStore(NS).put("tasklist", tasklist);
    return tasklist;
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
