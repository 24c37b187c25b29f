package cn.fundmonitor.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.support.ProblemRaises;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Camunda Tasklist as a person uses it: the login page, the task list, claiming, a Camunda Form
 * filled through its fields found by their (Chinese) labels, 完成 and 发起. Every step leaves a
 * screenshot under {@code target/browser/<class>/<test>/}.
 */
public final class Tasklist {

  private final Page page;
  private final String base;
  private final Path shots;
  private final ProblemRaises raises;
  private int step;

  Tasklist(Page page, String base, Path shots, ProblemRaises raises) {
    this.page = page;
    this.base = base;
    this.shots = shots;
    this.raises = raises;
  }

  /**
   * The job executor's turn (it is off in tests): runs the problem raises the last submission left
   * in jobs of their own (a filing's warning, an acceptance's payment shortfall: asyncBefore,
   * issue 18), then waits for the list's next refresh (Tasklist refreshes itself every 10 s), as
   * the user finds the next task once the job ran. Call it between the submission and the next
   * look at the list.
   *
   * @return how many raises ran
   */
  public int runProblemRaises() {
    var ran = new int[1];
    page.waitForResponse(r -> r.url().contains("/list?"), () -> ran[0] = raises.run());
    page.waitForLoadState(LoadState.NETWORKIDLE);
    return ran[0];
  }

  /** Escapes for a JavaScript regular expression (Playwright runs patterns in the browser). */
  private static String quote(String text) {
    return text.replaceAll("[.*+?^${}()|\\[\\]\\\\]", "\\\\$0");
  }

  public Page page() {
    return page;
  }

  public String base() {
    return base;
  }

  /** Logs in through Camunda's own login page (demo password) and waits for the task list. */
  public Tasklist login(String user) {
    return login(user, "demo");
  }

  public Tasklist login(String user, String password) {
    loginPage();
    fillLogin(user, password);
    screenshot("login-" + user);
    page.locator("form button[type=submit]").first().click();
    page.locator(".filters, [cam-tasklist-filters]").first().waitFor();
    page.waitForLoadState(LoadState.NETWORKIDLE);
    screenshot("tasks-" + user);
    return this;
  }

