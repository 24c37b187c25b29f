package cn.fundmonitor.overdue;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A step that missed its deadline: which unit, which step, due when, late by how much. */
public record OverdueStep(long id, String processInstanceId, String businessKey, String activityId,
    String stepName, String unitCode, String responsibleGroup, String escalatedToGroup,
    LocalDate dueOn, OffsetDateTime overdueSince, OffsetDateTime completedAt, Integer daysLate,
    String taskExecutionId, String incidentId) {

  public boolean isOpen() {
    return completedAt == null;
  }
}
