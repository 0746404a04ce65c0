package cn.weiquan.intake;

import cn.weiquan.calendar.Deadlines;
import cn.weiquan.platform.ElementProperties;
import cn.weiquan.platform.EngineClock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * Builds a {@link CaseStatus} from the engine: history for what happened, runtime for what the case
 * waits for. A case is its spine's process instance and the channel processes it called: steps,
 * deadlines and waits come from all of them, the stage and how the case ended from the spine.
 */
@Component
public class CaseStatusService {
  private static final String BASIS = "Basis";
  private static final String STAGE = "stage";

  private final HistoryService history;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final RepositoryService repository;
  private final EvidenceStore evidence;
  private final Map<String, BpmnModelInstance> models = new ConcurrentHashMap<>();
  private final Map<String, Map<String, String>> periodsByDefinition = new ConcurrentHashMap<>();

  public CaseStatusService(
      HistoryService history,
      RuntimeService runtime,
      TaskService tasks,
      ManagementService management,
      RepositoryService repository,
      EvidenceStore evidence) {
    this.history = history;
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.repository = repository;
    this.evidence = evidence;
  }

  public CaseStatus status(CaseAccess.CaseRef ref, Map<String, String> endpointsByMessage) {
    HistoricProcessInstance instance =
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceId(ref.processInstanceId())
            .singleResult();
    List<HistoricProcessInstance> instances = caseInstances(ref.processInstanceId());
    Map<String, Object> variables = variables(instances);
    boolean ended = instance.getEndTime() != null;
    CaseStatus.EndState endState = ended ? endState(ref, instance) : null;
    return new CaseStatus(
        ref.caseNo(),
        ref.processKey(),
        variables.get(STAGE) == null ? null : variables.get(STAGE).toString(),
        ended ? CaseStatus.ENDED : CaseStatus.RUNNING,
        endState,
        beijing(instance.getStartTime()),
        beijing(instance.getEndTime()),
        // only what still binds someone: the deadlines of the processes still running (an ended
        // channel's are history)
        deadlines(
            variables(instances.stream().filter(i -> i.getEndTime() == null).toList()),
            declaredPeriods(instances)),
        steps(instances),
        ended ? List.of() : waitingFor(ref, endpointsByMessage),
        evidence.list(ref.caseNo()));
  }

  /**
   * The end event the case reached; an interrupting event sub-process (withdrawal) is reported by
   * its own end event.
   */
  private CaseStatus.EndState endState(CaseAccess.CaseRef ref, HistoricProcessInstance instance) {
    String endId = instance.getEndActivityId();
    if (endId == null || !(repositoryModel(ref).getModelElementById(endId) instanceof EndEvent)) {
      endId =
          history
              .createHistoricActivityInstanceQuery()
              .processInstanceId(instance.getId())
              .finished()
              .orderByHistoricActivityInstanceEndTime()
              .desc()
              .orderPartiallyByOccurrence()
              .desc()
              .list()
              .stream()
              .filter(a -> a.getActivityType() != null && a.getActivityType().endsWith("EndEvent"))
              .map(HistoricActivityInstance::getActivityId)
              .filter(
                  id ->
                      !(repositoryModel(ref).getModelElementById(id).getParentElement()
                              instanceof SubProcess sub)
                          || sub.triggeredByEvent())
              .findFirst()
              .orElse(endId);
    }
    return endId == null
        ? null
        : new CaseStatus.EndState(endId, name(ref.processDefinitionId(), endId));
  }

  /**
   * Deadline variable → period code, as the case's process models declare them on the tasks that
   * store them.
   */
  private Map<String, String> declaredPeriods(List<HistoricProcessInstance> instances) {
    Map<String, String> periods = new HashMap<>();
    for (HistoricProcessInstance instance : instances) {
      periods.putAll(
          periodsByDefinition.computeIfAbsent(
              instance.getProcessDefinitionId(),
              id -> {
                Map<String, String> declared = new HashMap<>();
                for (FlowElement element : model(id).getModelElementsByType(FlowElement.class)) {
                  Map<String, String> settings = ElementProperties.of(element);
                  if (settings.containsKey(Deadlines.DECLARED_VARIABLE)
                      && settings.containsKey(Deadlines.DECLARED_PERIOD)) {
                    declared.put(
                        settings.get(Deadlines.DECLARED_VARIABLE),
                        settings.get(Deadlines.DECLARED_PERIOD));
                  }
                }
                return declared;
              }));
    }
    return periods;
  }

