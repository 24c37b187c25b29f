package cn.fundmonitor.lifecycle;

import cn.fundmonitor.support.Submitted;
import cn.fundmonitor.filing.RawFiling;
import static cn.fundmonitor.lifecycle.ProjectLifecycleProcess.*;
import static cn.fundmonitor.support.TestUsers.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.filing.FilingService;
import cn.fundmonitor.filing.Quarter;
import cn.fundmonitor.money.Yuan;
import cn.fundmonitor.platform.ProcessVariables;
import cn.fundmonitor.problems.ProblemEscalationProcess;
import cn.fundmonitor.support.Covers;
import cn.fundmonitor.support.Funding;
import cn.fundmonitor.support.ProblemRaises;
import cn.fundmonitor.support.ProcessTest;
import cn.fundmonitor.support.Projects;
import cn.fundmonitor.support.TestUsers;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
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
 * projectLifecycle (项目实施与验收, GX 第二十二条、第二十三条): an on-time life to approved final
 * accounts; an initial acceptance with a payment shortfall raising a problem and the final
 * acceptance a hydrological year later; two years without acceptance, extended once, then
 * terminated and cleared; a late acceptance escalated; force majeure rejected, suspended and
 * resumed with the deadline moved, and cancelled. Time moves with ClockUtil.
 */
@ProcessTest
@Covers("projectLifecycle")
class ProjectLifecycleProcessTest {

