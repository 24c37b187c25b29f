package cn.fundmonitor.overdue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.regex.Pattern;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.TaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Follow-ups (催办) made before they carried a due date get one at start: the deadline their
 * {@code overdueInfo} names ("…（截止 2026-10-09）"), at the end of that day, as
 * {@link OverdueDelegates#recordOverdueDelegate} gives new ones. Without it, the superiors of an existing database
 * would not find those follow-ups in 逾期任务. Touches only follow-ups without a due date, so it
 * does nothing on a second start.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class FollowUpDueDates {

  static final String FOLLOW_UP_TASKS = "UserTask_FollowUp%";

  private static final Pattern DEADLINE = Pattern.compile("（截止 (\\d{4}-\\d{2}-\\d{2})）");
  private static final Logger LOG = LoggerFactory.getLogger(FollowUpDueDates.class);

  private final TaskService tasks;
  private final Clock clock;

  @EventListener(ApplicationReadyEvent.class)
  public int backfill() {
    int dated = 0;
    for (var task : tasks.createTaskQuery().taskDefinitionKeyLike(FOLLOW_UP_TASKS).withoutDueDate()
        .list()) {
      var info = OverdueVariables.OVERDUE_INFO.from(tasks, task.getId());
      var m = info != null ? DEADLINE.matcher(info) : null;
      if (m != null && m.find()) {
        var due = LocalDate.parse(m.group(1)).atTime(LocalTime.of(23, 59, 59))
            .atZone(clock.getZone()).toInstant();
        tasks.setDueDate(task.getId(), Date.from(due));
        dated++;
      }
    }
    if (dated > 0) {
      LOG.info("{} follow-ups made before this release now carry the late step's due date", dated);
    }
    return dated;
  }
}