  /**
   * The page /tools/ (HTTP Basic, as the browser asks for it) as that demo user, in a context of
   * its own; screenshots go with this test's.
   */
  public Page tools(String user) {
    var context = page.context().browser().newContext(new com.microsoft.playwright.Browser
        .NewContextOptions().setLocale("zh-CN").setTimezoneId("Asia/Shanghai")
        .setExtraHTTPHeaders(java.util.Map.of("Accept-Language", "zh-CN,zh;q=0.9"))
        .setViewportSize(1400, 1000).setHttpCredentials(user, "demo"));
    var tools = context.newPage();
    tools.navigate(base + "/tools/");
    tools.waitForLoadState(LoadState.NETWORKIDLE);
    tools.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(shots.resolve(
        String.format("%02d-tools-%s.png", ++step, user))));
    return tools;
  }

  /**
   * Types the credentials as a person would and checks both fields hold what was typed: the login
   * view focuses its user-name field once it has finished loading, and when that happens between
   * the two fills the password lands in the user-name field ("guangxi-ecodemo", seen on a busy
   * machine). A person would see it and type again; so does this.
   */
  private void fillLogin(String user, String password) {
    var name = page.locator("input[name=username], input#inputUsername, form input[type=text]")
        .first();
    var secret = page.locator("form input[type=password]").first();
    for (int attempt = 1; ; attempt++) {
      name.fill(user);
      secret.fill(password);
      if (user.equals(name.inputValue()) && password.equals(secret.inputValue())) {
        return;
      }
      if (attempt == 5) {
        throw new AssertionError("登录表单未能填写：用户名框为 \"" + name.inputValue() + "\"");
      }
      page.waitForTimeout(500);
    }
  }

  /** Logs in to Cockpit through its own login page and opens the given view (e.g. #/decisions). */
  public Tasklist cockpit(String user, String view) {
    page.navigate(base + "/camunda/app/cockpit/default/");
    page.locator("form input[type=password]").first().waitFor();
    fillLogin(user, "demo");
    page.locator("form button[type=submit]").first().click();
    // the login form goes once the login went through: navigating earlier can abort the login
    page.locator("form input[type=password]").first().waitFor(new Locator.WaitForOptions()
        .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
    page.locator(".dashboard, [cam-widget-header]").first().waitFor();
    page.navigate(base + "/camunda/app/cockpit/default/" + view);
    // Cockpit's header, reloaded as a person would when the page stays on its spinner (a cold,
    // busy server: its plugin scripts arrive after the loader gave up; a reload loads in seconds)
    for (int attempt = 1; ; attempt++) {
      try {
        page.locator("a[href='#/processes']").first()
            .waitFor(new Locator.WaitForOptions().setTimeout(30_000));
        break;
      } catch (com.microsoft.playwright.TimeoutError stalled) {
        if (attempt == 3) {
          throw stalled;
        }
        screenshot("cockpit-stalled-" + attempt);
        page.reload();
      }
    }
    page.waitForLoadState(LoadState.NETWORKIDLE);
    screenshot("cockpit-" + user);
    return this;
  }

  /**
   * Camunda's login page, reloaded as a person would when it stays on its spinner: on a cold,
   * busy server Tasklist's first page can stall for good (its plugin scripts arrive after
   * RequireJS gave up), while a reload loads in seconds. BrowserExtension warms the server up
   * once per run; this covers what remains.
   */
  private void loginPage() {
    page.navigate(base + "/camunda/app/tasklist/default/");
    for (int attempt = 1; ; attempt++) {
      try {
        page.locator("form input[type=password]").first()
            .waitFor(new Locator.WaitForOptions().setTimeout(60_000));
        return;
      } catch (com.microsoft.playwright.TimeoutError stalled) {
        if (attempt == 3) {
          throw stalled;
        }
        screenshot("login-page-stalled-" + attempt);
        page.reload();
      }
    }
  }

  /** Logs out (the session cookie goes), ready for the next user's {@link #login}. */
  public Tasklist logout() {
    page.context().clearCookies();
    return this;
  }

  /**
   * Types a term into Tasklist's search (过滤任务) and returns the names of the tasks listed; the
   * search is cleared again afterwards.
   */
  public java.util.List<String> search(String term) {
    var input = page.locator("input[placeholder='过滤任务']").first();
    input.click();
    input.fill(term);
    // the list also refreshes itself now and then: wait for the answer to this search
    page.waitForResponse(r -> r.url().contains("/list?") && r.request().postData() != null
        && r.request().postData().contains(term), () -> input.press("Enter"));
    page.waitForLoadState(LoadState.NETWORKIDLE);
    page.waitForTimeout(500); // Angular renders the answer in its next digest
    screenshot("search-" + term);
    var names = page.locator("li.task h4").allInnerTexts().stream().map(String::strip).toList();
    page.navigate(base + "/camunda/app/tasklist/default/#/");
    page.locator("li.task, .tasks-list .no-tasks, [cam-tasks]").first().waitFor();
    page.waitForLoadState(LoadState.NETWORKIDLE);
    return names;
  }

  /** The message form-js shows under a field ("" when there is none). */
  public String errorAt(String label) {
    return errorAt(label, 0);
  }

  public String errorAt(String label, int nth) {
    var id = label(label, nth).getAttribute("for");
    var error = page.locator("[id=\"" + id + "-error-message\"]");
    return error.count() == 0 ? "" : error.innerText().strip();
  }

  /** Chooses a filter in the left column (本单位待办, 逾期任务, 即将到期…) and waits for its list. */
  public Tasklist filter(String name) {
    var item = page.locator(".task-filter").filter(new Locator.FilterOptions().setHas(
        page.locator("h4.name a", new Page.LocatorOptions().setHasText(name))));
    // the description tooltip of the filter under the mouse may cover its neighbour
    page.mouse().move(900, 700);
    page.locator(".task-filter .tooltip").waitFor(new Locator.WaitForOptions()
        .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
    item.first().locator("h4.name a").click();
    page.locator(".task-filter.active").filter(new Locator.FilterOptions().setHasText(name))
        .first().waitFor();
    page.waitForLoadState(LoadState.NETWORKIDLE);
    screenshot("filter-" + name);
    return this;
  }

  /** The names of the task cards the current list shows. */
  public java.util.List<String> cardNames() {
    return page.locator("li.task h4").allInnerTexts().stream().map(String::strip).toList();
  }

  /** Opens the task of that name whose card shows the given text (a project code, a name…). */
  public Tasklist openTask(String taskName, String cardText) {
    var card = card(taskName, cardText);
    card.locator("h4 a").click();
    page.locator("[cam-tasklist-task-meta] .actors").first().waitFor();
    page.locator(".task-details .fjs-container").first().waitFor();
    page.waitForLoadState(LoadState.NETWORKIDLE);
    screenshot("open-" + taskName);
    return this;
  }

  public Locator card(String taskName, String cardText) {
    var card = page.locator("li.task")
        .filter(new Locator.FilterOptions().setHas(page.locator("h4", new Page.LocatorOptions()
            .setHasText(Pattern.compile("^\\s*" + quote(taskName) + "\\s*$")))))
        .filter(new Locator.FilterOptions().setHasText(cardText));
    card.first().waitFor();
    return card.first();
  }

  /** 认领: the form becomes editable for the user who claimed it. */
  public Tasklist claim() {
    page.locator("[cam-tasklist-task-meta] button.claim").click();
    page.locator("[cam-tasklist-task-meta] button.claim").waitFor(
        new Locator.WaitForOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
    page.waitForLoadState(LoadState.NETWORKIDLE);
    screenshot("claimed");
    return this;
  }

  /** 发起流程 → the process by its Chinese name; waits for its start form. */
  public Tasklist startProcess(String processName) {
    page.getByText("发起流程", new Page.GetByTextOptions().setExact(true)).first().click();
    page.locator(".modal a", new Page.LocatorOptions().setHasText(processName)).first().click();
    page.locator(".modal .fjs-container").waitFor();
    page.waitForLoadState(LoadState.NETWORKIDLE);
    screenshot("start-" + processName);
    return this;
  }

  /** The input of the field with that label (the nth one, for fields inside a list). */
  public Locator field(String label, int nth) {
    var id = label(label, nth).getAttribute("for");
    return page.locator("[id=\"" + id + "\"]");
  }

  public Locator field(String label) {
    return field(label, 0);
  }

  private Locator label(String label, int nth) {
    return page.locator(".fjs-form-field-label", new Page.LocatorOptions().setHasText(
        Pattern.compile("^\\s*" + quote(label) + "\\s*\\*?\\s*$"))).nth(nth);
  }

  public Tasklist fill(String label, String value) {
    return fill(label, 0, value);
  }

  /**
   * Types into the field and leaves it, then checks the field still shows what was typed, typing
   * again if not. Playwright types far faster than a person: a re-render still pending from the
   * previous field can reset the new input before form-js reads it (seen once in four runs in the
   * quarterly filing's list). An amount shown grouped (12,500,000.00) counts as what was typed.
   */
  public Tasklist fill(String label, int nth, String value) {
    for (int attempt = 1; ; attempt++) {
      var input = field(label, nth);
      input.fill(value);
      input.blur();
      settle();
      var shown = input.inputValue();
      if (plain(shown).equals(plain(value))) {
        return this;
      }
      if (attempt == 3) {
        throw new AssertionError("“" + label + "”（第" + (nth + 1) + "个）填入“" + value
            + "”后显示“" + shown + "”");
      }
    }
  }

  /** Two animation frames and a moment: what form-js had scheduled has been rendered. */
  private void settle() {
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => "
        + "requestAnimationFrame(() => setTimeout(done, 50))))");
  }

  private static String plain(String text) {
    return text.replace(",", "").replaceAll("\\.0+$", "");
  }

  /** 添加一行 under the dynamic list with that label; waits until the list has one row more. */
  public Tasklist addRow(String listLabel) {
    var list = page.locator(".fjs-form-field-dynamiclist, .fjs-form-field-grouplike")
        .filter(new Locator.FilterOptions().setHas(page.locator(".fjs-form-field-label",
            new Page.LocatorOptions().setHasText(Pattern.compile(
                "^\\s*" + quote(listLabel) + "\\s*\\*?\\s*$"))))).first();
    var rows = list.locator(".fjs-repeat-row-container");
    var before = rows.count();
    list.locator("button.fjs-repeat-render-add").first().click();
    rows.nth(before).waitFor();
    return this;
  }

  /** The option of a checklist whose own label contains the text a person looks for (a code). */
  public Locator option(String checklistLabel, String textOnOption) {
    var checklist = page.locator(".fjs-form-field-checklist").filter(new Locator.FilterOptions()
        .setHas(page.locator(".fjs-form-field-label", new Page.LocatorOptions().setHasText(
            Pattern.compile("^\\s*" + quote(checklistLabel) + "\\s*\\*?\\s*$")))));
    return checklist.first().locator("label").filter(new Locator.FilterOptions()
        .setHasText(textOnOption)).locator("input[type=checkbox]").first();
  }

  /** Ticks that option of a checklist. */
  public Tasklist tick(String checklistLabel, String textOnOption) {
    option(checklistLabel, textOnOption).check();
    return this;
  }

  /** Chooses an option of a select (form-js's own dropdown) by its visible label. */
  public Tasklist choose(String label, String option) {
    return choose(label, 0, option);
  }

  public Tasklist choose(String label, int nth, String option) {
    var id = label(label, nth).getAttribute("for");
    page.locator("[id=\"" + id + "-display\"]").click();
    var select = page.locator("[id=\"" + id + "\"]")
        .locator("xpath=ancestor::div[contains(@class,'fjs-form-field-select')][1]");
    select.locator(".fjs-dropdownlist-item", new Locator.LocatorOptions().setHasText(
        Pattern.compile("^\\s*" + quote(option) + "\\s*$"))).first().click();
    return this;
  }

  /** Picks one option of a radio group by its label. */
  public Tasklist radio(String groupLabel, String option) {
    return radio(groupLabel, 0, option);
  }

  /** The same in the nth radio group of that label (one per item of a list). */
  public Tasklist radio(String groupLabel, int nth, String option) {
    var group = page.locator(".fjs-form-field-radio").filter(new Locator.FilterOptions()
        .setHas(page.locator(".fjs-form-field-label", new Page.LocatorOptions()
            .setHasText(Pattern.compile("^\\s*" + quote(groupLabel) + "\\s*\\*?\\s*$")))))
        .nth(nth);
    group.getByLabel(option, new Locator.GetByLabelOptions().setExact(true)).check();
    return this;
  }

  /** Ticks a checkbox (or an option of a checklist) by its label. */
  public Tasklist check(String label) {
    page.locator(".fjs-container").getByLabel(label, new Locator.GetByLabelOptions()
        .setExact(true)).check();
    return this;
  }

  /** How many fields carry exactly that label (one per item of a list). */
  public int count(String label) {
    return page.locator(".fjs-form-field-label", new Page.LocatorOptions().setHasText(
        Pattern.compile("^\\s*" + quote(label) + "\\s*\\*?\\s*$"))).count();
  }

  /** Ticks the nth checkbox of that label (one per row of a list). */
  public Tasklist check(String label, int nth) {
    page.locator(".fjs-container").getByLabel(label, new Locator.GetByLabelOptions()
        .setExact(true)).nth(nth).check();
    return this;
  }

  /** Types a date (yyyy-MM-dd) into a date field, as a person does, and leaves the field. */
  public Tasklist date(String label, String isoDate) {
    var input = field(label, 0);
    input.click();
    input.fill(isoDate);
    input.press("Enter");
    input.blur();
    return this;
  }

  /**
   * 完成 on a task form: Tasklist closes the task when the engine took it. Fails with what the page
   * says when it refuses (a server error, a message at a field).
   */
  public Tasklist complete() {
    screenshot("filled");
    var button = page.locator("[cam-tasklist-form] button.btn-primary",
        new Page.LocatorOptions().setHasText("完成"));
    assertThat(button.isEnabled()).as("完成 is enabled").isTrue();
    button.click();
    var closed = page.locator(".task-details .no-task:visible");
    var error = page.locator(".page-notifications .alert-danger, .fjs-form-field-error");
    closed.or(error).first().waitFor();
    screenshot("completed");
    assertThat(error.allInnerTexts()).as("what the page says after 完成").isEmpty();
    return this;
  }

  /** 发起 on a start form; returns the notification Tasklist shows. */
  public String start() {
    screenshot("filled");
    var button = page.locator(".modal-footer button.btn-primary");
    assertThat(button.isEnabled()).as("发起 is enabled").isTrue();
    button.click();
    return notification("started");
  }

  /**
   * 完成 on a task form that the server refuses (a listener or delegate rejects the values):
   * returns what the page says, and checks the form stays open.
   */
  public String completeRefused() {
    screenshot("filled");
    var button = page.locator("[cam-tasklist-form] button.btn-primary",
        new Page.LocatorOptions().setHasText("完成"));
    assertThat(button.isEnabled()).as("完成 is enabled").isTrue();
    button.click();
    var error = page.locator(".page-notifications .alert-danger");
    error.first().waitFor();
    screenshot("refused");
    assertThat(page.locator(".task-details .fjs-container").isVisible())
        .as("the form stays open").isTrue();
    return String.join("\n", error.allInnerTexts());
  }

  /** Clicks 完成 / 发起 expecting the form to refuse: returns the messages shown at the fields. */
  public java.util.List<String> submitRefused(boolean startForm) {
    var button = startForm ? page.locator(".modal-footer button.btn-primary")
        : page.locator("[cam-tasklist-form] button.btn-primary",
            new Page.LocatorOptions().setHasText("完成"));
    if (button.isEnabled()) {
      button.click();
    }
    page.locator(".fjs-form-field-error").first().waitFor();
    screenshot("refused");
    return page.locator(".fjs-form-field-error").allInnerTexts();
  }

  private String notification(String shot) {
    var note = page.locator(".page-notifications .alert").last();
    note.waitFor();
    var text = note.innerText();
    screenshot(shot);
    return text;
  }

  /** What Tasklist's notifications say (waits for the first one). */
  public String notifications() {
    var alerts = page.locator(".page-notifications .alert, .modal [notifications-panel] .alert");
    alerts.first().waitFor();
    return String.join("\n", alerts.allInnerTexts());
  }

  public Tasklist screenshot(String name) {
    var file = shots.resolve(String.format("%02d-%s.png", ++step,
        name.replaceAll("[\\\\/:*?\"<>|\\s]+", "_")));
    page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
    return this;
  }

  /** The role-based locator, for assertions a test makes on the page itself. */
  public Locator byRole(AriaRole role, String name) {
    return page.getByRole(role, new Page.GetByRoleOptions().setName(name));
  }
}
