package cn.fundmonitor.browser;

import static cn.fundmonitor.filing.QuarterlyFilingProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.support.Submitted;
import cn.fundmonitor.platform.ProcessVariables;
import cn.fundmonitor.filing.FilingService;
import cn.fundmonitor.filing.FilingStatus;
import cn.fundmonitor.filing.FundSource;
import cn.fundmonitor.filing.IndicatorActual;
import cn.fundmonitor.filing.Quarter;
import cn.fundmonitor.overdue.OverdueService;
import cn.fundmonitor.support.Funding;
import cn.fundmonitor.support.Projects;
import cn.fundmonitor.support.TestUsers;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * quarterlyFiling (季度填报, MNR 第十一条、第二十二条) done in Tasklist by its own users: the county
 * files payments by fund source, physical progress and every indicator's actual value; the city
 * follows up a late filing; the province reviews, rates the qualitative indicator and transmits.
 *
 * <p>Each test funds a fresh project of Xingning (兴宁区) with 1,000,000 yuan, whose implementation
 * plan (资阳 三(三): 项目实施进度) has 90% of the money paid and 95% of the work done by the end of
 * this year, and opens its filing as the wave's batch does. The filed quarter is the fourth of this
 * year, so the figures typed are on plan whatever day the test runs.
 */
@BrowserTest
class FilingBrowserIT {

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired FilingService filings;
  @Autowired OverdueService overdue;
  @Autowired Projects projects;
  @Autowired Funding funding;
  @Autowired TestUsers users;
  @Autowired cn.fundmonitor.project.ProgressPlans plans;

