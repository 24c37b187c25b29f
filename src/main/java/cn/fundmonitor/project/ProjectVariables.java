package cn.fundmonitor.project;

import cn.fundmonitor.platform.ProcessVariable;

/**
 * The variables every process about one project carries, declared once: each process's constants
 * class names these (e.g. {@code QuarterlyFilingProcess.PROJECT_CODE}) instead of declaring its own
 * variable of the same name, so that a form field, a task summary and a query mean one thing.
 */
public final class ProjectVariables {

  public static final ProcessVariable<String> PROJECT_CODE = ProcessVariable.string("projectCode");
  public static final ProcessVariable<String> PROJECT_NAME = ProcessVariable.string("projectName");
  /** The name of the unit that applied for the project (项目申报单位). */
  public static final ProcessVariable<String> APPLICANT_UNIT_NAME = ProcessVariable.string("applicantUnitName");

  /** The project's direction ({@link Direction} by name): the DMN's and the cards' input. */
  public static final ProcessVariable<String> DIRECTION = ProcessVariable.string("direction");
  /** The class of money applied for ({@link FundClass} by name). */
  public static final ProcessVariable<String> FUND_CLASS = ProcessVariable.string("fundClass");

  private ProjectVariables() {}
}