  private BpmnModelInstance repositoryModel(CaseAccess.CaseRef ref) {
    return model(ref.processDefinitionId());
  }

  private BpmnModelInstance model(String processDefinitionId) {
    return models.computeIfAbsent(processDefinitionId, repository::getBpmnModelInstance);
  }

  /**
   * The spine's process instance first, then every process it called (and they called), oldest
   * first.
   */
  public List<HistoricProcessInstance> caseInstances(String spineInstanceId) {
    List<HistoricProcessInstance> instances = new ArrayList<>();
    HistoricProcessInstance spine =
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceId(spineInstanceId)
            .singleResult();
    if (spine == null) {
      return instances;
    }
    instances.add(spine);
    for (int i = 0; i < instances.size(); i++) {
      instances.addAll(
          history
              .createHistoricProcessInstanceQuery()
              .superProcessInstanceId(instances.get(i).getId())
              .orderByProcessInstanceStartTime()
              .asc()
              .list());
    }
    return instances;
  }

  /** The running process instances of the case. */
  public List<String> runningInstanceIds(String spineInstanceId) {
    return caseInstances(spineInstanceId).stream()
        .filter(i -> i.getEndTime() == null)
        .map(HistoricProcessInstance::getId)
        .toList();
  }

  /** When the case ended, or null while it runs. */
  public Date endedAt(String processInstanceId) {
    HistoricProcessInstance instance =
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceId(processInstanceId)
            .singleResult();
    return instance == null ? null : instance.getEndTime();
  }

  /**
   * The last value a variable had anywhere in the case, also after the case moved on and removed it
   * (a stage's deadline is removed when the next stage begins; its value stays in the history).
   */
  public Object lastValue(String spineInstanceId, String name) {
    Object value = null;
    java.util.Date at = null;
    for (HistoricProcessInstance instance : caseInstances(spineInstanceId)) {
      for (HistoricVariableInstance v :
          history
              .createHistoricVariableInstanceQuery()
              .processInstanceId(instance.getId())
              .variableName(name)
              .includeDeleted()
              .list()) {
        if (at == null || v.getCreateTime().after(at)) {
          at = v.getCreateTime();
          value = v.getValue();
        }
      }
    }
    return value;
  }

  /**
   * The case's variables by name: the channels' (later calls over earlier ones), then the spine's
   * over them.
   */
  public Map<String, Object> variables(String spineInstanceId) {
    return variables(caseInstances(spineInstanceId));
  }

  private Map<String, Object> variables(List<HistoricProcessInstance> instances) {
    Map<String, Object> byName = new HashMap<>();
    for (int i = 1; i < instances.size(); i++) {
      byName.putAll(ownVariables(instances.get(i).getId()));
    }
    if (!instances.isEmpty()) {
      byName.putAll(ownVariables(instances.get(0).getId())); // the spine's values win
    }
    return byName;
  }

  /** A process instance's own variables (not those local to a task or sub-process), by name. */
  private Map<String, Object> ownVariables(String processInstanceId) {
    Map<String, Object> byName = new HashMap<>();
    for (HistoricVariableInstance v :
        history
            .createHistoricVariableInstanceQuery()
            .processInstanceId(processInstanceId)
            .disableCustomObjectDeserialization()
            .list()) {
      if (v.getTypedValue() instanceof SerializableValue object && !object.isDeserialized()) {
        continue; // structured values (the open-channels decision's rows) are not part of a status
      }
      if (processInstanceId.equals(v.getActivityInstanceId()) || !byName.containsKey(v.getName())) {
        byName.put(v.getName(), v.getValue());
      }
    }
    return byName;
  }

  /**
   * A stored deadline is a Date with its basis beside it (Deadlines.store); the period is the one
   * the model names.
   */
  static List<CaseStatus.DeadlineView> deadlines(
      Map<String, Object> variables, Map<String, String> declaredPeriods) {
    List<CaseStatus.DeadlineView> deadlines = new ArrayList<>();
    variables.forEach(
        (name, value) -> {
          Object basis = variables.get(name + BASIS);
          if (value instanceof Date due && basis != null) {
            deadlines.add(
                new CaseStatus.DeadlineView(
                    name, beijing(due), declaredPeriods.get(name), basis.toString()));
          }
        });
    deadlines.sort(Comparator.comparing(CaseStatus.DeadlineView::due));
    return deadlines;
  }

