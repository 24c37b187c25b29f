package cn.fundmonitor.warehousing;

import static cn.fundmonitor.support.TestUsers.*;
import static cn.fundmonitor.warehousing.AnnualSelectionProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fundmonitor.support.Submitted;
import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.project.ProjectCatalogue;
import cn.fundmonitor.project.ProjectWarehousing;
import cn.fundmonitor.support.Projects;
import cn.fundmonitor.support.Covers;
import cn.fundmonitor.support.ProcessTest;
import cn.fundmonitor.support.TestUsers;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The yearly choice of next year's supported projects (GX 第十五条: 每个预算年度9月前). */
@ProcessTest
@Covers("annualProjectSelection")
class AnnualProjectSelectionProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired ProjectCatalogue catalogue;
  @Autowired ProjectWarehousing warehousing;
  @Autowired TestUsers users;
  @Autowired cn.fundmonitor.overdue.OverdueService overdue;
  @Autowired AnnualSelectionSchedule schedule;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Autowired Projects projects;

  @Autowired cn.fundmonitor.evaluation.SelfEvaluationService evaluations;

  @Test
  void gx29_theSelectionShowsLastYearsPoorResultInTheCountyAndTheSuggestedCut() {
    var poor = warehoused("兴宁区2035年度自评差项目");
    var candidate = warehoused("兴宁区2036年度候选项目");
    // a Xingning project graded 差 in 2035 flags Xingning's 2036 money (GX 第二十九条)
    evaluations.prepare(poor, 2035);
    evaluations.recordGrade(cn.fundmonitor.evaluation.SelfEvaluation.key(poor, 2035),
        cn.fundmonitor.evaluation.Grade.POOR);

    ProcessInstance pi = runtime.createProcessInstanceByKey(KEY).startBeforeActivity(TASK_PREPARE)
        .setVariables(BUDGET_YEAR.with(2036)).execute();
    var task = tasks.createTaskQuery().processInstanceId(pi.getId())
        .taskCandidateGroup("450000-finance").singleResult();
    var labels = CANDIDATE_PROJECTS.from(tasks, task.getId())
        .stream().filter(c -> candidate.equals(c.value())).map(Candidate::label).toList();
    assertThat(labels).singleElement().asString()
        .contains("【上年度结果：2035年 " + poor + " 绩效自评结果差")
        .contains("建议少安排30%，按申请额约");
    runtime.deleteProcessInstance(pi.getId(), "只查看候选项目");
  }

  private String warehoused(String name) {
    return projects.warehoused(XINGNING_ECO, "450102", name);
  }

  @Test
  void beforeSeptemberTheProvinceFinanceDepartmentChoosesNextYearsProjects() {
    var chosen = warehoused("兴宁区遴选项目（入选）");
    var notChosen = warehoused("兴宁区遴选项目（未入选）");
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.of(2026, 8, 1, 9, 0, 0, 0,
        ZoneOffset.ofHours(8)).toInstant()));

    var timer = management.createJobQuery().processDefinitionKey(KEY).timers().singleResult();
    management.executeJob(timer.getId());

    var pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey("selection-2027")
        .singleResult();
    BpmnAwareTests.assertThat(pi).hasPassed(START_TIMER, TASK_PREPARE, TASK_LIST_CANDIDATES)
        .isWaitingAt(TASK_SELECT);
    var task = tasks.createTaskQuery().processInstanceId(pi.getId()).taskCandidateGroup("450000-finance")
        .singleResult();
    assertThat(task.getDueDate()).isEqualTo(Date.from(OffsetDateTime.of(2026, 8, 31, 17, 30, 0, 0,
        ZoneOffset.ofHours(8)).toInstant()));
    var candidates = CANDIDATE_PROJECTS.from(tasks, task.getId());
    assertThat(candidates).extracting(Candidate::value).contains(chosen, notChosen);

    // a project that is not a candidate is refused; nothing is recorded
    assertThatThrownBy(() -> users.run(GUANGXI_FINANCE, () -> tasks.complete(task.getId(),
        Submitted.form().json(SELECTED_PROJECTS, List.of("999999-2026-0001")).build())))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("不是本省已入库且尚未遴选的项目");
    assertThat(catalogue.selectedFor("450000", 2027)).doesNotContain(chosen);

    for (var t : tasks.createTaskQuery().processInstanceId(pi.getId()).list()) {
      var province = PROVINCE_CODE.from(tasks, t.getId());
      var selection = "450000".equals(province) ? List.of(chosen) : List.<String>of();
      users.run(GUANGXI_FINANCE, () -> tasks.complete(t.getId(), Submitted
          .form().json(SELECTED_PROJECTS, selection)
          .set(SELECTION_NOTE, "择优确定").build()));
    }

    BpmnAwareTests.assertThat(pi).hasPassed(TASK_RECORD_SELECTION, END_SELECTION_COMPLETED).isEnded();
    assertThat(catalogue.selectedFor("450000", 2027)).contains(chosen).doesNotContain(notChosen);
    assertThat(catalogue.selectionCandidates("450000", 2027)).extracting(p -> p.code())
        .contains(notChosen).doesNotContain(chosen);
  }

  @Test
  void theMinistryFollowsUpAProvinceThatHasNotChosenBySeptember_gxArticle15() {
    var candidate = warehoused("兴宁区遴选项目（逾期遴选）");
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.of(2027, 8, 1, 9, 0, 0, 0,
        ZoneOffset.ofHours(8)).toInstant()));
    ProcessInstance pi = runtime.createProcessInstanceByKey(KEY).startBeforeActivity(TASK_PREPARE)
        .setVariables(BUDGET_YEAR.with(2028)).execute();
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_SELECT);

    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.of(2027, 9, 1, 9, 0, 0, 0,
        ZoneOffset.ofHours(8)).toInstant()));
    var guangxiTimer = management.createJobQuery().processInstanceId(pi.getId())
        .activityId(TIMER_SELECTION_OVERDUE).list().stream()
        .filter(j -> "450000".equals(PROVINCE_CODE.from(runtime, j.getExecutionId())))
        .findFirst().orElseThrow();
    assertThat(guangxiTimer.getDuedate()).as("9月前: due at the end of 31 August")
        .isEqualTo(Date.from(OffsetDateTime.of(2027, 8, 31, 17, 30, 0, 0, ZoneOffset.ofHours(8))
            .toInstant()));
    management.executeJob(guangxiTimer.getId());

    BpmnAwareTests.assertThat(pi).hasPassed(TASK_RECORD_SELECTION_OVERDUE);
    var followUp = tasks.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(TASK_FOLLOW_UP_SELECTION).singleResult();
    BpmnAwareTests.assertThat(followUp).hasCandidateGroup("000000-finance");
    assertThat((String) tasks.getVariable(followUp.getId(), "overdueInfo"))
        .contains("广西壮族自治区 遴选下一年度支持项目");
    users.run(MINISTRY_FINANCE, () -> {
      tasks.claim(followUp.getId(), MINISTRY_FINANCE);
      tasks.complete(followUp.getId(), Variables.putValue("followUpNote", "已督促广西尽快确定"));
    });

    for (var t : tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_SELECT)
        .list()) {
      var province = PROVINCE_CODE.from(tasks, t.getId());
      var selection = "450000".equals(province) ? List.of(candidate) : List.<String>of();
      users.run(GUANGXI_FINANCE, () -> tasks.complete(t.getId(), Submitted
          .form().json(SELECTED_PROJECTS, selection)
          .set(SELECTION_NOTE, "逾期后确定").build()));
    }
    BpmnAwareTests.assertThat(pi).hasPassed(END_SELECTION_FOLLOWED_UP, END_SELECTION_COMPLETED)
        .isEnded();
    assertThat(overdue.forProcessInstance(pi.getId())).singleElement().satisfies(step -> {
      assertThat(step.isOpen()).isFalse();
      assertThat(step.unitCode()).isEqualTo("450000");
    });
    assertThat(catalogue.selectedFor("450000", 2028)).contains(candidate);
  }

  @Test
  void aSelectionStartedAfterItsDueDayIsNeverEscalated_gxArticle15() {
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.of(2027, 10, 8, 9, 0, 0, 0,
        ZoneOffset.ofHours(8)).toInstant()));
    assertThat(schedule.dueDate()).isNull();
    assertThat(schedule.escalationAt(null)).isAfter(Date.from(OffsetDateTime.of(9999, 1, 1, 0, 0,
        0, 0, ZoneOffset.UTC).toInstant()));
    var due = new Date();
    assertThat(schedule.escalationAt(due)).isSameAs(due);
  }

  @Test
  void withoutWarehousedProjectsThereIsNothingToChoose() {
    int year = 2040;
    for (var province : catalogue.provincesWithCandidates(year)) {
      warehousing.select(province, year, catalogue.selectionCandidates(province, year).stream()
          .map(p -> p.code()).toList(), GUANGXI_FINANCE, null);
    }

    ProcessInstance pi = runtime.createProcessInstanceByKey(KEY).startBeforeActivity(TASK_PREPARE)
        .setVariables(BUDGET_YEAR.with(year)).execute();

    BpmnAwareTests.assertThat(pi).hasPassed(END_NOTHING_TO_SELECT).isEnded();
  }
}
