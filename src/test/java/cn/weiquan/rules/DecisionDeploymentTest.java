package cn.weiquan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The four tables deploy into a process engine that enforces historyTimeToLive and evaluate through its DecisionService. */
@ExtendWith(ProcessEngineExtension.class)
class DecisionDeploymentTest {
  ProcessEngine engine;

  @Test
  @Deployment(resources = {"processes/complaint-severity.dmn", "processes/complaint-routing.dmn",
      "processes/platform-penalty.dmn", "processes/compensation-authority.dmn"})
  void allTablesDeployWithHistoryTimeToLive_andEvaluateByKey() {
    assertThat(engine.getRepositoryService().createDecisionDefinitionQuery().list())
        .extracting(d -> d.getKey() + ":" + d.getHistoryTimeToLive())
        .containsExactlyInAnyOrder("complaint-severity:180", "complaint-routing:180",
            "platform-penalty:180", "compensation-authority:180");

    Map<String, Object> complaint = new HashMap<>();
    complaint.put("category", "burst-pipe");
    complaint.put("amountClaimed", "0.00");
    assertThat((Object) engine.getDecisionService().evaluateDecisionTableByKey("complaint-severity", complaint)
        .getSingleResult().getEntry("severity")).isEqualTo("紧急");
    assertThat((Object) engine.getDecisionService().evaluateDecisionTableByKey("complaint-routing",
        Variables.putValue("category", "burst-pipe")).getSingleEntry()).isEqualTo("dept-engineering");
    assertThat((Object) engine.getDecisionService().evaluateDecisionTableByKey("platform-penalty",
        Variables.putValue("platform", "tmall").putValue("violation", "late-shipment"))
        .getSingleResult().getEntry("pointsDeducted")).isEqualTo(0);
    assertThat((Object) engine.getDecisionService().evaluateDecisionTableByKey("compensation-authority",
        Variables.putValue("amountClaimed", new BigDecimal("500.00")).putValue("caseType", "enterprise-complaint"))
        .getSingleResult().getEntry("approverGroup")).isEqualTo("supervisors");
  }
}
