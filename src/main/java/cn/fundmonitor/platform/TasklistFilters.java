package cn.fundmonitor.platform;

import java.util.ArrayList;
import java.util.Map;
import java.util.stream.Collectors;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters everyone may use; each shows only the tasks the user may see (the
 * engine grants a task's candidate group and assignee access to it, MNR 第二十三条). Their columns
 * are the task summary variables the features declare ({@link TaskSummary}). Written at every
 * start, after the organisation's groups, and only where something is missing or changed.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class TasklistFilters {

  public static final String OVERDUE_FILTER = "逾期任务";

  public static final String DUE_SOON_FILTER = "即将到期";

  /** How far ahead 即将到期 looks, in working days: a configurable default (默认), no article sets it. */
  static final int DUE_SOON_WORKING_DAYS = 3;

  private final FilterService filters;
  private final TaskService tasks;
  private final AuthorizationService authorizations;
  private final TaskSummaryPlugin summaries;

  /** Creates the filters that are missing and updates those whose query or columns changed. */
  @EventListener(ApplicationReadyEvent.class)
  @Order(11) // after CamundaOrganisationSync (10), as when the sync wrote them
  public void ensure() {
    ensureFilter("本单位待办", -10, "本单位（含本人所在各处室）可办理的任务",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks());
    ensureFilter("我的待办", -5, "已由我认领的任务",
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    // a follow-up (催办) is due on the date of the late step it is about, so a superior finds its
    // subordinates' late steps here as well as its own (OverdueDelegates.recordOverdueDelegate)
    ensureFilter(OVERDUE_FILTER, 0, "已过到期日仍未办结的任务，含下级逾期环节的催办（催办的到期日即该环节的原定期限）",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks().dueBeforeExpression("${now()}"));
    ensureFilter(DUE_SOON_FILTER, 5, "尚未逾期、今后" + DUE_SOON_WORKING_DAYS
            + "个工作日（默认，不含今日）内到期的任务；工作日按国务院节假日安排计算",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks().dueAfterExpression("${now()}")
            .dueBeforeExpression("${endOfWorkingDays(" + DUE_SOON_WORKING_DAYS + ")}"));
  }

  private void ensureFilter(String name, int priority, String description, TaskQuery query) {
    Map<String, Object> properties = Map.of("priority", priority, "description", description,
        "refresh", true, "variables", summaries.columns().entrySet().stream()
            .map(e -> Map.of("name", e.getKey(), "label", e.getValue()))
            .collect(Collectors.toCollection(ArrayList::new)));
    var existing = filters.createFilterQuery().filterName(name).singleResult();
    if (existing != null) {
      var wanted = filters.newTaskFilter(name).setQuery(query);
      var queryChanged = !((FilterEntity) wanted).getQueryInternal()
          .equals(((FilterEntity) existing).getQueryInternal());
      if (queryChanged || !properties.equals(existing.getProperties())) {
        // a newer release lists more summary variables or asks a different question
        existing.setProperties(properties);
        if (queryChanged) {
          existing.setQuery(query);
        }
        filters.saveFilter(existing);
      }
      return;
    }
    var filter = filters.newTaskFilter(name);
    filter.setQuery(query);
    filter.setProperties(properties);
    filters.saveFilter(filter);
    var auth = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
    auth.setUserId(Authorization.ANY);
    auth.setResource(Resources.FILTER);
    auth.setResourceId(filter.getId());
    auth.addPermission(Permissions.READ);
    authorizations.saveAuthorization(auth);
  }
}
