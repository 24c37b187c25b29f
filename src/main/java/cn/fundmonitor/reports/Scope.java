package cn.fundmonitor.reports;

import java.util.List;

/**
 * The divisions whose data a user may see in statistics and reports: the subtrees under its
 * units (MNR 第二十三条), or under one division of them it chose.
 */
public record Scope(List<String> roots) {
  public Scope {
    roots = List.copyOf(roots);
  }
}
