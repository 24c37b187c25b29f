package cn.fundmonitor.overdue;

import cn.fundmonitor.organisation.OrganisationService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Missed deadlines: a late step does not stop the work; it is recorded, escalated to the superior
 * unit and shown to managers with its unit and how many days late, until it is done.
 */
@Service
@Transactional
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class OverdueService {

  private final OverdueRepository repository;
  private final OrganisationService organisation;
  private final Clock clock;

  /** Records that a step became overdue; the same open step is recorded once. */
  public OverdueStep record(String processInstanceId, String businessKey, String activityId,
      String stepName, String unitCode, String responsibleGroup, String escalatedToGroup,
      LocalDate dueOn, String taskExecutionId) {
    var existing = repository.findOpen(processInstanceId, activityId, unitCode);
    if (existing.isPresent()) {
      return existing.get();
    }
    repository.insert(new OverdueStep(0, processInstanceId, businessKey, activityId, stepName,
        unitCode, responsibleGroup, escalatedToGroup, dueOn, OffsetDateTime.now(clock), null, null,
        taskExecutionId, null));
    return repository.findOpen(processInstanceId, activityId, unitCode).orElseThrow();
  }

  public void attachIncident(OverdueStep step, String incidentId) {
    repository.setIncident(step.id(), incidentId);
  }

  /** The waiting step is done: closes its overdue record, if it had one, with the days late. */
  public Optional<OverdueStep> completeByExecution(String taskExecutionId) {
    var open = repository.findOpenByExecution(taskExecutionId);
    open.ifPresent(this::close);
    return open;
  }

  /** Closes a record whose step no longer waits (e.g. the instance was cancelled). */
  public void close(OverdueStep step) {
    repository.complete(step.id(), OffsetDateTime.now(clock), daysLate(step));
  }

  /** Whole calendar days since the due date (the day after the due date is day 1). */
  public int daysLate(OverdueStep step) {
    return (int) Math.max(0, ChronoUnit.DAYS.between(step.dueOn(), LocalDate.now(clock)));
  }

  /** e.g. "逾期3天：兴宁区 报备细化结果（截止 2026-10-09）" */
  public String describe(OverdueStep step) {
    var days = daysLate(step);
    return (days == 0 ? "今日逾期" : "逾期" + days + "天") + "：" + organisation.find(step.unitCode())
        .map(d -> d.name()).orElse(step.unitCode()) + " " + step.stepName() + "（截止 " + step.dueOn()
        + "）";
  }

  @Transactional(readOnly = true)
  public List<OverdueStep> open() {
    return repository.open();
  }

  @Transactional(readOnly = true)
  public List<OverdueStep> forProcessInstance(String processInstanceId) {
    return repository.forProcessInstance(processInstanceId);
  }
}
