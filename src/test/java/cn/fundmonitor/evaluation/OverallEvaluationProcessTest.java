package cn.fundmonitor.evaluation;

import static cn.fundmonitor.evaluation.OverallEvaluationProcess.*;
import static cn.fundmonitor.support.TestUsers.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fundmonitor.support.Submitted;
import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.support.Covers;
import cn.fundmonitor.support.ProcessTest;
import cn.fundmonitor.support.Projects;
import cn.fundmonitor.support.Tasklist;
import cn.fundmonitor.support.TestUsers;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * overallEvaluation (专项资金总体绩效评价, GX 第二十八条): 自治区自然资源厅 evaluates the year's special
 * funds as a whole from the projects' self-evaluations and reports the result to 自治区财政厅, which
 * may choose projects for re-evaluation. Each test uses its own past year, so the summaries count
 * only the evaluations it made.
 */
@ProcessTest
@Covers("overallEvaluation")
class OverallEvaluationProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired Tasklist tasklist;
  @Autowired HistoryService history;
  @Autowired SelfEvaluationService evaluations;
  @Autowired Projects projects;
  @Autowired TestUsers users;
  @Autowired OverallEvaluationService records;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  String evaluated(String applicant, String region, String name, int year, String grade) {
    return evaluated(projects.warehoused(applicant, region, name), applicant, year, grade);
  }

  String evaluated(String code, String applicant, int year, String grade) {
    var key = SelfEvaluation.key(code, year);
    evaluations.open(key, code, year, null);
    evaluations.submit(key, Map.of(EvaluationPart.OUTPUT, BigDecimal.valueOf(100)), "自评报告", false,
        applicant);
    evaluations.recordGrade(key, Grade.valueOf(grade));
    evaluations.collect(key, "同意", NANNING_FINANCE);
    return code;
  }

  ProcessInstance start(String user, Object year) {
    return users.as(user, () -> runtime.startProcessInstanceByKey(KEY,
        Submitted.form().value(YEAR, year).build()));
  }

  Task task(ProcessInstance pi, String key) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
  }

  @Test
  void theProvinceEvaluatesTheYearAsAWholeAndReportsTheResultToTheFiscalDepartment_gxArticle28() {
    var poor = evaluated(XINGNING_ECO, "450102", "兴宁区总体评价差项目", 2019, "POOR");
    evaluated(YANGSHUO_ECO, "450321", "阳朔县总体评价良项目", 2019, "GOOD");
    // Xinjiang's project is not warehoused: a warehoused one would wait for Xinjiang's own yearly
    // selection in the process tests' shared database
    var xinjiang = evaluated(projects.underReview(QIEMO_ECO, "652825", "且末县总体评价项目"), QIEMO_ECO,
        2019, "EXCELLENT");

    var pi = start(GUANGXI_FINANCE, 2019);

    BpmnAwareTests.assertThat(pi).hasPassed(TASK_SUMMARISE).isWaitingAt(TASK_WRITE);
    assertThat(pi.getBusinessKey()).isEqualTo("450000-2019ZTPJ");
    BpmnAwareTests.assertThat(task(pi, TASK_WRITE)).hasCandidateGroup("450000-finance");
    var summary = SUMMARY.from(runtime, pi.getId());
    assertThat(summary).startsWith("广西壮族自治区 2019 年度项目绩效自评").contains("项目自评：2 个")
        .contains("优 0，良 1，中 0，差 1").contains(poor).doesNotContain(xinjiang);
    assertThatThrownBy(() -> tasklist.as(GUANGXI_FINANCE).complete(pi, TASK_WRITE, CONCLUSION.with(" ")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("请填写总体绩效评价结论");
    tasklist.as(GUANGXI_FINANCE).complete(pi, TASK_WRITE,
        CONCLUSION.with("全区项目总体完成年度绩效目标；兴宁区一个项目评价为差，建议减少其下一年度资金。"));

    // GX 第二十八条: 评价结果报自治区财政厅
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_RECEIVE);
    BpmnAwareTests.assertThat(task(pi, TASK_RECEIVE)).hasCandidateGroup("450000-fiscal");
    // the natural-resources department does not receive its own report
    tasklist.as(GUANGXI_FINANCE).cannotComplete(pi, TASK_RECEIVE,
        RE_EVALUATION.with(ReEvaluation.NONE));
    // a city's 财政局 is not the 财政厅
    tasklist.as(NANNING_FISCAL).cannotComplete(pi, TASK_RECEIVE,
        RE_EVALUATION.with(ReEvaluation.NONE));
    assertThatThrownBy(() -> tasklist.as(GUANGXI_FISCAL).complete(pi, TASK_RECEIVE,
        RE_EVALUATION.with(ReEvaluation.SELECTED)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("选择开展再评价时请填写项目编码");
    assertThatThrownBy(() -> tasklist.as(GUANGXI_FISCAL).complete(pi, TASK_RECEIVE, RE_EVALUATION
        .putInto(RE_EVALUATION_PROJECTS.with(xinjiang), ReEvaluation.SELECTED)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("不是本省 2019 年度已自评的项目");
    assertThatThrownBy(() -> tasklist.as(GUANGXI_FISCAL).complete(pi, TASK_RECEIVE, Submitted.form()
        .text(RE_EVALUATION, "LATER").build())) // not a choice: the client's raw value
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("请选择");
    tasklist.as(GUANGXI_FISCAL).complete(pi, TASK_RECEIVE, RE_EVALUATION.putInto(RE_EVALUATION_PROJECTS
        .with(" " + poor + "，" + poor + "\n"), ReEvaluation.SELECTED));

    BpmnAwareTests.assertThat(pi).hasPassed(END_REPORTED).isEnded();
    var chosen = RE_EVALUATION_PROJECTS.fromHistory(history, pi.getId());
    assertThat(chosen).as("named once, trimmed").isEqualTo(poor);
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(TASK_RECEIVE).singleResult().getAssignee()).isEqualTo(GUANGXI_FISCAL);
    // the result is kept in its own record, beyond the engine's history time to live
    var record = records.get("450000", 2019, java.util.List.of("000000-finance"));
    assertThat(record.status()).isEqualTo(OverallEvaluation.Status.RECEIVED);
    assertThat(record.summary()).isEqualTo(summary);
    assertThat(record.conclusion()).startsWith("全区项目总体完成年度绩效目标");
    assertThat(record.writtenBy()).isEqualTo(GUANGXI_FINANCE);
    assertThat(record.receivedBy()).isEqualTo(GUANGXI_FISCAL);
    assertThat(record.reEvaluation()).isEqualTo("SELECTED");
    assertThat(record.reEvaluationProjects()).containsExactly(poor);
    assertThat(record.processInstanceId()).isEqualTo(pi.getId());
  }

  @Test
  void onlyTheProvinceStartsItOncePerYearAndTheFiscalDepartmentMayChooseNoReEvaluation_gxArticle28() {
    evaluated(XINGNING_ECO, "450102", "兴宁区总体评价项目", 2018, "GOOD");
    assertThatThrownBy(() -> start(XINGNING_FINANCE, 2018)).as("a county does not evaluate the province")
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> start(GUANGXI_FISCAL, 2018)).as("the 财政厅 receives, it does not start")
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> start(GUANGXI_FINANCE, LocalDate.now().getYear()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("评价年度应为已经结束的年度");
    assertThatThrownBy(() -> start(GUANGXI_FINANCE, "明年"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("请填写评价年度");

    var pi = start(GUANGXI_FINANCE, "2018");
    tasklist.as(GUANGXI_FINANCE).complete(pi, TASK_WRITE, CONCLUSION.with("全区项目均完成年度绩效目标。"));
    tasklist.as(GUANGXI_FISCAL).complete(pi, TASK_RECEIVE, RE_EVALUATION.putInto(RE_EVALUATION_PROJECTS
        .with("450102-2018-0001"), ReEvaluation.NONE));
    BpmnAwareTests.assertThat(pi).hasPassed(END_REPORTED).isEnded();
    assertThat(RE_EVALUATION_PROJECTS.fromHistory(history, pi.getId()))
        .as("no re-evaluation: no projects kept").isNull();
    var record = records.get("450000", 2018, java.util.List.of("450000-fiscal"));
    assertThat(record.reEvaluation()).isEqualTo("NONE");
    assertThat(record.reEvaluationProjects()).isEmpty();
    assertThat(record.receivedBy()).isEqualTo(GUANGXI_FISCAL);

    assertThatThrownBy(() -> start(GUANGXI_FINANCE, 2018))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("2018 年度的总体绩效评价已经开展，不能重复发起");
  }
}
