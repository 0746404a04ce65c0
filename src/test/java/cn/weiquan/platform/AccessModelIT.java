package cn.weiquan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.weiquan.api.ApiClients;
import cn.weiquan.api.LoginThrottle;
import cn.weiquan.support.ApplicationIT;
import cn.weiquan.support.DisputeFacts;
import cn.weiquan.support.EngineJobs;
import cn.weiquan.support.ProjectFiles;
import cn.weiquan.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * The README's "Measured: every group at every door" table, executed cell by cell: each row is a
 * request, each column a user of one group, each cell the answer that user must get. The table is
 * read from README.md, so the README and this test cannot drift apart; a row the test does not know
 * fails.
 */
class AccessModelIT extends ApplicationIT {

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final String CONSUMER_PHONE = "13800009999";
  private static final String COMPLAINANT_PHONE = "13900008888";
  private static final String REPORTER = "举报人丁某";
  private static final String ITEM = "滚筒洗衣机（权限测试）";

  /** A row of the README's table: the request and, per user, the expected answer. */
  record Row(String door, String request, Map<String, String> expected) {}

  @Autowired ApiClients clients;
  @Autowired LoginThrottle throttle;

  private static Fixture fixture;

  /** Cases and tasks the rows read, made once for the context. */
  record Fixture(
      String disputeCaseNo,
      String disputeId,
      String complaintCaseNo,
      String complaintId,
      String reviewTaskId,
      String approvalTaskId) {}

  @TestFactory
  Stream<DynamicTest> everyGroupAtEveryDoor_answersAsTheReadmeSays() throws IOException {
    List<Row> rows = readmeTable();
    assertThat(rows).as("the README's access table").hasSizeGreaterThanOrEqualTo(25);
    fixture();
    Map<String, BiFunction<String, String, String>> requests = requests();
    List<DynamicTest> cells = new ArrayList<>();
    for (Row row : rows) {
      BiFunction<String, String, String> request =
          requests.entrySet().stream()
              .filter(e -> row.request().startsWith(e.getKey()))
              .map(Map.Entry::getValue)
              .findFirst()
              .orElseThrow(() -> new AssertionError("README row without a test: " + row.request()));
      row.expected()
          .forEach(
              (user, expected) ->
                  cells.add(
                      DynamicTest.dynamicTest(
                          row.door() + " " + row.request() + " as " + user,
                          () ->
                              assertThat(request.apply(user, password(user)))
                                  .as("%s as %s (README: %s)", row.request(), user, expected)
                                  .isEqualTo(expected))));
    }
    return cells.stream();
  }

  @Test
  void aWrongSecretFromSomeoneElse_doesNotLockTheClientOut_butTheAddressIsThrottled() {
    throttle.reset();
    try {
      assertThat(status(as("api", "wrong").get().uri("/api/disputes/WQ-2026-999999")))
          .isEqualTo("401");
      assertThat(status(as("api", "api").get().uri("/api/openapi.json")))
          .as("the client right after")
          .isEqualTo("200");
      for (int i = 0; i < 10; i++) {
        as("api", "guess-" + i).get().uri("/api/openapi.json").retrieve().toBodilessEntity();
      }
      ResponseEntity<JsonNode> blocked =
          as("api", "api").get().uri("/api/openapi.json").retrieve().toEntity(JsonNode.class);
      assertThat(blocked.getStatusCode().value()).as("the guessing address waits").isEqualTo(429);
      assertThat(blocked.getHeaders().getFirst("Retry-After")).isNotBlank();
      // the engine never counted these against the account: its own login still works right away
      assertThat(engine.getIdentityService().checkPassword("mediator", "mediator")).isTrue();
    } finally {
      throttle.reset();
    }
  }

  @Test
  void rotatingASecret_theOldOneStopsAtOnce_theNewOneWorks() {
    clients.create("rotated-client", "轮换测试", "first-secret");
    assertThat(status(as("rotated-client", "first-secret").get().uri("/api/openapi.json")))
        .isEqualTo("200");
    JsonNode rotated =
        as("demo")
            .post()
            .uri("/api/admin/api-clients/rotated-client/secret")
            .retrieve()
            .body(JsonNode.class);
    String secret = rotated.path("secret").asText();
    assertThat(secret).hasSizeGreaterThanOrEqualTo(40);
    assertThat(status(as("rotated-client", "first-secret").get().uri("/api/openapi.json")))
        .isEqualTo("401");
    assertThat(status(as("rotated-client", secret).get().uri("/api/openapi.json")))
        .isEqualTo("200");
    assertThat(engine.getIdentityService().checkPassword("rotated-client", secret))
        .as("the secret is no engine password")
        .isFalse();
    throttle.reset();
  }

