package cn.fundmonitor.rules;

import cn.fundmonitor.platform.ProcessVariable;
import java.time.LocalDate;

/**
 * ruleSourceReview (规则依据到期提醒, GX 第三十七条: 本办法自印发之日起实行，有效期五年): every day it
 * looks whether a rule document that decision tables cite lapses soon, and if so asks the policy
 * owners, once per document and date, to review those tables.
 */
public final class RuleSourceReviewProcess {

  public static final String KEY = "ruleSourceReview";

  public static final String START_EVENT = "StartEvent_EveryDay";
  public static final String TASK_FIND = "ServiceTask_FindLapsingSources";
  public static final String GATEWAY_ANY_LAPSING = "Gateway_AnySourceLapsing";
  public static final String TASK_REVIEW = "UserTask_ReviewLapsingRules";
  public static final String END_REVIEWED = "EndEvent_RulesReviewed";
  public static final String END_NOTHING_LAPSING = "EndEvent_NothingLapsing";

  public static final String FORM_REVIEW = "ruleSourceReview";

  public static final ProcessVariable<Boolean> ANY_LAPSING = ProcessVariable.of("anySourceLapsing", Boolean.class);
  /** The first date one of the sources lapses: the review's due date. */
  public static final ProcessVariable<LocalDate> LAPSES_ON = ProcessVariable.date("lapsesOn", "失效日期");
  /** What lapses when, and which decision tables cite it (Chinese, for the form). */
  public static final ProcessVariable<String> LAPSING_SUMMARY = ProcessVariable.of("lapsingSummary", String.class);
  public static final ProcessVariable<String> REVIEW_NOTE = ProcessVariable.of("reviewNote", String.class);

  private RuleSourceReviewProcess() {}
}
