package cn.weiquan.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.weiquan.support.ProductSchema;
import cn.weiquan.support.ProjectFiles;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The notify task in a real engine, sending through a real SMTP server (GreenMail). */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(
    resources = {"notification/notify-case-received.bpmn", "notification/notify-any-event.bpmn"})
class NotifyTaskTest {

  @RegisterExtension
  static GreenMailExtension smtp =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

  static final String CASE_NO = "WQ-2026-000123";
  // the evidence window's last day is 2026-03-05: due at 24:00 Beijing time
  static final Date EVIDENCE_DUE = Date.from(Instant.parse("2026-03-05T16:00:00Z"));
  static final String DEADLINE_TEXT = "2026年3月5日（星期四）24:00（北京时间）";

  ProcessEngine engine; // injected by ProcessEngineExtension
  RuntimeService runtimeService;
  ManagementService managementService;
  JavaMailSenderImpl mailSender;
  MailLedger ledger;

  @BeforeEach
  void registerNotify() {
    // camunda-bpm-assert keeps its engine in a static: bind it to this class's engine, whatever ran
    // before
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
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
    var dataSource =
        ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
                engine.getProcessEngineConfiguration())
            .getDataSource();
    ProductSchema.migrate(dataSource); // the mail ledger's table, as at the application's start
    ledger = new MailLedger(dataSource);
    Mocks.register(
        "notify",
        new NotifyDelegate(
            new NotificationService(
                mailSender, new MailTemplates(), "维权平台 <noreply@weiquan.local>", ledger)));
  }

  @AfterEach
  void reset() {
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset();
    Mocks.reset();
    ClockUtil.reset();
  }

  @Test
  void caseReceived_mailsConsumerAndMerchant_withCaseNoAndDeadline_andKeepsMessageIds()
      throws Exception {
    Map<String, Object> vars = dispute();
    vars.put("evidenceDue", EVIDENCE_DUE);
    vars.put("evidenceDueBasis", "平台规则：举证期3日");
    ProcessInstance instance =
        runtimeService.startProcessInstanceByKey("notify-case-received", CASE_NO, vars);

    assertThat(instance).isWaitingAt("Task_NotifyCaseReceived");
    managementService.executeJob(job(instance).getId());

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(2);
    MimeMessage toConsumer = to(received, "li.ming@example.com");
    MimeMessage toMerchant = to(received, "service@shop.example.com");
    // each party reads a text written for what it has to do next
    assertThat(toConsumer.getSubject()).isEqualTo("【维权平台】投诉已受理（案件编号：" + CASE_NO + "）");
    assertThat(toMerchant.getSubject()).isEqualTo("【维权平台】请答复消费者投诉（案件编号：" + CASE_NO + "）");
    assertThat(body(toMerchant))
        .contains("消费者李明", "投诉内容：收到的耳机左耳无声")
        .doesNotContain("13800000000", "li.ming@example.com");
    for (MimeMessage mail : List.of(toConsumer, toMerchant)) {
      assertThat(body(mail))
          .contains(CASE_NO)
          .contains("截止时间：" + DEADLINE_TEXT)
          .contains("平台规则：举证期3日");
      assertThat(mail.getContentType()).contains("text/plain").containsIgnoringCase("utf-8");
      assertThat(mail.getFrom()[0].toString()).contains("noreply@weiquan.local");
    }
    assertThat(body(toConsumer)).startsWith("李明，您好：");
    assertThat(body(toMerchant)).startsWith("某数码旗舰店，您好：");

    String ids =
        (String)
            runtimeService.getVariable(instance.getId(), NotificationVariables.MAIL_MESSAGE_IDS);
    assertThat(ids.split("\n"))
        .containsExactlyInAnyOrder(toConsumer.getMessageID(), toMerchant.getMessageID())
        .allMatch(id -> id.matches("<[0-9a-f-]{36}@weiquan>"));

    // the step after the send is its own job: finishing the case sends nothing more
    managementService.executeJob(job(instance).getId());
    assertThat(instance).isEnded();
    assertThat(smtp.getReceivedMessages()).hasSize(2);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyText")
  void everyMailText_rendersAChineseSubjectAndBody_withTheCaseNo(String text) throws Exception {
    String[] eventAndRole = text.split("/");
    ProcessInstance instance = notifyAny(eventAndRole[0], eventAndRole[1], wholeCase());

    managementService.executeJob(job(instance).getId());

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(1);
    // the platform's own mails, or the company complaint desk's (enterprise-complaint)
    assertThat(received[0].getSubject())
        .matches("【(维权平台|客户服务)】.*")
        .contains(CASE_NO)
        .doesNotContain("{{");
    assertThat(body(received[0])).contains(CASE_NO, "您好：", "请勿直接回复").doesNotContain("{{", "}}");
  }

  static List<String> everyText() throws IOException {
    try (var events = java.nio.file.Files.list(ProjectFiles.path("src/main/resources/mail"))) {
      List<String> texts =
          events
              .filter(java.nio.file.Files::isDirectory)
              .flatMap(
                  event -> {
                    try (var roles = java.nio.file.Files.list(event)) {
                      return roles
                          .map(
                              role ->
                                  event.getFileName()
                                      + "/"
                                      + role.getFileName().toString().replace(".mustache", ""))
                          .toList()
                          .stream();
                    } catch (IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  })
              .sorted()
              .toList();
      assertThat(texts).hasSizeGreaterThan(50);
      return texts;
    }
  }

  @Test
  void personalData_reachesOnlyTheRoleThatMayReadIt_whateverTheTextAsksFor() throws Exception {
    Map<String, Object> vars = dispute();
    vars.put("platformEmail", "cases@platform.example.com");
    vars.put("mediatorEmail", "mediator@weiquan.example.com");
    vars.put("reporterName", "王举报");
    vars.put("reporterPhone", "13900000000");
    vars.put("reporterEmail", "whistle@example.com");
    vars.put("reporterIdCard", "110101199001011234");
    ProcessInstance instance =
        notifyAny("test-personal-data", "consumer,merchant,platform,mediator,reporter", vars);

    managementService.executeJob(job(instance).getId());

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(5);
    String reporterData[] = {"王举报", "13900000000", "whistle@example.com", "110101199001011234"};
    // the same text asks every role for everything; the filter decides what each one gets
    assertThat(body(to(received, "li.ming@example.com")))
        .contains("消费者：李明", "消费者电话：13800000000", "投诉内容")
        .doesNotContain(reporterData);
    assertThat(body(to(received, "service@shop.example.com")))
        .contains("消费者：李明", "投诉内容")
        .doesNotContain("13800000000", "li.ming@example.com")
        .doesNotContain(reporterData);
    assertThat(body(to(received, "cases@platform.example.com")))
        .contains("消费者：李明")
        .doesNotContain("13800000000", "li.ming@example.com", "service@shop.example.com")
        .doesNotContain(reporterData);
    assertThat(body(to(received, "mediator@weiquan.example.com")))
        .contains(CASE_NO, "投诉内容")
        .doesNotContain("李明", "13800000000", "li.ming@example.com", "service@shop.example.com")
        .doesNotContain(reporterData);
    // the reporter learns the case number and nothing of the consumer or the complaint
    assertThat(body(to(received, "whistle@example.com")))
        .contains(CASE_NO, "举报人：王举报")
        .doesNotContain("李明", "13800000000", "收到的耳机");
  }

  @Test
  void aTextAskingForDataItsReaderMayNotHave_failsTheJob_insteadOfSendingAGap() {
    ProcessInstance instance = notifyAny("test-asks-for-phone", "merchant", dispute());
    String jobId = job(instance).getId();

    assertThatThrownBy(() -> managementService.executeJob(jobId))
        .hasMessageContaining("mail/test-asks-for-phone/merchant.mustache")
        .hasMessageContaining("consumerPhone");
    assertThat(smtp.getReceivedMessages()).isEmpty();
  }

  @Test
  void aRoleWithoutItsOwnText_failsBeforeAnyMailIsSent() {
    ProcessInstance instance = notifyAny("report-outcome", "reporter,merchant", dispute());
    String jobId = job(instance).getId();

    assertThatThrownBy(() -> managementService.executeJob(jobId))
        .hasMessageContaining("mail/report-outcome/merchant.mustache");
    assertThat(smtp.getReceivedMessages()).isEmpty();
  }

  @Test
  void aCaseVariableNamedLikeAStepSetting_doesNotChangeWhoIsMailed() throws Exception {
    Map<String, Object> vars = dispute();
    vars.put("evidenceDue", EVIDENCE_DUE);
    vars.put(
        "mailTo",
        "consumer"); // case data, not the step's setting (extension property consumer,merchant)
    ProcessInstance instance =
        runtimeService.startProcessInstanceByKey("notify-case-received", CASE_NO, vars);

    managementService.executeJob(job(instance).getId());

    assertThat(smtp.getReceivedMessages()).hasSize(2);
    to(smtp.getReceivedMessages(), "service@shop.example.com");
  }

  @Test
  void roleWithoutAddress_isSkipped_othersStillMailed() throws Exception {
    Map<String, Object> vars = dispute();
    vars.put("merchantEmail", "  ");
    ProcessInstance instance = notifyAny("case-received", "merchant,consumer", vars);

    managementService.executeJob(job(instance).getId());

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getRecipients(Message.RecipientType.TO)[0].toString())
        .isEqualTo("li.ming@example.com");
    String ids =
        (String)
            runtimeService.getVariable(instance.getId(), NotificationVariables.MAIL_MESSAGE_IDS);
    assertThat(ids).isEqualTo(received[0].getMessageID());
  }

  @Test
  void smtpDown_retriesThreeTimesThenIncident_smtpBack_retrySendsExactlyOneMail() throws Exception {
    mailSender.setPort(closedPort());
    ProcessInstance instance = notifyAny("settled", "consumer", dispute());
    Job job = job(instance);

    for (int expectedRetriesLeft = 2; expectedRetriesLeft >= 0; expectedRetriesLeft--) {
      String jobId = job.getId();
      assertThatThrownBy(() -> managementService.executeJob(jobId))
          .hasStackTraceContaining("Connection refused");
      job = managementService.createJobQuery().jobId(jobId).singleResult();
      assertThat(job.getRetries()).isEqualTo(expectedRetriesLeft);
      if (expectedRetriesLeft > 0) {
        // R3/PT5M: the next try is due five minutes after the failure
        assertThat(job.getDuedate())
            .isCloseTo(new Date(ClockUtil.getCurrentTime().getTime() + 5 * 60_000), 5_000);
        ClockUtil.offset(
            ClockUtil.getCurrentTime().getTime() - System.currentTimeMillis() + 5 * 60_000 + 1_000);
      }
    }
    assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count())
        .isEqualTo(1);
    assertThat(smtp.getReceivedMessages()).isEmpty();
    assertThat(runtimeService.getVariable(instance.getId(), NotificationVariables.MAIL_MESSAGE_IDS))
        .isNull();

    // the operator fixes SMTP and retries the job from Cockpit
    mailSender.setPort(smtp.getSmtp().getPort());
    managementService.setJobRetries(job.getId(), 1);
    managementService.executeJob(job.getId());

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(1);
    String ids =
        (String)
            runtimeService.getVariable(instance.getId(), NotificationVariables.MAIL_MESSAGE_IDS);
    assertThat(ids).isEqualTo(received[0].getMessageID()).doesNotContain("\n");
    assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count())
        .isZero();
    managementService.executeJob(job(instance).getId());
    assertThat(instance).isEnded();
    assertThat(smtp.getReceivedMessages()).hasSize(1);
  }

  @Test
  @Deployment(resources = "notification/notify-then-fail.bpmn")
  void aJobRolledBackAfterTheServerTookItsMails_runAgain_sendsNoMailTwice_andKeepsTheirMessageIds()
      throws Exception {
    AtomicInteger runs = new AtomicInteger();
    Mocks.register(
        "afterMail",
        (JavaDelegate)
            execution -> {
              if (runs.getAndIncrement() == 0) {
                throw new IllegalStateException("the job's transaction rolls back after the mail");
              }
            });
    ProcessInstance instance =
        runtimeService.startProcessInstanceByKey("notify-then-fail", CASE_NO, dispute());
    String jobId = job(instance).getId();

    assertThatThrownBy(() -> managementService.executeJob(jobId))
        .hasStackTraceContaining("rolls back after the mail");
    MimeMessage[] first = smtp.getReceivedMessages();
    assertThat(first).hasSize(2);
    // the job's own record of them rolled back with it
    assertThat(runtimeService.getVariable(instance.getId(), NotificationVariables.MAIL_MESSAGE_IDS))
        .isNull();

    managementService.executeJob(jobId);

    assertThat(instance).isEnded();
    assertThat(smtp.getReceivedMessages()).as("no second mail to anyone").hasSize(2);
    Object ids =
        engine
            .getHistoryService()
            .createHistoricVariableInstanceQuery()
            .processInstanceId(instance.getId())
            .variableName(NotificationVariables.MAIL_MESSAGE_IDS)
            .singleResult()
            .getValue();
    assertThat(ids.toString().split("\n"))
        .containsExactlyInAnyOrder(first[0].getMessageID(), first[1].getMessageID());
  }

  @Test
  void aMailClaimedByANodeThatDiedBeforeTheServerAnswered_isSentOnce_underTheClaimedMessageId()
      throws Exception {
    ProcessInstance instance = notifyAny("settled", "consumer", dispute());
    Job job = job(instance);
    // the node that held the job claimed the mail, then died before the server took it
    ledger.claim(
        "job:" + job.getId(),
        CASE_NO,
        "settled",
        List.of(
            new MailLedger.Wanted(
                RecipientRole.of("consumer"),
                "li.ming@example.com",
                "<claimed-by-a-dead-node@weiquan>")));

    managementService.executeJob(job.getId());

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getMessageID()).isEqualTo("<claimed-by-a-dead-node@weiquan>");
    assertThat(runtimeService.getVariable(instance.getId(), NotificationVariables.MAIL_MESSAGE_IDS))
        .isEqualTo("<claimed-by-a-dead-node@weiquan>");
  }

  private ProcessInstance notifyAny(String event, String roles, Map<String, Object> vars) {
    vars.put("event", event);
    vars.put("roles", roles);
    return runtimeService.startProcessInstanceByKey("notify-any-event", CASE_NO, vars);
  }

  /** A case far down its path: every value some mail text shows. */
  static Map<String, Object> wholeCase() {
    Map<String, Object> vars = dispute();
    vars.put("platformEmail", "cases@platform.example.com");
    vars.put("mediatorEmail", "mediator@weiquan.example.com");
    vars.put("reporterName", "王举报");
    vars.put("reporterEmail", "whistle@example.com");
    vars.put("complainantName", "张女士");
    vars.put("complainantEmail", "zhang@example.com");
    for (String text :
        List.of(
            "reason",
            "basis",
            "merchantOffer",
            "platformDecision",
            "sessionSummary",
            "agreementText",
            "regulatorOutcome",
            "reportOutcome",
            "arbitrationAward",
            "judgmentSummary",
            "enforcementOutcome",
            "withdrawReason",
            "acceptanceReason",
            "acceptanceBasis",
            "courtName",
            "courtCaseNo",
            "appealedBy",
            "response",
            "severity",
            "claimBasis",
            "claimBreakdown",
            "limitationDueBasis")) {
      vars.put(text, "（" + text + "）");
    }
    vars.put("claimTotal", new java.math.BigDecimal("3597.00"));
    vars.put("limitationDue", EVIDENCE_DUE);
    vars.put("performanceDue", EVIDENCE_DUE);
    vars.put("regulatorAcceptanceDue", EVIDENCE_DUE);
    vars.put("regulatorAcceptedAt", Date.from(Instant.parse("2026-03-01T16:00:00Z")));
    vars.put(
        "channelOptions",
        List.of(Map.of("value", "association", "label", "消费者协会调解", "basis", "消法第三十九条")));
    return vars;
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
        .filter(
            m -> {
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
    return content instanceof String text
        ? text
        : new String(mail.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
