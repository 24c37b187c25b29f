package cn.fundmonitor.architecture.seeded.divisions;

import cn.fundmonitor.architecture.seeded.problems.ProblemStore;

/** Seeded violation: divisions/ reaches into a feature instead of publishing an event. */
public class RecordMover {
  public void move(ProblemStore problems) {
    problems.moveUnit();
  }
}
