package cn.weiquan.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import cn.weiquan.support.ApplicationIT;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * A complaint started over the engine's REST API shows in Tasklist with its level, department and
 * due date.
 */
class ComplaintTasklistIT extends ApplicationIT {

  private static Map<String, Object> value(Object value) {
    return Map.of("value", value);
  }

  @Test
  void urgentComplaintStartedOverRest_isInTheEngineeringDepartmentsTasklist_withLevelAndDueDate() {
    Map<String, Object> start =
        Map.of(
            "variables",
            Map.of(
                "complainantName",
                value("王女士"),
                "complainantPhone",
                value("13812345678"),
                "contactChannel",
                value("phone"),
                "category",
                value("lift-failure"),
                "description",
                value("3 栋电梯停在两层之间"),
                "claim",
                value("立即维修"),
                "amountClaimed",
                value("0.00")));
    var started =
        as("handler")
            .post()
            .uri("/engine-rest/process-definition/key/enterprise-complaint/start")
            .contentType(MediaType.APPLICATION_JSON)
            .body(start)
            .retrieve()
            .toEntity(JsonNode.class);
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
    String instanceId = started.getBody().path("id").asText();
    assertThat(started.getBody().path("businessKey").asText()).matches("TS-\\d{4}-\\d{6}");
    // the job executor is off in tests: run the acknowledgement mail's job as it would
    for (int round = 0; round < 5; round++) {
      engine
          .getManagementService()
          .createJobQuery()
          .processInstanceId(instanceId)
          .messages()
          .list()
          .forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instanceId).count())
        .isEqualTo(2);

    JsonNode tasks =
        as("engineer")
            .get()
            .uri("/engine-rest/task?processInstanceId={id}&sortBy=name&sortOrder=asc", instanceId)
            .retrieve()
            .body(JsonNode.class);
    assertThat(tasks).hasSize(2);
    assertThat(tasks.findValuesAsText("taskDefinitionKey"))
        .containsExactlyInAnyOrder("Task_AcceptComplaint", "Task_DispatchEmergency");
    assertThat(tasks.get(0).path("due").asText()).isNotBlank();
    String taskId = tasks.findValues("id").get(0).asText();

    JsonNode variables =
        as("engineer")
            .get()
            .uri("/engine-rest/task/{id}/variables?variableNames=severity,department,stage", taskId)
            .retrieve()
            .body(JsonNode.class);
    assertThat(variables.path("severity").path("value").asText()).isEqualTo("紧急");
    assertThat(variables.path("department").path("value").asText()).isEqualTo("dept-engineering");

    // the form Tasklist renders is the deployed Camunda Form
    JsonNode form =
        as("engineer")
            .get()
            .uri("/engine-rest/task/{id}/deployed-form", taskId)
            .retrieve()
            .body(JsonNode.class);
    assertThat(form.path("id").asText()).startsWith("complaint-");

    // 保密原则: another desk does not see the case's tasks
    JsonNode mediatorView =
        as("mediator")
            .get()
            .uri("/engine-rest/task?processInstanceId={id}", instanceId)
            .retrieve()
            .body(JsonNode.class);
    assertThat(mediatorView).isEmpty();
  }

  @Test
  void tasklistStartForm_isTheDeployedRegistrationForm() {
    JsonNode form =
        as("handler")
            .get()
            .uri("/engine-rest/process-definition/key/enterprise-complaint/deployed-start-form")
            .retrieve()
            .body(JsonNode.class);
    assertThat(form.path("id").asText()).isEqualTo("complaint-register");
    assertThat(form.path("executionPlatformVersion").asText()).isEqualTo("7.24.0");
  }
}
