package cn.weiquan.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.weiquan.platform.ProcessKeys;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** POST/GET /api/complaints over real HTTP against the real enterprise-complaint process. */
class ComplaintIntakeIT extends IntakeSupport {

  static String complaint(String reference) {
    return """
        {"externalReference":"%s","complainant":{"name":"王芳","phone":"13900139000","email":"wang.fang@example.com"},
         "contactChannel":"phone","occurredOn":"%s","location":"5号楼2单元","category":"lift-failure",
         "description":"电梯困人<br>半小时无人处理","claim":"尽快维修并书面说明","amountClaimed":"0",
         "safetyHazard":true}"""
        .formatted(reference, today().minusDays(1));
  }

  /**
   * The application deploys enterprise-complaint at start: a deployment that lost it fails here, it
   * is not skipped.
   */
  @BeforeEach
  void complaintProcessDeployed() {
    assertThat(
            engine
                .getRepositoryService()
                .createProcessDefinitionQuery()
                .processDefinitionKey(ProcessKeys.ENTERPRISE_COMPLAINT)
                .count())
        .as("enterprise-complaint is deployed")
        .isPositive();
  }

  private long complaints() {
    return engine
        .getHistoryService()
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.ENTERPRISE_COMPLAINT)
        .count();
  }

  @Test
  void filingAComplaint_startsItWithTheFiledFacts_andItsStatusIsReadable() {
    ResponseEntity<JsonNode> filed =
        post("api", "/api/complaints", complaint(UUID.randomUUID().toString()));

    assertThat(filed.getStatusCode())
        .as(String.valueOf(filed.getBody()))
        .isEqualTo(HttpStatus.CREATED);
    String caseNo = filed.getBody().path("caseNo").asText();
    assertThat(caseNo).matches("TS-\\d{4}-\\d{6}");
    assertThat(filed.getHeaders().getLocation()).hasToString("/api/complaints/" + caseNo);
    Map<String, Object> vars =
        engine
            .getHistoryService()
            .createHistoricVariableInstanceQuery()
            .processInstanceId(processInstanceId(caseNo))
            .list()
            .stream()
            .filter(v -> v.getValue() != null)
            .collect(
                java.util.stream.Collectors.toMap(
                    v -> v.getName(), v -> v.getValue(), (a, b) -> a));
    assertThat(vars)
        .containsEntry("complainantName", "王芳")
        .containsEntry("contactChannel", "phone")
        .containsEntry("category", "lift-failure")
        .containsEntry("amountClaimed", "0.00")
        .containsEntry("safetyHazard", true)
        .containsEntry("filedBy", "api")
        .containsEntry("description", "电梯困人<br>半小时无人处理");

    ResponseEntity<JsonNode> status = get("api", "/api/complaints/" + caseNo);
    assertThat(status.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(status.getBody().path("stage").asText()).isNotBlank();
    assertThat(status.getBody().path("steps")).isNotEmpty();
    assertThat(get("api", "/api/disputes/" + caseNo).getStatusCode())
        .as("a complaint is no dispute")
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get(apiUser("merchant-b"), "/api/complaints/" + caseNo).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("supervisor", "/api/complaints/" + caseNo).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void aRetriedComplaint_isTheSameComplaint() {
    String body = complaint(UUID.randomUUID().toString());
    String first = post("api", "/api/complaints", body).getBody().path("caseNo").asText();
    long after = complaints();

    ResponseEntity<JsonNode> retry = post("api", "/api/complaints", body);

    assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(retry.getBody().path("caseNo").asText()).isEqualTo(first);
    assertThat(complaints()).isEqualTo(after);
  }

  @Test
  void badComplaints_are400NamingTheField_andStartNothing() {
    String good = complaint("BAD-" + UUID.randomUUID());
    String occurred = "\"occurredOn\":\"" + today().minusDays(1);
    Map<String, String> badToField = new java.util.LinkedHashMap<>();
    badToField.put(good.replace("lift-failure", "elevator"), "category");
    badToField.put(good.replace("\"phone\",", "\"carrier-pigeon\","), "contactChannel");
    badToField.put(
        good.replace("\"amountClaimed\":\"0\"", "\"amountClaimed\":\"-5\""), "amountClaimed");
    badToField.put(good.replace(occurred, "\"occurredOn\":\"" + today().plusDays(2)), "occurredOn");
    for (String extreme :
        java.util.List.of("-999999999-01-01", "+999999999-12-31", "0000-01-01", "1989-12-31")) {
      badToField.put(good.replace(occurred, "\"occurredOn\":\"" + extreme), "occurredOn");
    }
    badToField.put(good.replace("\"safetyHazard\":true", "\"safetyHazard\":1"), "safetyHazard");
    badToField.put("[]", "body");
    long before = complaints();

    badToField.forEach(
        (body, field) -> {
          ResponseEntity<JsonNode> answer = post("api", "/api/complaints", body);
          assertThat(answer.getStatusCode().value()).as(body).isEqualTo(400);
          assertThat(answer.getBody().path("field").asText()).as(body).isEqualTo(field);
        });
    assertThat(complaints()).isEqualTo(before);
  }
}
