package cn.fundmonitor.browser;

import static cn.fundmonitor.warehousing.ProjectWarehousingProcess.TASK_REVIEW;
import static cn.fundmonitor.warehousing.ProjectWarehousingProcess.TASK_REVISE;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.project.ProjectCatalogue;
import cn.fundmonitor.project.ProjectStatus;
import cn.fundmonitor.support.Applications;
import cn.fundmonitor.support.TestUsers;
import cn.fundmonitor.warehousing.ApplicationStarter;
import cn.fundmonitor.warehousing.ProjectWarehousingProcess;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * projectWarehousing (项目入库, MNR 第九条; GX 第十五条) done in Tasklist by its own users: a county
 * applies on the start form, the province reviews, a returned application is corrected.
 */
@BrowserTest
class WarehousingBrowserIT {

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ProjectCatalogue catalogue;
  @Autowired ApplicationStarter starter;
  @Autowired TestUsers users;

  @Test
  void aCountyAppliesOnTheStartFormWithAGroupedAmount(Tasklist tasklist) {
    var name = "兴宁区浏览器申报生态修复项目" + System.nanoTime() % 100000;
    ApplicationForm.fillEcoRestoration(tasklist.login("xingning-eco").startProcess("项目入库"),
        name, "12,500,000.00", "矿山地形重塑与植被恢复，2026—2027年实施");
    assertThat(tasklist.field("申报金额（元）").inputValue()).isEqualTo("12,500,000.00");

    assertThat(tasklist.start()).contains("流程已发起");

    var project = catalogue.visibleTo(users.groups("xingning-eco"), java.util.Optional.empty())
        .stream().filter(p -> p.name().equals(name)).findFirst()
        .map(p -> catalogue.get(p.code())).orElseThrow();
    assertThat(project.requestedAmount().amount()).isEqualByComparingTo("12500000.00");
    assertThat(project.indicators()).hasSize(2);
    assertThat(project.status()).isEqualTo(ProjectStatus.UNDER_REVIEW);
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(project.code())
        .taskDefinitionKey(TASK_REVIEW).count()).isEqualTo(1);
  }

  @Test
  void theProvinceApprovesAndTheProjectIsWarehoused(Tasklist tasklist) {
    var code = apply("兴宁区浏览器审核项目");

    tasklist.login("guangxi-eco").openTask("省级业务处室审核入库申报", code).claim()
        .radio("审核结论", "通过，备案入库")
        .fill("审核意见", "材料齐全，绩效目标可量化，同意入库。");
    assertThat(tasklist.field("申报金额（元）").inputValue()).isEqualTo("3,961,869.98");
    tasklist.complete();

    assertThat(catalogue.get(code).status()).isEqualTo(ProjectStatus.WAREHOUSED);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).count())
        .isZero();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(code)
        .finished().singleResult().getEndActivityId())
        .isEqualTo(ProjectWarehousingProcess.END_WAREHOUSED);
  }

  @Test
  void aReturnedApplicationIsCorrectedAndResubmitted(Tasklist tasklist) {
    var code = apply("兴宁区浏览器退回项目");
    var review = tasks.createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey(TASK_REVIEW).singleResult();
    users.run("guangxi-eco", () -> {
      tasks.claim(review.getId(), "guangxi-eco");
      tasks.complete(review.getId(), java.util.Map.of("reviewOutcome", "RETURN",
          "reviewComment", "请补充满意度指标"));
    });

    tasklist.login("xingning-eco").openTask("修改或撤回入库申报", code).claim()
        .fill("申报金额（元）", "4000000")
        .radio("处理方式", "修改后重新提交")
        .fill("修改说明", "按审核意见调整申报金额");
    assertThat(tasklist.field("申报金额（元）").inputValue()).isEqualTo("4,000,000.00");
    tasklist.complete();

    assertThat(catalogue.get(code).requestedAmount().amount()).isEqualByComparingTo("4000000");
    assertThat(catalogue.get(code).status()).isEqualTo(ProjectStatus.UNDER_REVIEW);
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey(TASK_REVIEW).count()).isEqualTo(1);
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey(TASK_REVISE).count()).isZero();
  }

  private String apply(String name) {
    return users.as("xingning-eco", () -> starter.apply(
        Applications.xingningRestoration(name + System.nanoTime() % 100000)).code());
  }
}
