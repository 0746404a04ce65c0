package cn.weiquan.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.weiquan.calendar.ChineseDates;
import cn.weiquan.support.ProductSchema;
import cn.weiquan.support.RefusingSmtp;
import cn.weiquan.support.TestSmtp;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The notification service without an engine, against a real SMTP server. */
class NotificationServiceTest {

  @RegisterExtension
  static GreenMailExtension smtp =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

  static final String FROM = "维权平台 <noreply@weiquan.local>";

  NotificationService service;

  @BeforeEach
  void service() {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(smtp.getSmtp().getPort());
    service = new NotificationService(sender, new MailTemplates(), FROM);
  }

  @Test
  void aRecipientTheServerRefuses_failsTheSend_andTheRetrySendsOnlyTheMailNotTakenBefore()
      throws Exception {
    JdbcDataSource database = new JdbcDataSource();
    database.setURL("jdbc:h2:mem:mail-ledger-partial;DB_CLOSE_DELAY=-1");
    database.setUser("sa");
    ProductSchema.migrate(database);
    MailLedger ledger = new MailLedger(database);
    Map<String, Object> vars = NotifyTaskTest.dispute();
    List<String> roles = List.of("consumer", "merchant");

    List<RefusingSmtp.Taken> first;
    try (RefusingSmtp server = new RefusingSmtp(Set.of("service@shop.example.com"))) {
      NotificationService mail =
          new NotificationService(
              TestSmtp.sender(server.port()), new MailTemplates(), FROM, ledger);
      assertThatThrownBy(() -> mail.send("job:partial", "settled", roles, vars, null))
          .isInstanceOf(MailSendException.class)
          .hasMessageContaining("no such mailbox");
      first = server.taken();
    }
    assertThat(first).extracting(RefusingSmtp.Taken::to).containsExactly("li.ming@example.com");

    // the merchant's mailbox exists again; the job's retry
    try (RefusingSmtp server = new RefusingSmtp(Set.of())) {
      NotificationService mail =
          new NotificationService(
              TestSmtp.sender(server.port()), new MailTemplates(), FROM, ledger);
      List<SentMail> sent = mail.send("job:partial", "settled", roles, vars, null);

      assertThat(server.taken())
          .as("only the mail the server refused before")
          .extracting(RefusingSmtp.Taken::to)
          .containsExactly("service@shop.example.com");
      assertThat(sent)
          .extracting(SentMail::to, SentMail::messageId)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("li.ming@example.com", first.get(0).messageId()),
              org.assertj.core.groups.Tuple.tuple(
                  "service@shop.example.com", server.taken().get(0).messageId()));
    }
  }

  @Test
  void markupInAPartysText_arrivesAsInertPlainText() throws Exception {
    Map<String, Object> vars = new java.util.HashMap<>(NotifyTaskTest.dispute());
    vars.put("description", "<script>alert('x')</script><b>坏了</b>");

    service.send("case-received", List.of("merchant"), vars, null);

    MimeMessage mail = smtp.getReceivedMessages()[0];
    assertThat(mail.getContentType()).startsWith("text/plain");
    assertThat(NotifyTaskTest.body(mail)).contains("投诉内容：<script>alert('x')</script><b>坏了</b>");
  }

  @Test
  void lineBreakInAValue_cannotAddAHeader() throws Exception {
    Map<String, Object> vars = new java.util.HashMap<>(NotifyTaskTest.dispute());
    vars.put("caseNo", "WQ-2026-000123\r\nBcc: victim@example.com");

    service.send("settled", List.of("consumer"), vars, null);

    MimeMessage mail = smtp.getReceivedMessages()[0];
    assertThat(mail.getHeader("Bcc")).isNull();
    assertThat(mail.getSubject())
        .contains("WQ-2026-000123 Bcc: victim@example.com")
        .doesNotContain("\n");
    assertThat(smtp.getReceivedMessages()).hasSize(1);
  }

  @Test
  void deadlineAtMidnight_isTheLastDayAt24_withItsWeekday_otherwiseItsTime() {
    assertThat(ChineseDates.deadline(Date.from(Instant.parse("2026-03-05T16:00:00Z"))))
        .isEqualTo("2026年3月5日（星期四）24:00（北京时间）");
    assertThat(ChineseDates.deadline(Instant.parse("2026-03-08T02:30:00Z")))
        .isEqualTo("2026年3月8日（星期日）10:30（北京时间）");
    // 2026-10-10 is a Saturday made a working day (国庆调休): the weekday says so, the calendar decided
    // it
    assertThat(ChineseDates.deadline(Instant.parse("2026-10-10T16:00:00Z")))
        .isEqualTo("2026年10月10日（星期六）24:00（北京时间）");
  }

  @Test
  void otherDates_showTheDayAlone_whenPickedAsADate() {
    assertThat(ChineseDates.dateTime(Date.from(Instant.parse("2026-03-04T16:00:00Z"))))
        .isEqualTo("2026年3月5日");
    assertThat(ChineseDates.dateTime(Date.from(Instant.parse("2026-03-05T02:30:00Z"))))
        .isEqualTo("2026年3月5日 10:30");
  }

  @Test
  void deadlineVariableMissing_failsInsteadOfSendingWithoutIt() {
    assertThatThrownBy(
            () ->
                service.send(
                    "evidence-requested",
                    List.of("consumer"),
                    NotifyTaskTest.dispute(),
                    "evidenceDue"))
        .hasMessageContaining("evidenceDue");
    assertThat(smtp.getReceivedMessages()).isEmpty();
  }

  @Test
  void unknownEventOrRole_isAModellingError() {
    assertThatThrownBy(
            () ->
                service.send("no-such-event", List.of("consumer"), NotifyTaskTest.dispute(), null))
        .hasMessageContaining("no-such-event");
    assertThatThrownBy(
            () ->
                service.send("../application", List.of("consumer"), NotifyTaskTest.dispute(), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> service.send("settled", List.of("respondent"), NotifyTaskTest.dispute(), null))
        .hasMessageContaining("respondent");
    assertThat(smtp.getReceivedMessages()).isEmpty();
  }

  @Test
  void invalidAddress_failsWithoutPrintingIt() {
    Map<String, Object> vars = new java.util.HashMap<>(NotifyTaskTest.dispute());
    vars.put("consumerEmail", "li.ming@example.com, other@example.com");

    assertThatThrownBy(() -> service.send("settled", List.of("consumer"), vars, null))
        .hasMessageContaining("consumerEmail")
        .hasMessageNotContaining("li.ming@example.com");
  }

  @Test
  void sameRoleTwice_mailsOnce() {
    List<SentMail> sent =
        service.send("settled", List.of("consumer", "Consumer "), NotifyTaskTest.dispute(), null);

    assertThat(sent).hasSize(1);
    assertThat(smtp.getReceivedMessages()).hasSize(1);
  }
}
