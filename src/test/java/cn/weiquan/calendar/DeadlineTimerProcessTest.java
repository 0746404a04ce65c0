package cn.weiquan.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A timer whose date the legal clock computed fires at that instant and not before; a pause
 * reschedules it.
 */
@Deployment(resources = "calendar/deadline-timer.bpmn")
class DeadlineTimerProcessTest {
  private static final String PROCESS = "calendar-deadline-timer";
  private static final String TIMER = "Timer_MediationLimit";
  private static final String DUE_VARIABLE = "mediationDue";
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  private RuntimeService runtime;
  private ManagementService management;
  private TaskService tasks;
  private HistoryService history;
  private DeadlinePause pause;

  @BeforeEach
  void registerTheRealBeans() {
    ProcessEngine engine = extension.getProcessEngine();
    BpmnAwareTests.init(engine);
    runtime = engine.getRuntimeService();
    management = engine.getManagementService();
    tasks = engine.getTaskService();
    history = engine.getHistoryService();
    Deadlines deadlines = TestCalendar.deadlines();
    pause = new DeadlinePause(deadlines, runtime, management);
    Mocks.register("deadlines", deadlines);
    Mocks.register("deadlinePause", pause);
  }

  @AfterEach
  void resetClockAndBeans() {
    ClockUtil.reset();
    Mocks.reset();
  }

  private static Date shanghai(String localDateTime) {
    return Date.from(LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant());
  }

  private ProcessInstance acceptedAt(String localDateTime) {
    Date accepted = shanghai(localDateTime);
    ClockUtil.setCurrentTime(accepted);
    return runtime.startProcessInstanceByKey(PROCESS, Map.of("acceptedAt", accepted));
  }

  private Job timer(ProcessInstance instance) {
    return management
        .createJobQuery()
        .processInstanceId(instance.getId())
        .activityId(TIMER)
        .timers()
        .singleResult();
  }

  private long executableTimers(ProcessInstance instance) {
    return management.createJobQuery().processInstanceId(instance.getId()).executable().count();
  }

  @Test
  void mediationLimitTimerFiresAt2400OfTheLastWorkingDayAndNotBefore() {
    // accepted 2026-04-14 (old rule): 45 working days end on 2026-06-18, i.e. at 00:00 on 06-19
    // Shanghai time
    ProcessInstance instance = acceptedAt("2026-04-14T10:00");
    Date expectedDue = shanghai("2026-06-19T00:00");

    assertThat(instance).isWaitingAt("Task_MediateDispute");
    assertThat(runtime.getVariable(instance.getId(), DUE_VARIABLE)).isEqualTo(expectedDue);
    assertThat(runtime.getVariable(instance.getId(), DUE_VARIABLE + "Period"))
        .as("the period is named by the model, not stored per case")
        .isNull();
    assertThat(
            (String) runtime.getVariable(instance.getId(), DUE_VARIABLE + Deadlines.BASIS_SUFFIX))
        .contains("第20号");
    assertThat(timer(instance).getDuedate()).isEqualTo(expectedDue);
    assertThat(
            tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getDueDate())
        .isEqualTo(expectedDue);

    ClockUtil.setCurrentTime(shanghai("2026-06-18T23:59"));
    assertThat(executableTimers(instance)).isZero();

    ClockUtil.setCurrentTime(expectedDue);
    assertThat(executableTimers(instance)).isEqualTo(1);
    management.executeJob(timer(instance).getId());

    assertThat(instance)
        .isEnded()
        .hasPassed("Timer_MediationLimit", "EndEvent_MediationEnded")
        .hasNotPassed("EndEvent_Agreed");
  }

  @Test
  void testingPauseMovesTheDeadlineAndReschedulesTheTimer() {
    ProcessInstance instance = acceptedAt("2026-04-14T10:00");

    // product testing 05-06 → 05-12: 5 working days (05-07, 05-08, Sat 05-09 make-up, 05-11,
    // 05-12);
    // 06-18 + 5 working days past the Dragon Boat holiday (06-19…21) = 06-26, i.e. 00:00 on 06-27
    ClockUtil.setCurrentTime(shanghai("2026-05-12T17:00"));
    Date moved =
        pause.apply(
            instance.getId(),
            DUE_VARIABLE,
            shanghai("2026-05-06T09:00"),
            shanghai("2026-05-12T17:00"));

    Date expectedDue = shanghai("2026-06-27T00:00");
    assertThat(moved).isEqualTo(expectedDue);
    assertThat(runtime.getVariable(instance.getId(), DUE_VARIABLE)).isEqualTo(expectedDue);
    assertThat(timer(instance).getDuedate()).isEqualTo(expectedDue);
    assertThat(
            (String)
                runtime.getVariable(instance.getId(), DUE_VARIABLE + DeadlinePause.PAUSES_SUFFIX))
        .contains("2026-05-06～2026-05-12", "5个工作日", "2026-06-18", "2026-06-26");
    assertThat(
            history
                .createHistoricDetailQuery()
                .processInstanceId(instance.getId())
                .variableUpdates()
                .list())
        .filteredOn(
            d ->
                d instanceof org.camunda.bpm.engine.history.HistoricVariableUpdate u
                    && DUE_VARIABLE.equals(u.getVariableName()))
        .hasSize(2);

    ClockUtil.setCurrentTime(shanghai("2026-06-26T23:59"));
    assertThat(executableTimers(instance)).isZero();

    ClockUtil.setCurrentTime(expectedDue);
    management.executeJob(timer(instance).getId());
    assertThat(instance).isEnded().hasPassed("EndEvent_MediationEnded");
  }

  @Test
  void agreementBeforeTheLimitEndsWithoutTheTimer() {
    ProcessInstance instance = acceptedAt("2026-04-15T10:00");
    // new rule from 2026-04-15: 60 days end on Sun 06-14, rolled over to Mon 06-15
    assertThat(timer(instance).getDuedate()).isEqualTo(shanghai("2026-06-16T00:00"));

    tasks.complete(
        tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId());

    assertThat(instance).isEnded().hasPassed("EndEvent_Agreed");
    assertThat(management.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
  }
}
