package cn.fundmonitor.evaluation;

import static cn.fundmonitor.evaluation.SelfEvaluationProcess.*;

import cn.fundmonitor.common.Choices;
import cn.fundmonitor.filing.FilingService;
import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.organisation.Role;
import cn.fundmonitor.organisation.UnitGroup;
import cn.fundmonitor.platform.Actors;
import cn.fundmonitor.platform.JsonVariables;
import cn.fundmonitor.project.ProjectReserveService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Map;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** The thin delegates of the self-evaluation processes: variables in, one service call, variables out. */
final class EvaluationDelegates {

  private EvaluationDelegates() {}

  /**
   * Which year ended; the year's projects fixed into batches (issue 16), one batch per
   * multi-instance element, each its own job.
   */
  @Component("planEvaluationsDelegate")
  static class Plan implements JavaDelegate {
    private final SelfEvaluationService evaluations;
    private final SelfEvaluationSchedule schedule;
    private final Clock clock;

    Plan(SelfEvaluationService evaluations, SelfEvaluationSchedule schedule, Clock clock) {
      this.evaluations = evaluations;
      this.schedule = schedule;
      this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
      var year = EVALUATION_YEAR.get(execution) == null ? LocalDate.now(clock).getYear() - 1
          : EVALUATION_YEAR.get(execution);
      EVALUATION_YEAR.set(execution, year);
      execution.setProcessBusinessKey("evaluation-" + year);
      var wave = evaluations.planWave(execution.getProcessInstanceId(), year, schedule.batchSize());
      BATCHES.set(execution, IntStream.range(0, wave.batchCount()).boxed().toList());
      WAVE_PLANNED.set(execution, wave.plannedCount());
    }
  }

  /**
   * Opens one batch of evaluations (the projects fixed into it at planning) in one transaction; a
   * retried batch skips the evaluations that exist.
   */
  @Component("startEvaluationBatchDelegate")
  static class StartBatch implements JavaDelegate {
    private final SelfEvaluationService evaluations;

    StartBatch(SelfEvaluationService evaluations) {
      this.evaluations = evaluations;
    }

    @Override
    public void execute(DelegateExecution execution) {
      int year = EVALUATION_YEAR.get(execution);
      var runtime = execution.getProcessEngineServices().getRuntimeService();
      var wave = execution.getProcessInstanceId();
      int batch = BATCH_NUMBER.get(execution);
      int opened = 0;
      int alreadyOpen = 0;
      for (var project : evaluations.waveBatch(wave, batch)) {
        if (open(runtime, evaluations, project, year)) {
          opened++;
        } else {
          alreadyOpen++;
        }
      }
      evaluations.batchDone(wave, batch, opened, alreadyOpen);
    }

    /** Opens the project's evaluation of the year unless it exists; true if opened now. */
    static boolean open(RuntimeService runtime, SelfEvaluationService evaluations, String project,
        int year) {
      if (!evaluations.prepare(project, year)) {
        return false;
      }
      runtime.createProcessInstanceByKey(KEY).businessKey(SelfEvaluation.key(project, year))
          .setVariables(Variables.createVariables().putValue(EVALUATION_YEAR.name(), year)
              .putValue(PROJECT_CODE.name(), project))
          .execute();
      return true;
    }
  }

  /**
   * Every project funded in the year has exactly one evaluation (GX 第二十八条): the year's
   * projects are read again once every batch is done, and any without its evaluation — funded
   * while the wave ran — gets it here; the counts are recorded with the wave and logged.
   */
  @Component("reconcileEvaluationsDelegate")
  static class Reconcile implements JavaDelegate {
    private final SelfEvaluationService evaluations;

    Reconcile(SelfEvaluationService evaluations) {
      this.evaluations = evaluations;
    }

    @Override
    public void execute(DelegateExecution execution) {
      int year = EVALUATION_YEAR.get(execution);
      var runtime = execution.getProcessEngineServices().getRuntimeService();
      var added = new ArrayList<String>();
      for (var project : evaluations.withoutEvaluation(year)) {
        if (StartBatch.open(runtime, evaluations, project, year)) {
          added.add(project);
        }
      }
      var wave = evaluations.reconciled(execution.getProcessInstanceId(), added);
      WAVE_ADDED.set(execution, wave.addedCount());
    }
  }

  /** Opens the project's evaluation: who writes it, who reviews it, by when, and the year's data. */
  @Component("openEvaluationDelegate")
  static class Open implements JavaDelegate {
    private final SelfEvaluationService evaluations;
    private final ProjectReserveService reserve;
    private final FilingService filings;
    private final OrganisationService organisation;

