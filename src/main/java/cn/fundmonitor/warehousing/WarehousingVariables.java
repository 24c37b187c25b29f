package cn.fundmonitor.warehousing;

import cn.fundmonitor.platform.JsonVariables;
import cn.fundmonitor.platform.ProcessVariable;
import cn.fundmonitor.warehousing.ProjectWarehousingProcess.ReviewOutcome;
import cn.fundmonitor.warehousing.ProjectWarehousingProcess.RevisionAction;
import cn.fundmonitor.project.ProjectVariables;
import cn.fundmonitor.project.EligibilityFacts;
import cn.fundmonitor.project.Project;
import cn.fundmonitor.project.ProgressPlans.PlannedProgress;
import cn.fundmonitor.project.RawApplication;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The variables of {@code projectWarehousing}. The form fields are the application draft; the
 * filed record lives in the project reserve, keyed by {@link #PROJECT_CODE}.
 */
public final class WarehousingVariables {

  /** Set by the start event ({@code camunda:initiator}). */
  public static final ProcessVariable<String> APPLICANT = ProcessVariable.of("applicant", String.class);
  public static final ProcessVariable<String> PROJECT_CODE = ProjectVariables.PROJECT_CODE;

  // the application form (keys of forms/project-application.form)
  public static final ProcessVariable<String> PROJECT_NAME = ProjectVariables.PROJECT_NAME;
  public static final ProcessVariable<String> REGION_CODE = ProcessVariable.of("regionCode", String.class);
  public static final ProcessVariable<String> DIRECTION = ProjectVariables.DIRECTION;
  public static final ProcessVariable<String> FUND_CLASS = ProjectVariables.FUND_CLASS;
  /** Yuan; a string from the form (exact), a number from other clients. */
  public static final ProcessVariable<Object> REQUESTED_AMOUNT = ProcessVariable.of("requestedAmount", Object.class);
  public static final ProcessVariable<String> PROJECT_DESCRIPTION = ProcessVariable.of("projectDescription", String.class);
  /** JSON array of {level1, level2, name, comparator, target, unit}. */
  public static final ProcessVariable<Object> INDICATORS = ProcessVariable.of("indicators", Object.class);
  /** JSON [{pointOn, plannedExecution, plannedPhysical}]: the implementation plan by monitoring point (optional). */
  public static final ProcessVariable<List<PlannedProgress>> PROGRESS_PLAN =
      ProcessVariable.rows("progressPlan", PlannedProgress.class, "实施进度计划");

  // shown to reviewers
  public static final ProcessVariable<String> APPLICANT_UNIT_NAME = ProjectVariables.APPLICANT_UNIT_NAME;
  public static final ProcessVariable<String> REGION_NAME = ProcessVariable.of("regionName", String.class);
  public static final ProcessVariable<String> REQUESTED_AMOUNT_WAN = ProcessVariable.of("requestedAmountWan", String.class);

  // who works on it
  public static final ProcessVariable<String> REVIEW_GROUP = ProcessVariable.of("reviewGroup", String.class);
  public static final ProcessVariable<String> APPLICANT_GROUP = ProcessVariable.of("applicantGroup", String.class);

  // inputs of the DMN projectEligibility
  public static final ProcessVariable<Integer> OUTPUT_INDICATOR_COUNT = ProcessVariable.of("outputIndicatorCount", Integer.class);
  public static final ProcessVariable<Integer> BENEFIT_INDICATOR_COUNT = ProcessVariable.of("benefitIndicatorCount", Integer.class);
  public static final ProcessVariable<Integer> QUALITATIVE_OUTPUT_INDICATOR_COUNT = ProcessVariable.of("qualitativeOutputIndicatorCount", Integer.class);
  public static final ProcessVariable<Double> REQUESTED_AMOUNT_YUAN = ProcessVariable.of("requestedAmountYuan", Double.class);
  public static final ProcessVariable<Boolean> REGION_IN_APPLICANT_PROVINCE = ProcessVariable.of("regionInApplicantProvince", Boolean.class);
  /** The DMN's result: every reason the application is not eligible (empty when it is). */
  @SuppressWarnings("rawtypes")
  public static final ProcessVariable<List> INELIGIBILITY_REASONS = ProcessVariable.of("ineligibilityReasons", List.class);

  public static final ProcessVariable<Boolean> ELIGIBLE = ProcessVariable.of("eligible", Boolean.class);
  /** Why the application came back to the applicant: the DMN's reasons or the reviewer's words. */
  public static final ProcessVariable<String> CORRECTION_FEEDBACK = ProcessVariable.of("correctionFeedback", String.class);

  public static final ProcessVariable<ReviewOutcome> REVIEW_OUTCOME = ProcessVariable.ofEnum("reviewOutcome", ReviewOutcome.class, "审核结论");
  public static final ProcessVariable<String> REVIEW_COMMENT = ProcessVariable.of("reviewComment", String.class);
  public static final ProcessVariable<RevisionAction> REVISION_ACTION = ProcessVariable.ofEnum("revisionAction", RevisionAction.class, "处理方式");
  public static final ProcessVariable<String> REVISION_NOTE = ProcessVariable.of("revisionNote", String.class);

  private WarehousingVariables() {}

  static RawApplication application(VariableScope scope) {
    return new RawApplication(PROJECT_NAME.raw(scope), REGION_CODE.raw(scope),
        DIRECTION.raw(scope), FUND_CLASS.raw(scope), REQUESTED_AMOUNT.get(scope),
        PROJECT_DESCRIPTION.raw(scope), JsonVariables.rows(INDICATORS.get(scope)));
  }

  static void putFacts(VariableScope scope, EligibilityFacts facts) {
    OUTPUT_INDICATOR_COUNT.set(scope, facts.outputIndicatorCount());
    BENEFIT_INDICATOR_COUNT.set(scope, facts.benefitIndicatorCount());
    QUALITATIVE_OUTPUT_INDICATOR_COUNT.set(scope, facts.qualitativeOutputIndicatorCount());
    REQUESTED_AMOUNT_YUAN.set(scope, facts.requestedAmountYuan().doubleValue());
    REGION_IN_APPLICANT_PROVINCE.set(scope, facts.regionInApplicantProvince());
  }

  /** Writes the filed record back as the form shows it (the region filled in, names resolved). */
  static void putFiled(VariableScope scope, Project p, String regionName, String applicantUnitName) {
    PROJECT_CODE.set(scope, p.code());
    PROJECT_NAME.set(scope, p.name());
    REGION_CODE.set(scope, p.regionCode());
    REGION_NAME.set(scope, regionName);
    APPLICANT_UNIT_NAME.set(scope, applicantUnitName);
    REQUESTED_AMOUNT.set(scope, p.requestedAmount().amount().toPlainString());
    REQUESTED_AMOUNT_WAN.set(scope, p.requestedAmount().toWanText());
  }
}