  /** MNR 第十一条: the unit files by the 15th after the quarter, payments split by fund source. */
  @Test
  void theCountyFilesPaymentsProgressAndEveryIndicatorsActualValue(Tasklist tasklist) {
    var pi = open("兴宁区浏览器季度填报项目", fourthQuarter());
    var project = PROJECT_CODE.get(runtime, pi);

    tasklist.login("xingning-finance").openTask("填报季度执行情况", project).claim();
    assertThat(tasklist.field("项目和期限").inputValue()).contains(project)
        .contains("到位资金：100 万元（1000000.00 元）");
    assertThat(tasklist.field("指标", 0).inputValue()).isEqualTo("修复治理面积");
    assertThat(tasklist.field("计量单位", 0).inputValue()).isEqualTo("公顷");
    tasklist.fill("累计支付金额（元）", "900,000.00");
    tasklist.fill("其中：中央财政资金（元）", "800000");
    tasklist.fill("其中：市县财政资金（元）", "100,000.00");
    tasklist.fill("实物工作量完成进度（%）", "95");
    tasklist.fill("实际完成值", 0, "118");
    tasklist.check("未达监控节点", 1); // 完工时间 ≤ 2027-12-31: not yet due
    tasklist.fill("实际完成值", 2, "矿区植被覆盖度明显提高，水土流失得到控制");
    tasklist.fill("实际完成值", 3, "92");
    assertThat(tasklist.field("其中：中央财政资金（元）").inputValue()).isEqualTo("800,000.00");
    tasklist.complete();

    var key = pi.getBusinessKey();
    var filing = filings.get(key);
    assertThat(filing.status()).isEqualTo(FilingStatus.FILED);
    assertThat(filing.filedBy()).isEqualTo("xingning-finance");
    assertThat(filing.paidToDate().amount()).isEqualByComparingTo("900000");
    assertThat(filing.physicalProgress()).isEqualByComparingTo("95");
    assertThat(filing.warningLevel()).as("on plan: no warning").isNull();
    var payments = filings.payments(key);
    assertThat(payments.get(FundSource.CENTRAL).amount()).isEqualByComparingTo("800000");
    assertThat(payments.get(FundSource.LOCAL).amount()).isEqualByComparingTo("100000");
    assertThat(filings.actuals(key)).extracting(IndicatorActual::actualText)
        .containsExactly("118", "未达监控节点", "矿区植被覆盖度明显提高，水土流失得到控制", "92");
    assertThat(filings.actuals(key)).extracting(IndicatorActual::completionRate)
        .as("118 of 120 公顷; ≥ 90% reached; the qualitative one waits for the reviewer")
        .containsExactly(98, null, null, 100);
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(TASK_REVIEW).taskCandidateGroup("450000-eco").count()).isOne();
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(TASK_FILE).count()).isZero();
  }

  /** The filing deadline passed: the superior (Nanning's finance department) follows up. */
  @Test
  void theCityFollowsUpALateFiling(Tasklist tasklist) {
    var pi = open("兴宁区浏览器逾期填报项目", lateQuarter());
    var project = PROJECT_CODE.get(runtime, pi);
    management.executeJob(management.createJobQuery().processInstanceId(pi.getId())
        .activityId(TIMER_FILING_OVERDUE).singleResult().getId());

    tasklist.login("nanning-finance").openTask("催办：季度填报逾期", project).claim();
    assertThat(tasklist.field("逾期情况").inputValue()).contains("兴宁区 填报季度执行情况");
    tasklist.fill("催办情况", "已电话督促兴宁区自然资源局财务股，承诺3个工作日内完成填报。")
        .complete();

    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId(END_FOLLOWED_UP).finished().count()).isOne();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("followUpNote").singleResult().getValue())
        .isEqualTo("已电话督促兴宁区自然资源局财务股，承诺3个工作日内完成填报。");
    assertThat(overdue.forProcessInstance(pi.getId())).singleElement()
        .satisfies(s -> assertThat(s.escalatedToGroup()).isEqualTo("450100-finance"));
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(TASK_FILE).count()).as("the filing itself still waits").isOne();
  }

  /**
   * MNR 第二十二条: the province reviews before transmitting to the ministry and rates the
   * qualitative indicator; the transmitted filing is locked.
   */
  @Test
  void theProvinceRatesTheQualitativeIndicatorAndTransmits(Tasklist tasklist) {
    var pi = open("兴宁区浏览器省级审核项目", fourthQuarter());
    var project = PROJECT_CODE.get(runtime, pi);
    fileAsXingning(pi);

    tasklist.login("guangxi-eco").openTask("省级审核季度填报", project).claim();
    assertThat(tasklist.field("填报情况").inputValue()).contains("累计支付：90 万元（到位 100 万元）");
    assertThat(tasklist.field("指标", 0).inputValue()).isEqualTo("生态环境");
    tasklist.fill("完成率（%）", 0, "85")
        .radio("审核结论", "审核通过，传输至自然资源部");
    tasklist.fill("审核意见", "支付数与国库集中支付系统一致，生态环境改善情况经现场核实，同意传输。")
        .complete();

    var key = pi.getBusinessKey();
    var filing = filings.get(key);
    assertThat(filing.status()).isEqualTo(FilingStatus.TRANSMITTED);
    assertThat(filing.reviewedBy()).isEqualTo("guangxi-eco");
    assertThat(filings.actuals(key).get(2)).satisfies(a -> {
      assertThat(a.completionRate()).isEqualTo(85);
      assertThat(a.rateByReviewer()).isTrue();
    });
    assertThat(filings.events(key)).containsExactly("FILED", "TRANSMITTED");
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi.getId())
        .finished().singleResult().getEndActivityId()).isEqualTo(END_TRANSMITTED);
    assertThat(REVIEW_COMMENT.fromHistory(history, pi.getId()))
        .isEqualTo("支付数与国库集中支付系统一致，生态环境改善情况经现场核实，同意传输。");
  }

  /** This year's fourth quarter: the whole year has elapsed, the deadline is next 15 January. */
  private static Quarter fourthQuarter() {
    return new Quarter(LocalDate.now().getYear(), 4);
  }

  /** A quarter whose deadline (the 15th after it, moved past days off) has certainly passed. */
  private static Quarter lateQuarter() {
    return Quarter.endedBefore(LocalDate.now().minusMonths(1));
  }

  /** A fresh funded project of Xingning, and its filing opened as the wave's batch opens it. */
  private ProcessInstance open(String name, Quarter quarter) {
    var project = projects.warehoused("xingning-eco", "450102",
        name + System.nanoTime() % 100000);
    funding.fund(project, "450102", "1000000", LocalDate.now());
    plans.record(project, List.of(Map.of("pointOn", quarter.lastDay().toString(),
        "plannedExecution", 90, "plannedPhysical", 95)));
    filings.prepare(project, quarter);
    return runtime.createProcessInstanceByKey(KEY).businessKey(quarter.key(project))
        .setVariables(ProcessVariables.builder()
            .set(FILING_YEAR, quarter.year())
            .set(FILING_QUARTER, quarter.quarter())
            .set(PROJECT_CODE, project).build())
        .execute();
  }

  /** Xingning's filing through the service: on schedule, the qualitative indicator described. */
  private void fileAsXingning(ProcessInstance pi) {
    var task = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_FILE)
        .singleResult();
    users.run("xingning-finance", () -> {
      tasks.claim(task.getId(), "xingning-finance");
      tasks.complete(task.getId(), Submitted.onto(ProcessVariables.builder()
          .set(PAID_TO_DATE, "900000").build().putValue(paidField(FundSource.CENTRAL), "900000"))
          .value(PHYSICAL_PROGRESS, 95)
          .json(INDICATOR_ACTUALS, List.of(
              Map.of("position", 1, "actual", "118", "notYetDue", false),
              Map.of("position", 2, "actual", "", "notYetDue", true),
              Map.of("position", 3, "actual", "矿区植被覆盖度明显提高", "notYetDue", false),
              Map.of("position", 4, "actual", "92", "notYetDue", false))).build());
    });
  }
}
