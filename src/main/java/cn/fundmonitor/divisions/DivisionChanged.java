package cn.fundmonitor.divisions;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A county was renamed or merged (MNR 第十七条): {@code fm_division} already names the successor.
 * Published synchronously inside the change's transaction, so a handler's failure undoes the whole
 * change. Each feature that keeps unit codes moves its own open rows from {@link #fromCode()} to
 * {@link #toCode()} with its own SQL and its own status enum, and reports every row it moved
 * ({@link #moved}); what was finished stays as filed. The change record counts what was reported.
 * Handlers run in their {@code @Order}, which is the order the items are recorded in.
 */
public final class DivisionChanged {

  /** Which count of the change record a moved row adds to. */
  public enum Tally {
    PROJECTS, ALLOCATIONS, RECORDS,
    /** A detail of a row counted elsewhere (a problem's handling unit, an overdue step's group). */
    NONE
  }

  record Moved(Tally tally, DivisionChangeService.Item item) {}

  private final String fromCode;
  private final String toCode;
  private final DivisionChangeKind kind;
  private final List<Moved> moved = new ArrayList<>();

  DivisionChanged(String fromCode, String toCode, DivisionChangeKind kind) {
    this.fromCode = fromCode;
    this.toCode = toCode;
    this.kind = kind;
  }

  public String fromCode() {
    return fromCode;
  }

  public String toCode() {
    return toCode;
  }

  public DivisionChangeKind kind() {
    return kind;
  }

  /** Reports one row a handler moved, with its value before and after (kept in the change's items). */
  public void moved(Tally tally, String type, String reference, String oldValue, String newValue) {
    moved.add(new Moved(tally, new DivisionChangeService.Item(type, reference, oldValue, newValue)));
  }

  /**
   * Runs a handler's own move of one column and reports each row: {@code selectKeys} takes the old
   * value and returns the keys of the open rows holding it (ordered), {@code update} takes the new
   * value and the old one and moves the same rows. Both statements are the handler's, over its own
   * table.
   */
  public int move(JdbcClient jdbc, Tally tally, String type, String oldValue, String newValue,
      String selectKeys, String update) {
    var keys = jdbc.sql(selectKeys).param(oldValue).query((rs, i) -> rs.getString(1)).list();
    if (!keys.isEmpty()) {
      jdbc.sql(update).params(newValue, oldValue).update();
      keys.forEach(k -> moved(tally, type, k, oldValue, newValue));
    }
    return keys.size();
  }

  /** {@link #move} from the old code to the new one. */
  public int move(JdbcClient jdbc, Tally tally, String type, String selectKeys, String update) {
    return move(jdbc, tally, type, fromCode, toCode, selectKeys, update);
  }

  /** The statuses for an SQL {@code in (…)}: enum names quoted, as the owner's table stores them. */
  public static String inList(java.util.Collection<? extends Enum<?>> statuses) {
    return statuses.stream().map(s -> "'" + s.name() + "'")
        .collect(java.util.stream.Collectors.joining(", "));
  }

  List<DivisionChangeService.Item> items() {
    return moved.stream().map(Moved::item).toList();
  }

  int count(Tally tally) {
    return (int) moved.stream().filter(m -> m.tally() == tally).count();
  }
}