  static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired cn.fundmonitor.support.Tasklist tasklist;
  @Autowired ManagementService management;
  @Autowired ProjectLifecycleService lifecycles;
  @Autowired LifecycleStarter starter;
  @Autowired LifecycleReports reports;
  @Autowired FilingService filings;
  @Autowired TestUsers users;
  @Autowired Projects projects;
  @Autowired Funding funding;
  @Autowired cn.fundmonitor.overdue.OverdueService overdue;
  @Autowired ProblemRaises raises;
  @Autowired HistoryService history;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    at(2026, 3, 2, 9);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static void at(int y, int m, int d, int h) {
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.of(y, m, d, h, 0, 0, 0, BEIJING).toInstant()));
  }

  static Date endOfDay(int y, int m, int d) {
    return Date.from(OffsetDateTime.of(y, m, d, 23, 59, 59, 0, BEIJING).toInstant());
  }

  /** A project gets its first money: its lifecycle starts. */
  ProcessInstance funded(String applicant, String name, String direction) {
    var code = direction.equals("ECO_RESTORATION") ? projects.warehoused(applicant, "450102", name)
        : projects.warehoused(applicant, "450102", name, direction);
    funding.fund(code, "450102", "1000000", LocalDate.of(2026, 3, 2), direction);
    starter.startIfAbsent(List.of(code));
    starter.startIfAbsent(List.of(code));
    var pi = runtime.createProcessInstanceQuery().processDefinitionKey(KEY).processInstanceBusinessKey(code)
        .singleResult();
    BpmnAwareTests.assertThat(pi).hasPassed(TASK_OPEN).isWaitingAt(TASK_REPORT_START);
    return pi;
  }

  Task task(ProcessInstance pi, String key) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
  }

  static VariableMap vars(Object... pairs) {
    var map = Variables.createVariables();
    for (int i = 0; i < pairs.length; i += 2) {
      map.putValue((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  void paid(String project, String amount) {
    var q = new Quarter(2027, 1);
    filings.prepare(project, q);
    filings.open(q.key(project), q, null);
    filings.file(q.key(project), new RawFiling(amount, Map.of("CENTRAL", amount), "90", List.of(
        Map.of("position", 1, "actual", "120"), Map.of("position", 2, "notYetDue", true),
        Map.of("position", 3, "actual", "明显改善"), Map.of("position", 4, "actual", "95"))), XINGNING_FINANCE);
  }

  void started(ProcessInstance pi, String user) {
    at(2026, 3, 10, 9);
    tasklist.as(user).complete(pi, TASK_REPORT_START, STARTED_ON.with(LocalDate.of(2026, 3, 10)));
  }

  void completed(ProcessInstance pi, String user, int y, int m, int d) {
    at(y, m, d, 9);
    tasklist.as(user).complete(pi, TASK_REPORT_COMPLETION, COMPLETED_ON.with(LocalDate.of(y, m, d)));
  }

  void fire(ProcessInstance pi, String timer) {
    management.executeJob(management.createJobQuery().processInstanceId(pi.getId()).activityId(timer)
        .singleResult().getId());
  }

  @Test
  void aProjectThatNeverReportsItsStartIsFollowedUpByItsSuperior_mnrArticle11() {
    // funded on 2026-03-02: the start is due 90 days later (a configurable default), 2026-05-31,
    // a Sunday, moved to Monday 1 June
    var pi = funded(XINGNING_ECO, "兴宁区迟迟未开工项目", "ECO_RESTORATION");
    assertThat(task(pi, TASK_REPORT_START).getDueDate()).isEqualTo(endOfDay(2026, 6, 1));

    at(2026, 6, 2, 8);
    fire(pi, TIMER_START_OVERDUE);
    BpmnAwareTests.assertThat(pi).hasPassed(TASK_RECORD_START_OVERDUE)
        .isWaitingAt(TASK_REPORT_START, TASK_FOLLOW_UP_START);
    var followUp = task(pi, TASK_FOLLOW_UP_START);
    BpmnAwareTests.assertThat(followUp).hasCandidateGroup("450100-finance");
    assertThat((String) tasks.getVariable(followUp.getId(), "overdueInfo"))
        .contains("逾期1天：兴宁区 报告开工（截止 2026-06-01）");
    tasklist.as(NANNING_FINANCE).complete(pi, TASK_FOLLOW_UP_START, vars("followUpNote", "已督促尽早开工"));

    at(2026, 6, 10, 9);
    tasklist.as(XINGNING_FINANCE).complete(pi, TASK_REPORT_START, STARTED_ON.with(LocalDate.of(2026, 6, 8)));
    BpmnAwareTests.assertThat(pi).hasPassed(END_START_FOLLOWED_UP).isWaitingAt(TASK_REPORT_COMPLETION);
    assertThat(overdue.forProcessInstance(pi.getId())).singleElement().satisfies(step -> {
      assertThat(step.isOpen()).as("closed once the start is reported").isFalse();
      assertThat(step.daysLate()).isEqualTo(9);
    });
    assertThat(lifecycles.get(pi.getBusinessKey()).implementationDueOn())
        .as("GX 第二十二条: the two years run from the reported start")
        .isEqualTo(LocalDate.of(2028, 6, 8));
  }

  @Test
  void anOnTimeLifeEndsWithFinalAccountsApprovedByTheLocalFiscalDepartment_gxArticle23() {
    var pi = funded(XINGNING_ECO, "兴宁区按期实施项目", "ECO_RESTORATION");
    var code = pi.getBusinessKey();
    BpmnAwareTests.assertThat(task(pi, TASK_REPORT_START)).hasCandidateGroup("450102-finance")
        .hasCandidateGroup("450102-eco");
    assertThatThrownBy(() -> tasklist.as(XINGNING_FINANCE).complete(pi, TASK_REPORT_START, STARTED_ON.with(LocalDate.of(2030, 1, 1))))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("开工日期不能晚于今天");
    started(pi, XINGNING_FINANCE);
    assertThat(lifecycles.get(code).implementationDueOn()).isEqualTo(LocalDate.of(2028, 3, 10));
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_REPORT_COMPLETION);

    completed(pi, XINGNING_FINANCE, 2027, 3, 1);
    assertThat(task(pi, TASK_APPLY_ACCEPTANCE).getDueDate()).as("3 months after completion, a Tuesday")
        .isEqualTo(endOfDay(2027, 6, 1));
    paid(code, "600000"); // the first quarter's filing: stale by the time the work is accepted
    at(2027, 4, 1, 9);
    tasklist.as(XINGNING_FINANCE).complete(pi, TASK_APPLY_ACCEPTANCE, ACCEPTANCE_APPLIED_ON.with(LocalDate.of(2027, 4, 1)));
    BpmnAwareTests.assertThat(pi).hasPassed(TASK_RECORD_ACCEPTANCE_APPLICATION)
        .isWaitingAt(TASK_REPORT_ACCEPTANCE);
    assertThat(lifecycles.get(code).acceptanceAppliedOn()).isEqualTo(LocalDate.of(2027, 4, 1));

    // GX 第二十三条 times the application: applied in time, the unit is not escalated while the
    // acceptance itself takes past the three months
    at(2027, 6, 20, 9);
    assertThat(management.createJobQuery().processInstanceId(pi.getId())
        .activityId(TIMER_ACCEPTANCE_OVERDUE).count()).as("no timer left on an application made").isZero();
    assertThat(task(pi, TASK_REPORT_ACCEPTANCE).getDueDate()).as("the acceptance has no deadline").isNull();
    // the amount as a form's text field gives it, with thousands separators
    tasklist.as(XINGNING_FINANCE).complete(pi, TASK_REPORT_ACCEPTANCE, Submitted.form()
        .set(ACCEPTED_ON, LocalDate.of(2027, 6, 18)).set(ACCEPTANCE_KIND, AcceptanceKind.FINAL)
        .set(RETAINED, Yuan.ZERO).text(PAID_AT_ACCEPTANCE, "980,000.00").build());
    // the 95% rule on current figures: 980,000 paid at acceptance, not the filing's 600,000
    BpmnAwareTests.assertThat(pi).hasPassed(TASK_RECORD_ACCEPTANCE, END_IMPLEMENTED, TASK_CHECK_PAYMENT)
        .hasNotPassed(TASK_RAISE_PAYMENT_PROBLEM).isWaitingAt(TASK_SETTLEMENT);
    assertThat(lifecycles.get(code).paidAtAcceptance().amount()).isEqualByComparingTo("980000");
    assertThat(overdue.forProcessInstance(pi.getId())).as("nothing was late").isEmpty();
    assertThat(task(pi, TASK_SETTLEMENT).getDueDate()).as("2027-07-18 is a Sunday: Monday")
        .isEqualTo(endOfDay(2027, 7, 19));

    at(2027, 7, 15, 9);
    tasklist.as(XINGNING_FINANCE).complete(pi, TASK_SETTLEMENT, ProcessVariables.builder()
        .set(SETTLED_ON, LocalDate.of(2027, 7, 15)).set(SETTLED_AMOUNT, Yuan.of("980000")).build());
    at(2027, 9, 10, 9);
    tasklist.as(XINGNING_FINANCE).complete(pi, TASK_FINAL_ACCOUNTS, FINAL_ACCOUNTS_ON.with(LocalDate.of(2027, 9, 10)));
    // GX 第二十三条: 报当地财政部门审批 — 兴宁区财政局, not the bureau's own finance office
    BpmnAwareTests.assertThat(task(pi, TASK_APPROVE_FINAL_ACCOUNTS)).hasCandidateGroup("450102-fiscal");
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(TASK_APPROVE_FINAL_ACCOUNTS).taskCandidateGroup("450102-finance").count())
        .as("the natural-resources finance office no longer approves its own accounts").isZero();
    // not its step; nor another county's fiscal department's
    tasklist.as(XINGNING_FINANCE).cannotComplete(pi, TASK_APPROVE_FINAL_ACCOUNTS,
        FINAL_ACCOUNTS_COMMENT.with("同意"));
    tasklist.as(YANGSHUO_FISCAL).cannotComplete(pi, TASK_APPROVE_FINAL_ACCOUNTS,
        FINAL_ACCOUNTS_COMMENT.with("同意"));
    tasklist.as(XINGNING_FISCAL).complete(pi, TASK_APPROVE_FINAL_ACCOUNTS, FINAL_ACCOUNTS_COMMENT.with("同意"));

    BpmnAwareTests.assertThat(pi).hasPassed(END_CLOSED).isEnded();
    var l = lifecycles.get(code);
    assertThat(l.status()).isEqualTo(LifecycleStatus.CLOSED);
    assertThat(l.flagged()).isFalse();
    assertThat(lifecycles.events(code)).containsExactly("FUNDED", "STARTED", "COMPLETED",
        "ACCEPTANCE_APPLIED", "ACCEPTED", "SETTLED", "FINAL_ACCOUNTS", "FINAL_ACCOUNTS_APPROVED");
    assertThat(overdue.forProcessInstance(pi.getId())).isEmpty();
  }

  /** GX 第二十三条: 结算 within a month of acceptance, 决算 within two months of it, escalated when late. */
  @Test
  void gx23_lateSettlementAndFinalAccountsAreEscalatedLikeEveryOtherStep() {
    var pi = funded(XINGNING_ECO, "兴宁区结算决算逾期项目", "ECO_RESTORATION");
    var code = pi.getBusinessKey();
    started(pi, XINGNING_FINANCE);
    completed(pi, XINGNING_FINANCE, 2027, 3, 1);
    paid(code, "980000");
    at(2027, 4, 10, 9);
    tasklist.as(XINGNING_FINANCE).complete(pi, TASK_APPLY_ACCEPTANCE, ACCEPTANCE_APPLIED_ON.with(LocalDate.of(2027, 4, 1)));
    tasklist.as(XINGNING_FINANCE).complete(pi, TASK_REPORT_ACCEPTANCE, ProcessVariables.builder()
        .set(ACCEPTED_ON, LocalDate.of(2027, 4, 8)).set(ACCEPTANCE_KIND, AcceptanceKind.FINAL)
        .set(PAID_AT_ACCEPTANCE, Yuan.of("980000")).build());

    at(2027, 5, 11, 8);
    fire(pi, TIMER_SETTLEMENT_OVERDUE);
    BpmnAwareTests.assertThat(pi).hasPassed(TASK_RECORD_SETTLEMENT_OVERDUE)
        .isWaitingAt(TASK_SETTLEMENT, TASK_FOLLOW_UP_SETTLEMENT);
    var settlementFollowUp = task(pi, TASK_FOLLOW_UP_SETTLEMENT);
    BpmnAwareTests.assertThat(settlementFollowUp).hasCandidateGroup("450100-finance");
    assertThat((String) tasks.getVariable(settlementFollowUp.getId(), "overdueInfo"))
        .contains("逾期1天：兴宁区 完成竣工结算（截止 2027-05-10）");
    tasklist.as(NANNING_FINANCE).complete(pi, TASK_FOLLOW_UP_SETTLEMENT, vars("followUpNote", "已督促完成结算"));
    at(2027, 5, 20, 9);
    tasklist.as(XINGNING_FINANCE).complete(pi, TASK_SETTLEMENT, ProcessVariables.builder()
        .set(SETTLED_ON, LocalDate.of(2027, 5, 20)).set(SETTLED_AMOUNT, Yuan.of("980000")).build());
    BpmnAwareTests.assertThat(pi).hasPassed(END_SETTLEMENT_FOLLOWED_UP).isWaitingAt(TASK_FINAL_ACCOUNTS);
    assertThat(task(pi, TASK_FINAL_ACCOUNTS).getDueDate()).isEqualTo(endOfDay(2027, 7, 20));

    at(2027, 7, 23, 8);
    fire(pi, TIMER_FINAL_ACCOUNTS_OVERDUE);
    var accountsFollowUp = task(pi, TASK_FOLLOW_UP_FINAL_ACCOUNTS);
    BpmnAwareTests.assertThat(accountsFollowUp).hasCandidateGroup("450100-finance");
    assertThat((String) tasks.getVariable(accountsFollowUp.getId(), "overdueInfo"))
        .contains("兴宁区 编制决算报告（截止 2027-07-20）");
    tasklist.as(NANNING_FINANCE).complete(pi, TASK_FOLLOW_UP_FINAL_ACCOUNTS, vars("followUpNote", "已督促报送决算"));
    at(2027, 7, 26, 9);
    tasklist.as(XINGNING_FINANCE).complete(pi, TASK_FINAL_ACCOUNTS, FINAL_ACCOUNTS_ON.with(LocalDate.of(2027, 7, 26)));
    BpmnAwareTests.assertThat(pi).hasPassed(TASK_RECORD_FINAL_ACCOUNTS_OVERDUE, END_FINAL_ACCOUNTS_FOLLOWED_UP)
        .isWaitingAt(TASK_APPROVE_FINAL_ACCOUNTS);
    assertThat(overdue.forProcessInstance(pi.getId()))
        .extracting(step -> step.isOpen(), step -> step.daysLate())
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(false, 10),
            org.assertj.core.groups.Tuple.tuple(false, 6));
  }

  /** The problemEscalation instances, running or ended, raised for a project. */
  List<String> problemsOf(String projectCode) {
    return ProblemEscalationProcess.PROJECT_CODE.whereEquals(history
        .createHistoricProcessInstanceQuery().processDefinitionKey(ProblemEscalationProcess.KEY),
        projectCode).list()
        .stream().map(p -> p.getId()).toList();
  }

  @Test
  void anInitialAcceptanceBelow95PercentPaidRaisesAProblemAndAwaitsTheFinalOne_gxArticle23() {
    var pi = funded(XINGNING_GEOHAZARD, "兴宁区滑坡治理工程", "GEOHAZARD");
    var code = pi.getBusinessKey();
    started(pi, XINGNING_GEOHAZARD);
    completed(pi, XINGNING_GEOHAZARD, 2027, 3, 1);
    paid(code, "500000");
    at(2027, 4, 10, 9);
    tasklist.as(XINGNING_GEOHAZARD).complete(pi, TASK_APPLY_ACCEPTANCE, ACCEPTANCE_APPLIED_ON.with(LocalDate.of(2027, 4, 1)));
    // the amount paid at acceptance is checked against the latest filing and the money received
    assertThatThrownBy(() -> tasklist.as(XINGNING_GEOHAZARD).complete(pi, TASK_REPORT_ACCEPTANCE,
            ProcessVariables.builder().set(ACCEPTED_ON, LocalDate.of(2027, 3, 30))
            .set(ACCEPTANCE_KIND, AcceptanceKind.INITIAL).set(RETAINED, Yuan.of("100000"))
            .set(PAID_AT_ACCEPTANCE, Yuan.of("400000")).build()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("验收通过日期不能早于申请验收日期（2027-04-01）")
        .hasMessageContaining("截至验收通过的累计支付 400000.00 元 少于最近一次季度填报的累计支付 500000.00 元");
    assertThatThrownBy(() -> tasklist.as(XINGNING_GEOHAZARD).complete(pi, TASK_REPORT_ACCEPTANCE,
            ProcessVariables.builder().set(ACCEPTED_ON, LocalDate.of(2027, 4, 8))
            .set(ACCEPTANCE_KIND, AcceptanceKind.INITIAL)
            .set(PAID_AT_ACCEPTANCE, Yuan.of("1000000.01")).build()))
        .hasMessageContaining("超过到位资金 1000000.00 元");
    tasklist.as(XINGNING_GEOHAZARD).complete(pi, TASK_REPORT_ACCEPTANCE, ProcessVariables.builder()
        .set(ACCEPTED_ON, LocalDate.of(2027, 4, 8)).set(ACCEPTANCE_KIND, AcceptanceKind.INITIAL)
        .set(RETAINED, Yuan.of("100000")).set(PAID_AT_ACCEPTANCE, Yuan.of("600000")).build());

    // payable 1,000,000 − 100,000 held for monitoring = 900,000; 600,000 paid to date = 66.66%
    assertThat(PAYMENT_SHORTFALL.from(runtime, pi.getId()))
        .contains("支付比例为 66.66%，低于95%（GX 第二十三条）");
    // issue 18: the acceptance is recorded before the problem exists; the raise is a job of its own
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_RAISE_PAYMENT_PROBLEM);
    assertThat(raises.pendingFor(pi.getId())).as("the raise waits in its own job").isNotNull();
    assertThat(problemsOf(code)).as("no problem before the job runs").isEmpty();
    assertThat(raises.run()).isOne();
    BpmnAwareTests.assertThat(pi).hasPassed(TASK_RAISE_PAYMENT_PROBLEM).isWaitingAt(TASK_SETTLEMENT);
    assertThat(problemsOf(code)).as("the shortfall is a problem").hasSize(1);

    // run again (the step moved back in Cockpit), the raise finds its problem and starts none
    runtime.createProcessInstanceModification(pi.getId()).cancelAllForActivity(TASK_SETTLEMENT)
        .startBeforeActivity(TASK_RAISE_PAYMENT_PROBLEM).execute(true, false);
    assertThat(raises.run()).isOne();
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_SETTLEMENT);
    assertThat(problemsOf(code)).as("still the one problem").hasSize(1);

    at(2027, 5, 6, 9);
    tasklist.as(XINGNING_GEOHAZARD).complete(pi, TASK_SETTLEMENT, ProcessVariables.builder()
        .set(SETTLED_ON, LocalDate.of(2027, 5, 6)).set(SETTLED_AMOUNT, Yuan.of("900000")).build());
    at(2027, 7, 20, 9);
    tasklist.as(XINGNING_GEOHAZARD).complete(pi, TASK_FINAL_ACCOUNTS, FINAL_ACCOUNTS_ON.with(LocalDate.of(2027, 7, 20)));
    tasklist.as(XINGNING_FISCAL).complete(pi, TASK_APPROVE_FINAL_ACCOUNTS, FINAL_ACCOUNTS_COMMENT.with(null));
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_FINAL_ACCEPTANCE);
    assertThat(lifecycles.get(code).status()).isEqualTo(LifecycleStatus.AWAITING_FINAL_ACCEPTANCE);
    assertThat(lifecycles.events(code)).contains("FINAL_ACCOUNTS").last().isEqualTo("FINAL_ACCOUNTS_APPROVED");
    assertThat(task(pi, TASK_FINAL_ACCEPTANCE).getDueDate()).as("a hydrological year after 2027-04-08")
        .isEqualTo(endOfDay(2028, 4, 10));

    at(2028, 4, 9, 9);
    tasklist.as(XINGNING_GEOHAZARD).complete(pi, TASK_FINAL_ACCEPTANCE, FINAL_ACCEPTED_ON.with(LocalDate.of(2028, 4, 7)));
    BpmnAwareTests.assertThat(pi).hasPassed(TASK_RECORD_FINAL_ACCEPTANCE, END_CLOSED).isEnded();
    assertThat(lifecycles.get(code).status()).isEqualTo(LifecycleStatus.CLOSED);
  }

  @Test
  void twoYearsWithoutAcceptanceAreExtendedOnceThenTerminatedAndCleared_gxArticle22() {
    var pi = funded(XINGNING_ECO, "兴宁区拖延项目", "ECO_RESTORATION");
    var code = pi.getBusinessKey();
    started(pi, XINGNING_FINANCE);
    completed(pi, XINGNING_FINANCE, 2027, 12, 1);
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_APPLY_ACCEPTANCE);

    at(2028, 3, 11, 9);
    fire(pi, TIMER_TWO_YEARS);
    BpmnAwareTests.assertThat(pi).hasPassed(TASK_RECORD_TERMINATION_DUE).isWaitingAt(TASK_TERMINATION_REVIEW);
    BpmnAwareTests.assertThat(task(pi, TASK_TERMINATION_REVIEW)).hasCandidateGroup("450000-eco");
    assertThatThrownBy(() -> tasklist.as(GUANGXI_ECO).complete(pi, TASK_TERMINATION_REVIEW,
            ProcessVariables.builder().set(TERMINATION_DECISION, TerminationDecision.EXTEND)
            .set(TERMINATION_COMMENT, " ").build()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("请填写理由");
    tasklist.as(GUANGXI_ECO).complete(pi, TASK_TERMINATION_REVIEW, ProcessVariables.builder()
        .set(TERMINATION_DECISION, TerminationDecision.EXTEND)
        .set(EXTENDED_UNTIL, LocalDate.of(2028, 9, 30)).set(TERMINATION_COMMENT, "汛期影响，给予半年")
        .build());
    BpmnAwareTests.assertThat(pi).hasPassed(TASK_EXTEND).isWaitingAt(TASK_APPLY_ACCEPTANCE);
    assertThat(lifecycles.get(code).implementationDueOn()).isEqualTo(LocalDate.of(2028, 9, 30));
    assertThat(task(pi, TASK_REPORT_COMPLETION)).as("completion was reported before").isNull();

    at(2028, 10, 1, 9);
    fire(pi, TIMER_TWO_YEARS);
    tasklist.as(GUANGXI_ECO).complete(pi, TASK_TERMINATION_REVIEW, ProcessVariables.builder()
        .set(TERMINATION_DECISION, TerminationDecision.TERMINATE)
        .set(TERMINATION_COMMENT, "延期后仍未验收，予以终止").build());
    BpmnAwareTests.assertThat(pi).hasPassed(TASK_APPROVE_TERMINATION, END_TERMINATION_APPROVED)
        .isWaitingAt(TASK_FINANCIAL_CLEARING);
    assertThatThrownBy(() -> tasklist.as(XINGNING_FINANCE).complete(pi, TASK_FINANCIAL_CLEARING, WORK_DONE.with(Yuan.of("1200000"))))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("超过项目到位资金");
    tasklist.as(XINGNING_FINANCE).complete(pi, TASK_FINANCIAL_CLEARING, WORK_DONE.with(Yuan.of("400000")));

    BpmnAwareTests.assertThat(pi).hasPassed(TASK_SETTLE_EARLY_END, END_ENDED_EARLY).isEnded();
    var l = lifecycles.get(code);
    assertThat(l.status()).isEqualTo(LifecycleStatus.TERMINATED);
    assertThat(l.leftover().amount()).isEqualByComparingTo("600000");
    assertThat(l.flagged()).isTrue();
    assertThat(l.flagReason()).contains("GX 第二十二条", "60 万元", "少安排或不安排所在市县下一年度专项资金");
    assertThat(lifecycles.events(code)).contains("TERMINATION_DUE", "EXTENDED", "TERMINATED");
  }

  @Test
  void aLateAcceptanceIsEscalatedToTheCity_gxArticle23() {
    var pi = funded(XINGNING_ECO, "兴宁区验收逾期项目", "ECO_RESTORATION");
    started(pi, XINGNING_FINANCE);
    completed(pi, XINGNING_FINANCE, 2027, 3, 1);
    at(2027, 6, 2, 8);
    fire(pi, TIMER_ACCEPTANCE_OVERDUE);
    var followUp = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_FOLLOW_UP_ACCEPTANCE)
        .taskCandidateGroup("450100-finance").singleResult();
    assertThat((String) tasks.getVariable(followUp.getId(), "overdueInfo"))
        .contains("逾期1天：兴宁区 申请竣工验收（截止 2027-06-01）");
    tasklist.as(NANNING_FINANCE).complete(pi, TASK_FOLLOW_UP_ACCEPTANCE, vars("followUpNote", "已督办"));
    BpmnAwareTests.assertThat(pi).hasPassed(TASK_RECORD_ACCEPTANCE_OVERDUE, END_ACCEPTANCE_FOLLOWED_UP)
        .isWaitingAt(TASK_APPLY_ACCEPTANCE);
    at(2027, 6, 20, 9);
    tasklist.as(XINGNING_FINANCE).complete(pi, TASK_APPLY_ACCEPTANCE, ACCEPTANCE_APPLIED_ON.with(LocalDate.of(2027, 6, 10)));
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_REPORT_ACCEPTANCE);
    assertThat(lifecycles.eventDetails(pi.getBusinessKey())).anySatisfy(d ->
        assertThat(d).contains("申请竣工验收 2027-06-10（申请逾期，应于 2027-06-01 前申请）"));
    tasklist.as(XINGNING_FINANCE).complete(pi, TASK_REPORT_ACCEPTANCE, ProcessVariables.builder()
        .set(ACCEPTED_ON, LocalDate.of(2027, 6, 18)).set(ACCEPTANCE_KIND, AcceptanceKind.FINAL)
        .set(PAID_AT_ACCEPTANCE, Yuan.of("0")).build());
    // nothing paid: the shortfall's problem is raised in its own job first
    assertThat(raises.run()).isOne();
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_SETTLEMENT);
  }

  @Test
  void forceMajeureIsRejectedSuspendedWithTheDeadlineMovedOrCancelled_gxArticle22() {
    var pi = funded(XINGNING_ECO, "兴宁区不可抗力项目", "ECO_RESTORATION");
    var code = pi.getBusinessKey();
    started(pi, XINGNING_FINANCE);

    users.run(XINGNING_ECO, () -> reports.reportForceMajeure(code, ProjectLifecycleService.ForceMajeure.CANCEL, "洪水冲毁", XINGNING_ECO,
        users.groups(XINGNING_ECO)));
    assertThatThrownBy(() -> tasklist.as(GUANGXI_ECO).complete(pi, TASK_DECIDE_FORCE_MAJEURE, FORCE_MAJEURE_DECISION.with(null)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("请选择：批准，或不予批准");
    tasklist.as(GUANGXI_ECO).complete(pi, TASK_DECIDE_FORCE_MAJEURE, ProcessVariables.builder()
        .set(FORCE_MAJEURE_DECISION, ForceMajeureDecision.REJECT)
        .set(FORCE_MAJEURE_COMMENT, "可修复后继续实施").build());
    BpmnAwareTests.assertThat(pi).hasPassed(TASK_REJECT_FORCE_MAJEURE, END_FORCE_MAJEURE_REJECTED)
        .isWaitingAt(TASK_REPORT_COMPLETION);

    at(2026, 7, 1, 9);
    users.run(XINGNING_ECO, () -> reports.reportForceMajeure(code, ProjectLifecycleService.ForceMajeure.SUSPEND, "特大暴雨，停工避险",
        XINGNING_ECO, users.groups(XINGNING_ECO)));
    tasklist.as(GUANGXI_ECO).complete(pi, TASK_DECIDE_FORCE_MAJEURE, FORCE_MAJEURE_DECISION.with(ForceMajeureDecision.APPROVE));
    BpmnAwareTests.assertThat(pi).hasPassed(TASK_SUSPEND).isWaitingAt(TASK_REPORT_COMPLETION, EVENT_RESUMED);
    assertThat(lifecycles.get(code).status()).isEqualTo(LifecycleStatus.SUSPENDED);

    at(2026, 7, 31, 9);
    users.run(XINGNING_ECO, () -> reports.resume(code, XINGNING_ECO, users.groups(XINGNING_ECO)));
    BpmnAwareTests.assertThat(pi).hasPassed(TASK_RESUME).isWaitingAt(TASK_REPORT_COMPLETION);
    var l = lifecycles.get(code);
    assertThat(l.status()).isEqualTo(LifecycleStatus.STARTED);
    assertThat(l.suspendedDays()).isEqualTo(30);
    assertThat(l.implementationDueOn()).isEqualTo(LocalDate.of(2028, 4, 9));
    var timer = management.createJobQuery().processInstanceId(pi.getId()).activityId(TIMER_TWO_YEARS).singleResult();
    assertThat(timer.getDuedate()).as("2028-04-09 is a Sunday: Monday").isEqualTo(endOfDay(2028, 4, 10));

    users.run(XINGNING_ECO, () -> reports.reportForceMajeure(code, ProjectLifecycleService.ForceMajeure.CANCEL, "山体整体滑移，无法实施",
        XINGNING_ECO, users.groups(XINGNING_ECO)));
    tasklist.as(GUANGXI_ECO).complete(pi, TASK_DECIDE_FORCE_MAJEURE, FORCE_MAJEURE_DECISION.with(ForceMajeureDecision.APPROVE));
    BpmnAwareTests.assertThat(pi).hasPassed(TASK_APPROVE_CANCELLATION, END_CANCELLATION_APPROVED)
        .isWaitingAt(TASK_FINANCIAL_CLEARING);
    assertThat(task(pi, TASK_REPORT_COMPLETION)).as("the implementation was interrupted").isNull();
    tasklist.as(XINGNING_FINANCE).complete(pi, TASK_FINANCIAL_CLEARING, WORK_DONE.with(Yuan.of("150000")));
    BpmnAwareTests.assertThat(pi).isEnded();
    assertThat(lifecycles.get(code).status()).isEqualTo(LifecycleStatus.CANCELLED);
    assertThat(lifecycles.get(code).flagReason()).contains("因不可抗力撤销");
    assertThat(lifecycles.events(code)).containsSubsequence("FORCE_MAJEURE_REPORTED", "FORCE_MAJEURE_REJECTED",
        "FORCE_MAJEURE_REPORTED", "SUSPENDED", "RESUMED", "FORCE_MAJEURE_REPORTED", "CANCELLED");
  }
}
