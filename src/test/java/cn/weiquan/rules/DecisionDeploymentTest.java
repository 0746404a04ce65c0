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

/**
 * The four tables deploy into a process engine that enforces historyTimeToLive and evaluate through
 * its DecisionService.
 */
@ExtendWith(ProcessEngineExtension.class)
class DecisionDeploymentTest {
  ProcessEngine engine;

  @Test
  @Deployment(
      resources = {
        "processes/complaint-severity.dmn",
        "processes/complaint-routing.dmn",
        "processes/platform-penalty.dmn",
        "processes/compensation-authority.dmn"
      })
  void allTablesDeployWithHistoryTimeToLive_andEvaluateByKey() {
    assertThat(engine.getRepositoryService().createDecisionDefinitionQuery().list())
        .extracting(d -> d.getKey() + ":" + d.getHistoryTimeToLive())
        .containsExactlyInAnyOrder(
            "complaint-severity:180",
            "complaint-routing:180",
            "platform-penalty:180",
            "compensation-authority:180");

    Map<String, Object> complaint = new HashMap<>();
    complaint.put("category", "burst-pipe");
    complaint.put("amountClaimed", "0.00");
    assertThat(
            (Object)
                engine
                    .getDecisionService()
                    .evaluateDecisionTableByKey("complaint-severity", complaint)
                    .getSingleResult()
                    .getEntry("severity"))
        .isEqualTo("紧急");
    assertThat(
            (Object)
                engine
                    .getDecisionService()
                    .evaluateDecisionTableByKey(
                        "complaint-routing", Variables.putValue("category", "burst-pipe"))
                    .getSingleEntry())
        .isEqualTo("dept-engineering");
    assertThat(
            (Object)
                engine
                    .getDecisionService()
                    .evaluateDecisionTableByKey(
                        "platform-penalty",
                        Variables.putValue("platform", "tmall")
                            .putValue("violation", "late-shipment"))
                    .getSingleResult()
                    .getEntry("pointsDeducted"))
        .isEqualTo(0);
    assertThat(
            (Object)
                engine
                    .getDecisionService()
                    .evaluateDecisionTableByKey(
                        "compensation-authority",
                        Variables.putValue("amountClaimed", new BigDecimal("500.00"))
                            .putValue("caseType", "enterprise-complaint"))
                    .getSingleResult()
                    .getEntry("approverGroup"))
        .isEqualTo("supervisors");
    // the money input is a number, not a double: the process's stored text, an exact BigDecimal and
    // the Double the
    // REST API makes of a JSON number all land in the same tier at both boundaries
    Object[][] tiers = {
      {"50.00", "supervisors"},
      {new BigDecimal("49.99"), "complaint-handlers"},
      {new BigDecimal("50.00"), "supervisors"},
      {500.0d, "supervisors"},
      {"500.01", "headquarters"}
    };
    for (Object[] tier : tiers) {
      assertThat(
              (Object)
                  engine
                      .getDecisionService()
                      .evaluateDecisionTableByKey(
                          "compensation-authority",
                          Variables.putValue("amountClaimed", tier[0])
                              .putValue("caseType", "enterprise-complaint"))
                      .getSingleResult()
                      .getEntry("approverGroup"))
          .as("%s", tier[0])
          .isEqualTo(tier[1]);
    }
  }
}
