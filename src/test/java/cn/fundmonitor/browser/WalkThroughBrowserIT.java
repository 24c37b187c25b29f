package cn.fundmonitor.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.filing.FilingService;
import cn.fundmonitor.filing.QuarterlyFilingProcess;
import cn.fundmonitor.project.ProjectCatalogue;
import cn.fundmonitor.project.ProjectStatus;
import cn.fundmonitor.support.Http;
import cn.fundmonitor.support.TestUsers;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The README's walk-through, clicked as its users click it: a county applies (项目入库, MNR 第九条),
 * the province approves, the project is warehoused and the API shows it; the county files its
 * quarter in the 填报季度执行情况 form (MNR 第十一条), explains its red warning (资阳 三(三)) and the
 * province's review opens.
 */
@BrowserTest
class WalkThroughBrowserIT {

  @Autowired ProjectCatalogue catalogue;
  @Autowired FilingService filings;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired TestUsers users;
  @LocalServerPort int port;

  @Test
  void aCountyAppliesTheProvinceApprovesAndTheQuarterIsFiled(Tasklist tasklist) {
    // 1. xingning-eco: 发起流程 → 项目入库, at least one 产出 and one 效益 indicator
    ApplicationForm.fillEcoRestoration(tasklist.login("xingning-eco").startProcess("项目入库"),
        "兴宁区五塘镇矿山生态修复项目（走查）", "3,961,869.98", "废弃矿山地形重塑、植被恢复，2026年至2027年实施");
    assertThat(tasklist.start()).contains("流程已发起");
    var code = catalogue.visibleTo(users.groups("xingning-eco"), Optional.empty()).stream()
        .filter(p -> p.name().equals("兴宁区五塘镇矿山生态修复项目（走查）")).findFirst()
        .orElseThrow().code();

    // 2. guangxi-eco: the application waits in 本单位待办; claim, 通过，备案入库
    tasklist.logout().login("guangxi-eco").openTask("省级业务处室审核入库申报", code).claim()
        .radio("审核结论", "通过，备案入库").fill("审核意见", "同意入库。").complete();

    // 3. the project is warehoused, with its status history, as curl shows it
    var answer = new Http(port).get("/api/projects/" + code, "xingning-eco", "demo");
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("\"status\":\"WAREHOUSED\"", "\"statusName\":\"已入库\"",
        "guangxi-eco", "同意入库。");
    assertThat(catalogue.get(code).status()).isEqualTo(ProjectStatus.WAREHOUSED);

    // 4. xingning-finance files the demo project's quarter in the form (MNR 第十一条)
    var filing = tasks.createTaskQuery().taskDefinitionKey(QuarterlyFilingProcess.TASK_FILE)
        .processInstanceBusinessKeyLike("450102-2026-0001-%").singleResult();
    var instance = filing.getProcessInstanceId();
    var businessKey = runtime.createProcessInstanceQuery().processInstanceId(instance)
        .singleResult().getBusinessKey();
    tasklist.logout().login("xingning-finance").openTask("填报季度执行情况", "450102-2026-0001")
        .claim()
        .fill("累计支付金额（元）", "1,200,000.00")
        .fill("其中：中央财政资金（元）", "1000000")
        .fill("其中：省级财政资金（元）", "200,000")
        .fill("实物工作量完成进度（%）", "40");
    // every indicator gets its actual value as the target reads: a number, a date or words
    var rows = tasklist.count("实际完成值");
    assertThat(rows).isPositive();
    for (int i = 0; i < rows; i++) {
      var target = tasklist.field("目标值", i).inputValue();
      var date = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}").matcher(target);
      var number = java.util.regex.Pattern.compile("\\d+(\\.\\d+)?").matcher(target);
      tasklist.fill("实际完成值", i, date.find() ? "2026-10-31"
          : number.find() ? new java.math.BigDecimal(number.group()).divide(
              java.math.BigDecimal.valueOf(2)).stripTrailingZeros().toPlainString()
          : "明显改善");
    }
    tasklist.complete();

    var filed = filings.get(businessKey);
    assertThat(filed.paidToDate().amount()).isEqualByComparingTo("1200000.00");
    assertThat(filed.physicalProgress()).isEqualByComparingTo("40");
    // 1,200,000 paid of the 12,500,000 applied for, 11,000,000 of which arrived (88%): against
    // the allocation (资阳 三(三)) that is 11 → red, so the county explains before the province
    // reviews, and sees the warning the moment it submits
    assertThat(filed.warningLevel()).isEqualTo("RED");
    assertThat(tasklist.page().locator(".fm-filing-result").innerText()).contains("红色预警");
    // the filing is in; its problem is raised in a job of its own (issue 18), then the red card
    assertThat(tasklist.runProblemRaises()).isPositive();
    assertThat(tasks.createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey(QuarterlyFilingProcess.TASK_RESPOND_TO_WARNING).count()).isOne();
    tasklist.openTask("说明或整改红色预警", "450102-2026-0001");
    assertThat(tasklist.page().locator(".fm-filing-result").count())
        .as("going on to other work closes the result, it never covers 认领").isZero();
    tasklist.claim().radio("处理方式", "说明滞后原因")
        .fill("情况说明或整改措施", "工程款按合同节点支付，第二笔进度款将于下月支付。").complete();
    assertThat(tasks.createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey(QuarterlyFilingProcess.TASK_REVIEW).count()).isOne();
  }
}
