package cn.weiquan.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The notify task in a real engine, sending through a real SMTP server (GreenMail). */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = {"notification/notify-case-received.bpmn", "notification/notify-any-event.bpmn"})
class NotifyTaskTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

  static final String CASE_NO = "WQ-2026-000123";
  // the evidence window's last day is 2026-03-05: due at 24:00 Beijing time
  static final Date EVIDENCE_DUE = Date.from(Instant.parse("2026-03-05T16:00:00Z"));
  static final String DEADLINE_TEXT = "2026年3月5日 24:00（北京时间）";

  ProcessEngine engine; // injected by ProcessEngineExtension
  RuntimeService runtimeService;
  ManagementService managementService;
  JavaMailSenderImpl mailSender;

  @BeforeEach
  void registerNotify() {
    runtimeService = engine.getRuntimeService();
    managementService = engine.getManagementService();
    mailSender = new JavaMailSenderImpl();
    mailSender.setHost("127.0.0.1");
    mailSender.setPort(smtp.getSmtp().getPort());
    mailSender.setDefaultEncoding("UTF-8");
    Properties timeouts = new Properties();
    timeouts.put("mail.smtp.connectiontimeout", "2000");
    timeouts.put("mail.smtp.timeout", "2000");
    mailSender.setJavaMailProperties(timeouts);
    Mocks.register("notify", new NotifyDelegate(
        new NotificationService(mailSender, new MailTemplates(), "维权平台 <noreply@weiquan.local>")));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
  }

  @Test
  void caseReceived_mailsConsumerAndMerchant_withCaseNoAndDeadline_andKeepsMessageIds() throws Exception {
    Map<String, Object> vars = dispute();
    vars.put("evidenceDue", EVIDENCE_DUE);
    vars.put("evidenceDueBasis", "平台规则：举证期3日");
    ProcessInstance instance = runtimeService.startProcessInstanceByKey("notify-case-received", CASE_NO, vars);

    assertThat(instance).isWaitingAt("Task_NotifyCaseReceived");
    managementService.executeJob(job(instance).getId());

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(2);
    MimeMessage toConsumer = to(received, "li.ming@example.com");
    MimeMessage toMerchant = to(received, "service@shop.example.com");
    for (MimeMessage mail : List.of(toConsumer, toMerchant)) {
      assertThat(mail.getSubject()).contains("案件已受理").contains(CASE_NO);
      assertThat(body(mail)).contains(CASE_NO).contains("截止时间：" + DEADLINE_TEXT).contains("平台规则：举证期3日");
      assertThat(mail.getContentType()).contains("text/plain").containsIgnoringCase("utf-8");
      assertThat(mail.getFrom()[0].toString()).contains("noreply@weiquan.local");
    }
    assertThat(body(toConsumer)).startsWith("李明，您好：");
    assertThat(body(toMerchant)).startsWith("某数码旗舰店，您好：");

    String ids = (String) runtimeService.getVariable(instance.getId(), NotificationVariables.MAIL_MESSAGE_IDS);
    assertThat(ids.split("\n"))
        .containsExactlyInAnyOrder(toConsumer.getMessageID(), toMerchant.getMessageID())
        .allMatch(id -> id.matches("<[0-9a-f-]{36}@weiquan>"));

    // the step after the send is its own job: finishing the case sends nothing more
    managementService.executeJob(job(instance).getId());
    assertThat(instance).isEnded();
    assertThat(smtp.getReceivedMessages()).hasSize(2);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "case-received", "not-eligible", "merchant-response-requested", "offer-to-consumer", "settled",
      "evidence-requested", "window-closing", "platform-decision", "mediation-accepted", "mediation-not-accepted",
      "mediation-ended", "agreement", "regulator-update", "arbitration-update", "court-update", "stage-changed",
      "deadline-approaching", "withdrawal", "complaint-acknowledged", "complaint-response", "visit", "complaint-escalated"})
  void everyEventTemplate_rendersChineseSubjectWithCaseNo(String event) throws Exception {
    ProcessInstance instance = notifyAny(event, "consumer", dispute());

    managementService.executeJob(job(instance).getId());

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getSubject()).contains(CASE_NO).containsPattern("\\p{IsHan}{2,}").doesNotContain("{{");
    assertThat(body(received[0])).contains(CASE_NO).doesNotContain("{{");
  }

  @Test
  void reporterIdentity_neverReachesMerchantOrPlatform_evenIfATemplateAsksForIt() throws Exception {
    Map<String, Object> vars = dispute();
    vars.put("platformEmail", "cases@platform.example.com");
    vars.put("reporterName", "王举报");
    vars.put("reporterPhone", "13900000000");
    vars.put("reporterEmail", "whistle@example.com");
    vars.put("reporterIdCard", "110101199001011234");
    ProcessInstance instance = notifyAny("test-reporter-leak", "consumer,merchant,platform", vars);

    managementService.executeJob(job(instance).getId());

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(3);
    for (String respondent : List.of("service@shop.example.com", "cases@platform.example.com")) {
      MimeMessage mail = to(received, respondent);
      assertThat(mail.getSubject() + body(mail))
          .contains(CASE_NO)
          .doesNotContain("王举报", "13900000000", "whistle@example.com", "110101199001011234");
    }
    // the same template does show it to the consumer: the filter, not the template, protected the merchant
    assertThat(body(to(received, "li.ming@example.com"))).contains("王举报", "13900000000");
  }

  @Test
  void aCaseVariableNamedLikeAStepSetting_doesNotChangeWhoIsMailed() throws Exception {
    Map<String, Object> vars = dispute();
    vars.put("evidenceDue", EVIDENCE_DUE);
    vars.put("mailTo", "consumer"); // case data, not the step's setting (extension property consumer,merchant)
    ProcessInstance instance = runtimeService.startProcessInstanceByKey("notify-case-received", CASE_NO, vars);

    managementService.executeJob(job(instance).getId());

    assertThat(smtp.getReceivedMessages()).hasSize(2);
    to(smtp.getReceivedMessages(), "service@shop.example.com");
  }

  @Test
  void roleWithoutAddress_isSkipped_othersStillMailed() throws Exception {
    Map<String, Object> vars = dispute();
    vars.put("merchantEmail", "  ");
    ProcessInstance instance = notifyAny("merchant-response-requested", "merchant,consumer,mediator", vars);

    managementService.executeJob(job(instance).getId());

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo("li.ming@example.com");
    String ids = (String) runtimeService.getVariable(instance.getId(), NotificationVariables.MAIL_MESSAGE_IDS);
    assertThat(ids).isEqualTo(received[0].getMessageID());
  }

  @Test
  void smtpDown_retriesThreeTimesThenIncident_smtpBack_retrySendsExactlyOneMail() throws Exception {
    mailSender.setPort(closedPort());
    ProcessInstance instance = notifyAny("evidence-requested", "consumer", dispute());
    Job job = job(instance);

    for (int expectedRetriesLeft = 2; expectedRetriesLeft >= 0; expectedRetriesLeft--) {
      String jobId = job.getId();
      assertThatThrownBy(() -> managementService.executeJob(jobId)).hasStackTraceContaining("Connection refused");
      job = managementService.createJobQuery().jobId(jobId).singleResult();
      assertThat(job.getRetries()).isEqualTo(expectedRetriesLeft);
      if (expectedRetriesLeft > 0) {
        // R3/PT5M: the next try is due five minutes after the failure
        assertThat(job.getDuedate()).isCloseTo(new Date(ClockUtil.getCurrentTime().getTime() + 5 * 60_000), 5_000);
        ClockUtil.offset(ClockUtil.getCurrentTime().getTime() - System.currentTimeMillis() + 5 * 60_000 + 1_000);
      }
    }
    assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
    assertThat(smtp.getReceivedMessages()).isEmpty();
    assertThat(runtimeService.getVariable(instance.getId(), NotificationVariables.MAIL_MESSAGE_IDS)).isNull();

    // the operator fixes SMTP and retries the job from Cockpit
    mailSender.setPort(smtp.getSmtp().getPort());
    managementService.setJobRetries(job.getId(), 1);
    managementService.executeJob(job.getId());

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(1);
    String ids = (String) runtimeService.getVariable(instance.getId(), NotificationVariables.MAIL_MESSAGE_IDS);
    assertThat(ids).isEqualTo(received[0].getMessageID()).doesNotContain("\n");
    assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
    managementService.executeJob(job(instance).getId());
    assertThat(instance).isEnded();
    assertThat(smtp.getReceivedMessages()).hasSize(1);
  }

  private ProcessInstance notifyAny(String event, String roles, Map<String, Object> vars) {
    vars.put("event", event);
    vars.put("roles", roles);
    return runtimeService.startProcessInstanceByKey("notify-any-event", CASE_NO, vars);
  }

  private Job job(ProcessInstance instance) {
    return managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
  }

  static Map<String, Object> dispute() {
    Map<String, Object> vars = new HashMap<>();
    vars.put("caseNo", CASE_NO);
    vars.put("stage", "协商");
    vars.put("consumerName", "李明");
    vars.put("consumerEmail", "li.ming@example.com");
    vars.put("consumerPhone", "13800000000");
    vars.put("merchantName", "某数码旗舰店");
    vars.put("merchantEmail", "service@shop.example.com");
    vars.put("itemName", "蓝牙耳机");
    vars.put("description", "收到的耳机左耳无声");
    return vars;
  }

  static MimeMessage to(MimeMessage[] received, String address) {
    return Arrays.stream(received)
        .filter(m -> {
          try {
            return m.getRecipients(Message.RecipientType.TO)[0].toString().equals(address);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        })
        .findFirst()
        .orElseThrow(() -> new AssertionError("no mail to " + address));
  }

  static String body(MimeMessage mail) throws Exception {
    Object content = mail.getContent();
    return content instanceof String text ? text : new String(mail.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
