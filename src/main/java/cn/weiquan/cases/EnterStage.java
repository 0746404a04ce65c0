package cn.weiquan.cases;

import cn.weiquan.calendar.Deadlines;
import cn.weiquan.platform.ElementProperties;
import cn.weiquan.platform.EngineClock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * ${enterStage}: the one way a model says where a case stands, as an execution listener on the
 * element (or the sequence flow) where a stage begins. The element's extension properties say what
 * (all optional; Modeler: the element template "Weiquan 阶段与期限" or Extension properties):
 *
 * <ul>
 *   <li>stageLabel: the stage the case's spine shows (Tasklist, status API, mails), and a channel
 *       for its own forms; entering a stage ends the deadlines of the previous stage of the same
 *       process, so the case lists only deadlines that still apply;
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
   * The stage deadlines of a process instance now in force, comma-separated (local to that
   * instance).
   */
  public static final String STAGE_DEADLINES = "stageDeadlines";

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
      endStageDeadlines(process);
      if (spine.getProcessInstanceId() != null
          && !spine.getProcessInstanceId().equals(process.getProcessInstanceId())) {
        // the channel's forms show the stage too: a task reads only its own process's variables
        process.setVariableLocal(STAGE, stage);
        // a channel's first stage also ends the spine's (the choice of channel it was waiting for)
        endStageDeadlines(spine);
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
      if (stage != null) {
        process.setVariableLocal(STAGE_DEADLINES, variable);
      }
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
   * The deadlines the previous stage of this process stored no longer apply: out of the running
   * case, kept in history.
   */
  private static void endStageDeadlines(DelegateExecution process) {
    Object current = process.getVariableLocal(STAGE_DEADLINES);
    if (current == null || current.toString().isBlank()) {
      return;
    }
    List<String> names = new ArrayList<>();
    for (String name : Arrays.asList(current.toString().split(","))) {
      names.add(name);
      names.add(name + Deadlines.BASIS_SUFFIX);
      names.add(name + Deadlines.TEXT_SUFFIX);
    }
    process.removeVariables(names);
    process.removeVariableLocal(STAGE_DEADLINES);
  }

  private static Date date(Object value) {
    return CaseVariables.toDate(value);
  }
}
