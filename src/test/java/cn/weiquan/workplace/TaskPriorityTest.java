package cn.weiquan.workplace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.weiquan.calendar.Deadlines;
import cn.weiquan.casenumber.CaseNumbers;
import cn.weiquan.cases.AssignCaseNumber;
import cn.weiquan.cases.EnterStage;
import cn.weiquan.complaint.ApplyTriageDelegate;
import cn.weiquan.complaint.AssessPayoutDelegate;
import cn.weiquan.complaint.CloseComplaintDelegate;
import cn.weiquan.complaint.ComplaintAccess;
import cn.weiquan.complaint.ComplaintProperties;
import cn.weiquan.complaint.EvaluateVisitDelegate;
import cn.weiquan.complaint.RegisterComplaintDelegate;
import cn.weiquan.complaint.ReopenComplaintDelegate;
import cn.weiquan.complaint.ScheduleSlaDelegate;
import cn.weiquan.complaint.ScheduleVisitDelegate;
import cn.weiquan.complaint.SlaReminderDelegate;
import cn.weiquan.notification.MailLedger;
import cn.weiquan.notification.MailTemplates;
import cn.weiquan.notification.NotificationService;
import cn.weiquan.notification.NotifyDelegate;
import cn.weiquan.support.EngineJobs;
import cn.weiquan.support.ProductSchema;
import cn.weiquan.support.TestSmtp;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Task priority from the case's level, overdue tasks first: the engine of these tests has the
 * application's {@link TaskPriorityPlugin}, the complaint runs on the real models and delegates,
 * time moves by the engine clock.
 */
@Deployment(
    resources = {
      "processes/enterprise-complaint.bpmn",
      "processes/complaint-payout-approval.bpmn",
      "processes/complaint-severity.dmn",
      "processes/complaint-routing.dmn",
      "processes/compensation-authority.dmn"
    })
class TaskPriorityTest {
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  /** Monday 2 March 2026, 09:00 Beijing time: an ordinary working day. */
  static final Date MONDAY_MORNING =
      Date.from(LocalDateTime.of(2026, 3, 2, 9, 0).atZone(SHANGHAI).toInstant());

  @RegisterExtension
  static ProcessEngineExtension engine =
      ProcessEngineExtension.builder().useProcessEngine(engineWithPriorities()).build();

  @RegisterExtension
  static GreenMailExtension smtp =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

