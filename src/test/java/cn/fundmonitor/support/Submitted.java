package cn.fundmonitor.support;

import cn.fundmonitor.platform.JsonVariables;
import cn.fundmonitor.platform.ProcessVariable;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * What a form or a client submits, built from the facade's variables rather than their names:
 * typed values where the form stores the same ({@code set}), and the raw value where the test is
 * about the system reading client input ({@code text} for an amount, a date or an enum's name as
 * typed, {@code json} for a dynamic list, {@code value} for anything else as sent).
 * {@code Submitted.form().text(CENTRAL_AMOUNT, "1000000.00").json(ISSUE_LINES, rows).build()}.
 */
public final class Submitted {

  private final VariableMap map;

  private Submitted(VariableMap map) {
    this.map = map;
  }

  public static Submitted form() {
    return new Submitted(Variables.createVariables());
  }

  /** Adds to variables built elsewhere (e.g. a test's usual submission plus one more field). */
  public static Submitted onto(VariableMap variables) {
    return new Submitted(variables);
  }

  public <T> Submitted set(ProcessVariable<T> variable, T value) {
    variable.putInto(map, value);
    return this;
  }

  /** The field as typed into the form: text, even for an amount, a date or a choice. */
  public Submitted text(ProcessVariable<?> variable, String text) {
    return value(variable, text);
  }

  /** A dynamic list or table, as the {@code Json} variable Tasklist submits. */
  public Submitted json(ProcessVariable<?> variable, Object rows) {
    return value(variable, JsonVariables.json(rows));
  }

  /** The value exactly as sent, unread (a number, a boolean, null). */
  public Submitted value(ProcessVariable<?> variable, Object sent) {
    map.putAll(variable.withRaw(sent));
    return this;
  }

  public VariableMap build() {
    return map;
  }
}
