package cn.fundmonitor.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;

/**
 * Interactions the selection form needs beyond {@link Tasklist}: one option of a form-js checklist
 * whose options are long generated labels (项目编码 名称（地区，方向，金额）), ticked by the text a
 * person looks for on it, the project code. Belongs in {@link Tasklist} once the lead engineer
 * takes it over ({@link Tasklist#check} needs the whole label).
 */
final class SelectionSteps {

  private SelectionSteps() {}

  /** The option of the checklist with that label whose own label contains the given text. */
  static Locator option(Tasklist tasklist, String checklistLabel, String textOnOption) {
    var page = tasklist.page();
    var checklist = page.locator(".fjs-form-field-checklist").filter(new Locator.FilterOptions()
        .setHas(page.locator(".fjs-form-field-label", new Page.LocatorOptions().setHasText(
            Pattern.compile("^\\s*" + AllocationSteps.quote(checklistLabel) + "\\s*\\*?\\s*$")))));
    return checklist.first().locator("label").filter(new Locator.FilterOptions()
        .setHasText(textOnOption)).locator("input[type=checkbox]").first();
  }

  /** Ticks that option. */
  static void tick(Tasklist tasklist, String checklistLabel, String textOnOption) {
    option(tasklist, checklistLabel, textOnOption).check();
  }
}
