package cn.weiquan.privacy;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;

/**
 * The process instances of a case: its spine and every process the spine called (and they called),
 * from history.
 */
final class CaseInstances {
  private CaseInstances() {}

  static List<String> of(HistoryService history, HistoricProcessInstance spine) {
    List<String> ids = new ArrayList<>(List.of(spine.getId()));
    for (int i = 0; i < ids.size(); i++) {
      for (HistoricProcessInstance called :
          history.createHistoricProcessInstanceQuery().superProcessInstanceId(ids.get(i)).list()) {
        ids.add(called.getId());
      }
    }
    return ids;
  }
}
