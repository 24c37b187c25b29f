package cn.fundmonitor.browser;

import static cn.fundmonitor.problems.ProblemEscalationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.support.Submitted;
import cn.fundmonitor.platform.ProcessVariables;
import cn.fundmonitor.overdue.OverdueService;
import cn.fundmonitor.problems.ProblemKind;
import cn.fundmonitor.problems.ProblemService;
import cn.fundmonitor.problems.ProblemStatus;
import cn.fundmonitor.support.Projects;
import cn.fundmonitor.support.TestUsers;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * problemEscalation (问题反馈与重大问题报部, MNR 第十二条) done in Tasklist by its own users: a county
 * reports a problem on the start form; the province (an ordinary problem) or the ministry (a major
 * one) orders a rectification or dismisses it; the ministry follows up a province that is late; the
 * county reports its rectification; the province confirms it and the problem is closed; the
 * province verifies a major problem's rectification before the ministry confirms it (MNR 第十二条),
 * and a confirmed misappropriation is referred for accountability (GX 第三十三条).
 */
@BrowserTest
class ProblemBrowserIT {

  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired ProblemService problems;
  @Autowired OverdueService overdue;
  @Autowired Projects projects;
  @Autowired TestUsers users;

  /** MNR 第十二条: any unit reports a problem; an ordinary money problem goes to the province. */
  @Test
  void aCountyReportsSlowPaymentOnTheStartForm(Tasklist tasklist) {
    var project = project("兴宁区浏览器问题反馈项目");

    tasklist.login("xingning-eco").startProcess("问题反馈与重大问题报部");
    tasklist.fill("涉及项目编码", project).choose("问题类型", "资金支付缓慢");
    tasklist.fill("涉及金额（元）", "1,250,000.00");
    tasklist.fill("问题描述", "施工单位进度款审核滞后，截至本季度末已到位资金支付不足三成。");
    assertThat(tasklist.field("涉及金额（元）").inputValue()).isEqualTo("1,250,000.00");
    assertThat(tasklist.start()).contains("流程已发起");

    var pi = PROJECT_CODE.whereEquals(runtime.createProcessInstanceQuery()
        .processDefinitionKey(KEY), project).singleResult();
    var p = problems.get(pi.getBusinessKey());
    assertThat(p.kind()).isEqualTo(ProblemKind.SLOW_PAYMENT);
    assertThat(p.amount().amount()).isEqualByComparingTo("1250000");
    assertThat(p.description()).isEqualTo("施工单位进度款审核滞后，截至本季度末已到位资金支付不足三成。");
    assertThat(p.raisedBy()).isEqualTo("xingning-eco");
    assertThat(p.unitCode()).isEqualTo("450102");
    assertThat(p.severity()).isEqualTo("ORDINARY");
    assertThat(p.status()).isEqualTo(ProblemStatus.HANDLING);
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_DECIDE)
        .taskCandidateGroup("450000-finance").count()).as("money problems: the province's finance")
        .isOne();
  }

  /** The province orders the county to rectify by a date (一般问题由省级跟踪解决). */
  @Test
  void theProvinceOrdersARectificationByADate(Tasklist tasklist) {
    var project = project("兴宁区浏览器责令整改项目");
    var pi = report(project, "SLOW_PROGRESS", "2500000");
    var due = LocalDate.now(BEIJING).plusDays(45);

    tasklist.login("guangxi-eco").openTask("核查处理问题", project).claim();
    assertThat(tasklist.field("问题").inputValue()).contains("边坡复绿工程进度滞后计划约两个月");
    tasklist.radio("处理意见", "责令整改");
    tasklist.fill("整改要求或不成立的理由", "督促施工单位增加作业面，雨季前完成边坡复绿，整改完成后报送影像资料。")
        .date("整改期限（责令整改时填写）", due.toString());
    assertThat(tasklist.field("整改期限（责令整改时填写）").inputValue()).isEqualTo(due.toString());
    tasklist.complete();

    var p = problems.get(pi.getBusinessKey());
    assertThat(p.status()).isEqualTo(ProblemStatus.RECTIFYING);
    assertThat(p.decision()).isEqualTo(Decision.RECTIFY.name());
    assertThat(p.decisionReason())
        .isEqualTo("督促施工单位增加作业面，雨季前完成边坡复绿，整改完成后报送影像资料。");
    assertThat(p.decidedBy()).isEqualTo("guangxi-eco");
    assertThat(p.rectificationDueOn()).isEqualTo(due);
    var rectify = tasks.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(TASK_RECTIFY).taskCandidateGroup("450102-eco").singleResult();
    assertThat(rectify).isNotNull();
    assertThat(LocalDate.ofInstant(rectify.getDueDate().toInstant(), BEIJING))
        .as("the unit's task is due by the date set (a day off moves it on)")
        .isBetween(due, due.plusDays(10));
  }

  /** A major problem (挪用套取) goes to the ministry, which finds it unfounded and says why. */
  @Test
  void theMinistryDismissesAMajorProblemWithItsReasons(Tasklist tasklist) {
    var project = project("兴宁区浏览器重大问题项目");
    var pi = report(project, "MISAPPROPRIATION", "180000");
    assertThat(problems.get(pi.getBusinessKey()).isMajor()).isTrue();

    tasklist.login("ministry-finance").openTask("核查处理问题", project).claim()
        .radio("处理意见", "经核查不成立");
    tasklist.fill("整改要求或不成立的理由",
        "经调阅国库集中支付凭证和工程计量单，资金按合同约定支付，反映的虚列工程量情况不属实。").complete();

    var p = problems.get(pi.getBusinessKey());
    assertThat(p.status()).isEqualTo(ProblemStatus.DISMISSED);
    assertThat(p.decidedBy()).isEqualTo("ministry-finance");
    assertThat(p.decisionReason()).startsWith("经调阅国库集中支付凭证和工程计量单");
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi.getId())
        .finished().singleResult().getEndActivityId()).isEqualTo(END_DISMISSED);
  }

  /** The province let the 30 days pass: the ministry's finance department follows up. */
  @Test
  void theMinistryFollowsUpAProvinceThatIsLate(Tasklist tasklist) {
    var project = project("兴宁区浏览器处理逾期项目");
    ProcessInstance pi;
    // reported 40 days ago: the 30 days to decide (moved past days off) are over
    ClockUtil.setCurrentTime(Date.from(LocalDate.now(BEIJING).minusDays(40)
        .atTime(9, 0).atZone(BEIJING).toInstant()));
    try {
      pi = report(project, "SLOW_PROGRESS", "600000");
    } finally {
      ClockUtil.reset();
    }
    management.executeJob(management.createJobQuery().processInstanceId(pi.getId())
        .activityId(TIMER_HANDLING_OVERDUE).singleResult().getId());

    tasklist.login("ministry-finance").openTask("催办：问题处理逾期", project).claim();
    assertThat(tasklist.field("逾期情况").inputValue()).contains("广西壮族自治区 核查处理问题");
    tasklist.fill("催办情况", "已发函督办广西壮族自治区自然资源厅，要求10日内完成核查并报送处理意见。")
        .complete();

    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId(END_FOLLOWED_UP).finished().count()).isOne();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("followUpNote").singleResult().getValue())
        .isEqualTo("已发函督办广西壮族自治区自然资源厅，要求10日内完成核查并报送处理意见。");
    assertThat(overdue.forProcessInstance(pi.getId())).singleElement().satisfies(s -> {
      assertThat(s.escalatedToGroup()).isEqualTo("000000-finance");
      assertThat(s.isOpen()).as("the province has still to decide").isTrue();
    });
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(TASK_DECIDE).count()).isOne();
  }

  /** The county reports what it rectified; the province is asked to confirm. */
  @Test
  void theCountyReportsItsRectification(Tasklist tasklist) {
    var project = project("兴宁区浏览器整改报告项目");
    var pi = report(project, "SLOW_PROGRESS", "2500000");
    complete("guangxi-eco", pi, TASK_DECIDE, rectify());

    tasklist.login("xingning-eco").openTask("整改并报告", project).claim();
    assertThat(tasklist.field("整改要求").inputValue()).isEqualTo("雨季前完成边坡复绿并报送影像资料。");
    tasklist.fill("整改情况", "已增加两个作业面，边坡复绿3.2公顷全部完成，影像资料和监理验收记录已上传。")
        .complete();

    var p = problems.get(pi.getBusinessKey());
    assertThat(p.status()).isEqualTo(ProblemStatus.RECTIFICATION_REPORTED);
    assertThat(p.rectificationReport())
        .isEqualTo("已增加两个作业面，边坡复绿3.2公顷全部完成，影像资料和监理验收记录已上传。");
    assertThat(p.rectifiedBy()).isEqualTo("xingning-eco");
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(TASK_CONFIRM).taskCandidateGroup("450000-eco").count()).isOne();
  }

  /** Only the confirmed rectification closes the problem. */
  @Test
  void theProvinceConfirmsTheRectificationAndTheProblemIsClosed(Tasklist tasklist) {
    var project = project("兴宁区浏览器确认整改项目");
    var pi = report(project, "SLOW_PROGRESS", "2500000");
    complete("guangxi-eco", pi, TASK_DECIDE, rectify());
    complete("xingning-eco", pi, TASK_RECTIFY,
        RECTIFICATION_REPORT.with("边坡复绿3.2公顷已完成，影像资料已上传。"));

    tasklist.login("guangxi-eco").openTask("确认整改", project).claim();
    assertThat(tasklist.field("整改情况").inputValue()).isEqualTo("边坡复绿3.2公顷已完成，影像资料已上传。");
    assertThat(tasklist.count("省级核实意见")).as("an ordinary problem: the province itself confirms")
        .isZero();
    tasklist.radio("确认意见", "整改已到位，办结");
    tasklist.fill("意见", "经现场核查，复绿面积和成活率符合要求。").complete();

    var p = problems.get(pi.getBusinessKey());
    assertThat(p.status()).isEqualTo(ProblemStatus.CLOSED);
    assertThat(p.confirmedBy()).isEqualTo("guangxi-eco");
    assertThat(p.closedAt()).isNotNull();
    assertThat(problems.events(p.problemNo())).endsWith("RECTIFICATION_REPORTED", "CLOSED");
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi.getId())
        .finished().singleResult().getEndActivityId()).isEqualTo(END_CLOSED);
    assertThat(CONFIRMATION_COMMENT.fromHistory(history, pi.getId()))
        .isEqualTo("经现场核查，复绿面积和成活率符合要求。");
  }

  /**
   * MNR 第十二条: a major problem goes to the ministry, but the province still tracks it — it
   * verifies the unit's rectification report before the ministry confirms it.
   */
  @Test
  void theProvinceVerifiesTheRectificationOfAMajorProblem_mnrArticle12(Tasklist tasklist) {
    var project = project("兴宁区浏览器重大问题省级核实项目");
    var pi = report(project, "SLOW_PROGRESS", "20000000");
    assertThat(problems.get(pi.getBusinessKey()).isMajor()).isTrue();
    complete("ministry-eco", pi, TASK_DECIDE, rectify());
    complete("xingning-eco", pi, TASK_RECTIFY,
        RECTIFICATION_REPORT.with("边坡复绿3.2公顷已完成，影像资料已上传。"));

    tasklist.login("guangxi-eco").openTask("省级核实重大问题整改", project).claim();
    assertThat(tasklist.field("问题").inputValue()).contains("重大问题（已报部）");
    assertThat(tasklist.field("部的整改要求").inputValue()).isEqualTo("雨季前完成边坡复绿并报送影像资料。");
    assertThat(tasklist.field("整改情况").inputValue()).isEqualTo("边坡复绿3.2公顷已完成，影像资料已上传。");
    tasklist.fill("省级核实意见", "经现场核实，复绿面积3.2公顷与报告一致，苗木成活率符合设计要求。").complete();

    assertThat(problems.events(pi.getBusinessKey())).containsSubsequence("PROVINCE_INFORMED",
        "RECTIFICATION_REPORTED", "PROVINCE_VERIFIED");
    assertThat(PROVINCE_VERIFICATION.fromHistory(history, pi.getId()))
        .isEqualTo("经现场核实，复绿面积3.2公顷与报告一致，苗木成活率符合设计要求。");
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_CONFIRM)
        .taskCandidateGroup("000000-eco").count()).as("now the ministry confirms").isOne();
  }

  /**
   * GX 第三十三条: the ministry confirms a misappropriation's rectification, seeing the province's
   * opinion, and the problem ends with a referral for accountability.
   */
  @Test
  void theMinistryConfirmsAMisappropriationAndItIsReferredForAccountability_gxArticle33(
      Tasklist tasklist) {
    var project = project("兴宁区浏览器挪用移交问责项目");
    var pi = report(project, "MISAPPROPRIATION", "180000");
    complete("ministry-finance", pi, TASK_DECIDE, rectify());
    complete("xingning-finance", pi, TASK_RECTIFY,
        RECTIFICATION_REPORT.with("被挪用的18万元已归还原资金渠道。"));
    complete("guangxi-finance", pi, TASK_PROVINCE_VERIFY,
        PROVINCE_VERIFICATION.with("已核对银行回单，资金已归还。"));

    tasklist.login("ministry-finance").openTask("确认整改", project).claim();
    assertThat(tasklist.field("省级核实意见").inputValue()).isEqualTo("已核对银行回单，资金已归还。");
    tasklist.radio("确认意见", "整改已到位，办结");
    tasklist.fill("意见", "资金已归还，整改到位。").complete();

    var p = problems.get(pi.getBusinessKey());
    assertThat(p.status()).isEqualTo(ProblemStatus.CLOSED);
    assertThat(problems.referral(p.problemNo())).hasValueSatisfying(r -> {
      assertThat(r.referredBy()).isEqualTo("ministry-finance");
      assertThat(r.referredTo()).isEqualTo("纪检监察机关、同级财政部门");
    });
    assertThat(problems.events(p.problemNo())).endsWith("CLOSED", "REFERRED_FOR_ACCOUNTABILITY");
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi.getId())
        .finished().singleResult().getEndActivityId()).isEqualTo(END_REFERRED);
  }

  private String project(String name) {
    return projects.warehoused("xingning-eco", "450102", name + System.nanoTime() % 100000);
  }

  /** Xingning's eco department reports a problem of its project through the service. */
  private ProcessInstance report(String project, String kind, String amount) {
    return users.as("xingning-eco", () -> runtime.startProcessInstanceByKey(KEY,
        ProcessVariables.builder().set(PROJECT_CODE, project)
            .set(PROBLEM_KIND, kind).set(PROBLEM_AMOUNT, amount)
            .set(PROBLEM_DESCRIPTION, "受连续降雨影响，边坡复绿工程进度滞后计划约两个月。").build()));
  }

  private static VariableMap rectify() {
    return Submitted.form().set(DECISION, Decision.RECTIFY)
        .set(DECISION_REASON, "雨季前完成边坡复绿并报送影像资料。")
        .set(RECTIFY_BY, LocalDate.now(BEIJING).plusDays(45)).build();
  }

  private void complete(String user, ProcessInstance pi, String taskKey, VariableMap vars) {
    var task = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey)
        .singleResult();
    users.run(user, () -> {
      tasks.claim(task.getId(), user);
      tasks.complete(task.getId(), vars);
    });
  }
}
