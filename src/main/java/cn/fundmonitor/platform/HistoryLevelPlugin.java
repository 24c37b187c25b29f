package cn.fundmonitor.platform;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.springframework.stereotype.Component;

/**
 * History level {@value #NAME}: everything of Camunda's FULL level (activity and task history,
 * decision evaluations, the user operation log, incidents) except one row per variable update
 * (ACT_HI_DETAIL). The project's own tables keep the business audit trail, with who, when and why;
 * the variable-update rows roughly doubled every variable write, which the quarterly wave of tens
 * of thousands of filings cannot afford.
 */
@Component
public class HistoryLevelPlugin extends AbstractProcessEnginePlugin {

  public static final String NAME = "full-without-variable-details";

  static final HistoryLevel LEVEL = new AbstractHistoryLevel() {
    @Override
    public int getId() {
      return 42;
    }

    @Override
    public String getName() {
      return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
      return eventType != HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL
          && HistoryLevel.HISTORY_LEVEL_FULL.isHistoryEventProduced(eventType, entity);
    }
  };

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomHistoryLevels() == null) {
      configuration.setCustomHistoryLevels(new ArrayList<>());
    }
    configuration.getCustomHistoryLevels().add(LEVEL);
  }
}
