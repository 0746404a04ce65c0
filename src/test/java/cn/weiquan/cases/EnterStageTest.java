package cn.weiquan.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.weiquan.calendar.Deadlines;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Where a stage ends the deadlines of the stage before it: on every element that begins a stage,
 * except the end event that ends its process (the instance's end takes all its variables, and the
 * history keeps the last values). A stage on an end event that leaves the instance running (another
 * token waits, or the end event closes a sub-process) still ends them.
 */
class EnterStageTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  private static final String DEADLINE = "merchantResponseDue";

  /** A stage with a deadline begins on the start; the steps after it are the test's. */
  private static String model(String key, String body) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://weiquan.cn/test">
          <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="1">
            <bpmn:startEvent id="Start">
              <bpmn:extensionElements>
                <camunda:executionListener delegateExpression="${enterStage}" event="end" />
                <camunda:properties>
                  <camunda:property name="stageLabel" value="协商和解" />
                  <camunda:property name="deadlineVariable" value="%s" />
                  <camunda:property name="deadlinePeriod" value="merchant-response" />
                </camunda:properties>
              </bpmn:extensionElements>
            </bpmn:startEvent>
            %s
          </bpmn:process>
        </bpmn:definitions>
        """
        .formatted(key, DEADLINE, body);
  }

  private static final String LAST_STAGE =
      """
      <bpmn:extensionElements>
        <camunda:executionListener delegateExpression="${enterStage}" event="start" />
        <camunda:properties><camunda:property name="stageLabel" value="已结案" /></camunda:properties>
      </bpmn:extensionElements>
      """;

  private ProcessEngine engine;
  private String deployment;

  @BeforeEach
  void deploy() {
    engine = extension.getProcessEngine();
    Mocks.register("enterStage", new EnterStage(Deadlines.fromClasspath()));
    deployment =
        engine
            .getRepositoryService()
            .createDeployment()
            .addString(
                "stage-ends-instance.bpmn",
                model(
                    "stage-ends-instance",
                    """
                    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task_Answer" />
                    <bpmn:userTask id="Task_Answer" />
                    <bpmn:sequenceFlow id="F2" sourceRef="Task_Answer" targetRef="End_Closed" />
                    <bpmn:endEvent id="End_Closed">%s</bpmn:endEvent>
                    """
                        .formatted(LAST_STAGE)))
            .addString(
                "stage-ends-one-token.bpmn",
                model(
                    "stage-ends-one-token",
                    """
                    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Fork" />
                    <bpmn:parallelGateway id="Fork" />
                    <bpmn:sequenceFlow id="F2" sourceRef="Fork" targetRef="Task_Answer" />
                    <bpmn:sequenceFlow id="F3" sourceRef="Fork" targetRef="Task_Other" />
                    <bpmn:userTask id="Task_Answer" />
                    <bpmn:userTask id="Task_Other" />
                    <bpmn:sequenceFlow id="F4" sourceRef="Task_Answer" targetRef="End_Closed" />
                    <bpmn:sequenceFlow id="F5" sourceRef="Task_Other" targetRef="End_Other" />
                    <bpmn:endEvent id="End_Closed">%s</bpmn:endEvent>
                    <bpmn:endEvent id="End_Other" />
                    """
                        .formatted(LAST_STAGE)))
            .addString(
                "stage-ends-sub-process.bpmn",
                model(
                    "stage-ends-sub-process",
                    """
                    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Sub" />
                    <bpmn:subProcess id="Sub">
                      <bpmn:startEvent id="Sub_Start" />
                      <bpmn:sequenceFlow id="S1" sourceRef="Sub_Start" targetRef="Task_Answer" />
                      <bpmn:userTask id="Task_Answer" />
                      <bpmn:sequenceFlow id="S2" sourceRef="Task_Answer" targetRef="End_Closed" />
                      <bpmn:endEvent id="End_Closed">%s</bpmn:endEvent>
                    </bpmn:subProcess>
                    <bpmn:sequenceFlow id="F2" sourceRef="Sub" targetRef="Task_After" />
                    <bpmn:userTask id="Task_After" />
                    <bpmn:sequenceFlow id="F3" sourceRef="Task_After" targetRef="End" />
                    <bpmn:endEvent id="End" />
                    """
                        .formatted(LAST_STAGE)))
            .deploy()
            .getId();
  }

  @AfterEach
  void undeploy() {
    engine.getRepositoryService().deleteDeployment(deployment, true);
    Mocks.reset();
  }

  @Test
  void lastStage_endEventEndsTheInstance_deadlineEndsWithIt_historyKeepsItsValue() {
    ProcessInstance instance = start("stage-ends-instance");

    complete(instance, "Task_Answer");

    assertThat(running(instance)).isFalse();
    assertThat(stage(instance)).isEqualTo("已结案");
    assertThat(values(instance, DEADLINE))
        .as("set once; not removed on its own before the instance ended")
        .hasSize(1);
    assertThat(historic(instance, DEADLINE).getValue()).isNotNull();
    assertThat(historic(instance, DEADLINE + Deadlines.BASIS_SUFFIX).getValue())
        .asString()
        .isNotBlank();
  }

  @Test
  void lastStage_anotherTokenStillWaits_endsTheDeadlineOfTheStageBefore() {
    ProcessInstance instance = start("stage-ends-one-token");

    complete(instance, "Task_Answer");

    assertThat(running(instance)).isTrue();
    assertThat(stage(instance)).isEqualTo("已结案");
    assertThat(engine.getRuntimeService().getVariables(instance.getId()))
        .as("the running instance lists no deadline of the stage it left")
        .doesNotContainKeys(
            DEADLINE, DEADLINE + Deadlines.BASIS_SUFFIX, DEADLINE + Deadlines.TEXT_SUFFIX);
    assertThat(values(instance, DEADLINE)).as("set, then removed").hasSize(2);
  }

  @Test
  void lastStage_endEventOfASubProcess_endsTheDeadlineOfTheStageBefore() {
    ProcessInstance instance = start("stage-ends-sub-process");

    complete(instance, "Task_Answer");

    assertThat(running(instance)).isTrue();
    assertThat(stage(instance)).isEqualTo("已结案");
    assertThat(engine.getRuntimeService().getVariables(instance.getId()))
        .doesNotContainKeys(
            DEADLINE, DEADLINE + Deadlines.BASIS_SUFFIX, DEADLINE + Deadlines.TEXT_SUFFIX);
  }

  private ProcessInstance start(String key) {
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(key);
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), DEADLINE))
        .as("the first stage stored its deadline")
        .isNotNull();
    return instance;
  }

  private void complete(ProcessInstance instance, String taskKey) {
    engine
        .getTaskService()
        .complete(
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey(taskKey)
                .singleResult()
                .getId());
  }

  private boolean running(ProcessInstance instance) {
    return engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(instance.getId())
            .count()
        == 1;
  }

  private Object stage(ProcessInstance instance) {
    return historic(instance, EnterStage.STAGE).getValue();
  }

  private HistoricVariableInstance historic(ProcessInstance instance, String name) {
    return engine
        .getHistoryService()
        .createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId())
        .variableName(name)
        .includeDeleted()
        .singleResult();
  }

  /** The values the variable was given (the value log: a removal is logged too). */
  private List<Object> values(ProcessInstance instance, String name) {
    return engine
        .getHistoryService()
        .createHistoricDetailQuery()
        .processInstanceId(instance.getId())
        .variableUpdates()
        .list()
        .stream()
        .map(HistoricVariableUpdate.class::cast)
        .filter(update -> update.getVariableName().equals(name))
        .map(update -> (Object) update.getValue())
        .toList();
  }
}
