package cn.weiquan.complaint;

import static cn.weiquan.complaint.ComplaintVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.weiquan.calendar.Deadlines;
import cn.weiquan.casenumber.CaseNumbers;
import cn.weiquan.cases.AssignCaseNumber;
import cn.weiquan.cases.EnterStage;
import cn.weiquan.notification.MailLedger;
import cn.weiquan.notification.MailTemplates;
import cn.weiquan.notification.NotificationService;
import cn.weiquan.notification.NotifyDelegate;
import cn.weiquan.support.EngineJobs;
import cn.weiquan.support.ProductSchema;
import cn.weiquan.support.TestSmtp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;

/**
 * Drives enterprise-complaint in an engine-only test: registers the real beans, gives every wait
 * state a default answer (so a test overrides only what makes its path different), runs the mail
 * jobs and fires timers by moving the engine clock.
 */
final class ComplaintCase {
  static final String PROCESS = PROCESS_KEY;
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  /** Monday 2 March 2026, 09:00 Beijing time: an ordinary working day. */
  static final LocalDateTime MONDAY_MORNING = LocalDateTime.of(2026, 3, 2, 9, 0);

  static final String[] DEPLOYMENT = {
    "processes/enterprise-complaint.bpmn", "processes/complaint-severity.dmn",
    "processes/complaint-routing.dmn", "processes/compensation-authority.dmn"
  };

