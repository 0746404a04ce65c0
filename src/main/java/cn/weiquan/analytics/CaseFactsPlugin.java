package cn.weiquan.analytics;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the case facts (wq_case, wq_case_channel, wq_case_deadline) inside the engine's own
 * transactions: a history event handler next to the engine's (which still writes the history)
 * collects what each transaction changes of the dashboard's dimensions, and writes it once per row
 * just before that transaction commits ({@link CaseFactWriter}). Nothing is written per variable,
 * and a crash loses the facts with the history they come from, never one without the other. Engine
 * implementation classes: history events and their handlers are only reachable through an engine
 * plugin, and the event types are impl.
 */
@Component
public class CaseFactsPlugin extends AbstractProcessEnginePlugin {
  private final CaseFactWriter writer;

  /** The key under which a transaction's changes are bound to it. */
  private final Object resource = new Object();

  CaseFactsPlugin(CaseFactWriter writer) {
    this.writer = writer;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers = new ArrayList<>();
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    handlers.add(new Handler());
    configuration.setCustomHistoryEventHandlers(handlers);
  }

  private final class Handler implements HistoryEventHandler {
    @Override
    public void handleEvent(HistoryEvent event) {
      if (event instanceof HistoricVariableUpdateEventEntity v) {
        if (v.getProcessInstanceId() != null && v.getRootProcessInstanceId() != null) {
          changes()
              .variableChanged(
                  v.getProcessInstanceId(),
                  v.getExecutionId(),
                  v.getRootProcessInstanceId(),
                  v.getVariableName(),
                  v.getSerializerName(),
                  v.getTextValue(),
                  v.getLongValue(),
                  HistoryEventTypes.VARIABLE_INSTANCE_DELETE
                      .getEventName()
                      .equals(v.getEventType()));
        }
      } else if (event instanceof HistoricProcessInstanceEventEntity p) {
        String id = p.getProcessInstanceId();
        String root = p.getRootProcessInstanceId();
        if (root == null && p.getSuperProcessInstanceId() == null) {
          root = id;
        }
        if (id == null || root == null) {
          return;
        }
        String type = p.getEventType();
        if (HistoryEventTypes.PROCESS_INSTANCE_START.getEventName().equals(type)) {
          changes()
              .instanceStarted(
                  id, root, p.getProcessDefinitionKey(), p.getBusinessKey(), p.getStartTime());
        } else if (HistoryEventTypes.PROCESS_INSTANCE_END.getEventName().equals(type)) {
          changes().instanceEnded(id, root, p.getEndTime(), p.getDurationInMillis());
        } else if (HistoryEventTypes.PROCESS_INSTANCE_UPDATE.getEventName().equals(type)) {
          changes().caseNumberChanged(id, root, p.getBusinessKey());
        } else if (HistoryEventTypes.PROCESS_INSTANCE_MIGRATE.getEventName().equals(type)) {
          changes().instanceMigrated(id, root, p.getProcessDefinitionKey());
        }
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(this::handleEvent);
    }
  }

  /**
   * This transaction's changes, bound to it on the first event. Every engine command runs in a
   * Spring transaction (the starter's transaction interceptor), so there is always one.
   */
  private CaseFactChanges changes() {
    CaseFactChanges changes =
        (CaseFactChanges) TransactionSynchronizationManager.getResource(resource);
    if (changes != null) {
      return changes;
    }
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      throw new IllegalStateException(
          "the case facts are written with the engine's transaction, and this engine command runs in none");
    }
    CaseFactChanges created = new CaseFactChanges();
    TransactionSynchronizationManager.bindResource(resource, created);
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void suspend() {
            TransactionSynchronizationManager.unbindResource(resource);
          }

          @Override
          public void resume() {
            TransactionSynchronizationManager.bindResource(resource, created);
          }

          @Override
          public void beforeCommit(boolean readOnly) {
            if (!created.isEmpty()) {
              writer.write(created);
            }
          }

          @Override
          public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(resource);
          }
        });
    return created;
  }
}
