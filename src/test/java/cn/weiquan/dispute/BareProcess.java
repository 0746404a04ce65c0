package cn.weiquan.dispute;

import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's yardstick: a process with the same wait states as a path of consumer-dispute and
 * nothing else. Each wait is modelled the way the case waits there: the mail steps as service tasks
 * with async before and after (the notify delegate, a no-op in the benchmark), the merchant's
 * answer as an event-based race between a message and a timer, user tasks with a candidate group
 * and the message or timer boundary events the real task carries, the mediation's tasks inside a
 * sub-process with its two timers, a channel as a call activity, and the withdrawal message an
 * event sub-process of the spine waits for during the whole case. No service logic, no gateways
 * with conditions, no variables of its own.
 */
final class BareProcess {

  /** Far enough ahead that no timer of the yardstick fires during a run. */
  private static final String NEVER = "2099-01-01T00:00:00";

  private final String key;
  private final List<String> nodes = new ArrayList<>();
  private final List<String> flows = new ArrayList<>();
  private String last = "Start";
  private int counter;

  private final boolean withdrawal;

  BareProcess(String key) {
    this(key, true);
  }

  /**
   * {@code withdrawal}: whether the yardstick waits for a withdrawal (the spine does; its channels
   * do not).
   */
  BareProcess(String key, boolean withdrawal) {
    this.key = key;
    this.withdrawal = withdrawal;
  }

  BareProcess mail() {
    return then(
        "<bpmn:serviceTask id=\"%s\" camunda:asyncBefore=\"true\" camunda:asyncAfter=\"true\" camunda:delegateExpression=\"${notify}\" />",
        "Mail");
  }

  /** An event-based gateway: the message, or the timer that ends the yardstick. */
  BareProcess race() {
    String gateway = then("<bpmn:eventBasedGateway id=\"%s\" />", "Race").last;
    String message =
        then(
                "<bpmn:intermediateCatchEvent id=\"%s\"><bpmn:messageEventDefinition messageRef=\"BareMessage\" /></bpmn:intermediateCatchEvent>",
                "Message")
            .last;
    String timer = id("Timer");
    nodes.add(
        String.format(
            "<bpmn:intermediateCatchEvent id=\"%s\">%s</bpmn:intermediateCatchEvent>",
            timer, timerDefinition()));
    flow(gateway, timer);
    flow(timer, end());
    last = message;
    return this;
  }

  BareProcess task() {
    return then("<bpmn:userTask id=\"%s\" camunda:candidateGroups=\"mediators\" />", "Task");
  }

  /**
   * A user task the consumer may also answer by message (an interrupting message boundary event).
   */
  BareProcess taskOrMessage() {
    String task = task().last;
    String boundary = id("Answered");
    nodes.add(
        String.format(
            "<bpmn:boundaryEvent id=\"%s\" attachedToRef=\"%s\"><bpmn:messageEventDefinition messageRef=\"BareAnswer\" /></bpmn:boundaryEvent>",
            boundary, task));
    flow(boundary, end());
    return this;
  }

  /** A user task with a non-interrupting overdue timer. */
  BareProcess taskWithTimer() {
    String task = task().last;
    String boundary = id("Overdue");
    nodes.add(
        String.format(
            "<bpmn:boundaryEvent id=\"%s\" attachedToRef=\"%s\" cancelActivity=\"false\">%s</bpmn:boundaryEvent>",
            boundary, task, timerDefinition()));
    flow(boundary, end());
    return this;
  }

  /**
   * A call activity to another yardstick, as the spine calls its channel: the business key and the
   * variables passed in (all of them: at least what the spine passes), nothing passed back but the
   * channel's end.
   */
  BareProcess call(String calledKey) {
    return then(
        "<bpmn:callActivity id=\"%s\" calledElement=\""
            + calledKey
            + "\"><bpmn:extensionElements>"
            + "<camunda:in businessKey=\"#{execution.processBusinessKey}\" /><camunda:in variables=\"all\" />"
            + "</bpmn:extensionElements></bpmn:callActivity>",
        "Call");
  }

