package cn.fundmonitor.platform;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * One process variable, declared once with its name and Java type and read and written through
 * this object by delegates, controllers and tests (camunda-bpm-data style).
 */
public record ProcessVariable<T>(String name, Class<T> type) {

  public static <T> ProcessVariable<T> of(String name, Class<T> type) {
    return new ProcessVariable<>(name, type);
  }

  public T get(VariableScope scope) {
    return cast(scope.getVariable(name));
  }

  public T getLocal(VariableScope scope) {
    return cast(scope.getVariableLocal(name));
  }

  /** Reads the variable of a running execution (e.g. a process instance) from outside. */
  public T get(RuntimeService runtime, Execution execution) {
    return cast(runtime.getVariable(execution.getId(), name));
  }

  public T from(Map<String, ?> variables) {
    return cast(variables.get(name));
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, value);
  }

  public void setLocal(VariableScope scope, T value) {
    scope.setVariableLocal(name, value);
  }

  /** Adds the variable to a map, for starting processes or completing tasks. */
  public VariableMap with(T value) {
    return Variables.createVariables().putValue(name, value);
  }

  public VariableMap putInto(VariableMap map, T value) {
    return map.putValue(name, value);
  }

  private T cast(Object value) {
    if (value == null) {
      return null;
    }
    if (!type.isInstance(value)) {
      throw new IllegalStateException("流程变量 " + name + " 的类型应为 " + type.getSimpleName()
          + "，实际为 " + value.getClass().getSimpleName());
    }
    return type.cast(value);
  }
}
