package cn.fundmonitor.lifecycle;

import static cn.fundmonitor.lifecycle.PlanAdjustmentProcess.*;
import static cn.fundmonitor.support.TestUsers.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.platform.JsonVariables;
import cn.fundmonitor.platform.ProcessVariables;
import cn.fundmonitor.support.Submitted;
import cn.fundmonitor.project.IndicatorRows;
import cn.fundmonitor.project.IndicatorTarget;
import cn.fundmonitor.project.ProjectCatalogue;
import cn.fundmonitor.support.Covers;
import cn.fundmonitor.support.ProcessTest;
import cn.fundmonitor.support.Projects;
import cn.fundmonitor.support.Tasklist;
import cn.fundmonitor.support.TestUsers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * planAdjustment (实施方案调整, GX 第二十一条): the unit adjusts its targets, a lowered one is
 * refused with the indicator named, the province that approved the project approves, returns or
 * rejects; an approval replaces the targets and keeps the old ones with the reason.
 */
@ProcessTest
@Covers("planAdjustment")
class PlanAdjustmentProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired Tasklist tasklist;
  @Autowired TaskService tasks;
  @Autowired PlanAdjustmentService adjustments;
  @Autowired ProjectCatalogue catalogue;
  @Autowired TestUsers users;
  @Autowired Projects projects;

  String project;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    project = projects.warehoused(XINGNING_ECO, "450102", "兴宁区调整方案项目");
  }

  ProcessInstance request(String user, String code, String reason) {
    return users.as(user, () -> runtime.startProcessInstanceByKey(KEY, ProcessVariables.builder()
        .set(PROJECT_CODE, code).set(REASON, reason).build()));
  }

  @SuppressWarnings("unchecked")
  List<Map<String, Object>> current(ProcessInstance pi) {
    var rows = new ArrayList<Map<String, Object>>();
    JsonVariables.rows(INDICATORS.from(runtime, pi.getId()))
        .forEach(r -> rows.add(new LinkedHashMap<>(r)));
    return rows;
  }

  static VariableMap edit(List<Map<String, Object>> rows) {
    return Submitted.form().json(INDICATORS, rows).build();
  }

  static VariableMap review(Outcome outcome, String comment) {
    return ProcessVariables.builder().set(OUTCOME, outcome).set(COMMENT, comment).build();
  }

  @Test
  void anAdjustmentThatKeepsTheTargetsIsApproved_gxArticle21() {
    var pi = request(XINGNING_ECO, project, "征地范围调整，治理区位置变化");
    BpmnAwareTests.assertThat(pi).hasPassed(TASK_OPEN).isWaitingAt(TASK_EDIT);
    var no = NUMBER.from(runtime, pi.getId());
    assertThat(no).startsWith("TZ");
    assertThat(pi.getBusinessKey()).as("the request number is the business key").isEqualTo(no);

    var rows = current(pi);
    assertThat(rows).hasSize(4);
    assertThat(INDICATORS.from(runtime, pi.getId())).extracting(IndicatorRows.Row::name)
        .containsExactly(rows.stream().map(r -> (String) r.get("name")).toArray(String[]::new));
    assertThat(((JsonValue) INDICATORS.stored(INDICATORS.from(runtime, pi.getId()))).getValueSerialized())
        .as("the typed rows store the JSON the form showed before they were typed")
        .isEqualTo(JsonVariables.json(PlanAdjustmentService.rows(catalogue.get(project).indicators()))
            .getValueSerialized());
    rows.get(0).put("target", "150");
    rows.add(Map.of("level1", "BENEFIT", "level2", "SOCIAL", "name", "受益群众", "comparator", "GE",
        "target", "2000", "unit", "人"));
    tasklist.as(XINGNING_ECO).complete(pi, TASK_EDIT, edit(rows));
    BpmnAwareTests.assertThat(pi).hasPassed(TASK_CHECK).isWaitingAt(TASK_REVIEW);
    BpmnAwareTests.assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult())
        .hasCandidateGroup("450000-eco");
    assertThat(COMPARISON.from(runtime, pi.getId()))
        .contains("1. 修复治理面积 ≥ 120 公顷 → 修复治理面积 ≥ 150 公顷", "5. 新增：受益群众 ≥ 2000 人");

    tasklist.as(GUANGXI_ECO).complete(pi, TASK_REVIEW, review(Outcome.APPROVE, null));
    BpmnAwareTests.assertThat(pi).hasPassed(TASK_APPLY, END_APPROVED).isEnded();
    var indicators = catalogue.get(project).indicators();
    assertThat(indicators).hasSize(5);
    assertThat(((IndicatorTarget.Numeric) indicators.get(0).target()).value()).isEqualByComparingTo("150");
    assertThat(catalogue.history(project).get(catalogue.history(project).size() - 1).reason())
        .startsWith("实施方案调整（" + no + "）批准：征地范围调整");
    assertThat(adjustments.get(no).indicatorsBefore()).contains("\"target\":\"120\"");
  }

  @Test
  void aLoweredTargetIsRefusedWithTheIndicatorNamed_gxArticle21() {
    var pi = request(XINGNING_ECO, project, "受灾影响");
    var rows = current(pi);
    rows.get(0).put("target", "100");
    rows.get(1).put("target", "2028-12-31");
    assertThatThrownBy(() -> tasklist.as(XINGNING_ECO).complete(pi, TASK_EDIT, edit(rows)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("第1项指标“修复治理面积”目标值由 120 降低为 100（GX 第二十一条")
        .hasMessageContaining("第2项指标“完工时间”完成期限由 2027-12-31 推迟至 2028-12-31");
    var removed = current(pi).subList(0, 3);
    assertThatThrownBy(() -> tasklist.as(XINGNING_ECO).complete(pi, TASK_EDIT, edit(new ArrayList<>(removed))))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("第4项指标“群众满意度”不得删除");
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_EDIT);
    assertThat(((IndicatorTarget.Numeric) catalogue.get(project).indicators().get(0).target()).value())
        .isEqualByComparingTo(BigDecimal.valueOf(120));
  }

  @Test
  void theProvinceReturnsOrRejects() {
    var pi = request(XINGNING_ECO, project, "工期调整");
    tasklist.as(XINGNING_ECO).complete(pi, TASK_EDIT, edit(current(pi)));
    assertThatThrownBy(() -> tasklist.as(GUANGXI_ECO).complete(pi, TASK_REVIEW, review(Outcome.RETURN, "")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("必须填写审批意见");
    tasklist.as(GUANGXI_ECO).complete(pi, TASK_REVIEW, review(Outcome.RETURN, "请补充变化情况的证明材料"));
    BpmnAwareTests.assertThat(pi).hasPassed(TASK_RETURN).isWaitingAt(TASK_EDIT);
    tasklist.as(XINGNING_ECO).complete(pi, TASK_EDIT, REASON.putInto(edit(current(pi)), "工期调整，已附证明"));
    tasklist.as(GUANGXI_ECO).complete(pi, TASK_REVIEW, review(Outcome.REJECT, "理由不充分"));
    BpmnAwareTests.assertThat(pi).hasPassed(TASK_REJECT, END_REJECTED).isEnded();
    var no = NUMBER.fromHistory(engine.getHistoryService(), pi.getId());
    assertThat(adjustments.get(no).status()).isEqualTo("REJECTED");
    assertThat(adjustments.get(no).reason()).isEqualTo("工期调整，已附证明");
  }

  @Test
  void onlyTheProjectsUnitMayRequestAndOnlyForAWarehousedProject() {
    // another county does not even reach the request (MNR 第二十三条: JurisdictionGuard)
    assertThatThrownBy(() -> request(YANGSHUO_ECO, project, "调整"))
        .isInstanceOf(AuthorizationException.class).hasMessageContaining("不属于本单位及下级单位");
    // the city covers the project, but only the project's own unit asks to adjust it
    assertThatThrownBy(() -> request(NANNING_ECO, project, "调整"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("不是本单位承担的项目");
    assertThatThrownBy(() -> request(XINGNING_ECO, project, " "))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("调整理由");
    var pending = projects.underReview(XINGNING_ECO, "450102", "兴宁区待审项目");
    assertThatThrownBy(() -> request(XINGNING_ECO, pending, "调整"))
        .hasMessageContaining("只有已入库项目可调整实施方案");
  }
}
