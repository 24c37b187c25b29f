package cn.fundmonitor.platform;

import cn.fundmonitor.common.Choices;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Checks what a decision task submitted against its rule ({@link Choices.Decision}), reading the
 * choice and the reason through their variables, so that the problems point at the form's fields.
 */
public final class DecisionTasks {

  private DecisionTasks() {}

  /** The choice the task submitted, once it and its reason pass {@code rule}. */
  public static <E extends Enum<E>> E check(VariableScope task, Choices.Decision<E> rule,
      ProcessVariable<E> choice, ProcessVariable<String> reason) {
    return rule.check(() -> choice.get(task), choice.name(), reason.get(task), reason.name());
  }
}
