package cn.fundmonitor.platform;

import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A variable shown on task cards in Tasklist (which project, which unit, the warning), declared
 * as a {@code @Bean} by the feature whose constants class declares the variable
 * (by the variable's name). {@link TaskSummaryPlugin} copies every declared variable onto each
 * user task as it is created, whichever process the task belongs to — a variable travels between
 * processes (a filing's warning reaches the problem it raised) — and the shared Tasklist filters
 * ({@link TasklistFilters}) list them as columns, by {@code position}.
 *
 * @param label what the column is called (Chinese)
 * @param position where the column stands, left to right
 */
public record TaskSummary(String variable, String label, int position) {

  public TaskSummary {
    Objects.requireNonNull(variable, "variable");
    Objects.requireNonNull(label, "label");
  }

  public static TaskSummary of(ProcessVariable<?> variable, String label, int position) {
    return new TaskSummary(variable.name(), label, position);
  }

  /** Variable → label in column order; one declaration per variable and per position. */
  static Map<String, String> columns(Collection<TaskSummary> declared) {
    var columns = new LinkedHashMap<String, String>();
    var positions = new HashSet<Integer>();
    for (var summary : declared.stream().sorted(Comparator.comparingInt(TaskSummary::position))
        .toList()) {
      if (columns.putIfAbsent(summary.variable(), summary.label()) != null
          || !positions.add(summary.position())) {
        throw new IllegalStateException("Task summary declared twice: " + summary.variable()
            + " or position " + summary.position() + " (" + declared + ")");
      }
    }
    return Collections.unmodifiableMap(columns);
  }
}
