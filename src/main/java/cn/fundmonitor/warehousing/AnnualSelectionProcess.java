package cn.fundmonitor.warehousing;

import cn.fundmonitor.platform.ProcessVariable;
import cn.fundmonitor.platform.UnitVariables;
import java.util.Date;
import java.util.List;

/**
 * Ids and variables of {@code processes/annual-project-selection.bpmn}: before September each
 * province's finance department chooses next year's supported projects from the reserve
 * (GX 第十五条).
 */
public final class AnnualSelectionProcess {

  public static final String KEY = "annualProjectSelection";

  public static final String START_TIMER = "StartEvent_SelectionDue";
  public static final String TASK_PREPARE = "ServiceTask_PrepareSelection";
  public static final String GATEWAY_ANY_CANDIDATES = "Gateway_AnyCandidates";
  public static final String END_NOTHING_TO_SELECT = "EndEvent_NothingToSelect";
  public static final String SUBPROCESS_PROVINCE = "SubProcess_ProvinceSelection";
  public static final String TASK_LIST_CANDIDATES = "ServiceTask_ListCandidates";
  public static final String TASK_SELECT = "UserTask_SelectProjects";
  public static final String TIMER_SELECTION_OVERDUE = "Timer_SelectionOverdue";
  public static final String TASK_RECORD_SELECTION_OVERDUE = "ServiceTask_RecordSelectionOverdue";
  public static final String TASK_FOLLOW_UP_SELECTION = "UserTask_FollowUpSelection";
  public static final String END_SELECTION_FOLLOWED_UP = "EndEvent_SelectionFollowedUp";
  public static final String TASK_RECORD_SELECTION = "ServiceTask_RecordSelection";
  public static final String END_SELECTION_COMPLETED = "EndEvent_SelectionCompleted";

  public static final String FORM_SELECTION = "projectSelection";

  /** The year whose supported projects are chosen (default: next year). */
  /** One option of the selection form's checklist: the project in words, its code. */
  public record Candidate(String label, String value) {}

  public static final ProcessVariable<Integer> BUDGET_YEAR = ProcessVariable.of("budgetYear", Integer.class);
  @SuppressWarnings("rawtypes")
  public static final ProcessVariable<List> PROVINCE_CODES = ProcessVariable.of("provinceCodes", List.class);
  public static final ProcessVariable<Date> SELECTION_DUE_DATE = ProcessVariable.of("selectionDueDate", Date.class);
  // local to each province's branch
  public static final ProcessVariable<String> PROVINCE_CODE = UnitVariables.PROVINCE_CODE;
  public static final ProcessVariable<String> PROVINCE_NAME = UnitVariables.PROVINCE_NAME;
  /** JSON [{label, value}] of the warehoused projects to choose from (the form's checklist). */
  public static final ProcessVariable<List<Candidate>> CANDIDATE_PROJECTS =
      ProcessVariable.rows("candidateProjects", Candidate.class, "可选项目");
  /** JSON [project code, ...] chosen by the province. */
  public static final ProcessVariable<Object> SELECTED_PROJECTS = ProcessVariable.of("selectedProjects", Object.class);
  public static final ProcessVariable<String> SELECTION_NOTE = ProcessVariable.of("selectionNote", String.class);

  private AnnualSelectionProcess() {}
}
