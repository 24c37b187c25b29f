package cn.fundmonitor.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.project.ProjectCatalogue;
import cn.fundmonitor.support.Applications;
import cn.fundmonitor.support.TestUsers;
import cn.fundmonitor.warehousing.ApplicationStarter;
import cn.fundmonitor.warehousing.ProjectWarehousingProcess;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tasklist as staff meet it: work found by project, dates people can read, only what the user may
 * do, nothing lost by a slip of the Esc key, and forms that say what is wrong.
 */
@BrowserTest
class TasklistBrowserIT {

  @Autowired ApplicationStarter starter;
  @Autowired ProjectCatalogue catalogue;
  @Autowired TaskService tasks;
  @Autowired TestUsers users;

  @Test
  void staffFindTheirWorkByProjectCodeNumberOrPartOfTheName(Tasklist tasklist) {
    var project = users.as("xingning-eco", () -> starter.apply(
        Applications.xingningRestoration("兴宁区检索测试湿地修复项目")));
    tasklist.login("guangxi-eco");

    assertThat(tasklist.search(project.code())).containsExactly("省级业务处室审核入库申报");
    // digits alone used to throw "e.replace is not a function" in Tasklist's search
    var number = project.code().substring(project.code().lastIndexOf('-') + 1);
    assertThat(tasklist.search(number)).contains("省级业务处室审核入库申报");
    assertThat(tasklist.search("检索测试湿地")).containsExactly("省级业务处室审核入库申报");
    assertThat(tasklist.search("审核入库")).hasSizeGreaterThanOrEqualTo(2);
    assertThat(tasklist.search("不存在的项目名称")).isEmpty();
  }

  @Test
  void dueDatesShowTheDateAndOverdueWorkStandsOut(Tasklist tasklist) {
    // the demo's 财资环〔2026〕7号 passed its 30-day issue deadline (MNR 第九条)
    tasklist.login("guangxi-finance");
    var overdue = tasklist.card("下达资金并分解绩效目标", "财资环〔2026〕7号");
    assertThat(overdue.locator(".fm-due-on").innerText()).matches("（\\d{4}-\\d{2}-\\d{2}，已逾期）");
    assertThat(overdue.locator(".due-date.overdue").evaluate(
        "e => getComputedStyle(e).color")).isEqualTo("rgb(201, 48, 44)");
    var onTime = tasklist.card("下达资金并分解绩效目标", "财资环〔2026〕12号");
    assertThat(onTime.locator(".fm-due-on").innerText()).matches("（\\d{4}-\\d{2}-\\d{2}）");
    // every task has priority 50: not shown
    assertThat(tasklist.page().locator("li.task .priority").first().isVisible()).isFalse();
    tasklist.screenshot("due-dates");
  }

  @Test
  void staffSeeNoCreateTaskNorTheEndOfLifeBannerAdministratorsDo(Tasklist tasklist) {
    tasklist.login("xingning-eco");
    assertThat(tasklist.page().locator("li.create-task-action").isVisible()).isFalse();
    assertThat(tasklist.page().locator(".ce-eol-banner").isVisible()).isFalse();
    assertThat(tasklist.page().locator("html").getAttribute("lang")).isEqualTo("zh-CN");

    tasklist.logout().login("demo");
    tasklist.page().locator("li.create-task-action").waitFor();
    assertThat(tasklist.page().locator("li.create-task-action").innerText()).contains("创建任务");
  }

