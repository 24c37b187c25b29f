package cn.fundmonitor.filing;

import static cn.fundmonitor.filing.QuarterlyFilingProcess.*;
import static cn.fundmonitor.support.TestUsers.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fundmonitor.common.ConflictException;
import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.overdue.OverdueService;
import cn.fundmonitor.platform.JsonVariables;
import cn.fundmonitor.support.Funding;
import cn.fundmonitor.support.Covers;
import cn.fundmonitor.support.ProcessTest;
import cn.fundmonitor.support.Projects;
import cn.fundmonitor.support.TestUsers;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * quarterlyFiling (季度填报, MNR 第十一条、第二十二条): the wave opens every funded project's filing;
 * on time; late with escalation; returned by the province; locked after transmission; yellow and
 * red execution warnings; the server's checks.
 */
@ProcessTest
@Covers({"quarterlyFiling", "quarterlyFilingWave", "quarterlyFilingBatch"})
class QuarterlyFilingProcessTest {

  static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired FilingService filings;
  @Autowired OverdueService overdue;
  @Autowired TestUsers users;
  @Autowired Projects projects;
  @Autowired Funding funding;

  String project;

  @BeforeEach
  void fundAProject() {
    BpmnAwareTests.init(engine);
    at(2026, 1, 20, 9);
    project = projects.warehoused(XINGNING_ECO, "450102", "兴宁区季度填报项目");
    funding.fund(project, "450102", "1000000", LocalDate.of(2026, 1, 20));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static void at(int y, int m, int d, int h) {
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.of(y, m, d, h, 0, 0, 0, BEIJING).toInstant()));
  }

  /** Runs the due jobs of the filing processes only (others' timers must not run here). */
  void runFilingJobs() {
    for (int round = 0; round < 20; round++) {
      var jobs = management.createJobQuery().executable().list().stream()
          .filter(j -> List.of(KEY, WAVE_KEY, BATCH_KEY).contains(j.getProcessDefinitionKey()))
          .toList();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(j -> management.executeJob(j.getId()));
    }
  }

  /** The quarter begins: the wave's timer fires and the filings open. */
  ProcessInstance openQ1() {
    at(2026, 4, 1, 1);
    var timer = management.createJobQuery().processDefinitionKey(WAVE_KEY).timers().singleResult();
    management.executeJob(timer.getId());
    runFilingJobs();
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(project + "-2026Q1")
        .singleResult();
  }

  Task task(ProcessInstance pi, String key) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key)
        .singleResult();
  }

  void complete(String user, Task task, VariableMap vars) {
    users.run(user, () -> {
      if (task.getAssignee() == null) {
        tasks.claim(task.getId(), user);
      }
      tasks.complete(task.getId(), vars);
    });
  }

  /** The form as a unit fills it: indicators 1 (修复治理面积 ≥ 120 公顷) and 3 (生态环境) reported. */
  static VariableMap filing(String paid, String physical, String area) {
    return Variables.createVariables().putValue(PAID_TO_DATE.name(), paid)
        .putValue(paidField(FundSource.CENTRAL), paid).putValue(PHYSICAL_PROGRESS.name(), physical)
        .putValueTyped(INDICATOR_ACTUALS.name(), JsonVariables.json(List.of(
            Map.of("position", 1, "actual", area, "notYetDue", false),
            Map.of("position", 2, "actual", "", "notYetDue", true),
            Map.of("position", 3, "actual", "有所改善", "notYetDue", false),
            Map.of("position", 4, "actual", "", "notYetDue", true))));
  }

  static VariableMap transmit() {
    return Variables.createVariables().putValue(REVIEW_OUTCOME.name(), "TRANSMIT")
        .putValueTyped(QUALITATIVE_RATES.name(), JsonVariables.json(List.of(
            Map.of("position", 3, "rate", 40))));
  }

  @Test
  void everyFundedProjectFilesOnTimeAndTheProvinceTransmits() {
    var pi = openQ1();

    BpmnAwareTests.assertThat(pi).hasPassed(TASK_OPEN).isWaitingAt(TASK_FILE);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(WAVE_KEY).count()
        + runtime.createProcessInstanceQuery().processDefinitionKey(BATCH_KEY).count())
        .as("the wave and its batches have finished").isZero();
    var filingTask = task(pi, TASK_FILE);
    assertThat(filingTask.getDueDate()).as("2026-04-15, a Wednesday: stays")
        .isEqualTo(Date.from(OffsetDateTime.of(2026, 4, 15, 23, 59, 59, 0, BEIJING).toInstant()));
    BpmnAwareTests.assertThat(filingTask).hasCandidateGroup("450102-finance")
        .hasCandidateGroup("450102-eco");

    // Q1 = 3 of 12 months: 25% paid, 25% done, 30 of 120 公顷 — exactly on time progress
    at(2026, 4, 10, 10);
    complete(XINGNING_FINANCE, filingTask, filing("250000", "25", "30"));

    BpmnAwareTests.assertThat(pi).hasPassed(TASK_RECORD_FILING, TASK_CHECK_EXECUTION,
        TASK_RECORD_WARNING).isWaitingAt(TASK_REVIEW);
    var key = pi.getBusinessKey();
    assertThat(filings.get(key).warningLevel()).isNull();
    assertThat(filings.actuals(key)).extracting(IndicatorActual::completionRate)
        .containsExactly(25, null, null, null);
    assertThat(task(pi, TASK_REVIEW)).satisfies(t -> BpmnAwareTests.assertThat(t)
        .hasCandidateGroup("450000-eco"));

    assertThatThrownBy(() -> complete(GUANGXI_ECO, task(pi, TASK_REVIEW),
        Variables.putValue(REVIEW_OUTCOME.name(), "TRANSMIT")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("请为定性指标“生态环境”选定完成率");
    complete(GUANGXI_ECO, task(pi, TASK_REVIEW), transmit());

    BpmnAwareTests.assertThat(pi).hasPassed(TASK_TRANSMIT, END_TRANSMITTED).isEnded();
    var f = filings.get(key);
    assertThat(f.status()).isEqualTo(FilingStatus.TRANSMITTED);
    assertThat(f.paidToDate().amount()).isEqualByComparingTo("250000");
    assertThat(filings.actuals(key).get(2).completionRate()).isEqualTo(40);
    assertThat(filings.actuals(key).get(2).rateByReviewer()).isTrue();
    assertThat(filings.events(key)).containsExactly("FILED", "TRANSMITTED");
  }

  @Test
  void aTransmittedFilingIsLocked_mnrArticle22() {
    var pi = openQ1();
    complete(XINGNING_FINANCE, task(pi, TASK_FILE), filing("250000", "25", "30"));
    complete(GUANGXI_ECO, task(pi, TASK_REVIEW), transmit());

    assertThatThrownBy(() -> filings.file(pi.getBusinessKey(), "300000", Map.of("CENTRAL", "300000"),
        "30", List.of(), XINGNING_FINANCE))
        .isInstanceOf(ConflictException.class).hasMessageContaining("已传输至自然资源部并锁定")
        .hasMessageContaining("数据变更");
    assertThatThrownBy(() -> filings.returnFiling(pi.getBusinessKey(), "改", GUANGXI_ECO))
        .isInstanceOf(ConflictException.class);
    assertThat(filings.get(pi.getBusinessKey()).paidToDate().amount()).isEqualByComparingTo("250000");
  }

  @Test
  void aLateFilingIsEscalatedToTheSuperiorAndRecorded() {
    var pi = openQ1();
    at(2026, 4, 16, 8);
    var timer = management.createJobQuery().processInstanceId(pi.getId())
        .activityId(TIMER_FILING_OVERDUE).singleResult();
    management.executeJob(timer.getId());

    var followUp = tasks.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(TASK_FOLLOW_UP).taskCandidateGroup("450100-finance").singleResult();
    assertThat((String) tasks.getVariable(followUp.getId(), "overdueInfo"))
        .contains("逾期1天：兴宁区 填报季度执行情况（截止 2026-04-15）");
    assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).count()).isOne();
    complete(NANNING_FINANCE, followUp, Variables.putValue("followUpNote", "已督促"));

    at(2026, 4, 20, 9);
    complete(XINGNING_FINANCE, task(pi, TASK_FILE), filing("250000", "25", "30"));
    BpmnAwareTests.assertThat(pi).hasPassed(END_FOLLOWED_UP).isWaitingAt(TASK_REVIEW);
    assertThat(overdue.forProcessInstance(pi.getId())).singleElement()
        .satisfies(s -> assertThat(s.daysLate()).isEqualTo(5));
    assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  @Test
  void theProvinceReturnsAFilingForCorrection() {
    var pi = openQ1();
    complete(XINGNING_FINANCE, task(pi, TASK_FILE), filing("250000", "25", "30"));
    assertThatThrownBy(() -> complete(GUANGXI_ECO, task(pi, TASK_REVIEW),
        Variables.putValue(REVIEW_OUTCOME.name(), "RETURN")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("必须填写审核意见");
    complete(GUANGXI_ECO, task(pi, TASK_REVIEW), Variables.putValue(REVIEW_OUTCOME.name(), "RETURN")
        .putValue(REVIEW_COMMENT.name(), "支付数与国库集中支付系统不符，请核实"));

    BpmnAwareTests.assertThat(pi).hasPassed(TASK_RETURN).isWaitingAt(TASK_FILE);
    assertThat(filings.get(pi.getBusinessKey()).status()).isEqualTo(FilingStatus.RETURNED);

    complete(XINGNING_FINANCE, task(pi, TASK_FILE), filing("240000", "25", "30"));
    complete(GUANGXI_ECO, task(pi, TASK_REVIEW), transmit());
    BpmnAwareTests.assertThat(pi).isEnded();
    assertThat(filings.get(pi.getBusinessKey()).paidToDate().amount()).isEqualByComparingTo("240000");
  }

  @Test
  void slowPaymentRaisesAYellowWarning() {
    var pi = openQ1();
    // 17.5% paid by the end of Q1 (25% of the year): 70 → yellow
    complete(XINGNING_FINANCE, task(pi, TASK_FILE), filing("175000", "25", "30"));
    var f = filings.get(pi.getBusinessKey());
    assertThat(f.warningLevel()).isEqualTo("YELLOW");
    assertThat(f.warningReason()).isEqualTo("资金支出进度滞后于时序进度（进度比60%至80%）：进度比 70%");
    assertThat(WARNING_LEVEL.get(runtime, pi)).isEqualTo("YELLOW");
    BpmnAwareTests.assertThat(pi).hasPassed(TASK_RAISE_PROBLEM).isWaitingAt(TASK_REVIEW);
    var problem = runtime.createProcessInstanceQuery().processDefinitionKey("problemEscalation")
        .variableValueEquals("sourceRef", pi.getBusinessKey()).singleResult();
    assertThat(problem).as("the warning raised a problem (MNR 第十二条)").isNotNull();
    assertThat((String) runtime.getVariable(problem.getId(), "problemKind")).isEqualTo("SLOW_PAYMENT");
  }

  @Test
  void laggingPaymentAndWorkRaiseARedWarning() {
    var pi = openQ1();
    // 10% paid, 10% done, 6 of 120 公顷 by the end of Q1: 40, 40 and 20 → red
    complete(XINGNING_FINANCE, task(pi, TASK_FILE), filing("100000", "10", "6"));
    var f = filings.get(pi.getBusinessKey());
    assertThat(f.warningLevel()).isEqualTo("RED");
    assertThat(f.warningReason()).contains("资金支出进度严重滞后于时序进度（进度比低于60%）：进度比 40%")
        .contains("项目实施（实物）进度严重滞后").contains("绩效指标完成进度严重滞后（进度比低于60%）：进度比 20%");
    assertThat(filings.events(pi.getBusinessKey())).contains("WARNING");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("problemEscalation")
        .variableValueEquals("sourceRef", pi.getBusinessKey()).count()).isOne();
  }

  @Test
  void theServerChecksPaymentsAndIndicatorUnits() {
    var pi = openQ1();
    var tooMuch = filing("1000000.01", "25", "30");
    assertThatThrownBy(() -> complete(XINGNING_FINANCE, task(pi, TASK_FILE), tooMuch))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("累计支付 1000000.01 元 超过到位资金 1000000.00 元");
    var wrongUnit = filing("250000", "25", "30 亩");
    assertThatThrownBy(() -> complete(XINGNING_FINANCE, task(pi, TASK_FILE), wrongUnit))
        .hasMessageContaining("第1项指标“修复治理面积”：计量单位应为“公顷”，收到“亩”");
    var sources = filing("250000", "25", "30").putValue(paidField(FundSource.CENTRAL), "200000");
    assertThatThrownBy(() -> complete(XINGNING_FINANCE, task(pi, TASK_FILE), sources))
        .hasMessageContaining("分资金来源合计 200000.00 元，与累计支付 250000.00 元不一致");
    var missing = filing("250000", "120", "");
    assertThatThrownBy(() -> complete(XINGNING_FINANCE, task(pi, TASK_FILE), missing))
        .hasMessageContaining("实物工作量完成进度（%）应为0至100之间的数")
        .hasMessageContaining("第1项指标“修复治理面积”：请填写实际完成值，或勾选“未达监控节点”");
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_FILE);

    // payments never go down from the previous quarter
    complete(XINGNING_FINANCE, task(pi, TASK_FILE), filing("250000", "25", "30"));
    complete(GUANGXI_ECO, task(pi, TASK_REVIEW), transmit());
    at(2026, 7, 1, 1);
    var q2 = filings.open(project + "-2026Q2", new Quarter(2026, 2), null);
    assertThatThrownBy(() -> filings.file(q2.businessKey(), "200000", Map.of("CENTRAL", "200000"),
        "50", List.of(Map.of("position", 1, "notYetDue", true), Map.of("position", 2, "notYetDue", true),
            Map.of("position", 3, "notYetDue", true), Map.of("position", 4, "notYetDue", true)),
        XINGNING_FINANCE))
        .hasMessageContaining("累计支付 200000.00 元 少于上季度填报的 250000.00 元，累计数不能减少");
  }
}
