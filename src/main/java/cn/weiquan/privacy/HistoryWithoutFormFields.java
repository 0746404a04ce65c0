package cn.weiquan.privacy;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevelFull;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.springframework.stereotype.Component;

/**
 * History level "full", except the copy of every submitted form field (history detail type
 * formField). Those copies repeat the variable updates the history keeps anyway, and no API can
 * delete one, so a person's name typed into a start form could never be erased. The level keeps
 * full's id, so existing databases need no change. Engine implementation classes: there is no
 * public API for a history level.
 */
@Component
public class HistoryWithoutFormFields extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // the engine picks the last level of its list with the configured name ("full"): custom levels
    // come last
    List<HistoryLevel> custom = new ArrayList<>();
    if (configuration.getCustomHistoryLevels() != null) {
      custom.addAll(configuration.getCustomHistoryLevels());
    }
    custom.add(new Level());
    configuration.setCustomHistoryLevels(custom);
  }

  static final class Level extends HistoryLevelFull {
    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
      return eventType != HistoryEventTypes.FORM_PROPERTY_UPDATE
          && super.isHistoryEventProduced(eventType, entity);
    }
  }
}
