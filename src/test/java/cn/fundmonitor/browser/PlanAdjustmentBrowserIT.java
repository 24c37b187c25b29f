package cn.fundmonitor.browser;

import static cn.fundmonitor.lifecycle.PlanAdjustmentProcess.COMMENT;
import static cn.fundmonitor.lifecycle.PlanAdjustmentProcess.COMPARISON;
import static cn.fundmonitor.lifecycle.PlanAdjustmentProcess.END_APPROVED;
import static cn.fundmonitor.lifecycle.PlanAdjustmentProcess.INDICATORS;
import static cn.fundmonitor.lifecycle.PlanAdjustmentProcess.KEY;
import static cn.fundmonitor.lifecycle.PlanAdjustmentProcess.PROJECT_CODE;
import static cn.fundmonitor.lifecycle.PlanAdjustmentProcess.REASON;
import static cn.fundmonitor.lifecycle.PlanAdjustmentProcess.REQUESTER;
import static cn.fundmonitor.lifecycle.PlanAdjustmentProcess.TASK_EDIT;
import static cn.fundmonitor.lifecycle.PlanAdjustmentProcess.TASK_REVIEW;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.platform.ProcessVariables;
import cn.fundmonitor.support.Submitted;
import cn.fundmonitor.lifecycle.PlanAdjustmentService;
import cn.fundmonitor.platform.JsonVariables;
import cn.fundmonitor.project.IndicatorTarget;
import cn.fundmonitor.project.ProjectCatalogue;
import cn.fundmonitor.support.Projects;
import cn.fundmonitor.support.TestUsers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * planAdjustment (实施方案调整, GX 第二十一条) done in Tasklist by its own users: the unit that
 * carries a warehoused project requests the adjustment on the start form and edits its targets (the
 * server refuses a lowered one, naming it); the province department that approved the project
 * approves or returns it.
 */
@BrowserTest
class PlanAdjustmentBrowserIT {

  static final String UNIT_USER = "xingning-eco";
  static final String REVIEWER = "guangxi-eco";

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired PlanAdjustmentService adjustments;
  @Autowired ProjectCatalogue catalogue;
  @Autowired TestUsers users;
  @Autowired Projects projects;

