package cn.weiquan.dispute;

import static cn.weiquan.dispute.DisputeVariables.CHANNEL_OPTIONS;
import static cn.weiquan.dispute.DisputeVariables.NEXT_CHANNEL;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * ${checkChannelChoice}: the channel the consumer chose must be one the decision
 * dispute-open-channels offered. A choice outside them (a form submitted over the engine's REST
 * API, a message with a stale channel) is refused: the transaction that carried it rolls back, so
 * the case stays where it was and the caller sees why.
 */
@Component("checkChannelChoice")
public class CheckChannelChoice implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    Object chosen = execution.getVariable(NEXT_CHANNEL);
    List<String> offered = offered(execution.getVariable(CHANNEL_OPTIONS));
    if (!(chosen instanceof String channel) || !offered.contains(channel)) {
      throw new ProcessEngineException(
          "所选维权途径“" + chosen + "”不在本案可选的途径内（可选：" + String.join("、", offered) + "）。请从可选途径中选择。");
    }
  }

  /** The values of the decision's rows (value, label, basis). */
  public static List<String> offered(Object options) {
    List<String> values = new ArrayList<>();
    if (options instanceof List<?> rows) {
      for (Object row : rows) {
        if (row instanceof Map<?, ?> map && map.get("value") instanceof String value) {
          values.add(value);
        }
      }
    }
    return values;
  }
}
