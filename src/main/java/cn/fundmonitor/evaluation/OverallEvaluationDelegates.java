package cn.fundmonitor.evaluation;

import static cn.fundmonitor.evaluation.OverallEvaluationProcess.*;

import cn.fundmonitor.common.Choices;
import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.organisation.DivisionLevel;
import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.organisation.Role;
import cn.fundmonitor.organisation.UnitGroup;
import cn.fundmonitor.platform.Actors;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The thin delegates of overallEvaluation (GX 第二十八条): the province's natural-resources
 * department evaluates the year's special funds as a whole and reports the result to 自治区财政厅,
 * which may choose projects for re-evaluation.
 */
@Configuration(proxyBeanMethods = false)
class OverallEvaluationDelegates {

  static final int MAX_TEXT = SelfEvaluationService.MAX_REPORT;

  /** Which province, which year; the year's project self-evaluations in words. */
  @Bean
  JavaDelegate summariseOverallEvaluationDelegate(SelfEvaluationService evaluations,
      OrganisationService organisation, HistoryService history, OverallEvaluationService records,
      Clock clock) {
    return execution -> {
      var evaluator = EVALUATOR.get(execution);
      if (evaluator == null) {
        evaluator = Actors.current(execution);
        EVALUATOR.set(execution, evaluator);
      }
      var provinces = OrganisationService.unitGroups(Actors.groups(execution, evaluator)).stream()
          .filter(g -> g.role() == Role.FINANCE)
          .map(g -> organisation.find(g.divisionCode()).orElse(null))
          .filter(d -> d != null && d.level() == DivisionLevel.PROVINCE).distinct().toList();
      if (provinces.size() != 1) {
        throw new InvalidInputException("总体绩效评价有误",
            "专项资金总体绩效评价由省级自然资源主管部门财务与资金运用处室组织（GX 第二十八条），账号“"
                + evaluator + "”不能发起");
      }
      var province = provinces.get(0);
      var year = OverallEvaluationService.evaluationYear(YEAR.raw(execution),
          LocalDate.now(clock).getYear());
      var key = businessKey(province.code(), year);
      if (history.createHistoricProcessInstanceQuery().processDefinitionKey(KEY)
          .processInstanceBusinessKey(key).count() > 0) {
        throw new InvalidInputException("总体绩效评价有误",
            province.name() + " " + year + " 年度的总体绩效评价已经开展，不能重复发起");
      }
      execution.setProcessBusinessKey(key);
      YEAR.set(execution, year);
      PROVINCE_CODE.set(execution, province.code());
      PROVINCE_FINANCE_GROUP.set(execution, UnitGroup.of(province.code(), Role.FINANCE).id());
      PROVINCE_FISCAL_GROUP.set(execution, UnitGroup.of(province.code(), Role.FISCAL).id());
      var summary = OverallEvaluationService.summary(province.name(), year,
          evaluations.ofYear(year, organisation.subtree(province.code())));
      SUMMARY.set(execution, summary);
      records.started(key, province.code(), year, summary, execution.getProcessInstanceId(),
          evaluator);
    };
  }

  /** The report must say something, and not too much. */
  @Bean
  ExecutionListener overallConclusionListener(OverallEvaluationService records) {
    return execution -> {
      var conclusion = CONCLUSION.get(execution);
      if (conclusion == null || conclusion.isBlank()) {
        throw new InvalidInputException("总体绩效评价有误", "请填写总体绩效评价结论");
      }
      if (conclusion.length() > MAX_TEXT) {
        throw new InvalidInputException("总体绩效评价有误", "评价结论不能超过 " + MAX_TEXT + " 个字");
      }
      records.written(execution.getProcessBusinessKey(), conclusion.strip(),
          Actors.current(execution));
    };
  }

  /**
   * 自治区财政厅 receives the result; a choice of re-evaluation names projects that were evaluated
   * in the province that year (GX 第二十八条: 视情况选择部分专项资金项目开展绩效再评价).
   */
  @Bean
  ExecutionListener fiscalReceiptListener(SelfEvaluationService evaluations,
      OrganisationService organisation, OverallEvaluationService records) {
    return execution -> {
      var choice = Choices.required(() -> RE_EVALUATION.get(execution),
          "接收意见有误", "请选择：不开展再评价，或选择部分项目开展绩效再评价");
      var comment = FISCAL_COMMENT.get(execution);
      if (comment != null && comment.length() > MAX_TEXT) {
        throw new InvalidInputException("接收意见有误", "意见不能超过 " + MAX_TEXT + " 个字");
      }
      var named = OverallEvaluationService.reEvaluationProjects(
          RE_EVALUATION_PROJECTS.get(execution));
      if (choice == ReEvaluation.NONE) {
        RE_EVALUATION_PROJECTS.set(execution, null);
        records.received(execution.getProcessBusinessKey(), choice.name(), List.of(), comment,
            Actors.current(execution));
        return;
      }
      if (named.isEmpty()) {
        throw new InvalidInputException("接收意见有误", "选择开展再评价时请填写项目编码");
      }
      int year = YEAR.get(execution);
      var evaluated = evaluations.ofYear(year, organisation.subtree(PROVINCE_CODE.get(execution)))
          .stream().map(SelfEvaluation::projectCode).collect(Collectors.toSet());
      var problems = new ArrayList<String>();
      for (var code : named) {
        if (!evaluated.contains(code)) {
          problems.add("项目 " + code + " 不是本省 " + year + " 年度已自评的项目");
        }
      }
      if (!problems.isEmpty()) {
        throw new InvalidInputException("接收意见有误", problems);
      }
      RE_EVALUATION_PROJECTS.set(execution, String.join(",", named));
      records.received(execution.getProcessBusinessKey(), choice.name(), named, comment,
          Actors.current(execution));
    };
  }
}