    Open(SelfEvaluationService evaluations, ProjectReserveService reserve, FilingService filings,
        OrganisationService organisation) {
      this.evaluations = evaluations;
      this.reserve = reserve;
      this.filings = filings;
      this.organisation = organisation;
    }

    @Override
    public void execute(DelegateExecution execution) {
      int year = EVALUATION_YEAR.get(execution);
      var project = reserve.get(PROJECT_CODE.get(execution));
      var evaluation = evaluations.open(execution.getProcessBusinessKey(), project.code(), year,
          execution.getProcessInstanceId());
      var targets = reserve.targetsFor(project.code(), year);
      var unit = project.applicantUnitCode();
      PROJECT_NAME.set(execution, project.name());
      APPLICANT_UNIT_NAME.set(execution, organisation.get(unit).name());
      DIRECTION.set(execution, project.direction().name());
      EVALUATION_UNIT.set(execution, unit);
      EVALUATION_GROUPS.set(execution, UnitGroup.of(unit, Role.FINANCE).id() + ","
          + UnitGroup.of(unit, project.direction().reviewingRole()).id());
      var superior = organisation.get(unit).parentCode();
      var reviewer = superior == null ? unit : superior;
      REVIEW_UNIT.set(execution, reviewer);
      REVIEW_GROUP.set(execution, UnitGroup.of(reviewer, Role.FINANCE).id());
      DEADLINE.set(execution, evaluations.unitDueDate(year).toString());
      REVIEW_DEADLINE.set(execution, SelfEvaluationService.nominalDueDate(year).toString());
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
    }
  }

  /** The unit's report and the score from the data, with the weights of the DMN. */
  @Component("scoreEvaluationDelegate")
  static class Score implements JavaDelegate {
    private final SelfEvaluationService evaluations;

    Score(SelfEvaluationService evaluations) {
      this.evaluations = evaluations;
    }

    @Override
    public void execute(DelegateExecution execution) {
      var weights = SelfEvaluationService.weights(JsonVariables.rows(WEIGHTS.get(execution)));
      var key = execution.getProcessBusinessKey();
      var result = evaluations.submit(key, weights, SELF_REPORT.get(execution),
          EMERGENCY.get(execution), Actors.current(execution));
      SCORE.set(execution, result.score().doubleValue());
      DETAILS.set(execution, SelfEvaluationService.details(result));
    }
  }

  /** The grade the DMN gave; a poor one flagged for next year's allocation (GX 第二十九条). */
  @Component("recordGradeDelegate")
  static class RecordGrade implements JavaDelegate {
    private final SelfEvaluationService evaluations;

    RecordGrade(SelfEvaluationService evaluations) {
      this.evaluations = evaluations;
    }

    @Override
    public void execute(DelegateExecution execution) {
      @SuppressWarnings("unchecked")
      Map<String, Object> result = GRADE_RESULT.get(execution);
      var flagged = evaluations.recordGrade(execution.getProcessBusinessKey(), result.get("grade"));
      GRADE.set(execution, result.get("label") + "（" + SCORE.get(execution) + "分）"
          + (flagged ? "，下一年度少安排或不安排资金（GX 第二十九条）" : ""));
      FLAGGED.set(execution, flagged);
    }
  }

  @Component("collectEvaluationDelegate")
  static class Collect implements JavaDelegate {
    private final SelfEvaluationService evaluations;

    Collect(SelfEvaluationService evaluations) {
      this.evaluations = evaluations;
    }

    @Override
    public void execute(DelegateExecution execution) {
      evaluations.collect(execution.getProcessBusinessKey(), REVIEW_COMMENT.get(execution),
          Actors.current(execution));
    }
  }

  @Component("returnEvaluationDelegate")
  static class Return implements JavaDelegate {
    private final SelfEvaluationService evaluations;

    Return(SelfEvaluationService evaluations) {
      this.evaluations = evaluations;
    }

    @Override
    public void execute(DelegateExecution execution) {
      evaluations.returnEvaluation(execution.getProcessBusinessKey(), REVIEW_COMMENT.get(execution),
          Actors.current(execution));
    }
  }

  /** Refuses a review the gateway cannot route, or a return without its reason. */
  @Component("evaluationReviewListener")
  static class ReviewListener implements ExecutionListener {
    @Override
    public void notify(DelegateExecution execution) {
      var outcome = Choices.required(REVIEW_OUTCOME.get(execution), ReviewOutcome.class, "审核意见有误",
          "请选择：审核通过，或退回修改");
      Choices.reasonRequired(outcome == ReviewOutcome.RETURN, REVIEW_COMMENT.get(execution), "审核意见有误",
          "退回修改时必须填写审核意见");
    }
  }
}
