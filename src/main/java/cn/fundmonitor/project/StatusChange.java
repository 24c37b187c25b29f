package cn.fundmonitor.project;

import java.time.OffsetDateTime;

/** One transition of a project's status: who, when and why (SPEC §2). */
public record StatusChange(ProjectStatus from, ProjectStatus to, String actor,
    OffsetDateTime occurredAt, String reason) {}
