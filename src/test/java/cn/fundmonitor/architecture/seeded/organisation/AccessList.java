package cn.fundmonitor.architecture.seeded.organisation;

import cn.fundmonitor.architecture.seeded.problems.ProblemProcess;

/**
 * Seeded violation: the foundation names a feature's process (javac copies the key in as a
 * string) and uses its constants class, instead of collecting what the feature declares.
 */
public class AccessList {
  public String key() {
    return ProblemProcess.KEY;
  }

  public String label() {
    return ProblemProcess.label();
  }
}
