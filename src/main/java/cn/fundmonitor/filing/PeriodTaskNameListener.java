package cn.fundmonitor.filing;

import static cn.fundmonitor.filing.QuarterlyFilingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Names a monitoring point's filing tasks as the point's (填报监测时点执行情况, 省级审核监测时点填报;
 * MNR 第十一条: 其他填报时点，按要求执行): the diagram's names speak of quarters, and a point is
 * not one. A quarter's tasks keep the diagram's names.
 */
@Component
class PeriodTaskNameListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    task.setName(FilingTexts.taskName(task.getTaskDefinitionKey(), task.getName(),
        MONITORING_POINT_ID.get(task) != null));
  }
}
