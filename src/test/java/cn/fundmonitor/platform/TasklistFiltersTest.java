package cn.fundmonitor.platform;

import static cn.fundmonitor.allocation.FundAllocationProcess.*;
import static cn.fundmonitor.support.TestUsers.*;
import static cn.fundmonitor.warehousing.ApplicationRequest.indicator;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.support.Submitted;
import cn.fundmonitor.overdue.FollowUpDueDates;
import cn.fundmonitor.support.FundMonitorTest;
import cn.fundmonitor.support.TestUsers;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The shared Tasklist filters 逾期任务 and 即将到期, queried as Tasklist queries them: through the
 * filter, as the logged-in user. A superior finds its subordinates' late steps through their
 * follow-ups (催办), which are due on the late step's own deadline; 即将到期 counts working days by
 * the State Council notice (MNR 第十一条: deadlines move over days off).
 */
@FundMonitorTest
class TasklistFiltersTest {

  static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

  @Autowired FilterService filters;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired AuthorizationService authorizations;
  @Autowired TasklistFilters tasklistFilters;
  @Autowired TestUsers users;
  @Autowired FollowUpDueDates followUpDueDates;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static Date beijing(int y, int m, int d, int h) {
    return Date.from(OffsetDateTime.of(y, m, d, h, 0, 0, 0, BEIJING).toInstant());
  }

  Filter filter(String name) {
    return filters.createFilterQuery().filterName(name).singleResult();
  }

  List<String> listed(String user, String filterName) {
    var id = filter(filterName).getId();
    return users.as(user, () -> filters.<Task>list(id)).stream().map(Task::getId).toList();
  }

  @Test
  void theMinistrySeesGuangxisLateIssueThroughItsFollowUp_mnrArticle9() {
    ClockUtil.setCurrentTime(beijing(2025, 9, 10, 9));
    var vars = Submitted.form()
        .set(DOCUMENT_NO, "财资环〔2025〕" + (900 + System.nanoTime() % 1000) + "号")
        .set(FUND_CLASS, "CENTRAL")
        .set(DIRECTION, "ECO_RESTORATION")
        .set(BUDGET_YEAR, 2025)
        .text(CENTRAL_AMOUNT, "1000000.00")
        .text(PROVINCIAL_AMOUNT, "200000.00")
        .text(RECEIVED_ON, "2025-09-05")
        .json(APPROVED_TARGETS, List.of(
            indicator("OUTPUT", "QUANTITY", "修复治理面积", "GE", "100", "公顷"))).build();
    var pi = users.as(GUANGXI_FINANCE, () -> runtime.startProcessInstanceByKey(KEY, vars));
    var issue = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_ISSUE)
        .singleResult();
    assertThat(listed(GUANGXI_FINANCE, TasklistFilters.OVERDUE_FILTER))
        .doesNotContain(issue.getId());

    // MNR 第九条: 30 days from 09-05 is 10-05, in the National Day holiday: due 10-09
    ClockUtil.setCurrentTime(beijing(2025, 10, 10, 9));
    management.executeJob(management.createJobQuery().processInstanceId(pi.getId())
        .activityId(TIMER_ISSUE_OVERDUE).singleResult().getId());
    var followUp = tasks.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(TASK_FOLLOW_UP_ISSUE).singleResult();
    assertThat(followUp.getDueDate()).isEqualTo(issue.getDueDate());

    assertThat(listed(MINISTRY_FINANCE, TasklistFilters.OVERDUE_FILTER))
        .as("the ministry: Guangxi's late step, as its follow-up").contains(followUp.getId())
        .doesNotContain(issue.getId());
    assertThat(listed(GUANGXI_FINANCE, TasklistFilters.OVERDUE_FILTER))
        .as("Guangxi: its own late step").contains(issue.getId())
        .doesNotContain(followUp.getId());
    assertThat(listed(XINGNING_FINANCE, TasklistFilters.OVERDUE_FILTER))
        .as("a county sees neither").doesNotContain(issue.getId(), followUp.getId());
    assertThat(listed(MINISTRY_FINANCE, TasklistFilters.DUE_SOON_FILTER))
        .as("overdue is not due soon").doesNotContain(followUp.getId());

