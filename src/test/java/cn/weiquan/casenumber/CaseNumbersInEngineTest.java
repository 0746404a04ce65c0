package cn.weiquan.casenumber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.weiquan.support.ProductSchema;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Called from a delegate, the counter moves in the engine's own transaction (a Spring transaction,
 * as in the application): a start that fails after taking its number gives the number back.
 */
class CaseNumbersInEngineTest {

  private static final String PREFIX = "ZQ";
  private static final LocalDate DAY = LocalDate.of(2026, 3, 5);

  @RegisterExtension
  static ProcessEngineExtension extension =
      ProcessEngineExtension.builder().configurationResource("casenumber/camunda.cfg.xml").build();

  private ProcessEngine engine;
  private String deployment;

  @BeforeEach
  void deployAProcessThatNumbersItsCaseThenMayFail() {
    engine = extension.getProcessEngine();
    var dataSource =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource();
    ProductSchema.migrate(dataSource);
    var numbers = new CaseNumbers(dataSource);
    Mocks.register(
        "numbering",
        (JavaDelegate) execution -> execution.setVariable("caseNo", numbers.next(PREFIX, DAY)));
    Mocks.register(
        "failWhenAsked",
        (JavaDelegate)
            execution -> {
              if (Boolean.TRUE.equals(execution.getVariable("fail"))) {
                throw new IllegalStateException("the step after numbering fails");
              }
            });
    deployment =
        engine
            .getRepositoryService()
            .createDeployment()
            .addModelInstance(
                "numbered.bpmn",
                Bpmn.createExecutableProcess("numbered")
                    .camundaHistoryTimeToLive(1)
                    .startEvent()
                    .serviceTask("Task_Number")
                    .camundaDelegateExpression("${numbering}")
                    .serviceTask("Task_MayFail")
                    .camundaDelegateExpression("${failWhenAsked}")
                    .userTask("Task_Wait")
                    .endEvent()
                    .done())
            .deploy()
            .getId();
  }

  @AfterEach
  void undeploy() {
    engine.getRepositoryService().deleteDeployment(deployment, true);
    Mocks.reset();
  }

  @Test
  void aStartThatFailsAfterNumberingGivesItsNumberBack() {
    long first = number(start(false));

    assertThatThrownBy(() -> start(true)).hasMessageContaining("the step after numbering fails");

    assertThat(number(start(false))).isEqualTo(first + 1);
  }

  private String start(boolean fail) {
    String id =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey("numbered", Map.of("fail", fail))
            .getId();
    return (String) engine.getRuntimeService().getVariable(id, "caseNo");
  }

  private static long number(String caseNo) {
    assertThat(caseNo).startsWith(PREFIX + "-2026-");
    return Long.parseLong(caseNo.substring(caseNo.lastIndexOf('-') + 1));
  }
}
