package cn.fundmonitor.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Copies a few summary variables (which project, which unit) onto every user task as it is
 * created, so Tasklist's task list can show them: a unit may read its tasks but not the process
 * instance behind them, and Tasklist lists only variables the user may read. Which variables:
 * the {@link TaskSummary} beans the features declare.
 */
@Component
public class TaskSummaryPlugin extends AbstractProcessEnginePlugin {

  private final Map<String, String> columns;
  private final TaskListener copySummary;

  TaskSummaryPlugin(List<TaskSummary> declared) {
    this.columns = TaskSummary.columns(declared);
    var names = List.copyOf(columns.keySet());
    this.copySummary = (DelegateTask task) -> {
      for (var name : names) {
        var value = task.getExecution().getVariable(name);
        if (value != null) {
          task.setVariableLocal(name, value);
        }
      }
    };
  }

  /** Variable → label, shown in the task list by the shared filters, in this order. */
  public Map<String, String> columns() {
    return columns;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addTaskListener(TaskListener.EVENTNAME_CREATE, copySummary);
      }
    });
  }
}
