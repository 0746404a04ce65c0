package cn.weiquan.cases;

import cn.weiquan.calendar.Deadlines;
import cn.weiquan.platform.ElementProperties;
import cn.weiquan.platform.EngineClock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.TerminateEventDefinition;
import org.springframework.stereotype.Component;

/**
 * ${enterStage}: the one way a model says where a case stands, as an execution listener on the
 * element (or the sequence flow) where a stage begins. The element's extension properties say what
 * (all optional; Modeler: the element template "Weiquan 阶段与期限" or Extension properties):
 *
 * <ul>
 *   <li>stageLabel: the stage the case's spine shows (Tasklist, status API, mails), and a channel
 *       for its own forms; entering a stage ends the deadlines of the previous stage of the same
 *       process (those its model declares on an element with a stage label: {@link
 *       #stageDeadlines}), so the case lists only deadlines that still apply; on the end event that
 *       ends its process ({@link #endsInstance}) the end of the instance does that, with all its
 *       variables, and a channel keeps no copy of a stage no form of it will show;
 *   <li>deadlineVariable + deadlinePeriod (+ deadlineFrom, a Date variable, default now): a
 *       statutory period stored with its basis in the process whose timers and due dates read it;
 *   <li>channel: the channel a called process runs (spine variables channel and
 *       tried&lt;Channel&gt;);
 *   <li>channelOutcome: how a channel ended (resolved, unresolved), for the spine to decide what
 *       comes next;
 *   <li>caseOutcome: how the whole case ended (settled, mediated, judged, withdrawn…), for the
 *       statistics.
 * </ul>
 *
 * A listener on a flow runs when the flow is taken, before an asynchronous mail step: the deadline
 * counts from the moment the case got there, not from when the mail left.
 */
@Component("enterStage")
public class EnterStage implements ExecutionListener {
  public static final String STAGE = "stage";
  public static final String CHANNEL = "channel";
  public static final String CHANNEL_OUTCOME = "channelOutcome";
  public static final String CASE_OUTCOME = "caseOutcome";

  /**
   * By process definition id: the deadline variables its elements with a stage label declare. A
   * deployed definition never changes, so neither does its list.
   */
  private static final Map<String, Set<String>> STAGE_DEADLINES = new ConcurrentHashMap<>();

  static final String STAGE_LABEL = "stageLabel";
  static final String DEADLINE_FROM = "deadlineFrom";

  private final Deadlines deadlines;

  public EnterStage(Deadlines deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Map<String, String> settings = ElementProperties.of(execution);
    DelegateExecution spine = CaseScope.spine(execution);
    DelegateExecution process = execution.getProcessInstance();
    String element =
        execution.getBpmnModelElementInstance() == null
            ? execution.getCurrentActivityId()
            : execution.getBpmnModelElementInstance().getId();

    String stage = settings.get(STAGE_LABEL);
    if (stage != null) {
      spine.setVariable(STAGE, stage);
      // a process's last stage ends nothing itself: the instance ends with this transaction, and
      // with it every deadline it still holds (status and dashboard list running instances' only)
      boolean last = endsInstance(execution);
      if (!last) {
        endStageDeadlines(process, settings.get(Deadlines.DECLARED_VARIABLE));
      }
      if (spine.getProcessInstanceId() != null
          && !spine.getProcessInstanceId().equals(process.getProcessInstanceId())) {
        if (!last) {
          // the channel's forms show the stage too: a task reads only its own process's variables
          process.setVariableLocal(STAGE, stage);
        }
        // a channel's first stage also ends the spine's (the choice of channel it was waiting for)
        endStageDeadlines(spine, null);
      }
    }
    String variable = settings.get(Deadlines.DECLARED_VARIABLE);
    if (variable != null) {
      String period = settings.get(Deadlines.DECLARED_PERIOD);
      if (period == null) {
        throw new IllegalStateException(
            element + " stores " + variable + " but names no " + Deadlines.DECLARED_PERIOD);
      }
      String fromVariable = settings.get(DEADLINE_FROM);
      Date from =
          fromVariable == null ? EngineClock.now() : date(process.getVariable(fromVariable));
      if (from == null) {
        throw new IllegalStateException(
            element + ": the case has no " + fromVariable + " to count " + variable + " from");
      }
      deadlines.store(process, variable, period, from);
    }
    String channel = settings.get(CHANNEL);
    if (channel != null) {
      spine.setVariable(CHANNEL, channel);
      spine.setVariable(
          "tried" + Character.toUpperCase(channel.charAt(0)) + channel.substring(1), true);
    }
    if (settings.containsKey(CHANNEL_OUTCOME)) {
      process.setVariable(CHANNEL_OUTCOME, settings.get(CHANNEL_OUTCOME));
    }
    if (settings.containsKey(CASE_OUTCOME)) {
      spine.setVariable(CASE_OUTCOME, settings.get(CASE_OUTCOME));
    }
  }

  /**
   * Whether the listener's element ends its process instance: a plain end event of the process
   * itself (not of a sub-process, not an error or escalation a handler may catch) reached by the
   * instance's only token, or a terminate end event of the process.
   */
  static boolean endsInstance(DelegateExecution execution) {
    if (!(execution.getBpmnModelElementInstance() instanceof EndEvent end)
        || !(end.getParentElement() instanceof Process)) {
      return false;
    }
    var definitions = end.getEventDefinitions();
    if (definitions.size() == 1
        && definitions.iterator().next() instanceof TerminateEventDefinition) {
      return true;
    }
    return definitions.isEmpty() && execution.getId().equals(execution.getProcessInstanceId());
  }

  /**
   * The deadlines the previous stage of this process stored no longer apply: out of the running
   * case, kept in history. Which they are follows from the model (only one stage of a process is
   * entered at a time, and entering one ends the last), so the case stores no list of them; {@code
   * kept} is the deadline the stage being entered stores itself, overwritten rather than removed.
   */
  private static void endStageDeadlines(DelegateExecution process, String kept) {
    List<String> names = new ArrayList<>();
    for (String name : stageDeadlines(process)) {
      if (!name.equals(kept) && process.hasVariableLocal(name)) {
        names.add(name);
        names.add(name + Deadlines.BASIS_SUFFIX);
        names.add(name + Deadlines.TEXT_SUFFIX);
      }
    }
    if (!names.isEmpty()) {
      process.removeVariables(names);
    }
  }

  /**
   * The deadline variables the process's model declares on an element (or a flow) with a stage
   * label: the deadlines of its stages.
   */
  static Set<String> stageDeadlines(DelegateExecution process) {
    return STAGE_DEADLINES.computeIfAbsent(
        process.getProcessDefinitionId(),
        key -> {
          Set<String> names = new TreeSet<>();
          for (FlowElement element :
              process.getBpmnModelInstance().getModelElementsByType(FlowElement.class)) {
            Map<String, String> properties = ElementProperties.of(element);
            if (properties.containsKey(STAGE_LABEL)
                && properties.containsKey(Deadlines.DECLARED_VARIABLE)) {
              names.add(properties.get(Deadlines.DECLARED_VARIABLE));
            }
          }
          return Collections.unmodifiableSet(names);
        });
  }

  private static Date date(Object value) {
    return CaseVariables.toDate(value);
  }
}
