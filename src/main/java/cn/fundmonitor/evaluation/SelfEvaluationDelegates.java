package cn.fundmonitor.evaluation;

import static cn.fundmonitor.evaluation.SelfEvaluationProcess.*;

import cn.fundmonitor.common.Choices;
import cn.fundmonitor.filing.FilingService;
import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.platform.Actors;
import cn.fundmonitor.platform.DecisionTasks;
import cn.fundmonitor.platform.JsonVariables;
import cn.fundmonitor.project.ProjectCatalogue;
import cn.fundmonitor.project.ProjectTeams;
import java.util.Map;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The thin delegates of projectSelfEvaluation: variables in, one service call, variables out. */
@Configuration(proxyBeanMethods = false)
class SelfEvaluationDelegates {

  /** Opens the project's evaluation: who writes it, who reviews it, by when, and the year's data. */
  @Bean
  JavaDelegate openEvaluationDelegate(SelfEvaluationService evaluations,
      ProjectCatalogue catalogue, ProjectTeams teams, FilingService filings,
      OrganisationService organisation) {
    return execution -> {
      int year = EVALUATION_YEAR.get(execution);
      var project = catalogue.get(PROJECT_CODE.get(execution));
      var evaluation = evaluations.open(execution.getProcessBusinessKey(), project.code(), year,
          execution.getProcessInstanceId());
      var targets = catalogue.targetsFor(project.code(), year);
      var unit = project.applicantUnitCode();
      PROJECT_NAME.set(execution, project.name());
      APPLICANT_UNIT_NAME.set(execution, organisation.get(unit).name());
      DIRECTION.set(execution, project.direction().name());
      EVALUATION_UNIT.set(execution, unit);
      EVALUATION_GROUPS.set(execution, teams.unitGroups(project));
      var reviewers = teams.superiorFinanceGroup(project);
      REVIEW_UNIT.set(execution, reviewers.divisionCode());
      REVIEW_GROUP.set(execution, reviewers.id());
      DEADLINE.set(execution, evaluations.unitDueDate(year));
      REVIEW_DEADLINE.set(execution, SelfEvaluationService.nominalDueDate(year));
      var filing = filings.latestFiled(project.code(), year);
      CONTEXT.set(execution, "项目：" + project.name() + "（" + project.code() + "），"
          + project.direction().label() + "\n评价类型：" + evaluation.kind().label()
          + "（GX 第二十五条：按要求开展年度、中期和实施期后绩效评价）\n考核目标：" + targets.label()
          + "\n评价年度：" + year + "年，应于 "
          + evaluations.unitDueDate(year) + " 前完成自评（节假日顺延）；设区市于 "
          + SelfEvaluationService.nominalDueDate(year) + " 前审核汇总报自治区（GX 第二十八条）\n"
          + filing.map(f -> "全年数据：" + f.quarter().label() + "填报，到位资金 "
              + (f.receivedAmount() == null ? "—" : f.receivedAmount().toWanText()) + "，累计支付 "
              + f.paidToDate().toWanText())
              .orElse("全年数据：本年度尚无已填报的季度执行情况"));
    };
  }

  /** The unit's report and the score from the data, with the weights of the DMN. */
  @Bean
  JavaDelegate scoreEvaluationDelegate(SelfEvaluationService evaluations) {
    return execution -> {
      var weights = SelfEvaluationService.weights(JsonVariables.rows(WEIGHTS.get(execution)));
      var key = execution.getProcessBusinessKey();
      // a checkbox: true, or "true" from a text field or a REST client (read raw: anything else is no)
      var emergency = Boolean.parseBoolean(String.valueOf(EMERGENCY.raw(execution)));
      var result = evaluations.submit(key, weights, SELF_REPORT.get(execution), emergency,
          Actors.current(execution));
      SCORE.set(execution, result.score().doubleValue());
      DETAILS.set(execution, SelfEvaluationService.details(result));
    };
  }

  /** The grade the DMN gave; a poor one flagged for next year's allocation (GX 第二十九条). */
  @Bean
  JavaDelegate recordGradeDelegate(SelfEvaluationService evaluations) {
    return execution -> {
      @SuppressWarnings("unchecked")
      Map<String, Object> result = GRADE_RESULT.get(execution);
      var flagged = evaluations.recordGrade(execution.getProcessBusinessKey(),
          Grade.fromDecision(result.get("grade")));
      GRADE.set(execution, result.get("label") + "（" + SCORE.get(execution) + "分）"
          + (flagged ? "，下一年度少安排或不安排资金（GX 第二十九条）" : ""));
      FLAGGED.set(execution, flagged);
    };
  }

  @Bean
  JavaDelegate collectEvaluationDelegate(SelfEvaluationService evaluations) {
    return execution -> evaluations.collect(execution.getProcessBusinessKey(),
        REVIEW_COMMENT.get(execution), Actors.current(execution));
  }

  @Bean
  JavaDelegate returnEvaluationDelegate(SelfEvaluationService evaluations) {
    return execution -> evaluations.returnEvaluation(execution.getProcessBusinessKey(),
        REVIEW_COMMENT.get(execution), Actors.current(execution));
  }

  /** Refuses a review the gateway cannot route, or a return without its reason. */
  @Bean
  ExecutionListener evaluationReviewListener() {
    var rule = new Choices.Decision<ReviewOutcome>("审核意见有误", "请选择：审核通过，或退回修改",
        outcome -> outcome == ReviewOutcome.RETURN, "退回修改时必须填写审核意见", "审核意见");
    return execution -> DecisionTasks.check(execution, rule, REVIEW_OUTCOME, REVIEW_COMMENT);
  }
}
