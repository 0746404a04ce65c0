package cn.weiquan.notification;

import static cn.weiquan.notification.NotificationVariables.MAIL_DEADLINE;
import static cn.weiquan.notification.NotificationVariables.MAIL_EVENT;
import static cn.weiquan.notification.NotificationVariables.MAIL_MESSAGE_IDS;
import static cn.weiquan.notification.NotificationVariables.MAIL_TO;

import cn.weiquan.cases.CaseScope;
import cn.weiquan.platform.ElementProperties;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.stereotype.Component;

/**
 * ${notify}: the mail step of a process. Reads mailEvent, mailTo and the optional mailDeadline from
 * the task's extension properties (fixed text, nothing stored per case) or, for a value computed by
 * an expression, from an input parameter of the same name, which wins. Sends through {@link
 * NotificationService} and appends the Message-IDs to mailMessageIds. Model it asyncBefore +
 * asyncAfter with a retry cycle, so the send is the only side effect of its transaction; the job's
 * id keys the mail ledger, so a retry or another node running the job again sends no mail twice.
 */
@Component("notify")
public class NotifyDelegate implements JavaDelegate {

  private final NotificationService notifications;

  public NotifyDelegate(NotificationService notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, String> settings = ElementProperties.of(execution);
    String event = setting(execution, settings, MAIL_EVENT);
    if (event == null) {
      throw new IllegalStateException(
          execution.getCurrentActivityId() + ": the notify task needs the property " + MAIL_EVENT);
    }
    String to = setting(execution, settings, MAIL_TO);
    List<String> roles =
        to == null ? List.of() : Arrays.stream(to.split(",")).map(String::strip).toList();
    String deadline = setting(execution, settings, MAIL_DEADLINE);

    // a channel process holds no contact data: the recipients' addresses come from the case's spine
    Map<String, Object> variables = new HashMap<>(CaseScope.variables(execution));
    for (String code : roles) {
      RecipientRole role = code.isBlank() ? null : RecipientRole.of(code);
      if (role != null
          && role.staffGroup() != null
          && !(variables.get(role.addressVariable()) instanceof String)) {
        variables.put(role.addressVariable(), staffAddresses(execution, role.staffGroup()));
      }
    }
    List<SentMail> sent = notifications.send(runKey(), event, roles, variables, deadline);

    if (!sent.isEmpty()) {
      String ids = sent.stream().map(SentMail::messageId).collect(Collectors.joining("\n"));
      String before = text(CaseScope.spine(execution).getVariable(MAIL_MESSAGE_IDS));
      CaseScope.spine(execution)
          .setVariable(MAIL_MESSAGE_IDS, before == null ? ids : before + "\n" + ids);
    }
  }

  /**
   * The id of the job this send runs in: the same on every retry and on the node that takes the job
   * over after another died holding it, so the ledger sends each mail once. Null when the step runs
   * without a job (a model without asyncBefore, which the model rules refuse).
   */
  private static String runKey() {
    CommandContext context = Context.getCommandContext();
    JobEntity job = context == null ? null : context.getCurrentJob();
    return job == null ? null : "job:" + job.getId();
  }

  /** Members of the group who have an e-mail address in the engine's identity service. */
  private static List<String> staffAddresses(DelegateExecution execution, String group) {
    return execution
        .getProcessEngineServices()
        .getIdentityService()
        .createUserQuery()
        .memberOfGroup(group)
        .list()
        .stream()
        .map(User::getEmail)
        .filter(email -> email != null && !email.isBlank())
        .toList();
  }

  private static String setting(
      DelegateExecution execution, Map<String, String> properties, String name) {
    String computed =
        ElementProperties.inputParameters(execution).contains(name)
            ? text(execution.getVariableLocal(name))
            : null;
    return computed != null ? computed : text(properties.get(name));
  }

  private static String text(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }
}
