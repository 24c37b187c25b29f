package cn.fundmonitor.inspection;

import static cn.fundmonitor.inspection.InspectionProcess.*;
import static cn.fundmonitor.support.TestUsers.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.platform.ProcessVariables;
import cn.fundmonitor.support.Submitted;
import cn.fundmonitor.support.Covers;
import cn.fundmonitor.support.FaultyData;
import cn.fundmonitor.support.CoverageGate;
import cn.fundmonitor.support.InspectionTest;
import cn.fundmonitor.support.Tasklist;
import cn.fundmonitor.support.TestUsers;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestExecutionListeners;

/**
 * dataQualityInspection (数据质量抽查, MNR 第二十五条、第十八条): the province samples units, each
 * finding goes to the unit that answers for it, the inspector confirms or sends it back, and the
 * check's result is kept when the last finding is closed. A process test (coverage gate and all)
 * in the inspection tests' context, where the faulty data is the only data.
 */
@InspectionTest
@TestExecutionListeners(listeners = CoverageGate.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
@Covers("dataQualityInspection")
class DataQualityInspectionProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired Tasklist tasklist;
  @Autowired InspectionService inspections;
  @Autowired TestUsers users;
  @Autowired FaultyData data;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    data.ensure();
  }

  ProcessInstance start(String user, String sampleUnits, Object sampleSize) {
    return users.as(user, () -> runtime.startProcessInstanceByKey(KEY, Submitted.onto(ProcessVariables
        .builder().set(YEAR, 2026).set(SAMPLE_UNITS, sampleUnits).build()).value(SAMPLE_SIZE, sampleSize).build()));
  }

  List<Task> open(ProcessInstance pi, String key) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).list();
  }

  long findingOf(Task task) {
    return FINDING_ID.from(tasks, task.getId()).longValue();
  }

  static VariableMap rectification(String text) {
    return RECTIFICATION.with(text);
  }

  static VariableMap confirmation(boolean confirmed, String comment) {
    return ProcessVariables.builder().set(CONFIRMED, confirmed).set(CONFIRMATION_COMMENT, comment)
        .build();
  }

  @Test
  void eachFindingIsRectifiedByItsUnitAndConfirmedByTheProvince_mnrArticle25() {
    var expected = inspections.preview(2026, List.of("652825"));
    assertThat(expected).extracting(Finding::kind).containsExactlyInAnyOrder(FindingKind.NON_WAREHOUSED_ALLOCATION,
        FindingKind.PAYMENT_EXCEEDS_RECEIVED, FindingKind.PAYMENT_BACKWARDS, FindingKind.QUARTER_NOT_FILED,
        FindingKind.ACHIEVEMENT_VS_EVALUATION);

    var pi = start(XINJIANG_FINANCE, "652825", null);
    var no = pi.getBusinessKey();
    assertThat(no).as("the inspection number is the business key").startsWith("ZJ");
    BpmnAwareTests.assertThat(pi).hasPassed(TASK_RUN).isWaitingAt(TASK_RECTIFY);
    assertThat(inspections.findings(no)).extracting(InspectionRepository.TrackedFinding::kind)
        .containsExactlyInAnyOrderElementsOf(expected.stream().map(Finding::kind).toList());
    assertThat(SUMMARY.from(runtime, pi.getId()))
        .isEqualTo("抽查 且末县，发现问题 " + expected.size() + " 个");

    var toRectify = open(pi, TASK_RECTIFY);
    assertThat(toRectify).as("one rectification task per finding").hasSize(expected.size());
    toRectify.forEach(t -> BpmnAwareTests.assertThat(t).hasCandidateGroup("652825-finance"));
    toRectify.forEach(t -> assertThat(PROJECT_CODE.from(tasks, t.getId()))
        .as("the task card names the project the finding is about").startsWith("652825-"));
    var first = toRectify.get(0);
    assertThat(FINDING_TEXT.from(tasks, first.getId())).contains("依据：");
    assertThatThrownBy(() -> tasklist.as(QIEMO_FINANCE).complete(first, rectification(" ")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("整改情况");
    toRectify.forEach(t -> tasklist.as(QIEMO_FINANCE).complete(t, rectification("已更正：" + findingOf(t))));
    BpmnAwareTests.assertThat(pi).hasPassed(TASK_RECORD_RECTIFICATION);

    var toConfirm = open(pi, TASK_CONFIRM);
    assertThat(toConfirm).hasSize(expected.size());
    toConfirm.forEach(t -> BpmnAwareTests.assertThat(t).hasCandidateGroup("650000-finance"));
    var sentBack = toConfirm.get(0);
    var sentBackId = findingOf(sentBack);
    assertThatThrownBy(() -> tasklist.as(XINJIANG_FINANCE).complete(sentBack, confirmation(false, null)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("整改不到位时必须说明原因");
    tasklist.as(XINJIANG_FINANCE).complete(sentBack, confirmation(false, "支付数据仍未更正"));
    assertThat(inspections.finding(sentBackId).status()).isEqualTo("OPEN");
    assertThat(inspections.finding(sentBackId).confirmationComment()).isEqualTo("支付数据仍未更正");
    toConfirm.subList(1, toConfirm.size()).forEach(t -> tasklist.as(XINJIANG_FINANCE).complete(t, confirmation(true, null)));
    BpmnAwareTests.assertThat(pi).isNotEnded();

    var again = open(pi, TASK_RECTIFY);
    assertThat(again).singleElement().satisfies(t -> {
      assertThat(findingOf(t)).isEqualTo(sentBackId);
      assertThat(CONFIRMATION_COMMENT.from(tasks, t.getId()))
          .as("the unit sees why it was sent back").isEqualTo("支付数据仍未更正");
    });
    tasklist.as(QIEMO_FINANCE).complete(again.get(0), rectification("已按银行流水更正累计支付"));
    tasklist.as(XINJIANG_FINANCE).complete(open(pi, TASK_CONFIRM).get(0), confirmation(true, "已核实"));

    BpmnAwareTests.assertThat(pi).hasPassed(TASK_RECORD_CONFIRMATION, END_FINDING_CLOSED, TASK_CLOSE, END_CLOSED)
        .isEnded();
    var kept = inspections.get(no);
    assertThat(kept.status()).isEqualTo("CLOSED");
    assertThat(kept.scopeUnit()).isEqualTo("650000");
    assertThat(kept.findingsTotal()).isEqualTo(expected.size());
    assertThat(kept.findingsConfirmed()).isEqualTo(expected.size());
    assertThat(inspections.finding(sentBackId).rectification()).isEqualTo("已按银行流水更正累计支付");
  }

  @Test
  void cleanUnitsCloseTheCheckAtOnce() {
    var pi = start(SICHUAN_FINANCE, "512000", null);
    BpmnAwareTests.assertThat(pi).hasPassed(GATEWAY_FINDINGS, TASK_CLOSE, END_CLOSED).hasNotPassed(TASK_RECTIFY)
        .isEnded();
    var kept = inspections.get(pi.getBusinessKey());
    assertThat(kept.status()).isEqualTo("CLOSED");
    assertThat(kept.findingsTotal()).isZero();
    assertThat(kept.sampleUnits()).isEqualTo("512000");
  }

  @Test
  void aRandomSampleIsDrawnFromTheUnitsBelowTheInspector() {
    var pi = start(SICHUAN_FINANCE, null, 3);
    var kept = inspections.get(pi.getBusinessKey());
    assertThat(kept.sampleUnits()).as("Sichuan has one city below it in the test organisation")
        .isEqualTo("512000");
    BpmnAwareTests.assertThat(pi).isEnded();

    var xinjiang = start(XINJIANG_FINANCE, "", "1");
    var drawn = inspections.get(xinjiang.getBusinessKey()).sampleUnits();
    assertThat(List.of(drawn.split(","))).singleElement().satisfies(code ->
        assertThat(code).as("a city or county of Xinjiang").startsWith("65").isNotEqualTo("650000"));
  }

  @Test
  void onlyAProvinceOrTheMinistryChecksAndOnlyBelowItself() {
    assertThatThrownBy(() -> start(QIEMO_FINANCE, "652825", null))
        .as("a county is not offered the start form").isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> inspections.start(2026, "652825", null, QIEMO_FINANCE, List.of("652825-finance"), null))
        .as("nor does the service take one").isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("由省级或部级自然资源主管部门组织");
    // through the engine the jurisdiction guard refuses first (MNR 第二十三条)…
    assertThatThrownBy(() -> start(SICHUAN_FINANCE, "652825", null))
        .isInstanceOf(AuthorizationException.class).hasMessageContaining("不在本单位及下级单位范围内");
    // …and the service itself refuses too
    assertThatThrownBy(() -> inspections.start(2026, "652825", null, SICHUAN_FINANCE,
            List.of("510000-finance"), null))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("不在本单位管辖范围内");
    assertThatThrownBy(() -> start(SICHUAN_FINANCE, "999999", null))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("抽查单位“999999”不存在");
    assertThatThrownBy(() -> start(SICHUAN_FINANCE, null, 0))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("随机抽取的单位数");
  }
}
