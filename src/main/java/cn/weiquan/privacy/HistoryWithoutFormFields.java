package cn.weiquan.privacy;

import cn.weiquan.calendar.Deadlines;
import cn.weiquan.cases.EnterStage;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.core.variable.CoreVariableInstance;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevelFull;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.springframework.stereotype.Component;

/**
 * History level "full", except the copy of every submitted form field (history detail type
 * formField). Those copies repeat the variable updates the history keeps anyway, and no API can
 * delete one, so a person's name typed into a start form could never be erased. Also without the
 * value log of {@link #derived derived} variables, which repeats that of the variable or the
 * activity they follow, and without any history of a deadline's {@link #presentation text}, which
 * repeats the date itself (together half the history rows of a dispute's deadlines:
 * DisputeBenchmark). The level keeps full's id, so existing databases need no change. Engine
 * implementation classes: there is no public API for a history level.
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
      if (entity instanceof CoreVariableInstance variable && presentation(variable.getName())) {
        // create, update, delete and migrate of the variable: with no event, no value log either
        return false;
      }
      if (eventType == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL
          && entity instanceof HistoricVariableUpdateEventEntity variable
          && derived(variable.getVariableName())) {
        return false;
      }
      return eventType != HistoryEventTypes.FORM_PROPERTY_UPDATE
          && super.isHistoryEventProduced(eventType, entity);
    }
  }

  /**
   * Variables whose every value follows from another record: a deadline's basis (set and removed
   * with the deadline itself, whose own value log keeps when) and the stage (set only by an element
   * the case enters: {@link EnterStage} on the element that declares the stage, the complaint
   * desk's closing step; the activity history, ACT_HI_ACTINST, already logs each entry with its
   * time). Their history keeps the variable (ACT_HI_VARINST, last value: the dashboard reads a
   * deadline's basis there), not a log of each value (ACT_HI_DETAIL).
   */
  static boolean derived(String name) {
    return name != null
        && (name.endsWith("Due" + Deadlines.BASIS_SUFFIX) || name.equals(EnterStage.STAGE));
  }

  /**
   * A deadline's text ({@link Deadlines#storeDue}): the date as forms show it, {@link
   * Deadlines#text} of the deadline's own value, and set and removed with it. Nothing reads it from
   * history (the deadline's history has the date to format), so it has none: a running case keeps
   * it for Tasklist's forms only.
   */
  static boolean presentation(String name) {
    return name != null && name.endsWith("Due" + Deadlines.TEXT_SUFFIX);
  }
}
