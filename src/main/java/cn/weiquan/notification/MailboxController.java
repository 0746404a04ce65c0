package cn.weiquan.notification;

import cn.weiquan.api.ApiCaller;
import cn.weiquan.api.ApiException;
import cn.weiquan.calendar.ChineseDates;
import cn.weiquan.platform.WeiquanGroups;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Local profile only: what the embedded SMTP server received, newest first. Mails carry the
 * parties' names and addresses, so only camunda-admin reads them (403 for everyone else).
 */
@RestController
@Profile("local")
public class MailboxController {

  /** One received mail as the demo mailbox shows it. */
  public record MailboxEntry(
      String to, String subject, String body, String messageId, OffsetDateTime sentAt) {}

  private final GreenMail server;

  public MailboxController(GreenMail server) {
    this.server = server;
  }

  @GetMapping(path = "/api/mailbox", produces = MediaType.APPLICATION_JSON_VALUE)
  public List<MailboxEntry> mailbox(ApiCaller caller) throws MessagingException, IOException {
    if (!caller.isMemberOf(WeiquanGroups.ADMIN)) {
      throw ApiException.forbidden(
          "演示邮箱只供 camunda-admin 查看", "the demo mailbox is for camunda-admin only");
    }
    List<MailboxEntry> entries = new ArrayList<>();
    MimeMessage[] received = server.getReceivedMessages();
    for (int i = received.length - 1; i >= 0; i--) {
      entries.add(entry(received[i]));
    }
    return entries;
  }

  private static MailboxEntry entry(MimeMessage message) throws MessagingException, IOException {
    Address[] recipients = message.getAllRecipients();
    String to =
        recipients == null
            ? ""
            : Arrays.stream(recipients).map(Address::toString).collect(Collectors.joining(", "));
    Object content = message.getContent();
    Date sent = message.getSentDate();
    return new MailboxEntry(
        to,
        message.getSubject(),
        content instanceof String text ? text : "",
        message.getMessageID(),
        sent == null ? null : sent.toInstant().atZone(ChineseDates.SHANGHAI).toOffsetDateTime());
  }
}
