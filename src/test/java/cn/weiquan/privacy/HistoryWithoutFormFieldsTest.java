package cn.weiquan.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The history level of the engine (camunda.cfg.xml, as the application): a deadline's basis and the
 * stage keep their variable in history but no log of values; a deadline's text, the date as forms
 * show it, has no history at all; the deadline itself and every other variable keep both.
 */
class HistoryWithoutFormFieldsTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  @Test
  void
      derivedVariables_keepTheirHistoricVariable_butNoValueLog_deadlineTextNoHistory_othersKeepBoth() {
    ProcessEngine engine = extension.getProcessEngine();
    String deployment =
        engine
            .getRepositoryService()
            .createDeployment()
            .addModelInstance(
                "history-level.bpmn",
                Bpmn.createExecutableProcess("history-level")
                    .camundaHistoryTimeToLive(1)
                    .startEvent()
                    .userTask("Task_Wait")
                    .endEvent()
                    .done())
            .deploy()
            .getId();
    try {
      Map<String, Object> variables = new HashMap<>();
      variables.put("merchantResponseDue", new Date());
      variables.put("merchantResponseDueText", "2026年12月4日（星期五）24:00（北京时间）");
      variables.put("merchantResponseDueBasis", "《消费者权益保护法》第二十四条");
      variables.put("stage", "协商");
      variables.put("agreementText", "退货退款1999.00元");
      variables.put("claimBasis", "quality");
      ProcessInstance instance =
          engine.getRuntimeService().startProcessInstanceByKey("history-level", variables);
      engine.getRuntimeService().setVariable(instance.getId(), "stage", "消协调解");
      assertThat(
              engine.getRuntimeService().getVariable(instance.getId(), "merchantResponseDueText"))
          .as("the running case keeps the text for its forms")
          .isEqualTo("2026年12月4日（星期五）24:00（北京时间）");
      engine
          .getRuntimeService()
          .removeVariables(
              instance.getId(),
              List.of(
                  "merchantResponseDue", "merchantResponseDueText", "merchantResponseDueBasis"));

      List<String> logged =
          engine
              .getHistoryService()
              .createHistoricDetailQuery()
              .processInstanceId(instance.getId())
              .variableUpdates()
              .list()
              .stream()
              .map(d -> ((HistoricVariableUpdate) d).getVariableName())
              .toList();
      assertThat(logged)
          .as("value log: set and removed deadline, and the variables of their own")
          .containsExactlyInAnyOrder(
              "merchantResponseDue", "merchantResponseDue", "agreementText", "claimBasis");
      assertThat(
              engine
                  .getHistoryService()
                  .createHistoricVariableInstanceQuery()
                  .processInstanceId(instance.getId())
                  .includeDeleted()
                  .list()
                  .stream()
                  .map(HistoricVariableInstance::getName)
                  .toList())
          .as("every variable but the deadline's text stays in history, the removed ones deleted")
          .containsExactlyInAnyOrder(
              "merchantResponseDue",
              "merchantResponseDueBasis",
              "stage",
              "agreementText",
              "claimBasis");

      assertThat(
              engine
                  .getHistoryService()
                  .createHistoricVariableInstanceQuery()
                  .processInstanceId(instance.getId())
                  .variableName("stage")
                  .singleResult()
                  .getValue())
          .as("the stage's history holds its last value")
          .isEqualTo("消协调解");
    } finally {
      engine.getRepositoryService().deleteDeployment(deployment, true);
    }
  }
}
