package cn.fundmonitor.divisions;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One recorded division change (报部备案) and how much moved to the new code. */
public record DivisionChange(String changeNo, DivisionChangeKind kind, String oldCode,
    String oldName, String newCode, String newName, LocalDate effectiveOn, String approvalDocument,
    String reason, int movedProjects, int movedAllocations, int movedRecords, int movedTasks,
    int movedVariables, int movedMembers, String recordedBy, OffsetDateTime recordedAt) {}
