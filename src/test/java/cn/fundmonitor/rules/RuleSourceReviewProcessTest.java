package cn.fundmonitor.rules;

import static cn.fundmonitor.rules.RuleSourceReviewProcess.*;
import static cn.fundmonitor.support.TestUsers.POLICY_OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.support.Covers;
import cn.fundmonitor.support.ProcessTest;
import cn.fundmonitor.support.Tasklist;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * ruleSourceReview: GX 第三十七条 "本办法自印发之日起实行，有效期五年" — 桂自然资发〔2021〕87号 was issued
 * on 2021-12-31, so its last day is 2026-12-30, and the policy owners are asked to review the
 * tables citing it 60 days before (a configurable default).
 */
@ProcessTest
@Covers("ruleSourceReview")
class RuleSourceReviewProcessTest {

  static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

  @Autowired ProcessEngine engine;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;
  @Autowired Tasklist tasklist;
  @Autowired HistoryService history;
  @Autowired RuleSources sources;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static void at(int y, int m, int d) {
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.of(y, m, d, 8, 30, 0, 0, BEIJING)
        .toInstant()));
  }

  /** Runs today's check as the job executor would, and returns the instance it started. */
  String runTodaysCheck() {
    var timer = management.createJobQuery().processDefinitionKey(KEY).timers().singleResult();
    management.executeJob(timer.getId());
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(KEY)
        .orderByProcessInstanceStartTime().desc().list().get(0).getId();
  }

  @Test
  void theGuangxiRulesLastFiveYearsFromTheirIssue_gxArticle37() {
    var gx = sources.all().stream().filter(s -> s.code().equals("GX")).findFirst().orElseThrow();
    assertThat(gx.issuedOn()).isEqualTo("2021-12-31");
    assertThat(gx.lastDay()).isEqualTo("2026-12-30");
    var mnr = sources.all().stream().filter(s -> s.code().equals("MNR")).findFirst().orElseThrow();
    assertThat(mnr.lastDay()).as("MNR 第二十七条: 自印发之日起施行, no end").isNull();
    assertThat(sources.lapsing(LocalDate.of(2026, 10, 30))).isEmpty();
    assertThat(sources.lapsing(LocalDate.of(2026, 10, 31))).singleElement()
        .satisfies(l -> assertThat(l.decisions()).contains(
            "因素法分配权重（allocationFactorWeights）", "支出范围（expenditureEligibility）"));
  }

  @Test
  void longBeforeTheGuangxiRulesLapseNobodyIsAsked_gxArticle37() {
    at(2026, 3, 1);
    var quiet = runTodaysCheck();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(quiet)
        .activityId(END_NOTHING_LAPSING).count()).isEqualTo(1);
    assertThat(tasks.createTaskQuery().processDefinitionKey(KEY).count()).isZero();
  }

  @Test
  void aMonthBeforeTheGuangxiRulesLapseThePolicyOwnersReviewTheTablesOnce_gxArticle37() {
    at(2026, 11, 30);
    var reminder = runTodaysCheck();

    var review = tasks.createTaskQuery().processInstanceId(reminder)
        .taskDefinitionKey(TASK_REVIEW).singleResult();
    BpmnAwareTests.assertThat(review).hasCandidateGroup("policy-owners");
    assertThat(review.getDueDate()).as("due on the last day the rules are in force")
        .isEqualTo(Date.from(OffsetDateTime.of(2026, 12, 30, 23, 59, 59, 0, BEIJING).toInstant()));
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(reminder)
        .singleResult().getBusinessKey()).isEqualTo("GX@2026-12-30");
    var summary = LAPSING_SUMMARY.from(tasks, review.getId());
    assertThat(summary).contains("桂自然资发〔2021〕87号", "有效期至 2026-12-30（还有 30 天）",
        "expenditureEligibility", "allocationFactorWeights").doesNotContain("MNR：");

    // the next days ask nothing new, however long the review takes
    at(2026, 12, 1);
    var nextDay = runTodaysCheck();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(nextDay)
        .activityId(END_NOTHING_LAPSING).count()).isEqualTo(1);
    assertThat(tasks.createTaskQuery().processDefinitionKey(KEY).count()).isEqualTo(1);

    tasklist.as(POLICY_OWNER).complete(review, REVIEW_NOTE.with(
        "新办法尚未印发，已向自然资源厅财务处了解，原办法延期适用至新办法印发"));
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(reminder)
        .singleResult().getEndTime()).isNotNull();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(reminder)
        .activityId(END_REVIEWED).count()).isEqualTo(1);

    at(2027, 2, 1);
    runTodaysCheck();
    assertThat(tasks.createTaskQuery().processDefinitionKey(KEY).count())
        .as("lapsed and already reviewed: not asked again").isZero();
  }
}
