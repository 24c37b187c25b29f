package cn.fundmonitor.platform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
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
 * instance behind them, and Tasklist lists only variables the user may read.
 */
@Component
public class TaskSummaryPlugin extends AbstractProcessEnginePlugin {

  /** Variable → label, shown in the task list by the shared filters, in this order. */
  public static final Map<String, String> SUMMARY_VARIABLES = summary();

  private static Map<String, String> summary() {
    var labels = new LinkedHashMap<String, String>();
    labels.put("documentNo", "批复文号");
    labels.put("recipientName", "下达单位");
    labels.put("projectCode", "项目编码");
    labels.put("projectName", "项目名称");
    labels.put("applicantUnitName", "申报单位");
    labels.put("provinceName", "省份");
    labels.put("budgetYear", "预算年度");
    // the execution warning's level in Chinese (红色预警), on the filing unit's and the reviewer's cards
    labels.put("warningText", "执行预警");
    return Collections.unmodifiableMap(labels);
  }

  private static final TaskListener COPY_SUMMARY = (DelegateTask task) -> {
    for (var name : SUMMARY_VARIABLES.keySet()) {
      var value = task.getExecution().getVariable(name);
      if (value != null) {
        task.setVariableLocal(name, value);
      }
    }
  };

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addTaskListener(TaskListener.EVENTNAME_CREATE, COPY_SUMMARY);
      }
    });
  }
}