  // ------------------------------------------------------------------ the rows

  private Map<String, BiFunction<String, String, String>> requests() {
    Map<String, BiFunction<String, String, String>> r = new LinkedHashMap<>();
    r.put(
        "file a dispute",
        (u, p) ->
            status(
                as(u, p)
                    .post()
                    .uri("/api/disputes")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(disputeFiling())));
    r.put(
        "case status",
        (u, p) -> status(as(u, p).get().uri("/api/disputes/" + fixture().disputeCaseNo())));
    r.put(
        "withdraw:",
        (u, p) ->
            status(
                as(u, p)
                    .post()
                    .uri("/api/disputes/" + freshDispute().getBusinessKey() + "/withdraw")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"reason\":\"已私下和解\"}")));
    r.put(
        "complaint status",
        (u, p) -> status(as(u, p).get().uri("/api/complaints/" + fixture().complaintCaseNo())));
    r.put("demo mailbox", (u, p) -> status(as(u, p).get().uri("/api/mailbox")));
    r.put(
        "case dashboard:",
        (u, p) ->
            personal(
                as(u, p).get().uri("/api/analytics/summary?process=consumer-dispute"),
                CONSUMER_PHONE,
                null));
    r.put(
        "rotate a client's secret",
        (u, p) -> {
          clients.create("rotate-me", "轮换", "rotate-me");
          return status(as(u, p).post().uri("/api/admin/api-clients/rotate-me/secret"));
        });
    r.put(
        "withdraw another's case",
        (u, p) ->
            status(
                as(u, p)
                    .post()
                    .uri("/engine-rest/message")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(
                        Map.of(
                            "messageName",
                            "Withdraw",
                            "businessKey",
                            freshDispute().getBusinessKey()))));
    r.put(
        "become its merchant",
        (u, p) ->
            status(
                as(u, p)
                    .post()
                    .uri("/engine-rest/message")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(
                        Map.of(
                            "messageName",
                            "MerchantResponse",
                            "businessKey",
                            freshDispute().getBusinessKey(),
                            "resultEnabled",
                            true,
                            "variablesInResultEnabled",
                            true,
                            "processVariables",
                            Map.of(
                                "merchantUser",
                                Map.of("value", "api2"),
                                "merchantAnswer",
                                Map.of("value", "reject"))))));
    r.put(
        "start without data",
        (u, p) ->
            status(
                as(u, p)
                    .post()
                    .uri("/engine-rest/process-definition/key/consumer-dispute/start")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{}")));
    r.put(
        "change a variable",
        (u, p) ->
            status(
                as(u, p)
                    .put()
                    .uri(
                        "/engine-rest/process-instance/{id}/variables/consumerName",
                        freshDispute().getId())
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("value", "某人", "type", "String"))));
    r.put(
        "suspend",
        (u, p) ->
            status(
                as(u, p)
                    .put()
                    .uri("/engine-rest/process-instance/{id}/suspended", freshDispute().getId())
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("suspended", true))));
    r.put(
        "cancel",
        (u, p) ->
            status(
                as(u, p)
                    .delete()
                    .uri("/engine-rest/process-instance/{id}", freshDispute().getId())));
    r.put(
        "consumer's phone (history)",
        (u, p) ->
            personal(
                as(u, p)
                    .get()
                    .uri(
                        "/engine-rest/history/variable-instance?variableName=consumerPhone&processInstanceId={id}",
                        fixture().disputeId()),
                CONSUMER_PHONE,
                null));
    r.put(
        "consumer's phone (runtime)",
        (u, p) ->
            personal(
                as(u, p)
                    .get()
                    .uri(
                        "/engine-rest/variable-instance?variableName=consumerPhone&processInstanceIdIn={id}",
                        fixture().disputeId()),
                CONSUMER_PHONE,
                null));
    r.put(
        "reporter",
        (u, p) ->
            personal(
                as(u, p)
                    .get()
                    .uri(
                        "/engine-rest/history/variable-instance?variableName=reporterName&processInstanceId={id}",
                        fixture().disputeId()),
                REPORTER,
                null));
    r.put(
        "complainant's phone",
        (u, p) ->
            personal(
                as(u, p)
                    .get()
                    .uri(
                        "/engine-rest/history/variable-instance?variableName=complainantPhone&processInstanceId={id}",
                        fixture().complaintId()),
                COMPLAINANT_PHONE,
                null));
    r.put(
        "reviewer's task variables",
        (u, p) ->
            personal(
                as(u, p).get().uri("/engine-rest/task/{id}/variables", fixture().reviewTaskId()),
                CONSUMER_PHONE,
                ITEM));
    r.put(
        "approver's task variables",
        (u, p) ->
            personal(
                as(u, p).get().uri("/engine-rest/task/{id}/variables", fixture().approvalTaskId()),
                COMPLAINANT_PHONE,
                "800.00"));
    r.put(
        "deploy code",
        (u, p) ->
            status(
                as(u, p)
                    .post()
                    .uri("/engine-rest/deployment/create")
                    .contentType(MediaType.MULTIPART_FORM_DATA)
                    .body(modelerUpload("grant-admin-" + u, "modelguard/grant-admin.bpmn"))));
    r.put(
        "wipe cases",
        (u, p) ->
            status(
                as(u, p)
                    .delete()
                    .uri("/engine-rest/deployment/{id}?cascade=true", deploymentWithACase(u))));
    r.put(
        "grant oneself",
        (u, p) ->
            status(
                as(u, p)
                    .post()
                    .uri("/engine-rest/authorization/create")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(
                        Map.of(
                            "type",
                            1,
                            "permissions",
                            List.of("ALL"),
                            "userId",
                            u,
                            "resourceType",
                            2,
                            "resourceId",
                            "camunda-admin"))));
    r.put(
        "try a decision",
        (u, p) ->
            status(
                as(u, p)
                    .post()
                    .uri("/engine-rest/decision-definition/key/compensation-authority/evaluate")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(
                        Map.of(
                            "variables",
                            Map.of(
                                "amountClaimed",
                                Map.of("value", 120, "type", "Double"),
                                "caseType",
                                Map.of("value", "enterprise-complaint", "type", "String"))))));
    r.put(
        "Tasklist login",
        (u, p) -> String.valueOf(WebappSession.login(anonymous(), u, p, "tasklist").status()));
    r.put(
        "Cockpit login",
        (u, p) -> String.valueOf(WebappSession.login(anonymous(), u, p, "cockpit").status()));
    r.put(
        "case dashboard in Cockpit",
        (u, p) -> {
          WebappSession session = WebappSession.login(anonymous(), u, p, "welcome");
          if (!session.loggedIn()) {
            return String.valueOf(session.status());
          }
          return personal(
              session.with(
                  anonymous().get().uri("/webapp-api/analytics/summary?process=consumer-dispute")),
              CONSUMER_PHONE,
              null);
        });
    r.put(
        "consumer's phone in the webapps",
        (u, p) -> {
          WebappSession session = WebappSession.login(anonymous(), u, p, "welcome");
          if (!session.loggedIn()) {
            return String.valueOf(session.status());
          }
          return personal(
              session.with(
                  anonymous()
                      .get()
                      .uri(
                          "/camunda/api/engine/engine/default/history/variable-instance?variableName=consumerPhone&processInstanceId={id}",
                          fixture().disputeId())),
              CONSUMER_PHONE,
              null);
        });
    r.put("metrics", (u, p) -> status(as(u, p).get().uri("/actuator/prometheus")));
    return r;
  }

  // ------------------------------------------------------------------ answers

  private static String status(RestClient.RequestHeadersSpec<?> request) {
    return String.valueOf(request.retrieve().toBodilessEntity().getStatusCode().value());
  }

  /**
   * "data" when the personal value is in a 200 answer, "facts" when only the expected fact is,
   * "none" when neither.
   */
  private static String personal(
      RestClient.RequestHeadersSpec<?> request, String personalValue, String fact) {
    ResponseEntity<String> response = request.retrieve().toEntity(String.class);
    if (response.getStatusCode().value() != 200) {
      return String.valueOf(response.getStatusCode().value());
    }
    String body = response.getBody() == null ? "" : response.getBody();
    if (body.contains(personalValue)) {
      return "data";
    }
    return fact != null && body.contains(fact) ? "facts" : "none";
  }

  private static String password(String user) {
    return user; // the demo accounts' and the test clients' convention
  }

  // ------------------------------------------------------------------ fixtures

  private Fixture fixture() {
    if (fixture == null) {
      fixture = buildFixture();
    }
    return fixture;
  }

  private Fixture buildFixture() {
    clients.create("api2", "另一客户端", "api2");
    clients.create("merchant-x", "商家客户端", "merchant-x");
    RuntimeService runtime = engine.getRuntimeService();
    TaskService tasks = engine.getTaskService();

    // a dispute filed by api, with a reporter, at the platform's review
    Map<String, Object> facts = disputeFacts();
    facts.put("reportViolation", true);
    facts.put("reporterName", REPORTER);
    ProcessInstance dispute =
        runtime.startProcessInstanceByKey(ProcessKeys.CONSUMER_DISPUTE, facts);
    runJobs();
    runtime
        .createMessageCorrelation("MerchantResponse")
        .processInstanceId(dispute.getId())
        .setVariable("merchantAnswer", "reject")
        .correlate();
    runJobs();
    Task choice =
        tasks
            .createTaskQuery()
            .processInstanceId(dispute.getId())
            .taskDefinitionKey("Task_RecordChannelChoice")
            .singleResult();
    tasks.complete(choice.getId(), Map.of("nextChannel", "platform"));
    runJobs();
    // both parties send evidence: the window closes early and the platform reviews
    for (String party : List.of("merchant", "consumer")) {
      runtime
          .createMessageCorrelation("EvidenceSubmitted")
          .processInstanceBusinessKey(dispute.getBusinessKey())
          .setVariable("evidenceFrom", party)
          .setVariable("evidenceDescription", "举证材料")
          .correlate();
      runJobs();
    }
    Task review =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(dispute.getBusinessKey())
            .taskDefinitionKey("Task_PlatformReview")
            .singleResult();

    // a complaint filed by api over /api, routed to engineering
    String complaintNo =
        as("api")
            .post()
            .uri("/api/complaints")
            .contentType(MediaType.APPLICATION_JSON)
            .body(complaintFiling("lift-failure"))
            .retrieve()
            .body(JsonNode.class)
            .path("caseNo")
            .asText();
    runJobs();
    String complaintId =
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(complaintNo)
            .rootProcessInstances()
            .singleResult()
            .getId();

    // another complaint whose payout of ¥800 waits for headquarters
    String paidNo =
        as("api")
            .post()
            .uri("/api/complaints")
            .contentType(MediaType.APPLICATION_JSON)
            .body(complaintFiling("staff-attitude"))
            .retrieve()
            .body(JsonNode.class)
            .path("caseNo")
            .asText();
    runJobs();
    complete(paidNo, "Task_AcceptComplaint", Map.of("firstContactNote", "已致电投诉人"));
    complete(
        paidNo,
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
    String proposal =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(paidNo)
            .list()
            .get(0)
            .getTaskDefinitionKey();
    complete(
        paidNo,
        proposal,
        Map.of(
            "solution",
            "赔礼道歉并补偿",
            "apology",
            "深表歉意",
            "compensationAmount",
            "800",
            "improvementMeasures",
            "加强培训",
            "committeeMembers",
            "客服部、主管",
            "committeeMinutes",
            "同意补偿",
            "remedyMeasures",
            "补救"));
    Task approval =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(paidNo)
            .taskDefinitionKey("Task_ApprovePayout")
            .singleResult();
    assertThat(approval).as("the ¥800 payout waits for approval").isNotNull();
    return new Fixture(
        dispute.getBusinessKey(),
        dispute.getId(),
        complaintNo,
        complaintId,
        review.getId(),
        approval.getId());
  }

  private void complete(String caseNo, String taskKey, Map<String, Object> answers) {
    Task task =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceBusinessKey(caseNo)
            .taskDefinitionKey(taskKey)
            .singleResult();
    assertThat(task).as("open task %s of %s", taskKey, caseNo).isNotNull();
    engine.getFormService().submitTaskForm(task.getId(), answers);
    runJobs();
  }

  /**
   * A dispute of api's with merchant-x, waiting for the merchant's answer: for requests that change
   * or end a case.
   */
  private ProcessInstance freshDispute() {
    fixture();
    ProcessInstance instance =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(ProcessKeys.CONSUMER_DISPUTE, disputeFacts());
    runJobs();
    return instance;
  }

  private String deploymentWithACase(String user) {
    Deployment deployment =
        engine
            .getRepositoryService()
            .createDeployment()
            .name("access-probe-" + user)
            .addModelInstance(
                "access-probe-" + user + ".bpmn",
                Bpmn.createExecutableProcess("access-probe-" + user)
                    .camundaHistoryTimeToLive(1)
                    .startEvent()
                    .userTask("Task_Wait")
                    .endEvent()
                    .done())
            .deploy();
    engine.getRuntimeService().startProcessInstanceByKey("access-probe-" + user);
    return deployment.getId();
  }

  private Map<String, Object> disputeFacts() {
    Map<String, Object> v =
        DisputeFacts.onlinePurchase(
            LocalDate.now(CHINA), "权限测试消费者", CONSUMER_PHONE, "consumer@example.cn", ITEM, "漏水严重");
    v.put("merchantUser", "merchant-x");
    return v;
  }

  private static String disputeFiling() {
    LocalDate today = LocalDate.now(CHINA);
    return """
        {"consumer":{"name":"李明","phone":"13800138000","email":"li.ming@example.com"},
         "merchant":{"name":"某某电器旗舰店","email":"shop@example.com","platform":"tmall"},
         "purchase":{"item":"电热水壶","price":"199.00","quantity":1,"paidAt":"%s","receivedAt":"%s","channel":"online-platform"},
         "category":"quality","description":"使用三天后漏电","claims":{"refund":true},"harmKnownOn":"%s"}
        """
        .formatted(today.minusDays(10), today.minusDays(8), today.minusDays(5));
  }

  private static String complaintFiling(String category) {
    return """
        {"complainant":{"name":"王女士","phone":"%s","email":"wang@example.cn"},"contactChannel":"phone",
         "occurredOn":"%s","location":"3号楼","category":"%s","description":"投诉内容","claim":"尽快处理"}
        """
        .formatted(COMPLAINANT_PHONE, LocalDate.now(CHINA).minusDays(1), category);
  }

  private static MultiValueMap<String, Object> modelerUpload(String name, String file) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", name);
    parts.add("deployment-source", "Camunda Modeler");
    parts.add(file.substring(file.lastIndexOf('/') + 1), new ClassPathResource(file));
    return parts;
  }

  private void runJobs() {
    EngineJobs.runMessageJobs(engine.getManagementService(), null, 100);
  }

  /** The rows of README.md's table under "Measured: every group at every door". */
  static List<Row> readmeTable() throws IOException {
    List<String> lines = Files.readAllLines(ProjectFiles.path("README.md"));
    int heading = lines.indexOf("### Measured: every group at every door");
    assertThat(heading).as("README section 'Measured: every group at every door'").isNotNegative();
    List<String> users = null;
    List<Row> rows = new ArrayList<>();
    for (String line : lines.subList(heading, lines.size())) {
      if (!line.startsWith("|")) {
        if (users != null) {
          break;
        }
        continue;
      }
      List<String> cells =
          Arrays.stream(line.substring(1, line.lastIndexOf('|')).split("\\|"))
              .map(String::strip)
              .toList();
      if (users == null) {
        users = cells.subList(2, cells.size());
        continue;
      }
      if (cells.get(0).startsWith("---")) {
        continue;
      }
      Map<String, String> expected = new LinkedHashMap<>();
      for (int i = 0; i < users.size(); i++) {
        expected.put(users.get(i), cells.get(i + 2));
      }
      rows.add(new Row(cells.get(0), cells.get(1), expected));
    }
    return rows;
  }
}
