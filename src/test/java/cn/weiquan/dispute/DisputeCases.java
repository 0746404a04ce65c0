package cn.weiquan.dispute;

import static cn.weiquan.dispute.DisputeVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.weiquan.calendar.DeadlinePause;
import cn.weiquan.calendar.Deadlines;
import cn.weiquan.casenumber.CaseNumbers;
import cn.weiquan.cases.CaseVariables;
import cn.weiquan.cases.EnterStage;
import cn.weiquan.notification.MailLedger;
import cn.weiquan.notification.MailTemplates;
import cn.weiquan.notification.NotificationService;
import cn.weiquan.notification.NotifyDelegate;
import cn.weiquan.rules.compensation.CompensationService;
import cn.weiquan.rules.eligibility.EligibilityService;
import cn.weiquan.support.EngineJobs;
import cn.weiquan.support.ProductSchema;
import cn.weiquan.support.TestSmtp;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The consumer-dispute process on a real engine with the real beans of the other parts (calendar,
 * rules, notification over real SMTP, case numbers on the engine's database). Each wait state has
 * one default way through; a test says only what makes its path different. The job executor is off:
 * async steps run when {@link #runJobs()} says so, and time passes only by {@link
 * #passTimer(String)}.
 */
final class DisputeCases {

  /** Monday 2 March 2026, 10:00 in Beijing: the day the consumer calls. */
  static final Instant REGISTERED = Instant.parse("2026-03-02T02:00:00Z");

  static final String CONSUMER_MAIL = "zhangsan@example.cn";
  static final String MERCHANT_MAIL = "shop@example.cn";
  static final String MEDIATOR_MAIL = "mediator@weiquan.local";
  static final String PLATFORM_MAIL = "reviewer@platform.example.cn";
  static final String BPMN = "processes/consumer-dispute.bpmn";
  static final String PLATFORM_BPMN = "processes/dispute-platform.bpmn";
  static final String ASSOCIATION_BPMN = "processes/dispute-association.bpmn";
  static final String REGULATOR_BPMN = "processes/dispute-regulator.bpmn";
  static final String ARBITRATION_BPMN = "processes/dispute-arbitration.bpmn";
  static final String COURT_BPMN = "processes/dispute-court.bpmn";
  static final String PENALTY_DMN = "processes/platform-penalty.dmn";
  static final String CHANNELS_DMN = "processes/dispute-open-channels.dmn";

  /** The engine of these tests: the shared test engine's settings plus the coverage listeners. */
  static ProcessEngineCoverageExtension engine() {
    return ProcessEngineCoverageExtension.builder("dispute/camunda.cfg.xml").build();
  }

  static GreenMailExtension smtp() {
    return new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
        .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
  }

  final ProcessEngine engine;
  final GreenMailExtension mail;
  final Deadlines deadlines = Deadlines.fromClasspath();

  DisputeCases(ProcessEngine engine, GreenMailExtension mail) {
    this.engine = engine;
    this.mail = mail;
  }

  /**
   * Registers the real beans; the clock stands at {@link #REGISTERED}. The test class deploys the
   * models.
   */
  void setUp() {
    // camunda-bpm-assert keeps its engine in a static: bind it to this engine, not to another test
    // class's
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(Date.from(REGISTERED));
    register(engine, TestSmtp.sender(mail.getSmtp().getPort()));
    // mails to "mediator" and "platform" go to the members of the mediators and platform-reviewers
    // groups
    member("mediator-on-duty", MEDIATOR_MAIL, "mediators");
    member("reviewer-on-duty", PLATFORM_MAIL, "platform-reviewers");
  }

  private void member(String userId, String email, String group) {
    var identity = engine.getIdentityService();
    if (identity.createUserQuery().userId(userId).count() == 0) {
      var user = identity.newUser(userId);
      user.setEmail(email);
      identity.saveUser(user);
      if (identity.createGroupQuery().groupId(group).count() == 0) {
        identity.saveGroup(identity.newGroup(group));
      }
      identity.createMembership(userId, group);
    }
  }

  /**
   * What every test checks about the mails its path sent: each is complete (no template syntax, no
   * placeholder), and carries only what its reader may read: no respondent or mediator learns the
   * consumer's phone or e-mail.
   */
  void assertEveryMailFitsItsReader() {
    for (MimeMessage message : mail.getReceivedMessages()) {
      String text = text(message);
      String to;
      try {
        to = message.getAllRecipients()[0].toString();
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
      assertThat(text)
          .as("mail to %s", to)
          .doesNotContain("{{", "}}", "种子", "待核实", "TODO", "null")
          .contains("【维权平台】", "请勿直接回复");
      if (!to.equals(CONSUMER_MAIL)) {
        assertThat(text).as("mail to %s", to).doesNotContain("13800000000", CONSUMER_MAIL, "匿名举报人");
      }
      if (to.equals(MEDIATOR_MAIL) || to.equals(PLATFORM_MAIL)) {
        assertThat(text).as("mail to %s", to).doesNotContain(MERCHANT_MAIL);
      }
      if (to.equals(MEDIATOR_MAIL)) {
        assertThat(text).as("mail to the mediators").doesNotContain("张小明");
      }
    }
  }

  void tearDown() {
    BpmnAwareTests.reset();
    Mocks.reset();
    ClockUtil.reset();
  }

  /** The real beans of every part the process calls, as the application wires them. */
  static void register(ProcessEngine engine, JavaMailSenderImpl mailSender) {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    Deadlines deadlines = Deadlines.fromClasspath();
    var compensation = new CompensationService();
    ProductSchema.migrate(
        configuration.getDataSource()); // the case-number table, as at the application's start
    Mocks.register(
        "assignCaseNumber",
        new cn.weiquan.cases.AssignCaseNumber(new CaseNumbers(configuration.getDataSource())));
    Mocks.register(
        "checkEligibility",
        new CheckEligibilityDelegate(
            new EligibilityService(deadlines.calendar()),
            new cn.weiquan.rules.periods.DisputePeriods(deadlines)));
    Mocks.register("enterStage", new EnterStage(deadlines));
    Mocks.register("recordEvidence", new RecordEvidenceDelegate());
    Mocks.register("checkChannelChoice", new CheckChannelChoice());
    Mocks.register("channelInputs", new ChannelInputs());
    Mocks.register("escalateAcceptance", new EscalateAcceptanceDelegate());
    Mocks.register(
        "applyTestingPause",
        new ApplyTestingPauseDelegate(
            new DeadlinePause(
                deadlines, engine.getRuntimeService(), engine.getManagementService())));
    Mocks.register("deadlines", deadlines);
    Mocks.register("checkLimitation", new CheckLimitationDelegate(deadlines));
    Mocks.register(
        "quotePlatformCompensation", new QuotePlatformCompensationDelegate(compensation));
    Mocks.register(
        "quoteClaims",
        new QuoteClaimsDelegate(compensation, new EligibilityService(deadlines.calendar())));
    Mocks.register(
        "notify",
        new NotifyDelegate(
            new NotificationService(
                mailSender,
                new MailTemplates(),
                "维权平台 <noreply@weiquan.local>",
                new MailLedger(configuration.getDataSource()))));
  }

  /** The seed's first case: a washing machine bought on Taobao that leaks badly (案例一). */
  static Map<String, Object> washingMachineCase() {
    Map<String, Object> v = new HashMap<>();
    v.put(CONSUMER_NAME, "张小明");
    v.put(CONSUMER_PHONE, "13800000000");
    v.put(CONSUMER_EMAIL, CONSUMER_MAIL);
    v.put(MERCHANT_NAME, "某家电旗舰店");
    v.put(MERCHANT_EMAIL, MERCHANT_MAIL);
    v.put(PURCHASE_CHANNEL, "online-platform");
    v.put(PLATFORM, "taobao");
    v.put(SHOP_ID, "shop-1024");
    v.put(ITEM_NAME, "滚筒洗衣机");
    v.put(PRICE, "1999.00");
    v.put(QUANTITY, 1);
    v.put(PAID_AT, day(2026, 2, 20));
    v.put(RECEIVED_AT, day(2026, 2, 24));
    v.put(HARM_KNOWN_ON, day(2026, 2, 25));
    v.put(CATEGORY, "quality");
    v.put(DESCRIPTION, "收到货物后发现洗衣机漏水严重，无法正常使用；商家以“非质量问题”为由拒绝退换。");
    v.put(CLAIM_REFUND, true);
    v.put(CLAIM_REPLACE, false);
    v.put(CLAIM_REPAIR, false);
    v.put(CLAIM_AMOUNT, "0.00");
    v.put(ARBITRATION_AGREEMENT, false);
    v.put(REPORT_VIOLATION, false);
    return v;
  }

  static Date day(int year, int month, int dayOfMonth) {
    return Date.from(
        LocalDate.of(year, month, dayOfMonth).atStartOfDay(CaseVariables.CHINA).toInstant());
  }

  ProcessInstance start() {
    return start(Map.of());
  }

  ProcessInstance start(Map<String, Object> changes) {
    Map<String, Object> variables = washingMachineCase();
    variables.putAll(changes);
    ProcessInstance instance =
        engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, variables);
    runJobs();
    return instance;
  }

  /**
   * Runs the async steps (mails) that are due, as the job executor would; timers are left to {@link
   * #passTimer}.
   */
  void runJobs() {
    EngineJobs.runMessageJobs(engine.getManagementService(), null, 100);
  }

  /** Moves the clock one minute past the timer of {@code activityId} and fires it. */
  Date passTimer(String activityId) {
    Job timer = timer(activityId);
    Date due = timer.getDuedate();
    ClockUtil.setCurrentTime(new Date(due.getTime() + 60_000));
    engine.getManagementService().executeJob(timer.getId());
    runJobs();
    return due;
  }

  Job timer(String activityId) {
    List<Job> timers =
        engine.getManagementService().createJobQuery().timers().activityId(activityId).list();
    assertThat(timers).as("timer %s", activityId).hasSize(1);
    return timers.get(0);
  }

  /** Jobs (timers, async steps) of the case's spine and every channel it called. */
  long jobsOfCase(ProcessInstance instance) {
    return engine
        .getHistoryService()
        .createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(caseNo(instance))
        .list()
        .stream()
        .mapToLong(
            p ->
                engine.getManagementService().createJobQuery().processInstanceId(p.getId()).count())
        .sum();
  }

  long timerCount(String activityId) {
    return engine.getManagementService().createJobQuery().timers().activityId(activityId).count();
  }

  /** The channels the case's open-channels decision offered last (the values of channelOptions). */
  List<String> offered(ProcessInstance instance) {
    return CheckChannelChoice.offered(
        engine.getRuntimeService().getVariable(instance.getId(), CHANNEL_OPTIONS));
  }

  Date now() {
    return ClockUtil.getCurrentTime();
  }

  /** Moves the clock, firing nothing. */
  void setClock(Date time) {
    ClockUtil.setCurrentTime(time);
  }

  static Date dateOf(Instant instant) {
    return Date.from(instant);
  }

  /** The open task of the case (in its spine or in a channel it called). */
  Task task(ProcessInstance instance, String taskKey) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceBusinessKey(caseNo(instance))
        .taskDefinitionKey(taskKey)
        .singleResult();
  }

  /**
   * The case's running call of the channel process {@code processKey}, for assertions on where the
   * channel stands.
   */
  ProcessInstance channel(ProcessInstance instance, String processKey) {
    ProcessInstance called =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .superProcessInstanceId(instance.getId())
            .processDefinitionKey(processKey)
            .singleResult();
    assertThat(called).as("a running %s called by the case", processKey).isNotNull();
    return called;
  }

  void complete(ProcessInstance instance, String taskKey, Map<String, Object> variables) {
    Task task = task(instance, taskKey);
    assertThat(task).as("open task %s", taskKey).isNotNull();
    engine.getTaskService().complete(task.getId(), variables);
    runJobs();
  }

  void correlate(ProcessInstance instance, String message, Map<String, Object> variables) {
    engine
        .getRuntimeService()
        .createMessageCorrelation(message)
        .processInstanceBusinessKey(caseNo(instance))
        .setVariables(Variables.fromMap(variables))
        .correlateWithResult();
    runJobs();
  }

  String caseNo(ProcessInstance instance) {
    return (String)
        engine
            .getHistoryService()
            .createHistoricVariableInstanceQuery()
            .processInstanceId(instance.getId())
            .variableName(CASE_NO)
            .singleResult()
            .getValue();
  }

  /**
   * A variable of the case: the spine's, else the one of the latest channel process that has it.
   */
  Object variable(ProcessInstance instance, String name) {
    var history = engine.getHistoryService();
    var own =
        history
            .createHistoricVariableInstanceQuery()
            .processInstanceId(instance.getId())
            .variableName(name)
            .list();
    if (!own.isEmpty()) {
      return own.get(0).getValue();
    }
    Object found = null;
    for (var called :
        history
            .createHistoricProcessInstanceQuery()
            .superProcessInstanceId(instance.getId())
            .orderByProcessInstanceStartTime()
            .asc()
            .list()) {
      var value =
          history
              .createHistoricVariableInstanceQuery()
              .processInstanceId(called.getId())
              .variableName(name)
              .list();
      if (!value.isEmpty()) {
        found = value.get(0).getValue();
      }
    }
    return found;
  }

  // ---------- the default way through each stage

  /** Merchant refuses: the consumer is asked for the next channel. */
  void merchantRefuses(ProcessInstance instance) {
    correlate(instance, "MerchantResponse", Map.of(MERCHANT_ANSWER, "reject"));
  }

  void chooseChannel(ProcessInstance instance, String channel) {
    complete(
        instance,
        "Task_RecordChannelChoice",
        Map.of(NEXT_CHANNEL, channel, "channelNote", "电话回访：消费者选择" + channel));
  }

  void toChannel(ProcessInstance instance, String channel) {
    merchantRefuses(instance);
    chooseChannel(instance, channel);
  }

  void acceptMediation(ProcessInstance instance) {
    complete(instance, "Task_ReviewAcceptance", Map.of(MEDIATION_ACCEPTED, true));
  }

  void session(ProcessInstance instance, String outcome) {
    complete(
        instance,
        "Task_ConductMediationSession",
        Map.of("sessionDate", "2026-03-10", "sessionSummary", "双方陈述意见", SESSION_OUTCOME, outcome));
  }

  void draftAndConfirm(ProcessInstance instance, boolean merchantConfirms) {
    complete(
        instance,
        "Task_DraftAgreement",
        Map.of("agreementText", "经营者为消费者办理退货退款1999.00元", "agreementAmount", "1999.00"));
    complete(
        instance,
        "Task_ConfirmAgreement",
        Map.of(CONSUMER_CONFIRMED, true, MERCHANT_CONFIRMED, merchantConfirms));
  }

  // ---------- mail

  List<MimeMessage> mailsTo(String address) {
    List<MimeMessage> to = new ArrayList<>();
    for (MimeMessage message : mail.getReceivedMessages()) {
      try {
        if (message.getAllRecipients()[0].toString().contains(address)) {
          to.add(message);
        }
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return to;
  }

  static String body(MimeMessage message) {
    return GreenMailUtil.getBody(message);
  }

  static String text(MimeMessage message) {
    try {
      return message.getSubject() + "\n" + decoded(message);
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String decoded(MimeMessage message) {
    try {
      Object content = message.getContent();
      return content instanceof String s ? s : GreenMailUtil.getBody(message);
    } catch (IOException | jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The mailMessageIds the process recorded: one per mail handed to the SMTP server. */
  int mailsRecorded(ProcessInstance instance) {
    Object ids = variable(instance, "mailMessageIds");
    return ids == null ? 0 : ids.toString().split("\n").length;
  }
}