  /**
   * The engine of these tests: the shared camunda.cfg.xml plus the coverage listeners, under its
   * own name and database so the coverage instrumentation stays out of the other engine tests.
   */
  static ProcessEngineConfigurationImpl engineWithCoverage() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl)
            ProcessEngineConfiguration.createProcessEngineConfigurationFromResource(
                "camunda.cfg.xml");
    configuration.setProcessEngineName("complaint-tests");
    configuration.setJdbcUrl("jdbc:h2:mem:complaint-tests;DB_CLOSE_DELAY=1000");
    ProcessCoverageConfigurator.initializeProcessCoverageExtensions(configuration);
    return configuration;
  }

  final ProcessEngine engine;
  final Deadlines deadlines = Deadlines.fromClasspath();
  ProcessInstance instance;

  ComplaintCase(ProcessEngine engine, int smtpPort, ComplaintProperties properties) {
    this.engine = engine;
    // camunda-bpm-assert keeps its engine in a static: bind it to this engine, whatever ran before
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(at(MONDAY_MORNING));
    var dataSource =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource();
    ProductSchema.migrate(dataSource); // the case-number table, as at the application's start
    CaseNumbers caseNumbers = new CaseNumbers(dataSource);
    Mocks.register("assignCaseNumber", new AssignCaseNumber(caseNumbers));
    Mocks.register("enterStage", new EnterStage(deadlines));
    Mocks.register("deadlines", deadlines);
    Mocks.register("complaintRegistration", new RegisterComplaintDelegate());
    ScheduleSlaDelegate sla = new ScheduleSlaDelegate(deadlines);
    Mocks.register("complaintSla", sla);
    Mocks.register("complaintTriage", new ApplyTriageDelegate());
    Mocks.register("complaintReminder", new SlaReminderDelegate());
    Mocks.register("complaintPayout", new AssessPayoutDelegate());
    Mocks.register("complaintVisitSchedule", new ScheduleVisitDelegate(deadlines, properties));
    Mocks.register("complaintVisitOutcome", new EvaluateVisitDelegate(properties));
    Mocks.register("complaintReopen", new ReopenComplaintDelegate(sla));
    Mocks.register("complaintClosure", new CloseComplaintDelegate());
    Mocks.register("complaintAccess", new ComplaintAccess());
    Mocks.register(
        "notify",
        new NotifyDelegate(
            new NotificationService(
                TestSmtp.sender(smtpPort),
                new MailTemplates(),
                "物业客服中心 <service@weiquan.local>",
                new MailLedger(dataSource))));
  }

  static Date at(LocalDateTime local) {
    return Date.from(local.atZone(SHANGHAI).toInstant());
  }

  static void reset() {
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset();
    Mocks.reset();
    ClockUtil.reset();
  }

  // ------------------------------------------------------------------ receive

  /** A complaint registered by phone, with the category's facts; extra overrides any of them. */
  ComplaintCase register(String category, Map<String, Object> extra) {
    Map<String, Object> facts = new HashMap<>();
    facts.put(COMPLAINANT_NAME, "王女士");
    facts.put(COMPLAINANT_PHONE, "13812345678");
    facts.put(CONTACT_CHANNEL, "phone");
    facts.put(CATEGORY, category);
    facts.put(DESCRIPTION, "投诉内容：" + category);
    facts.put(CLAIM, "尽快处理");
    facts.put(AMOUNT_CLAIMED, "0");
    facts.putAll(extra);
    instance = engine.getRuntimeService().startProcessInstanceByKey(PROCESS, facts);
    runMailJobs();
    return this;
  }

  ComplaintCase register(String category) {
    return register(category, Map.of());
  }

  // ------------------------------------------------------------------ wait states, default answers

  ComplaintCase accept(Map<String, Object> answer) {
    return complete(
        "Task_AcceptComplaint", merge(Map.of("firstContactNote", "已致电投诉人，确认投诉内容并说明处理安排"), answer));
  }

  ComplaintCase accept() {
    return accept(Map.of());
  }

  ComplaintCase dispatchEmergency() {
    return complete(
        "Task_DispatchEmergency",
        Map.of(
            "emergencyMeasures",
            "关闭阀门，安排维修人员赶赴现场抢修",
            "emergencyDispatchedTo",
            "工程部维修班",
            "emergencyResult",
            "已恢复正常使用"));
  }

  ComplaintCase investigate(String responsibility) {
    return complete(
        "Task_InvestigateComplaint",
        Map.of(
            "contactRecord",
            "与投诉人面谈",
            "verifiedFacts",
            "投诉属实",
            "evidence",
            "现场照片",
            "responsibility",
            responsibility));
  }

  /** The proposal task of the case's handling mode, with a compensation in yuan ("0.00" = none). */
  ComplaintCase propose(String taskKey, String compensation) {
    Map<String, Object> answer =
        new HashMap<>(
            Map.of(
                "solution",
                "上门处理并整改",
                "apology",
                "对给您带来的不便深表歉意",
                "compensationAmount",
                compensation,
                "improvementMeasures",
                "加强巡查"));
    if (taskKey.equals("Task_CommitteeReview")) {
      answer.put("committeeMembers", "工程部、客服部、财务部负责人");
      answer.put("committeeMinutes", "会议决定：退还多收费用并公开收费标准");
    }
    return complete(taskKey, answer);
  }

  ComplaintCase approvePayout(String decision, String reason) {
    Map<String, Object> answer = new HashMap<>(Map.of(PAYOUT_DECISION, decision));
    if (reason != null) {
      answer.put(PAYOUT_REJECTION_REASON, reason);
    }
    return complete("Task_ApprovePayout", answer);
  }

  ComplaintCase respondByPhone() {
    return complete("Task_PhoneResponse", Map.of("phoneOutcome", "已电话告知处理结果，投诉人表示接受"));
  }

  /** Moves the clock to the visit date, fires the visit timer and records the score. */
  ComplaintCase visit(int satisfaction, String comments) {
    fireTimer("Timer_FollowUpVisit");
    return complete(
        "Task_FollowUpVisit", Map.of(SATISFACTION, satisfaction, VISIT_COMMENTS, comments));
  }

  ComplaintCase supervise(String taskKey) {
    return complete(taskKey, Map.of("supervisorNote", "主管已督办"));
  }

  ComplaintCase improve() {
    return complete(
        "Task_RecordImprovement",
        Map.of(
            "rootCause",
            "巡查不到位",
            "improvementCategory",
            "process",
            "improvementAction",
            "每日巡查并记录"));
  }

  // ------------------------------------------------------------------ engine plumbing

  /**
   * The open task of the complaint, in its own process or in one it called (the payout approval).
   */
  Task task(String taskKey) {
    List<Task> tasks =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceBusinessKey(instance.getBusinessKey())
            .taskDefinitionKey(taskKey)
            .list();
    assertThat(tasks).as("open task " + taskKey).hasSize(1);
    return tasks.get(0);
  }

  List<String> candidateGroups(String taskKey) {
    return engine.getTaskService().getIdentityLinksForTask(task(taskKey).getId()).stream()
        .filter(link -> link.getGroupId() != null)
        .map(link -> link.getGroupId())
        .toList();
  }

  /**
   * Completes the task as Tasklist submits a form, so the history records the answers as form
   * fields.
   */
  ComplaintCase complete(String taskKey, Map<String, Object> variables) {
    engine.getFormService().submitTaskForm(task(taskKey).getId(), variables);
    runMailJobs();
    return this;
  }

  /** The asynchronous continuations (mail tasks) run as the job executor would run them. */
  void runMailJobs() {
    EngineJobs.runMessageJobs(engine.getManagementService(), instance.getId(), 20);
  }

  Job timer(String activityId) {
    List<Job> timers =
        engine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(instance.getId())
            .timers()
            .activityId(activityId)
            .list();
    assertThat(timers).as("timer " + activityId).hasSize(1);
    return timers.get(0);
  }

  /** Moves the engine clock to the timer's due date and fires it: time passes, no sleeping. */
  ComplaintCase fireTimer(String activityId) {
    Job timer = timer(activityId);
    if (timer.getDuedate().after(ClockUtil.getCurrentTime())) {
      ClockUtil.setCurrentTime(timer.getDuedate());
    }
    engine.getManagementService().executeJob(timer.getId());
    runMailJobs();
    return this;
  }

  /** The plain text of a mail (the templates send text/plain). */
  static String text(jakarta.mail.internet.MimeMessage mail) throws Exception {
    return (String) mail.getContent();
  }

  /** The groups granted READ on this complaint's process instance. */
  List<String> groupsReadingTheCase() {
    return engine
        .getAuthorizationService()
        .createAuthorizationQuery()
        .resourceType(org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE)
        .resourceId(instance.getId())
        .list()
        .stream()
        .map(a -> a.getGroupId())
        .toList();
  }

  Object variable(String name) {
    return engine.getRuntimeService().getVariable(instance.getId(), name);
  }

  Object historicVariable(String name) {
    return engine
        .getHistoryService()
        .createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId())
        .variableName(name)
        .singleResult()
        .getValue();
  }

  private static Map<String, Object> merge(
      Map<String, Object> defaults, Map<String, Object> answer) {
    Map<String, Object> all = new HashMap<>(defaults);
    all.putAll(answer);
    return all;
  }
}
