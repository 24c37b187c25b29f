package cn.fundmonitor.problems;

import cn.fundmonitor.money.Yuan;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One problem (问题) and where it stands. */
public record Problem(String problemNo, String projectCode, String unitCode, ProblemKind kind,
    Yuan amount, String description, String source, String sourceRef, String warningLevel,
    String severity, String severityReason, String handlingUnit, ProblemStatus status,
    String decision, String decisionReason, String decidedBy, LocalDate rectificationDueOn,
    String rectificationReport, String rectifiedBy, String confirmedBy, OffsetDateTime closedAt,
    String raisedBy, OffsetDateTime raisedAt, String processInstanceId) {

  public boolean isMajor() {
    return "MAJOR".equals(severity);
  }
}
