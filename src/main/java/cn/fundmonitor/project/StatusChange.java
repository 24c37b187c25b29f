package cn.fundmonitor.project;

import java.time.OffsetDateTime;

/** One transition of a project's status: who, when and why (SPEC §2). */
public record StatusChange(ProjectStatus from, ProjectStatus to, String actor,
    OffsetDateTime occurredAt, String reason) {

  /** A reason cut to what the history's reason column holds (4000 characters). */
  static String truncate(String reason) {
    return reason.length() <= 4000 ? reason : reason.substring(0, 3999) + "…";
  }
}
