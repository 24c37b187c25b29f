package cn.fundmonitor.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One project's self-evaluation of one year. */
public record SelfEvaluation(String businessKey, String projectCode, int year,
    EvaluationStatus status, LocalDate dueOn, BigDecimal score, Grade grade, String details,
    String selfReport, boolean emergency, boolean flagged, String flagReason, String submittedBy,
    OffsetDateTime submittedAt, String reviewedBy, OffsetDateTime reviewedAt, String reviewComment,
    String processInstanceId, EvaluationKind kind) {

  /** {@code <projectCode>-<year>ZP} (自评). */
  public static String key(String projectCode, int year) {
    return projectCode + "-" + year + "ZP";
  }
}