  @Test
  void closingAHalfFilledStartFormAsksBeforeDiscardingIt(Tasklist tasklist) {
    tasklist.login("xingning-eco").startProcess("项目入库").fill("项目名称", "填了一半的申报");

    tasklist.page().keyboard().press("Escape");
    var dialog = tasklist.page().locator(".fm-discard-dialog");
    dialog.waitFor();
    assertThat(dialog.innerText()).contains("已填写的内容尚未提交");
    tasklist.screenshot("asked");
    dialog.getByText("继续填写").click();
    assertThat(tasklist.field("项目名称").inputValue()).isEqualTo("填了一半的申报");

    tasklist.page().locator(".modal-footer button", new com.microsoft.playwright.Page.LocatorOptions()
        .setHasText("关闭")).click();
    dialog.getByText("放弃并关闭").click();
    tasklist.page().locator(".modal .fjs-container").waitFor(
        new com.microsoft.playwright.Locator.WaitForOptions()
            .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
    assertThat(catalogue.visibleTo(users.groups("xingning-eco"), Optional.empty()))
        .noneMatch(p -> p.name().equals("填了一半的申报"));
  }

  @Test
  void aFormSaysWhatIsMissingWhenTheUserTriesToSubmit(Tasklist tasklist) {
    tasklist.login("xingning-eco").startProcess("项目入库");

    var messages = tasklist.submitRefused(true);

    // 项目名称, 方向, 资金类型, 金额 and five required fields in each of the two indicator rows
    assertThat(messages).hasSize(14).allMatch("请填写此项"::equals);
    assertThat(tasklist.notifications()).contains("表单中有 14 处需要填写或修改");
    assertThat(tasklist.page().locator(".fjs-container").innerText())
        .doesNotContain("Field is required", "Select", "Add new");
  }

  @Test
  void badAmountsAndAMissingTargetAreRefusedInChineseAndNothingIsFiled(Tasklist tasklist) {
    var before = catalogue.visibleTo(users.groups("xingning-eco"), Optional.empty()).size();
    tasklist.login("xingning-eco").startProcess("项目入库")
        .fill("项目名称", "兴宁区错误输入测试项目")
        .choose("申报方向", "国土综合整治与生态修复")
        .choose("资金类型", "中央财政支持专项相关资金")
        .choose("一级指标", 0, "产出").choose("二级指标", 0, "数量（产出）")
        .fill("三级指标", 0, "修复治理面积").choose("比较符", 0, "≥").fill("计量单位", 0, "公顷")
        .choose("一级指标", 1, "效益").choose("二级指标", 1, "生态效益（效益）")
        .fill("三级指标", 1, "生态环境").choose("比较符", 1, "定性").fill("目标值", 1, "有效改善");

    tasklist.fill("申报金额（元）", "-5000");
    assertThat(tasklist.errorAt("申报金额（元）")).isEqualTo("金额不能为负数");
    tasklist.fill("申报金额（元）", "12,50,000");
    assertThat(tasklist.errorAt("申报金额（元）")).contains("千位分隔符位置不对");
    tasklist.fill("申报金额（元）", "12500000.005");
    assertThat(tasklist.errorAt("申报金额（元）")).contains("最多保留两位小数");
    // the value stays as typed: nothing is rounded behind the user's back
    assertThat(tasklist.field("申报金额（元）").inputValue()).isEqualTo("12500000.005");
    // while a field shows an error, 发起 cannot send the form
    assertThat(tasklist.page().locator(".modal-footer button.btn-primary").isEnabled()).isFalse();
    tasklist.screenshot("bad-amount");

    // a grouped amount is fine; the first indicator still has no 目标值
    tasklist.fill("申报金额（元）", "12,500,000.00");
    assertThat(tasklist.errorAt("申报金额（元）")).isEmpty();
    var messages = tasklist.submitRefused(true);
    assertThat(messages).containsExactly("请填写此项");
    assertThat(tasklist.errorAt("目标值", 0)).isEqualTo("请填写此项");
    assertThat(catalogue.visibleTo(users.groups("xingning-eco"), Optional.empty())).hasSize(before);

    // corrected, it goes through and the grouped amount is read exactly
    tasklist.fill("目标值", 0, "80");
    assertThat(tasklist.start()).contains("流程已发起");
    var filed = catalogue.visibleTo(users.groups("xingning-eco"), Optional.empty()).stream()
        .filter(p -> p.name().equals("兴宁区错误输入测试项目")).findFirst().orElseThrow();
    assertThat(filed.requestedAmount().amount()).isEqualByComparingTo("12500000.00");
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(filed.code())
        .taskDefinitionKey(ProjectWarehousingProcess.TASK_REVIEW).count()).isOne();
  }
}
