package cn.fundmonitor.support;

import cn.fundmonitor.platform.ProcessVariable;
import org.camunda.bpm.engine.RuntimeService;

/**
 * What the engine holds for a variable, unread by its codec: for tests of the stored form that
 * forms, DMN and Cockpit see (an enum's name, a date's text), which the typed read hides.
 */
public final class Stored {

  private Stored() {}

  public static Object value(RuntimeService runtime, String executionId, ProcessVariable<?> variable) {
    return runtime.getVariable(executionId, variable.name());
  }
}
