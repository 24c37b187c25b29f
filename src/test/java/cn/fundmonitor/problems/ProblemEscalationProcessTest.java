package cn.fundmonitor.problems;

import static cn.fundmonitor.problems.ProblemEscalationProcess.*;
import static cn.fundmonitor.support.TestUsers.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fundmonitor.platform.ProcessVariables;
import cn.fundmonitor.support.Submitted;
import cn.fundmonitor.common.ConflictException;
import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.support.Tasklist;
import cn.fundmonitor.support.Covers;
import cn.fundmonitor.support.ProcessTest;
import cn.fundmonitor.support.Projects;
import cn.fundmonitor.support.TestUsers;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
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
 * problemEscalation (问题反馈、重大问题报部, MNR 第十二条): an ordinary problem handled by the province
 * and rectified; a major one reported to the ministry; one raised by monitoring; an overdue one
 * escalated; no closing without confirmed rectification or a reasoned dismissal; a policy owner's
 * new DMN version used at once.
 */
@ProcessTest
@Covers("problemEscalation")
class ProblemEscalationProcessTest {

  static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired RepositoryService repository;
  @Autowired ProblemService problems;
  @Autowired TestUsers users;
  @Autowired Tasklist tasklist;
  @Autowired Projects projects;

  String project;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.of(2026, 5, 11, 9, 0, 0, 0, BEIJING).toInstant()));
    project = projects.warehoused(XINGNING_ECO, "450102", "兴宁区问题项目");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  ProcessInstance report(String user, String kind, String amount) {
    return users.as(user, () -> runtime.startProcessInstanceByKey(KEY, Submitted.form().set(PROJECT_CODE, project).set(PROBLEM_KIND, kind)
        .text(PROBLEM_AMOUNT, amount)
        .set(PROBLEM_DESCRIPTION, "修复工程进度明显滞后于计划").build()));
  }

  Task task(ProcessInstance pi, String key) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
  }

  static VariableMap rectify(String requirement, String by) {
    return Submitted.form().set(DECISION, Decision.RECTIFY)
        .set(DECISION_REASON, requirement).text(RECTIFY_BY, by).build();
  }

  @Test
  void anOrdinaryProblemIsHandledByTheProvinceAndRectifiedUntilConfirmed() {
    var pi = report(XINGNING_ECO, "SLOW_PROGRESS", "200000");

    BpmnAwareTests.assertThat(pi).hasPassed(START_REPORTED, TASK_REGISTER, TASK_SEVERITY,
        TASK_RECORD_SEVERITY).hasNotPassed(TASK_REPORT_TO_MINISTRY).isWaitingAt(TASK_DECIDE);
    var p = problems.get(pi.getBusinessKey());
    assertThat(p.problemNo()).matches("WT2026-\\d{6}");
    assertThat(p.severity()).isEqualTo("ORDINARY");
    assertThat(p.status()).isEqualTo(ProblemStatus.HANDLING);
    BpmnAwareTests.assertThat(task(pi, TASK_DECIDE)).hasCandidateGroup("450000-eco");
    assertThat(task(pi, TASK_DECIDE).getDueDate()).as("30 days: 06-10, a Wednesday")
        .isEqualTo(Date.from(OffsetDateTime.of(2026, 6, 10, 23, 59, 59, 0, BEIJING).toInstant()));

    tasklist.as(GUANGXI_ECO).complete(pi, TASK_DECIDE, rectify("一个月内完成边坡复绿并报告", "2026-06-30"));
    BpmnAwareTests.assertThat(task(pi, TASK_RECTIFY)).hasCandidateGroup("450102-finance")
        .hasCandidateGroup("450102-eco");
    tasklist.as(XINGNING_ECO).complete(pi, TASK_RECTIFY, RECTIFICATION_REPORT.with("已完成复绿"));

    assertThatThrownBy(() -> tasklist.as(GUANGXI_ECO).complete(pi, TASK_CONFIRM,
        CONFIRMATION_OUTCOME.with(ConfirmationOutcome.REJECT)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("整改未到位时必须说明原因");
    tasklist.as(GUANGXI_ECO).complete(pi, TASK_CONFIRM, ProcessVariables.builder().set(CONFIRMATION_OUTCOME, ConfirmationOutcome.REJECT)
        .set(CONFIRMATION_COMMENT, "复绿面积不足").build());
    BpmnAwareTests.assertThat(pi).hasPassed(TASK_REJECT_RECTIFICATION).isWaitingAt(TASK_RECTIFY);

    tasklist.as(XINGNING_ECO).complete(pi, TASK_RECTIFY, RECTIFICATION_REPORT.with("已补种"));
    tasklist.as(GUANGXI_ECO).complete(pi, TASK_CONFIRM, CONFIRMATION_OUTCOME.with(ConfirmationOutcome.CONFIRM));

    BpmnAwareTests.assertThat(pi).hasPassed(TASK_CLOSE, END_CLOSED).isEnded();
    p = problems.get(pi.getBusinessKey());
    assertThat(p.status()).isEqualTo(ProblemStatus.CLOSED);
    assertThat(p.confirmedBy()).isEqualTo(GUANGXI_ECO);
    assertThat(problems.events(p.problemNo())).containsExactly("RAISED", "ASSIGNED",
        "RECTIFICATION_ORDERED", "RECTIFICATION_REPORTED", "RECTIFICATION_REJECTED",
        "RECTIFICATION_REPORTED", "CLOSED");
  }

  @Test
  void misappropriationIsMajorAndGoesToTheMinistry() {
    var pi = report(XINGNING_ECO, "MISAPPROPRIATION", "10");

    BpmnAwareTests.assertThat(pi).hasPassed(TASK_REPORT_TO_MINISTRY).isWaitingAt(TASK_DECIDE);
    var p = problems.get(pi.getBusinessKey());
    assertThat(p.severity()).isEqualTo("MAJOR");
    assertThat(p.status()).isEqualTo(ProblemStatus.REPORTED_TO_MINISTRY);
    BpmnAwareTests.assertThat(task(pi, TASK_DECIDE)).hasCandidateGroup("000000-finance");

    assertThatThrownBy(() -> tasklist.as(MINISTRY_FINANCE).complete(pi, TASK_DECIDE,
        DECISION.with(Decision.DISMISS)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("请填写不予整改的理由");
    tasklist.as(MINISTRY_FINANCE).complete(pi, TASK_DECIDE, ProcessVariables.builder().set(DECISION, Decision.DISMISS)
        .set(DECISION_REASON, "经核查，资金已按规定用途支付，反映情况不属实").build());

    BpmnAwareTests.assertThat(pi).hasPassed(TASK_DISMISS, END_DISMISSED).isEnded();
    assertThat(problems.get(pi.getBusinessKey()).status()).isEqualTo(ProblemStatus.DISMISSED);
  }

  @Test
  void theProvinceTracksAMajorProblemAndVerifiesItsRectificationBeforeTheMinistryConfirms_mnrArticle12() {
    var pi = report(XINGNING_ECO, "SLOW_PROGRESS", "20000000");

    BpmnAwareTests.assertThat(pi).hasPassed(TASK_REPORT_TO_MINISTRY).isWaitingAt(TASK_DECIDE);
    assertThat(problems.events(pi.getBusinessKey())).as("reported to the ministry, the province told")
        .containsExactly("RAISED", "REPORTED_TO_MINISTRY", "PROVINCE_INFORMED");
    BpmnAwareTests.assertThat(task(pi, TASK_DECIDE)).hasCandidateGroup("000000-eco");

    tasklist.as(MINISTRY_ECO).complete(pi, TASK_DECIDE, rectify("三个月内完成复绿并报告", "2026-08-31"));
    // the county cannot bypass its province by sending major=false with its report: refused
    assertThatThrownBy(() -> tasklist.as(XINGNING_ECO).complete(pi, TASK_RECTIFY,
        ProcessVariables.builder().set(RECTIFICATION_REPORT, "已完成复绿").set(MAJOR, false).build()))
        .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class)
        .hasMessageContaining("由系统确定办理单位");
    tasklist.as(XINGNING_ECO).complete(pi, TASK_RECTIFY, RECTIFICATION_REPORT.with("已完成复绿"));

    BpmnAwareTests.assertThat(pi).hasPassed(GATEWAY_PROVINCE_TRACKS).isWaitingAt(TASK_PROVINCE_VERIFY);
    BpmnAwareTests.assertThat(task(pi, TASK_PROVINCE_VERIFY)).hasCandidateGroup("450000-eco");
    assertThat(task(pi, TASK_CONFIRM)).as("the ministry waits for the province").isNull();
    assertThatThrownBy(() -> tasklist.as(GUANGXI_ECO).complete(pi, TASK_PROVINCE_VERIFY, Variables.createVariables()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("请填写省级核实意见");
    tasklist.as(GUANGXI_ECO).complete(pi, TASK_PROVINCE_VERIFY,
        PROVINCE_VERIFICATION.with("经现场核实，复绿面积与报告一致"));

    BpmnAwareTests.assertThat(pi).hasPassed(TASK_RECORD_PROVINCE_VERIFICATION, GATEWAY_MERGE_CONFIRMATION)
        .isWaitingAt(TASK_CONFIRM);
    BpmnAwareTests.assertThat(task(pi, TASK_CONFIRM)).hasCandidateGroup("000000-eco");
    tasklist.as(MINISTRY_ECO).complete(pi, TASK_CONFIRM, CONFIRMATION_OUTCOME.with(ConfirmationOutcome.CONFIRM));

    BpmnAwareTests.assertThat(pi).hasPassed(TASK_CLOSE, GATEWAY_REFERRAL, END_CLOSED)
        .hasNotPassed(TASK_REFER).isEnded();
    var p = problems.get(pi.getBusinessKey());
    assertThat(p.status()).isEqualTo(ProblemStatus.CLOSED);
    assertThat(p.confirmedBy()).isEqualTo(MINISTRY_ECO);
    assertThat(problems.events(p.problemNo())).containsExactly("RAISED", "REPORTED_TO_MINISTRY",
        "PROVINCE_INFORMED", "RECTIFICATION_ORDERED", "RECTIFICATION_REPORTED", "PROVINCE_VERIFIED",
        "CLOSED");
    assertThat(problems.referral(p.problemNo())).as("not a misappropriation").isEmpty();
  }

  @Test
  void aConfirmedMisappropriationEndsWithAReferralForAccountability_gxArticle33() {
    var pi = report(XINGNING_ECO, "MISAPPROPRIATION", "180000");
    tasklist.as(MINISTRY_FINANCE).complete(pi, TASK_DECIDE, rectify("收回被挪用资金并追究责任", "2026-06-30"));
    tasklist.as(XINGNING_FINANCE).complete(pi, TASK_RECTIFY,
        RECTIFICATION_REPORT.with("已将18万元归还原渠道"));
    BpmnAwareTests.assertThat(task(pi, TASK_PROVINCE_VERIFY)).hasCandidateGroup("450000-finance");
    tasklist.as(GUANGXI_FINANCE).complete(pi, TASK_PROVINCE_VERIFY,
        PROVINCE_VERIFICATION.with("资金已归还，银行回单已核对"));
    // the ministry sends it back once: the province verifies the second report too
    tasklist.as(MINISTRY_FINANCE).complete(pi, TASK_CONFIRM, ProcessVariables.builder().set(CONFIRMATION_OUTCOME, ConfirmationOutcome.REJECT)
        .set(CONFIRMATION_COMMENT, "缺少责任人处理情况").build());
    tasklist.as(XINGNING_FINANCE).complete(pi, TASK_RECTIFY,
        RECTIFICATION_REPORT.with("已补充责任人处理情况"));
    assertThat(PROVINCE_VERIFICATION.from(tasks, task(pi, TASK_PROVINCE_VERIFY).getId()))
        .as("a fresh opinion for the new report").isNull();
    tasklist.as(GUANGXI_FINANCE).complete(pi, TASK_PROVINCE_VERIFY,
        PROVINCE_VERIFICATION.with("责任人处理材料已核实"));
    // whether it is referred follows from the record, not from a variable sent with the form
    tasklist.as(MINISTRY_FINANCE).complete(pi, TASK_CONFIRM, ProcessVariables.builder().set(CONFIRMATION_OUTCOME, ConfirmationOutcome.CONFIRM)
        .set(ACCOUNTABILITY_REFERRAL, false).build());

    BpmnAwareTests.assertThat(pi).hasPassed(TASK_CLOSE, GATEWAY_REFERRAL, TASK_REFER, END_REFERRED)
        .hasNotPassed(END_CLOSED).isEnded();
    var p = problems.get(pi.getBusinessKey());
    assertThat(p.status()).isEqualTo(ProblemStatus.CLOSED);
    assertThat(problems.referral(p.problemNo())).hasValueSatisfying(r -> {
      assertThat(r.referredTo()).isEqualTo("纪检监察机关、同级财政部门");
      assertThat(r.referredBy()).isEqualTo(MINISTRY_FINANCE);
      assertThat(r.basis()).isEqualTo("GX 第三十三条、第三十四条");
      assertThat(r.referredAt()).isNotNull();
    });
    assertThat(problems.events(p.problemNo())).endsWith("PROVINCE_VERIFIED", "CLOSED",
        "REFERRED_FOR_ACCOUNTABILITY");
    assertThat(problems.referForAccountability(p.problemNo(), java.util.List.of("别处"), "x"))
        .as("idempotent: a retried step finds the record").isEqualTo(problems.referral(p.problemNo()).get());
  }

  @Test
  void onlyAConfirmedMisappropriationIsReferred_gxArticle33() {
    var dismissed = report(XINGNING_ECO, "MISAPPROPRIATION", "10");
    tasklist.as(MINISTRY_FINANCE).complete(dismissed, TASK_DECIDE, ProcessVariables.builder().set(DECISION, Decision.DISMISS)
        .set(DECISION_REASON, "反映情况不属实").build());
    BpmnAwareTests.assertThat(dismissed).hasPassed(END_DISMISSED).hasNotPassed(TASK_REFER);
    assertThat(problems.referral(dismissed.getBusinessKey())).isEmpty();
    assertThatThrownBy(() -> problems.referForAccountability(dismissed.getBusinessKey(),
        java.util.List.of("纪检监察机关"), MINISTRY_FINANCE)).isInstanceOf(ConflictException.class)
        .hasMessageContaining("无需移交问责");
  }

  @Test
  void monitoringRaisesAProblemByMessage() {
    var pi = runtime.createMessageCorrelation(MESSAGE_PROBLEM_RAISED)
        .setVariables(Submitted.form().set(PROJECT_CODE, project).set(PROBLEM_KIND, "SLOW_PAYMENT")
        .text(PROBLEM_AMOUNT, "8000000")
        .set(PROBLEM_DESCRIPTION, "2026年第1季度执行监控红色预警")
        .set(SOURCE_REF, project + "-2026Q1")
        .set(WARNING_LEVEL, "RED").build())
        .correlateStartMessage();

    BpmnAwareTests.assertThat(pi).hasPassed(START_RAISED, TASK_REPORT_TO_MINISTRY);
    var p = problems.get(pi.getBusinessKey());
    assertThat(p.source()).isEqualTo("MONITORING");
    assertThat(p.severityReason()).isEqualTo("执行监控红色预警且涉及资金500万元以上");
    assertThat(p.raisedBy()).isEqualTo("system");
  }

  @Test
  void anOverdueProblemIsEscalatedToTheSuperior() {
    var pi = report(XINGNING_ECO, "SLOW_PAYMENT", "300000");
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.of(2026, 6, 11, 9, 0, 0, 0, BEIJING).toInstant()));
    var timer = management.createJobQuery().processInstanceId(pi.getId())
        .activityId(TIMER_HANDLING_OVERDUE).singleResult();
    management.executeJob(timer.getId());

    var followUp = task(pi, TASK_FOLLOW_UP);
    BpmnAwareTests.assertThat(followUp).hasCandidateGroup("000000-finance");
    assertThat((String) tasks.getVariable(followUp.getId(), "overdueInfo"))
        .contains("逾期1天：广西壮族自治区 核查处理问题（截止 2026-06-10）");
    tasklist.as(MINISTRY_FINANCE).complete(pi, TASK_FOLLOW_UP, Variables.putValue("followUpNote", "已督办"));
    BpmnAwareTests.assertThat(pi).hasPassed(END_FOLLOWED_UP).isWaitingAt(TASK_DECIDE);
  }

  @Test
  void aProblemIsNotClosedWithoutAConfirmedRectificationOrAReasonedDismissal() {
    var pi = report(XINGNING_ECO, "OTHER", null);
    assertThatThrownBy(() -> tasklist.as(GUANGXI_FINANCE).complete(pi, TASK_DECIDE,
        rectify("整改", null))).hasMessageContaining("请填写整改期限");
    assertThatThrownBy(() -> tasklist.as(GUANGXI_FINANCE).complete(pi, TASK_DECIDE,
        DECISION.withRaw("IGNORE"))).hasMessageContaining("请选择处理意见");
    tasklist.as(GUANGXI_FINANCE).complete(pi, TASK_DECIDE, rectify("补充材料", "2026-05-30"));

    assertThatThrownBy(() -> problems.confirmRectification(pi.getBusinessKey(), null, GUANGXI_FINANCE))
        .as("nothing reported yet").isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> tasklist.as(XINGNING_FINANCE).complete(pi, TASK_RECTIFY, Variables.createVariables()))
        .hasMessageContaining("请填写整改情况");
    assertThat(problems.get(pi.getBusinessKey()).status()).isEqualTo(ProblemStatus.RECTIFYING);
  }

  @Test
  void aPolicyOwnersNewRuleVersionIsUsedAtOnce() throws Exception {
    var original = new String(getClass().getResourceAsStream("/decisions/problem-severity.dmn")
        .readAllBytes(), StandardCharsets.UTF_8);
    // the policy owner makes every slow payment major, in Modeler, and deploys
    var stricter = original.replace("<text>\"ORDINARY\"</text>", "<text>\"MAJOR\"</text>");
    repository.createDeployment().name("Camunda Modeler").addString("problem-severity.dmn", stricter)
        .deploy();
    try {
      var pi = report(XINGNING_ECO, "SLOW_PAYMENT", "1000");
      assertThat(problems.get(pi.getBusinessKey()).severity()).isEqualTo("MAJOR");
    } finally {
      repository.createDeployment().name("restore").addString("problem-severity.dmn", original)
          .deploy();
    }
    var after = report(XINGNING_ECO, "SLOW_PAYMENT", "1000");
    assertThat(problems.get(after.getBusinessKey()).severity()).isEqualTo("ORDINARY");
  }
}