    // a follow-up made before follow-ups had a due date gets it at the next start
    tasks.setDueDate(followUp.getId(), null);
    assertThat(listed(MINISTRY_FINANCE, TasklistFilters.OVERDUE_FILTER))
        .doesNotContain(followUp.getId());
    assertThat(followUpDueDates.backfill()).isGreaterThanOrEqualTo(1);
    assertThat(tasks.createTaskQuery().taskId(followUp.getId()).singleResult().getDueDate())
        .isEqualTo(issue.getDueDate());
    assertThat(listed(MINISTRY_FINANCE, TasklistFilters.OVERDUE_FILTER))
        .contains(followUp.getId());

    runtime.deleteProcessInstance(pi.getId(), "test");
  }

  @Test
  void dueSoonCountsThreeWorkingDaysOverTheNationalDayHoliday_mnrArticle11() {
    // Tuesday 2025-09-30: 10-01..08 off, 10-09 Thu, 10-10 Fri, 10-11 Sat (make-up working day)
    ClockUtil.setCurrentTime(beijing(2025, 9, 30, 9));
    var thirdWorkingDay = standalone("450102-finance", beijing(2025, 10, 11, 20));
    var fourthWorkingDay = standalone("450102-finance", beijing(2025, 10, 13, 10));
    var today = standalone("450102-finance", beijing(2025, 9, 30, 17));
    var late = standalone("450102-finance", beijing(2025, 9, 29, 17));
    var noDate = standalone("450102-finance", null);
    try {
      assertThat(listed(XINGNING_FINANCE, TasklistFilters.DUE_SOON_FILTER))
          .contains(thirdWorkingDay, today)
          .doesNotContain(fourthWorkingDay, late, noDate);
      assertThat(listed(XINGNING_FINANCE, TasklistFilters.OVERDUE_FILTER))
          .contains(late).doesNotContain(thirdWorkingDay, fourthWorkingDay, today, noDate);
      assertThat(listed(GUANGXI_FINANCE, TasklistFilters.DUE_SOON_FILTER))
          .as("another unit's tasks stay hidden").doesNotContain(thirdWorkingDay, today);
      assertThat(listed(MINISTRY_FINANCE, TasklistFilters.DUE_SOON_FILTER))
          .doesNotContain(thirdWorkingDay, today);
    } finally {
      List.of(thirdWorkingDay, fourthWorkingDay, today, late, noDate)
          .forEach(id -> tasks.deleteTask(id, true));
    }
  }

  @Test
  void anExistingDatabaseGetsTheNewFilterQueriesAtStart() {
    var overdue = filter(TasklistFilters.OVERDUE_FILTER);
    overdue.setQuery(tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}"));
    filters.saveFilter(overdue);
    var dueSoon = filter(TasklistFilters.DUE_SOON_FILTER);
    authorizations.createAuthorizationQuery().resourceType(Resources.FILTER)
        .resourceId(dueSoon.getId()).list()
        .forEach(a -> authorizations.deleteAuthorization(a.getId()));
    filters.deleteFilter(dueSoon.getId());

    tasklistFilters.ensure();

    ClockUtil.setCurrentTime(beijing(2025, 9, 30, 9));
    var late = standalone("450102-finance", beijing(2025, 9, 29, 17));
    var soon = standalone("450102-finance", beijing(2025, 10, 9, 17));
    try {
      assertThat(listed(XINGNING_FINANCE, TasklistFilters.OVERDUE_FILTER))
          .contains(late).doesNotContain(soon);
      assertThat(listed(XINGNING_FINANCE, TasklistFilters.DUE_SOON_FILTER))
          .contains(soon).doesNotContain(late);
    } finally {
      List.of(late, soon).forEach(id -> tasks.deleteTask(id, true));
    }
    var recreated = filter(TasklistFilters.DUE_SOON_FILTER);
    assertThat(recreated.getProperties()).containsEntry("priority", 5);
    assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.FILTER)
        .resourceId(recreated.getId()).singleResult())
        .satisfies(a -> {
          assertThat(a.getAuthorizationType()).isEqualTo(Authorization.AUTH_TYPE_GLOBAL);
          assertThat(a.isPermissionGranted(Permissions.READ)).isTrue();
        });
  }

  private String standalone(String group, Date due) {
    var task = tasks.newTask();
    task.setName("过滤器测试任务");
    task.setDueDate(due);
    tasks.saveTask(task);
    tasks.addCandidateGroup(task.getId(), group);
    return task.getId();
  }
}
