package cn.fundmonitor.architecture.seeded.problems;

/** A feature's constants class: its process key. */
public final class ProblemProcess {
  public static final String KEY = "problemEscalation";

  private ProblemProcess() {}

  public static String label() {
    return "问题上报";
  }
}
