package cn.fundmonitor.evaluation;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One province's overall evaluation of a year's special funds (GX 第二十八条) as recorded: the
 * summary of the projects' self-evaluations, the natural-resources department's conclusion, and
 * the 财政厅's receipt with the projects it chose for re-evaluation.
 */
public record OverallEvaluation(String businessKey, String provinceCode, int year, Status status,
    String summary, String conclusion, String writtenBy, OffsetDateTime writtenAt,
    String reEvaluation, List<String> reEvaluationProjects, String fiscalComment,
    String receivedBy, OffsetDateTime receivedAt, String processInstanceId, String startedBy,
    OffsetDateTime startedAt) {

  public OverallEvaluation {
    reEvaluationProjects = List.copyOf(reEvaluationProjects);
  }

  /** Where the evaluation stands. */
  public enum Status {
    WRITING("撰写中"),
    REPORTED("已报财政厅，待接收"),
    RECEIVED("财政厅已接收");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }
}