  private List<CaseStatus.Step> steps(List<HistoricProcessInstance> instances) {
    List<HistoricActivityInstance> done = new ArrayList<>();
    for (HistoricProcessInstance instance : instances) {
      done.addAll(
          history
              .createHistoricActivityInstanceQuery()
              .processInstanceId(instance.getId())
              .finished()
              .orderByHistoricActivityInstanceEndTime()
              .asc()
              .orderPartiallyByOccurrence()
              .asc()
              .list());
    }
    // stable: within one process the engine's order stands, across processes the end time decides
    done.sort(Comparator.comparing(HistoricActivityInstance::getEndTime));
    List<CaseStatus.Step> steps = new ArrayList<>();
    for (HistoricActivityInstance a : done) {
      if (a.getActivityName() != null && !a.getActivityName().isBlank()) {
        steps.add(
            new CaseStatus.Step(
                a.getActivityId(),
                a.getActivityName(),
                a.getActivityType(),
                beijing(a.getStartTime()),
                beijing(a.getEndTime())));
      }
    }
    return steps;
  }

  /** The messages the case can receive now (in its spine or a running channel). */
  public List<EventSubscription> messageSubscriptions(String spineInstanceId) {
    List<EventSubscription> subscriptions = new ArrayList<>();
    for (String id : runningInstanceIds(spineInstanceId)) {
      subscriptions.addAll(
          runtime.createEventSubscriptionQuery().processInstanceId(id).eventType("message").list());
    }
    return subscriptions;
  }

  public List<CaseStatus.Waiting> waitingFor(
      CaseAccess.CaseRef ref, Map<String, String> endpointsByMessage) {
    List<CaseStatus.Waiting> waiting = new ArrayList<>();
    for (String instanceId : runningInstanceIds(ref.processInstanceId())) {
      for (Task task : tasks.createTaskQuery().processInstanceId(instanceId).list()) {
        waiting.add(
            new CaseStatus.Waiting(
                "task",
                task.getTaskDefinitionKey(),
                task.getName(),
                null,
                null,
                beijing(task.getDueDate())));
      }
      for (EventSubscription s :
          runtime
              .createEventSubscriptionQuery()
              .processInstanceId(instanceId)
              .eventType("message")
              .list()) {
        waiting.add(
            new CaseStatus.Waiting(
                "message",
                s.getActivityId(),
                activityName(instanceId, s.getActivityId()),
                s.getEventName(),
                endpointsByMessage.get(s.getEventName()),
                null));
      }
      for (Job job : management.createJobQuery().processInstanceId(instanceId).list()) {
        JobDefinition definition =
            job.getJobDefinitionId() == null
                ? null
                : management
                    .createJobDefinitionQuery()
                    .jobDefinitionId(job.getJobDefinitionId())
                    .singleResult();
        String activityId = definition == null ? null : definition.getActivityId();
        boolean timer = definition != null && definition.getJobType().startsWith("timer");
        waiting.add(
            new CaseStatus.Waiting(
                timer ? "timer" : "processing",
                activityId,
                activityId == null ? null : name(job.getProcessDefinitionId(), activityId),
                null,
                null,
                beijing(job.getDuedate())));
      }
    }
    return waiting;
  }

  private String activityName(String processInstanceId, String activityId) {
    HistoricProcessInstance instance =
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceId(processInstanceId)
            .singleResult();
    return name(instance.getProcessDefinitionId(), activityId);
  }

  /** The Chinese name of an element of the case's process model. */
  public String name(String processDefinitionId, String activityId) {
    BpmnModelInstance model =
        models.computeIfAbsent(processDefinitionId, repository::getBpmnModelInstance);
    ModelElementInstance element = model.getModelElementById(activityId);
    return element == null ? activityId : element.getAttributeValue("name");
  }

  public static OffsetDateTime beijing(Date date) {
    return date == null ? null : date.toInstant().atZone(EngineClock.CHINA).toOffsetDateTime();
  }
}
