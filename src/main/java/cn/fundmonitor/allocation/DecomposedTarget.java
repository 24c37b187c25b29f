package cn.fundmonitor.allocation;

import cn.fundmonitor.project.Indicator;
import cn.fundmonitor.project.IndicatorTarget;

/**
 * One approved indicator as handed down to one unit (a recipient, or a project): the approved
 * indicator with this unit's target value; inherited when passed down unchanged.
 */
public record DecomposedTarget(String unitCode, int position, Indicator approved,
    IndicatorTarget target, boolean inherited) {

  /** The indicator as the unit must meet it. */
  public Indicator asIndicator() {
    return new Indicator(approved.level(), approved.category(), approved.name(),
        approved.comparator(), target, approved.unit());
  }
}