  /**
   * A sub-process of {@code tasks} user tasks with a non-interrupting reminder timer and an
   * interrupting limit timer.
   */
  BareProcess subProcess(int tasks) {
    String sub = id("Sub");
    StringBuilder inner = new StringBuilder();
    String previous = sub + "_Start";
    inner.append(String.format("<bpmn:startEvent id=\"%s\" />", previous));
    for (int i = 0; i < tasks; i++) {
      String task = sub + "_Task" + i;
      inner.append(
          String.format("<bpmn:userTask id=\"%s\" camunda:candidateGroups=\"mediators\" />", task));
      inner.append(sequenceFlow(previous, task));
      previous = task;
    }
    inner
        .append(String.format("<bpmn:endEvent id=\"%s_End\" />", sub))
        .append(sequenceFlow(previous, sub + "_End"));
    nodes.add(String.format("<bpmn:subProcess id=\"%s\">%s</bpmn:subProcess>", sub, inner));
    flow(last, sub);
    for (boolean interrupting : new boolean[] {false, true}) {
      String timer = id("Limit");
      nodes.add(
          String.format(
              "<bpmn:boundaryEvent id=\"%s\" attachedToRef=\"%s\" cancelActivity=\"%s\">%s</bpmn:boundaryEvent>",
              timer, sub, interrupting, timerDefinition()));
      flow(timer, end());
    }
    last = sub;
    return this;
  }

  String xml() {
    flow(last, end());
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\""
        + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" id=\"Definitions_"
        + key
        + "\" targetNamespace=\"http://weiquan.cn/bpmn\">"
        + "<bpmn:message id=\"BareMessage\" name=\"BareMessage\" /><bpmn:message id=\"BareAnswer\" name=\"BareAnswer\" /><bpmn:message id=\"BareWithdraw\" name=\"BareWithdraw\" />"
        + "<bpmn:process id=\""
        + key
        + "\" isExecutable=\"true\" camunda:historyTimeToLive=\"P1825D\">"
        + "<bpmn:startEvent id=\"Start\" />"
        + String.join("", nodes)
        + String.join("", flows)
        + (withdrawal ? withdrawalSubProcess() : "")
        + "</bpmn:process></bpmn:definitions>";
  }

  private String withdrawalSubProcess() {
    return "<bpmn:subProcess id=\"Withdrawal\" triggeredByEvent=\"true\"><bpmn:startEvent id=\"Withdrawal_Start\"><bpmn:messageEventDefinition messageRef=\"BareWithdraw\" /></bpmn:startEvent>"
        + "<bpmn:endEvent id=\"Withdrawal_End\" />"
        + sequenceFlow("Withdrawal_Start", "Withdrawal_End")
        + "</bpmn:subProcess>";
  }

  private BareProcess then(String element, String prefix) {
    String id = id(prefix);
    nodes.add(String.format(element, id));
    flow(last, id);
    last = id;
    return this;
  }

  private String end() {
    String id = id("End");
    nodes.add(String.format("<bpmn:endEvent id=\"%s\" />", id));
    return id;
  }

  private String id(String prefix) {
    return prefix + "_" + (counter++);
  }

  private void flow(String from, String to) {
    flows.add(sequenceFlow(from, to));
  }

  private String sequenceFlow(String from, String to) {
    return String.format(
        "<bpmn:sequenceFlow id=\"Flow_%d\" sourceRef=\"%s\" targetRef=\"%s\" />",
        counter++, from, to);
  }

  private static String timerDefinition() {
    return "<bpmn:timerEventDefinition><bpmn:timeDate xsi:type=\"bpmn:tFormalExpression\">"
        + NEVER
        + "</bpmn:timeDate></bpmn:timerEventDefinition>";
  }
}
