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
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The thin delegates of overallEvaluation (GX 第二十八条): the province's natural-resources
 * department evaluates the year's special funds as a whole and reports the result to 自治区财政厅,
 * which may choose projects for re-evaluation.
 */
final class OverallEvaluationDelegates {

  private OverallEvaluationDelegates() {}

  static final int MAX_TEXT = SelfEvaluationService.MAX_REPORT;

  /** Which province, which year; the year's project self-evaluations in words. */
  @Component("summariseOverallEvaluationDelegate")
  static class Summarise implements JavaDelegate {
    private final SelfEvaluationService evaluations;
    private final OrganisationService organisation;
    private final HistoryService history;
    private final OverallEvaluationService records;
    private final Clock clock;

    Summarise(SelfEvaluationService evaluations, OrganisationService organisation,
        HistoryService history, OverallEvaluationService records, Clock clock) {
      this.evaluations = evaluations;
      this.organisation = organisation;
      this.history = history;
      this.records = records;
      this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
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
      var year = year(YEAR.get(execution), LocalDate.now(clock).getYear());
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
      var summary = summary(province.name(), year,
          evaluations.ofYear(year, organisation.subtree(province.code())));
      SUMMARY.set(execution, summary);
      records.started(key, province.code(), year, summary, execution.getProcessInstanceId(), evaluator);
    }

    static int year(Object value, int thisYear) {
      int year;
      try {
        year = value instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(value).strip());
      } catch (NumberFormatException e) {
        throw new InvalidInputException("总体绩效评价有误", "请填写评价年度（四位年份）");
      }
      if (year < 2000 || year >= thisYear) {
        throw new InvalidInputException("总体绩效评价有误",
            "评价年度应为已经结束的年度（2000 至 " + (thisYear - 1) + " 年）");
      }
      return year;
    }

    static String summary(String provinceName, int year, List<SelfEvaluation> all) {
      var text = new StringBuilder(provinceName).append(" ").append(year)
          .append(" 年度项目绩效自评（GX 第二十八条：由设区市审核汇总后报自治区）\n")
          .append("项目自评：").append(all.size()).append(" 个");
      var byStatus = new TreeMap<String, Long>(all.stream()
          .collect(Collectors.groupingBy(e -> e.status().label(), Collectors.counting())));
      if (!byStatus.isEmpty()) {
        text.append("（").append(byStatus.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining("，"))).append("）");
      }
      text.append('\n');
      var graded = all.stream().filter(e -> e.grade() != null).toList();
      text.append("等级：").append(Arrays.stream(Grade.values()).map(g -> g.label() + " "
          + graded.stream().filter(e -> e.grade() == g).count()).collect(Collectors.joining("，")))
          .append('\n');
      var poor = graded.stream().filter(e -> e.grade() == Grade.POOR).toList();
      if (!poor.isEmpty()) {
        text.append("评价为“差”的项目（GX 第二十九条：除地质灾害应急项目外，少安排或不安排所在市、县下一年度专项资金）：\n");
        poor.forEach(e -> text.append("  ").append(e.projectCode())
            .append(e.emergency() ? "（地质灾害应急项目）" : "").append('\n'));
      }
      return text.toString();
    }
  }

  /** The report must say something, and not too much. */
  @Component("overallConclusionListener")
  static class ConclusionListener implements ExecutionListener {
    private final OverallEvaluationService records;

    ConclusionListener(OverallEvaluationService records) {
      this.records = records;
    }

    @Override
    public void notify(DelegateExecution execution) {
      var conclusion = CONCLUSION.get(execution);
      if (conclusion == null || conclusion.isBlank()) {
        throw new InvalidInputException("总体绩效评价有误", "请填写总体绩效评价结论");
      }
      if (conclusion.length() > MAX_TEXT) {
        throw new InvalidInputException("总体绩效评价有误", "评价结论不能超过 " + MAX_TEXT + " 个字");
      }
      records.written(execution.getProcessBusinessKey(), conclusion.strip(), Actors.current(execution));
    }
  }

  /**
   * 自治区财政厅 receives the result; a choice of re-evaluation names projects that were evaluated
   * in the province that year (GX 第二十八条: 视情况选择部分专项资金项目开展绩效再评价).
   */
  @Component("fiscalReceiptListener")
  static class ReceiptListener implements ExecutionListener {
    private final SelfEvaluationService evaluations;
    private final OrganisationService organisation;
    private final OverallEvaluationService records;

    ReceiptListener(SelfEvaluationService evaluations, OrganisationService organisation,
        OverallEvaluationService records) {
      this.evaluations = evaluations;
      this.organisation = organisation;
      this.records = records;
    }

    @Override
    public void notify(DelegateExecution execution) {
      var choice = Choices.required(RE_EVALUATION.get(execution), ReEvaluation.class,
          "接收意见有误", "请选择：不开展再评价，或选择部分项目开展绩效再评价");
      var comment = FISCAL_COMMENT.get(execution);
      if (comment != null && comment.length() > MAX_TEXT) {
        throw new InvalidInputException("接收意见有误", "意见不能超过 " + MAX_TEXT + " 个字");
      }
      var named = projects(RE_EVALUATION_PROJECTS.get(execution));
      if (choice == ReEvaluation.NONE) {
        RE_EVALUATION_PROJECTS.set(execution, null);
        records.received(execution.getProcessBusinessKey(), choice.name(), List.of(), comment,
            Actors.current(execution));
        return;
      }
      if (named.isEmpty()) {
        throw new InvalidInputException("接收意见有误", "选择开展再评价时请填写项目编码");
      }
      int year = ((Number) YEAR.get(execution)).intValue();
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
    }

    static List<String> projects(String text) {
      if (text == null) {
        return List.of();
      }
      var result = new LinkedHashSet<String>();
      for (var part : text.split("[,，、;；\\s]+")) {
        if (!part.isBlank()) {
          result.add(part.strip());
        }
      }
      if (result.size() > 200) {
        throw new InvalidInputException("接收意见有误", "一次最多选择 200 个项目");
      }
      return List.copyOf(result);
    }
  }
}
