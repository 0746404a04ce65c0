package cn.weiquan.intake;

import cn.weiquan.api.ApiException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Delivers a party's answer to its case as the BPMN message of the same name, correlated to the
 * case's process instance (business key = case number). A message the case does not wait for now is
 * refused with 409 saying what the case does wait for; nothing is changed then.
 */
@Component
public class CaseMessages {

  private final RuntimeService runtime;
  private final HistoryService history;
  private final RepositoryService repository;
  private final CaseStatusService status;

  public CaseMessages(
      RuntimeService runtime,
      HistoryService history,
      RepositoryService repository,
      CaseStatusService status) {
    this.runtime = runtime;
    this.history = history;
    this.repository = repository;
    this.status = status;
  }

  public boolean waitsFor(CaseAccess.CaseRef ref, String message) {
    return !ref.ended()
        && status.messageSubscriptions(ref.processInstanceId()).stream()
            .anyMatch(s -> message.equals(s.getEventName()));
  }

  /** The element of the case that waits for the message (its catch or boundary event), or null. */
  public String waitingAt(CaseAccess.CaseRef ref, String message) {
    return ref.ended()
        ? null
        : status.messageSubscriptions(ref.processInstanceId()).stream()
            .filter(s -> message.equals(s.getEventName()))
            .map(s -> s.getActivityId())
            .findFirst()
            .orElse(null);
  }

  /**
   * Correlates the message to the process of the case that waits for it, or throws 409 naming what
   * the case waits for.
   */
  public void deliver(
      CaseAccess.CaseRef ref,
      String message,
      Map<String, Object> variables,
      Map<String, String> endpoints) {
    String waiting =
        ref.ended()
            ? null
            : status.messageSubscriptions(ref.processInstanceId()).stream()
                .filter(s -> message.equals(s.getEventName()))
                .map(s -> s.getProcessInstanceId())
                .findFirst()
                .orElse(null);
    if (waiting == null) {
      throw notWaiting(ref, message, endpoints);
    }
    try {
      runtime
          .createMessageCorrelation(message)
          .processInstanceId(waiting)
          .setVariables(variables)
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException goneMeanwhile) {
      throw notWaiting(ref, message, endpoints);
    }
  }

  public ApiException notWaiting(
      CaseAccess.CaseRef ref, String message, Map<String, String> endpoints) {
    if (ref.ended()
        || history
                .createHistoricProcessInstanceQuery()
                .processInstanceId(ref.processInstanceId())
                .finished()
                .count()
            > 0) {
      return new ApiException(
              HttpStatus.CONFLICT,
              null,
              "case-ended",
              "案件 " + ref.caseNo() + " 已结束，不再等待任何答复",
              "case " + ref.caseNo() + " has ended; it waits for nothing")
          .with("waitingFor", List.of());
    }
    List<CaseStatus.Waiting> waiting = status.waitingFor(ref, endpoints);
    String summary =
        waiting.isEmpty()
            ? "nothing from the parties (the engine is processing it)"
            : waiting.stream()
                .map(
                    w ->
                        w.message() != null
                            ? w.message() + " (" + w.name() + ")"
                            : w.kind()
                                + " "
                                + w.name()
                                + (w.due() != null ? " due " + w.due() : ""))
                .collect(Collectors.joining(", "));
    String zh = waiting.isEmpty() ? "当事人的任何答复（正在处理中）" : summary;
    return new ApiException(
            HttpStatus.CONFLICT,
            null,
            "not-waiting",
            "案件 " + ref.caseNo() + " 现在不等待 " + message + "；它在等待：" + zh,
            "case "
                + ref.caseNo()
                + " is not waiting for "
                + message
                + "; it waits for: "
                + summary)
        .with("waitingFor", waiting);
  }

  /**
   * When the case last stopped waiting for the message (the latest end of an activity that caught
   * it), or null.
   */
  public Date lastClosed(CaseAccess.CaseRef ref, String message) {
    Date last = null;
    for (HistoricProcessInstance instance : status.caseInstances(ref.processInstanceId())) {
      List<String> catchers =
          repository
              .getBpmnModelInstance(instance.getProcessDefinitionId())
              .getModelElementsByType(MessageEventDefinition.class)
              .stream()
              .filter(d -> d.getMessage() != null && message.equals(d.getMessage().getName()))
              .map(
                  d ->
                      ((org.camunda.bpm.model.bpmn.instance.BaseElement) d.getParentElement())
                          .getId())
              .toList();
      for (String id : catchers) {
        for (HistoricActivityInstance caught :
            history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId())
                .activityId(id)
                .finished()
                .list()) {
          if (last == null || caught.getEndTime().after(last)) {
            last = caught.getEndTime();
          }
        }
      }
    }
    return last;
  }
}