  /**
   * The shared engine-test configuration plus the application's priority plugin, under its own name
   * and database.
   */
  static ProcessEngine engineWithPriorities() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl)
            ProcessEngineConfiguration.createProcessEngineConfigurationFromResource(
                "camunda.cfg.xml");
    configuration.setProcessEngineName("priority-tests");
    configuration.setJdbcUrl("jdbc:h2:mem:priority-tests;DB_CLOSE_DELAY=1000");
    configuration.getProcessEnginePlugins().add(new TaskPriorityPlugin());
    return configuration.buildProcessEngine();
  }

  ProcessEngine processEngine;
  TaskService tasks;

  @BeforeEach
  void registerRealBeans(ProcessEngine processEngine) {
    this.processEngine = processEngine;
    this.tasks = processEngine.getTaskService();
    BpmnAwareTests.init(processEngine);
    ClockUtil.setCurrentTime(MONDAY_MORNING);
    var dataSource =
        ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
            .getDataSource();
    ProductSchema.migrate(dataSource);
    Deadlines deadlines = Deadlines.fromClasspath();
    ComplaintProperties properties = ComplaintProperties.defaults();
    ScheduleSlaDelegate sla = new ScheduleSlaDelegate(deadlines);
    Mocks.register("assignCaseNumber", new AssignCaseNumber(new CaseNumbers(dataSource)));
    Mocks.register("enterStage", new EnterStage(deadlines));
    Mocks.register("deadlines", deadlines);
    Mocks.register("complaintRegistration", new RegisterComplaintDelegate());
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
                TestSmtp.sender(smtp.getSmtp().getPort()),
                new MailTemplates(),
                "物业客服中心 <service@weiquan.local>",
                new MailLedger(dataSource))));
  }

  @AfterEach
  void reset() {
    BpmnAwareTests
        .reset(); // camunda-bpm-assert keeps its engine in a static: leave none for the next class
    Mocks.reset();
    ClockUtil.reset();
  }

  @ParameterizedTest(name = "{0} → {1}: priority {2}")
  @CsvSource({"lift-failure,   紧急, 70", "staff-attitude, 重要, 60", "cleaning,       一般, 50"})
  void complaintRegistered_firstTaskRanksByItsLevel(
      String category, String severity, int priority) {
    ProcessInstance complaint = register(category);

    assertThat(complaint).isWaitingAt("Task_AcceptComplaint");
    assertThat(processEngine.getRuntimeService().getVariable(complaint.getId(), "severity"))
        .isEqualTo(severity);
    assertThat(task(complaint, "Task_AcceptComplaint").getPriority()).isEqualTo(priority);
  }

  @Test
  void urgentComplaint_bothItsTasksRankAboveEveryTaskOfAnImportantOrGeneralOne() {
    ProcessInstance general = register("cleaning");
    ProcessInstance important = register("staff-attitude");
    ProcessInstance urgent = register("lift-failure");

    List<Task> byPriority = tasks.createTaskQuery().orderByTaskPriority().desc().list();

    assertThat(byPriority)
        .extracting(Task::getProcessInstanceId)
        .containsExactly(urgent.getId(), urgent.getId(), important.getId(), general.getId());
    assertThat(task(urgent, "Task_DispatchEmergency").getPriority()).isEqualTo(TaskPriority.URGENT);
  }

  @Test
  void firstResponseDeadlinePasses_theGeneralTaskRanksAboveAnUrgentOneStillInTime() {
    ProcessInstance general = register("cleaning"); // first response within 2 working days
    Date generalDue = task(general, "Task_AcceptComplaint").getDueDate();
    ClockUtil.setCurrentTime(new Date(generalDue.getTime() - 60_000));
    ProcessInstance urgent = register("lift-failure"); // 2 hours from now
    assertThat(OverdueTasks.raise(tasks))
        .as("nothing is overdue a minute before the deadline")
        .isZero();

    ClockUtil.setCurrentTime(new Date(generalDue.getTime() + 60_000));
    int raised = OverdueTasks.raise(tasks);

    assertThat(raised).isEqualTo(1);
    assertThat(task(general, "Task_AcceptComplaint").getPriority())
        .isEqualTo(TaskPriority.OVERDUE + TaskPriority.GENERAL);
    assertThat(task(urgent, "Task_AcceptComplaint").getPriority()).isEqualTo(TaskPriority.URGENT);
    assertThat(
            tasks
                .createTaskQuery()
                .orderByTaskPriority()
                .desc()
                .list()
                .get(0)
                .getProcessInstanceId())
        .isEqualTo(general.getId());
    assertThat(OverdueTasks.raise(tasks)).as("raised once only").isZero();
  }

  @Test
  void firstResponseTimerFires_supervisorsTaskRanksByLevel_theLateTaskOverdue() {
    ProcessInstance urgent = register("lift-failure");
    Job breach =
        processEngine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(urgent.getId())
            .timers()
            .activityId("BoundaryEvent_FirstResponseBreached")
            .singleResult();
    ClockUtil.setCurrentTime(breach.getDuedate());
    processEngine.getManagementService().executeJob(breach.getId());
    ClockUtil.setCurrentTime(new Date(breach.getDuedate().getTime() + 1000));
    OverdueTasks.raise(tasks);

    assertThat(urgent)
        .isWaitingAt(
            "Task_AcceptComplaint", "Task_DispatchEmergency", "Task_SuperviseFirstResponse");
    assertThat(task(urgent, "Task_AcceptComplaint").getPriority())
        .isEqualTo(TaskPriority.OVERDUE + TaskPriority.URGENT);
    assertThat(task(urgent, "Task_DispatchEmergency").getPriority())
        .isEqualTo(TaskPriority.OVERDUE + TaskPriority.URGENT);
    assertThat(task(urgent, "Task_SuperviseFirstResponse").getPriority())
        .as("no deadline of its own")
        .isEqualTo(TaskPriority.URGENT);
  }

  @Test
  void payoutApproval_inItsOwnProcess_keepsTheComplaintsLevel() {
    ProcessInstance important = register("staff-attitude");
    complete(important, "Task_AcceptComplaint", Map.of("firstContactNote", "已致电投诉人"));
    complete(
        important,
        "Task_InvestigateComplaint",
        Map.of(
            "contactRecord",
            "面谈",
            "verifiedFacts",
            "投诉属实",
            "evidence",
            "现场照片",
            "responsibility",
            "company"));
    complete(
        important,
        "Task_CommitteeReview",
        Map.of(
            "solution",
            "赔礼道歉并补偿",
            "apology",
            "深表歉意",
            "compensationAmount",
            "30.00",
            "improvementMeasures",
            "加强培训",
            "committeeMembers",
            "客服部、主管",
            "committeeMinutes",
            "同意补偿"));

    Task approval = task(important, "Task_ApprovePayout");
    assertThat(approval.getProcessInstanceId()).isNotEqualTo(important.getId());
    assertThat(approval.getPriority()).isEqualTo(TaskPriority.IMPORTANT);
  }

  @Test
  void caseWithoutLevel_aDispute_getsTheDefault() {
    deployOneTask("dispute-like", "${reviewDue}");
    ProcessInstance instance =
        processEngine
            .getRuntimeService()
            .startProcessInstanceByKey(
                "dispute-like",
                Map.of("reviewDue", new Date(MONDAY_MORNING.getTime() + 86_400_000L)));

    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .singleResult()
                .getPriority())
        .isEqualTo(TaskPriority.GENERAL);
  }

  @Test
  void taskCreatedAfterItsDeadline_isOverdueAtOnce() {
    deployOneTask("late-task", "${reviewDue}");
    ProcessInstance instance =
        processEngine
            .getRuntimeService()
            .startProcessInstanceByKey(
                "late-task",
                Map.of("reviewDue", new Date(MONDAY_MORNING.getTime() - 1000), "severity", "重要"));

    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .singleResult()
                .getPriority())
        .isEqualTo(TaskPriority.OVERDUE + TaskPriority.IMPORTANT);
  }

  // ------------------------------------------------------------------ plumbing

  private ProcessInstance register(String category) {
    Map<String, Object> facts = new HashMap<>();
    facts.put("complainantName", "王女士");
    facts.put("complainantPhone", "13812345678");
    facts.put("contactChannel", "phone");
    facts.put("category", category);
    facts.put("description", "投诉内容：" + category);
    facts.put("claim", "尽快处理");
    facts.put("amountClaimed", "0");
    ProcessInstance instance =
        processEngine.getRuntimeService().startProcessInstanceByKey("enterprise-complaint", facts);
    EngineJobs.runMessageJobs(processEngine.getManagementService(), instance.getId(), 20);
    return instance;
  }

  /** The open task of the case, in its own process or in one it called. */
  private Task task(ProcessInstance instance, String taskKey) {
    return tasks
        .createTaskQuery()
        .processInstanceBusinessKey(instance.getBusinessKey())
        .taskDefinitionKey(taskKey)
        .singleResult();
  }

  private void complete(ProcessInstance instance, String taskKey, Map<String, Object> answers) {
    processEngine.getFormService().submitTaskForm(task(instance, taskKey).getId(), answers);
    EngineJobs.runMessageJobs(processEngine.getManagementService(), null, 20);
  }

  private void deployOneTask(String key, String dueDate) {
    engine.manageDeployment(
        processEngine
            .getRepositoryService()
            .createDeployment()
            .addModelInstance(
                key + ".bpmn",
                Bpmn.createExecutableProcess(key)
                    .camundaHistoryTimeToLive(1)
                    .startEvent()
                    .userTask("Task_Review")
                    .camundaDueDate(dueDate)
                    .endEvent()
                    .done())
            .deploy());
  }
}
