package cn.fundmonitor.platform;

import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Builds the variables of a process start, a task completion or a message from typed values:
 * {@code ProcessVariables.builder().set(PROJECT_CODE, code).set(FILED_ON, today).build()}.
 */
public final class ProcessVariables {

  private ProcessVariables() {}

  public static Builder builder() {
    return new Builder();
  }

  public static final class Builder {
    private final VariableMap map = Variables.createVariables();

    private Builder() {}

    public <T> Builder set(ProcessVariable<T> variable, T value) {
      variable.putInto(map, value);
      return this;
    }

    /** Sets the variable only when the value is not null. */
    public <T> Builder setIfPresent(ProcessVariable<T> variable, T value) {
      return value == null ? this : set(variable, value);
    }

    public VariableMap build() {
      return map;
    }
  }
}
