package cn.fundmonitor.architecture.seeded.platform;

import cn.fundmonitor.architecture.seeded.problems.ProblemStore;

/** Seeded violation: the foundation depends on a feature. */
public class Guard {
  public ProblemStore store;
}
