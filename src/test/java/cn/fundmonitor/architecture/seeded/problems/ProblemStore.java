package cn.fundmonitor.architecture.seeded.problems;

import cn.fundmonitor.architecture.seeded.divisions.DivisionChanged;
import cn.fundmonitor.architecture.seeded.divisions.RecordMover;

/** Seeded violation: a feature sees more of divisions/ than its events (and closes a cycle). */
public class ProblemStore {
  public void moveUnit() {}

  public void handle(DivisionChanged change, RecordMover mover) {}
}
