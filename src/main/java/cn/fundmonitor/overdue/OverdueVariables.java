package cn.fundmonitor.overdue;

import cn.fundmonitor.platform.ProcessVariable;
import java.util.Date;

/**
 * The variables of the overdue steps every process with deadlines uses, and of their shared
 * follow-up form ({@code forms/overdue-follow-up.form}): declared once here, not in each process.
 */
public final class OverdueVariables {

  /** The superior's follow-up text, mapped out of the overdue subprocess for the follow-up task. */
  public static final ProcessVariable<String> OVERDUE_INFO = ProcessVariable.of("overdueInfo", String.class);
  /** The superior unit's finance department, who follows up (催办). */
  public static final ProcessVariable<String> ESCALATION_GROUP = ProcessVariable.of("overdueEscalationGroup", String.class);
  /** The late task's own due date, the follow-up's due date. */
  public static final ProcessVariable<Date> DUE_DATE = ProcessVariable.of("overdueDueDate", Date.class);
  /** What the superior did to follow up (the follow-up form). */
  public static final ProcessVariable<String> FOLLOW_UP_NOTE = ProcessVariable.of("followUpNote", String.class);

  private OverdueVariables() {}
}