  @Test
  void theUnitRequestsAnAdjustmentOnTheStartForm_gxArticle21(Tasklist tasklist) {
    var code = warehoused("兴宁区浏览器调整申请项目");
    var reason = "征地范围调整：治理区东侧约8公顷划入城市建设用地，需将治理区向西调整。";

    var message = tasklist.login(UNIT_USER).startProcess("实施方案调整")
        .fill("项目编码（本单位已入库项目）", code)
        .fill("实施环境和条件发生的重大变化（调整理由）", reason)
        .start();

    assertThat(message).contains("流程已发起");
    var pi = PROJECT_CODE.whereEquals(runtime.createProcessInstanceQuery()
        .processDefinitionKey(KEY), code).singleResult();
    assertThat(pi).as("the request for %s is running", code).isNotNull();
    assertThat(pi.getBusinessKey()).as("the request number").startsWith("TZ");
    var adjustment = adjustments.get(pi.getBusinessKey());
    assertThat(adjustment.projectCode()).isEqualTo(code);
    assertThat(adjustment.reason()).isEqualTo(reason);
    assertThat(adjustment.status()).isEqualTo("OPEN");
    assertThat(adjustment.requestedBy()).isEqualTo(UNIT_USER);
    assertThat(REQUESTER.from(runtime, pi.getId())).isEqualTo(UNIT_USER);
    var edit = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_EDIT)
        .singleResult();
    assertThat(edit).as("the unit edits its targets next").isNotNull();
    assertThat(tasks.getIdentityLinksForTask(edit.getId())).extracting(IdentityLink::getGroupId)
        .contains("450102-eco", "450102-finance");
  }

  @Test
  void theUnitRaisesATargetAndAddsAnIndicator_gxArticle21(Tasklist tasklist) {
    var code = warehoused("兴宁区浏览器调整目标项目");
    var pi = request(code, "受汛期影响，治理区边坡需增加截排水工程。");
    var no = pi.getBusinessKey();

    tasklist.login(UNIT_USER).openTask("编制调整后的绩效目标", code).claim();
    assertThat(tasklist.field("项目编码").inputValue()).isEqualTo(code);
    assertThat(tasklist.field("三级指标", 0).inputValue()).isEqualTo("修复治理面积");
    assertThat(tasklist.field("目标值", 0).inputValue()).isEqualTo("120");
    tasklist.fill("调整理由", "受汛期影响，治理区边坡需增加截排水工程；治理面积随之扩大，并增加受益群众指标。")
        .fill("目标值", 0, "150");
    tasklist.addRow("调整后的全部绩效指标");
    tasklist.choose("一级指标", 4, "效益").choose("二级指标", 4, "社会效益（效益）")
        .fill("三级指标", 4, "受益群众").choose("比较符", 4, "≥")
        .fill("目标值", 4, "2000").fill("计量单位", 4, "人")
        .complete();

    var review = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_REVIEW)
        .singleResult();
    assertThat(review).as("the province reviews next").isNotNull();
    assertThat(tasks.getIdentityLinksForTask(review.getId())).extracting(IdentityLink::getGroupId)
        .containsExactly("450000-eco");
    assertThat((String) COMPARISON.from(runtime, pi.getId())).contains(
        "1. 修复治理面积 ≥ 120 公顷 → 修复治理面积 ≥ 150 公顷", "2. 不变：完工时间",
        "5. 新增：受益群众 ≥ 2000 人");
    var adjustment = adjustments.get(no);
    assertThat(adjustment.status()).isEqualTo("SUBMITTED");
    assertThat(adjustment.reason()).startsWith("受汛期影响").endsWith("并增加受益群众指标。");
    assertThat(adjustment.indicatorsAfter()).contains("\"target\":\"150\"", "\"name\":\"受益群众\"",
        "\"level2\":\"SOCIAL\"", "\"comparator\":\"GE\"", "\"unit\":\"人\"");
    assertThat(targetOfFirstIndicator(code)).as("applied only when approved").isEqualTo("120");
  }

  @Test
  void aLoweredTargetIsRefusedWithTheIndicatorNamed_gxArticle21(Tasklist tasklist) {
    var code = warehoused("兴宁区浏览器降低目标项目");
    var pi = request(code, "受灾影响，部分治理区暂无法施工。");

    tasklist.login(UNIT_USER).openTask("编制调整后的绩效目标", code).claim()
        .fill("目标值", 0, "100");
    var said = tasklist.completeRefused();

    assertThat(said).contains("第1项指标“修复治理面积”目标值由 120 降低为 100");
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_EDIT)
        .count()).as("still with the unit").isEqualTo(1);
    assertThat(adjustments.get(pi.getBusinessKey()).status()).isEqualTo("OPEN");
    assertThat(targetOfFirstIndicator(code)).isEqualTo("120");
  }

  @Test
  void theProvinceApprovesAndTheTargetsAreReplaced_gxArticle21(Tasklist tasklist) {
    var code = warehoused("兴宁区浏览器调整审批项目");
    var pi = request(code, "征地范围调整，治理区位置变化。");
    raiseFirstTarget(pi, "150");

    tasklist.login(REVIEWER).openTask("审批实施方案调整", code).claim();
    assertThat(tasklist.field("申请编号").inputValue()).isEqualTo(pi.getBusinessKey());
    assertThat(tasklist.field("绩效目标调整前后对比").inputValue())
        .contains("修复治理面积 ≥ 120 公顷 → 修复治理面积 ≥ 150 公顷");
    tasklist.radio("审批结论", "批准调整")
        .fill("审批意见", "变化情况属实，调整后绩效目标未降低，同意调整。")
        .complete();

    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi.getId())
        .singleResult().getEndActivityId()).isEqualTo(END_APPROVED);
    var adjustment = adjustments.get(pi.getBusinessKey());
    assertThat(adjustment.status()).isEqualTo("APPROVED");
    assertThat(adjustment.decidedBy()).isEqualTo(REVIEWER);
    assertThat(adjustment.decisionComment()).isEqualTo("变化情况属实，调整后绩效目标未降低，同意调整。");
    assertThat(targetOfFirstIndicator(code)).isEqualTo("150");
    var changes = catalogue.history(code);
    assertThat(changes.get(changes.size() - 1).reason())
        .startsWith("实施方案调整（" + pi.getBusinessKey() + "）批准：征地范围调整")
        .endsWith("审批意见：变化情况属实，调整后绩效目标未降低，同意调整。");
  }

  @Test
  void theProvinceReturnsTheAdjustmentWithItsReason_gxArticle21(Tasklist tasklist) {
    var code = warehoused("兴宁区浏览器调整退回项目");
    var pi = request(code, "工期调整。");
    raiseFirstTarget(pi, "130");

    tasklist.login(REVIEWER).openTask("审批实施方案调整", code).claim()
        .radio("审批结论", "退回修改")
        .fill("审批意见", "请补充实施环境和条件发生重大变化的证明材料。")
        .complete();

    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_EDIT)
        .count()).as("back with the unit").isEqualTo(1);
    var adjustment = adjustments.get(pi.getBusinessKey());
    assertThat(adjustment.status()).isEqualTo("RETURNED");
    assertThat(adjustment.decidedBy()).isEqualTo(REVIEWER);
    assertThat(adjustment.decisionComment()).isEqualTo("请补充实施环境和条件发生重大变化的证明材料。");
    assertThat(COMMENT.from(runtime, pi.getId()))
        .isEqualTo("请补充实施环境和条件发生重大变化的证明材料。");
    assertThat(targetOfFirstIndicator(code)).isEqualTo("120");
  }

  /** A fresh warehoused project of Xingning (兴宁区), so its cards are the only ones with its code. */
  private String warehoused(String name) {
    return projects.warehoused(UNIT_USER, "450102", name + System.nanoTime() % 100000);
  }

  private ProcessInstance request(String code, String reason) {
    return users.as(UNIT_USER, () -> runtime.startProcessInstanceByKey(KEY, ProcessVariables
        .builder().set(PROJECT_CODE, code).set(REASON, reason).build()));
  }

  /** The unit's edit done through the engine: the first target raised, the rest unchanged. */
  private void raiseFirstTarget(ProcessInstance pi, String target) {
    var rows = new ArrayList<Map<String, Object>>();
    JsonVariables.rows(INDICATORS.from(runtime, pi.getId()))
        .forEach(r -> rows.add(new LinkedHashMap<>(r)));
    rows.get(0).put("target", target);
    var edit = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_EDIT)
        .singleResult();
    users.run(UNIT_USER, () -> {
      tasks.claim(edit.getId(), UNIT_USER);
      tasks.complete(edit.getId(), Submitted.form()
          .json(INDICATORS, rows).build());
    });
  }

  private String targetOfFirstIndicator(String code) {
    return ((IndicatorTarget.Numeric) catalogue.get(code).indicators().get(0).target()).value()
        .stripTrailingZeros().toPlainString();
  }
}
