package cn.weiquan.notification;

import static cn.weiquan.notification.NotificationVariables.BASIS_SUFFIX;
import static cn.weiquan.notification.NotificationVariables.CASE_NO;
import static cn.weiquan.notification.NotificationVariables.MODEL_DEADLINE;
import static cn.weiquan.notification.NotificationVariables.MODEL_DEADLINE_BASIS;
import static cn.weiquan.notification.NotificationVariables.MODEL_RECIPIENT_NAME;
import static cn.weiquan.notification.NotificationVariables.MODEL_RECIPIENT_ROLE;

import cn.weiquan.calendar.ChineseDates;
import cn.weiquan.privacy.Masking;
import io.micrometer.core.instrument.Metrics;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends one plain-text mail per recipient role for a case event. No engine needed: the notify
 * delegate hands it the case's variables. Mail errors are not caught: the caller's job fails and is
 * retried, and after the last retry an incident shows in Cockpit.
 */
public class NotificationService {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationService.class);

  private static final java.util.regex.Pattern ISO_DATE =
      java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private final JavaMailSender mailSender;
  private final MailTemplates templates;
  private final InternetAddress from;
  private final MailLedger ledger;

  /** Without a ledger: every call sends (for callers that are not jobs run again). */
  public NotificationService(JavaMailSender mailSender, MailTemplates templates, String from) {
    this(mailSender, templates, from, null);
  }

  /**
   * With the ledger of mails the server has taken, so a job run again sends each mail once (see
   * {@link #send(String, String, List, Map, String)}).
   */
  public NotificationService(
      JavaMailSender mailSender, MailTemplates templates, String from, MailLedger ledger) {
    this.mailSender = mailSender;
    this.templates = templates;
    this.from = parseFrom(from);
    this.ledger = ledger;
  }

  /** Sends without a key: each call is a new mail. */
  public List<SentMail> send(
      String event, List<String> roles, Map<String, Object> variables, String deadlineVariable) {
    return send(null, event, roles, variables, deadlineVariable);
  }

  /**
   * Renders and sends the event's mail to every role that has an address; roles without one are
   * skipped (and logged).
   *
   * @param event the event code: the texts are mail/&lt;event&gt;/&lt;role&gt;.mustache
   * @param roles recipient role codes, e.g. consumer, merchant
   * @param variables the case's variables: the template model
   * @param deadlineVariable name of a stored deadline variable to show, or null
   * @param sendKey what stays the same each time this send is tried again (the mail job's id), or
   *     null: with a ledger, a mail the server took on an earlier try is not sent again, and keeps
   *     its Message-ID
   * @return the mails the SMTP server has taken, with the Message-ID each carries
   */
  public List<SentMail> send(
      String sendKey,
      String event,
      List<String> roles,
      Map<String, Object> variables,
      String deadlineVariable) {
    Set<RecipientRole> recipients = distinct(roles);
    for (RecipientRole role : recipients) {
      if (!templates.exists(event, role.code())) {
        throw new IllegalArgumentException(
            "no mail text for event '"
                + event
                + "' and recipient '"
                + role.code()
                + "' (classpath:mail/"
                + event
                + "/"
                + role.code()
                + ".mustache)");
      }
    }
    Map<String, Object> caseModel = caseModel(variables, deadlineVariable);
    Object caseNo = variables.get(CASE_NO);
    List<MailLedger.Wanted> wanted = new ArrayList<>();
    List<InternetAddress> recipientAddresses = new ArrayList<>();
    List<RenderedMail> texts = new ArrayList<>();
    for (RecipientRole role : recipients) {
      List<String> addresses = addresses(variables.get(role.addressVariable()));
      if (addresses.isEmpty()) {
        LOG.info(
            "case {} event {}: no {} for role {}, mail skipped",
            caseNo,
            event,
            role.addressVariable(),
            role.code());
        continue;
      }
      RenderedMail mail =
          templates.render(event, role.code(), modelFor(role, caseModel, variables));
      for (String address : addresses) {
        InternetAddress to = parseRecipient(role, address);
        wanted.add(
            new MailLedger.Wanted(role, to.getAddress(), "<" + UUID.randomUUID() + "@weiquan>"));
        recipientAddresses.add(to);
        texts.add(mail);
      }
    }
    // with a ledger and a key, a mail the server took on an earlier run is not sent again, and one
    // claimed then is sent under the Message-ID claimed
    List<MailLedger.Claim> claims =
        ledger == null || sendKey == null || wanted.isEmpty()
            ? null
            : ledger.claim(sendKey, caseNo, event, wanted);
    Map<MimeMessage, MailLedger.Claim> messages = new LinkedHashMap<>();
    List<SentMail> sent = new ArrayList<>();
    int takenBefore = 0;
    for (int i = 0; i < wanted.size(); i++) {
      MailLedger.Wanted mail = wanted.get(i);
      MailLedger.Claim claim = claims == null ? null : claims.get(i);
      String messageId = claim == null ? mail.messageId() : claim.messageId();
      if (claim != null && claim.alreadySent()) {
        takenBefore++;
      } else {
        messages.put(message(recipientAddresses.get(i), texts.get(i), messageId), claim);
      }
      sent.add(new SentMail(mail.role(), mail.address(), messageId));
    }
    if (takenBefore > 0) {
      LOG.info(
          "case {} event {}: {} mail(s) the server took on an earlier run of this job, not sent again",
          caseNo,
          event,
          takenBefore);
    }
    if (!messages.isEmpty()) {
      // one connection for all recipients of this event; weiquan_mails_sent_total /
      // weiquan_mails_failed_total{event} count into Boot's registry through Micrometer's global
      // one (nothing where there is none, as in engine-only tests)
      try {
        mailSender.send(messages.keySet().toArray(MimeMessage[]::new));
      } catch (MailSendException e) {
        // the server took those it did not refuse: they are not sent again on the retry
        Set<Object> failed = e.getFailedMessages().keySet();
        List<MimeMessage> taken =
            messages.keySet().stream().filter(message -> !failed.contains(message)).toList();
        markSent(taken, messages);
        Metrics.counter("weiquan.mails.sent", "event", event).increment(taken.size());
        Metrics.counter("weiquan.mails.failed", "event", event)
            .increment(messages.size() - taken.size());
        throw e;
      } catch (RuntimeException e) {
        Metrics.counter("weiquan.mails.failed", "event", event).increment(messages.size());
        throw e;
      }
      markSent(messages.keySet(), messages);
      Metrics.counter("weiquan.mails.sent", "event", event).increment(messages.size());
    }
    for (SentMail mail : sent) {
      LOG.info(
          "case {} event {}: mail {} sent to {} ({})",
          caseNo,
          event,
          mail.messageId(),
          Masking.email(mail.to()),
          mail.role().code());
    }
    return sent;
  }

  /** Marks in the ledger the claimed mails the server took (none without a ledger or key). */
  private void markSent(Collection<MimeMessage> taken, Map<MimeMessage, MailLedger.Claim> claims) {
    if (ledger != null) {
      ledger.sent(taken.stream().map(claims::get).filter(Objects::nonNull).toList());
    }
  }

  private Map<String, Object> caseModel(Map<String, Object> variables, String deadlineVariable) {
    Map<String, Object> model = new HashMap<>();
    variables.forEach((name, value) -> model.put(name, shown(name, value, variables)));
    if (deadlineVariable != null && !deadlineVariable.isBlank()) {
      Object due = variables.get(deadlineVariable);
      if (due == null) {
        throw new IllegalStateException(
            "mailDeadline names variable '" + deadlineVariable + "', which the case does not have");
      }
      model.put(MODEL_DEADLINE, ChineseDates.deadline(due));
      Object basis = variables.get(deadlineVariable + BASIS_SUFFIX);
      model.put(MODEL_DEADLINE_BASIS, basis == null ? "" : basis);
    }
    return model;
  }

  /**
   * A value as a mail shows it: a stored deadline (a Date with its legal basis beside it, or named
   * …Due) as the last day at 24:00 with its weekday, any other Date or a form's date (2026-05-20)
   * as a Chinese date.
   */
  private static Object shown(String name, Object value, Map<String, Object> variables) {
    if (value instanceof Date date) {
      boolean deadline = variables.containsKey(name + BASIS_SUFFIX) || name.endsWith("Due");
      return deadline ? ChineseDates.deadline(date) : ChineseDates.dateTime(date);
    }
    if (value instanceof String text && ISO_DATE.matcher(text).matches()) {
      return ChineseDates.day(java.time.LocalDate.parse(text));
    }
    return value;
  }

  private static Map<String, Object> modelFor(
      RecipientRole role, Map<String, Object> caseModel, Map<String, Object> variables) {
    Map<String, Object> model = new HashMap<>();
    // enforced here, whatever a text asks for: a merchant never gets the consumer's phone, nobody
    // but the
    // reporter learns who reported
    caseModel.forEach(
        (name, value) -> {
          if (role.mayRead(name)
              || name.equals(MODEL_DEADLINE)
              || name.equals(MODEL_DEADLINE_BASIS)) {
            model.put(name, value);
          }
        });
    model.put(MODEL_RECIPIENT_ROLE, role.code());
    Object name = role.nameVariable() == null ? null : variables.get(role.nameVariable());
    model.put(MODEL_RECIPIENT_NAME, name == null ? "" : name);
    return model;
  }

  private MimeMessage message(InternetAddress to, RenderedMail mail, String messageId) {
    MimeMessage message = mailSender.createMimeMessage();
    try {
      MimeMessageHelper helper =
          new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
      helper.setFrom(from);
      helper.setTo(to);
      helper.setSubject(mail.subject());
      helper.setText(mail.body(), false);
      helper.setSentDate(cn.weiquan.platform.EngineClock.now());
      // our own id, so the case knows it before the server answers; JavaMailSenderImpl keeps it
      message.setHeader("Message-ID", messageId);
    } catch (MessagingException e) {
      throw new IllegalStateException("cannot build mail", e);
    }
    return message;
  }

  /** One address (a party's), or several (the members of a staff group); blanks are no address. */
  private static List<String> addresses(Object value) {
    if (value instanceof String text) {
      return text.isBlank() ? List.of() : List.of(text.strip());
    }
    if (value instanceof java.util.Collection<?> many) {
      return many.stream()
          .filter(String.class::isInstance)
          .map(String.class::cast)
          .filter(text -> !text.isBlank())
          .map(String::strip)
          .distinct()
          .toList();
    }
    return List.of();
  }

  private static Set<RecipientRole> distinct(List<String> roles) {
    Set<RecipientRole> result = new LinkedHashSet<>();
    for (String role : roles) {
      if (!role.isBlank()) {
        result.add(RecipientRole.of(role));
      }
    }
    return result;
  }

  private static InternetAddress parseRecipient(RecipientRole role, String address) {
    try {
      InternetAddress parsed = new InternetAddress(address, true);
      parsed.validate();
      return parsed;
    } catch (AddressException e) {
      throw new IllegalArgumentException(
          role.addressVariable() + " is not a valid e-mail address: " + Masking.email(address));
    }
  }

  private static InternetAddress parseFrom(String from) {
    try {
      InternetAddress parsed = new InternetAddress(from, true);
      return parsed.getPersonal() == null
          ? parsed
          : new InternetAddress(
              parsed.getAddress(), parsed.getPersonal(), StandardCharsets.UTF_8.name());
    } catch (AddressException | UnsupportedEncodingException e) {
      throw new IllegalArgumentException("weiquan.mail.from is not a valid address: " + from, e);
    }
  }
}
