package cn.weiquan.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import cn.weiquan.platform.ProcessKeys;
import cn.weiquan.support.ApplicationIT;
import cn.weiquan.support.EngineJobs;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * GET /api/analytics/summary over real HTTP on a known set of cases, run through the real processes
 * in June 2025 (a range no other test starts cases in, so the shared context's other cases do not
 * count): the figures equal those worked out by hand below, no personal value of these cases
 * appears, only analysts, supervisors and camunda-admin read it, and bad parameters are 400s naming
 * the parameter.
 */
class AnalyticsIT extends ApplicationIT {
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final String RANGE = "from=2025-06-02&to=2025-06-15";

  /** When the summary is asked: Tuesday of the week after the range. */
  private static final LocalDateTime ASKED = LocalDateTime.of(2025, 6, 17, 10, 0);

  /** Every personal value the cases carry: none may reach the summary. */
  private static final List<String> PERSONAL = new ArrayList<>();

  private static Known known;

  /** The cases, and what was done to them. */
  record Known(
      List<String> withdrawn,
      String waitingForChoice,
      String waitingInstanceId,
      String waitingForMerchant,
      String onTimeComplaint,
      String lateComplaint) {}

  @BeforeEach
  void cases() {
    if (known == null) {
      try {
        known = makeCases();
      } finally {
        ClockUtil.reset();
      }
    }
    at(ASKED);
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void disputes_countsByStageAndCategory_medianOfTheWithdrawnPath_andTheOverdueChannelChoice() {
    JsonNode summary = summary("demo", "process=consumer-dispute&" + RANGE);

    // 5 disputes in the range: 3 withdrawn after 2, 4 and 7 days, one waits for the consumer's
    // choice of channel since
    // 10 June (due at the end of 13 June), one waits for the merchant's answer (3 working days from
    // Friday 13 June: the
    // end of 18 June)
    assertThat(summary.at("/cases/running").asLong()).isEqualTo(2);
    assertThat(summary.at("/cases/ended").asLong()).isEqualTo(3);
    assertThat(group(summary, "byStage", "已撤回")).isEqualTo("0/3");
    assertThat(group(summary, "byStage", "选择维权途径")).isEqualTo("1/0");
    assertThat(group(summary, "byCategory", "quality")).isEqualTo("2/2");
    assertThat(group(summary, "byCategory", "service")).isEqualTo("0/1");
    assertThat(label(summary.at("/byCategory/groups"), "service")).isEqualTo("服务问题");

    // durations of the withdrawn path: 2, 4, 7 days → median 4.0; p90 = 4 + 0.8 × (7 − 4) = 6.4
    JsonNode withdrawn = find(summary.at("/durations/byPath"), "withdrawn");
    assertThat(withdrawn.path("cases").asLong()).isEqualTo(3);
    assertThat(withdrawn.path("medianDays").decimalValue()).isEqualByComparingTo("4.0");
    assertThat(withdrawn.path("p90Days").decimalValue()).isEqualByComparingTo("6.4");
    assertThat(withdrawn.path("label").asText()).isEqualTo("撤回");

    JsonNode outcome = find(summary.at("/outcomes/outcomes"), "withdrawn");
    assertThat(outcome.path("cases").asLong()).isEqualTo(3);
    assertThat(outcome.path("share").decimalValue()).isEqualByComparingTo("1.000");
    assertThat(outcome.path("group").asText()).isEqualTo("withdrawn");

    // the channel choice: three working days after Tuesday 10 June end at 24:00 on Friday 13 June →
    // overdue on the 17th
    JsonNode overdue = summary.at("/deadlines/overdue");
    assertThat(summary.at("/deadlines/overdueTotal").asLong()).isEqualTo(1);
    assertThat(overdue.get(0).path("caseNo").asText()).isEqualTo(known.waitingForChoice());
    assertThat(overdue.get(0).path("name").asText()).isEqualTo("channelChoiceDue");
    assertThat(overdue.get(0).path("label").asText()).isEqualTo("选择维权途径期限");
    assertThat(overdue.get(0).path("processInstanceId").asText())
        .isEqualTo(known.waitingInstanceId());
    assertThat(OffsetDateTime.parse(overdue.get(0).path("due").asText()).toInstant())
        .isEqualTo(LocalDate.of(2025, 6, 14).atStartOfDay(CHINA).toInstant());
    assertThat(overdue.get(0).path("basis").asText()).contains("3个工作日");
    // the merchant's window: three working days after Friday 13 June end at 24:00 on Wednesday 18
    // June → due soon
    assertThat(summary.at("/deadlines/dueSoonTotal").asLong()).isEqualTo(1);
    JsonNode soon = summary.at("/deadlines/dueSoon").get(0);
    assertThat(soon.path("caseNo").asText()).isEqualTo(known.waitingForMerchant());
    assertThat(soon.path("name").asText()).isEqualTo("merchantResponseDue");
    assertThat(OffsetDateTime.parse(soon.path("due").asText()).toInstant())
        .isEqualTo(LocalDate.of(2025, 6, 19).atStartOfDay(CHINA).toInstant());

    // cases per ISO week: 2 started in W23 (2 and 3 June), 3 in W24; ended 2 in W23 (4 and 7 June),
    // none in W24
    assertThat(summary.at("/weeks").toString())
        .contains("\"week\":\"2025-W23\",\"monday\":\"2025-06-02\",\"started\":2,\"ended\":2")
        .contains("\"week\":\"2025-W24\",\"monday\":\"2025-06-09\",\"started\":3,\"ended\":0");

    assertNoPersonalData(summary);
  }

  @Test
  void complaints_theLateFirstResponseIsABreach_theOtherIsOnTime_byLevelAndDepartment() {
    JsonNode summary = summary("supervisor", "process=enterprise-complaint&" + RANGE);
    Map<String, Object> late = variables(known.lateComplaint());
    Map<String, Object> onTime = variables(known.onTimeComplaint());
    assertThat(((Date) late.get("firstRespondedAt")))
        .as("answered after its deadline")
        .isAfter((Date) late.get("firstResponseDue"));
    assertThat(((Date) onTime.get("firstRespondedAt")))
        .isBefore((Date) onTime.get("firstResponseDue"));

    assertThat(summary.at("/cases/running").asLong()).isEqualTo(2);
    JsonNode row = summary.at("/sla/rows").get(0);
    assertThat(summary.at("/sla/rows").size()).isEqualTo(1);
    assertThat(row.path("level").asText()).isEqualTo(late.get("severity"));
    assertThat(row.path("department").asText()).isEqualTo(late.get("department"));
    assertThat(row.path("departmentLabel").asText()).isEqualTo("工程维修部");
    assertThat(row.path("cases").asLong()).isEqualTo(2);
    assertThat(row.at("/firstResponse/onTime").asLong()).isEqualTo(1);
    assertThat(row.at("/firstResponse/breached").asLong()).isEqualTo(1);
    assertThat(group(summary, "byLevel", (String) late.get("severity"))).isEqualTo("2/0");
    assertThat(group(summary, "byDepartment", "dept-engineering")).isEqualTo("2/0");
    assertThat(group(summary, "byCategory", "lift-failure")).isEqualTo("2/0");
    assertNoPersonalData(summary);
  }

  @Test
  void smallGroups_areLeftOut_andCounted() {
    JsonNode summary = summary("analyst", "process=consumer-dispute&minGroupSize=2&" + RANGE);
    assertThat(summary.path("minGroupSize").asInt()).isEqualTo(2);
    assertThat(summary.at("/byCategory/groups").toString())
        .contains("quality")
        .doesNotContain("service");
    assertThat(summary.at("/byCategory/suppressed").asInt()).isEqualTo(1);
  }

  @Test
  void partiesMediatorsAndDepartments_get403() {
    for (String user :
        List.of(
            "api", "mediator", "engineer", "service", "handler", "reviewer", "hq", "designer")) {
      ResponseEntity<JsonNode> answer =
          as(user)
              .get()
              .uri("/api/analytics/summary?process=consumer-dispute")
              .retrieve()
              .toEntity(JsonNode.class);
      assertThat(answer.getStatusCode().value()).as(user).isEqualTo(403);
      assertThat(answer.getBody().path("code").asText()).isEqualTo("forbidden");
    }
    assertThat(
            anonymous()
                .get()
                .uri("/api/analytics/summary?process=consumer-dispute")
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value())
        .isEqualTo(401);
  }

  @Test
  void badParameters_are400NamingTheParameter() {
    assertProblem("", "process", "required");
    assertProblem("process=orders", "process", "one-of");
    assertProblem("process=consumer-dispute&from=2025-13-01", "from", "invalid-date");
    assertProblem(
        "process=consumer-dispute&from=2025-06-15&to=2025-06-01", "from", "invalid-value");
    assertProblem("process=consumer-dispute&from=1900-01-01", "from", "date-out-of-range");
    assertProblem("process=consumer-dispute&minGroupSize=0", "minGroupSize", "out-of-range");
    assertProblem("process=consumer-dispute&minGroupSize=two", "minGroupSize", "invalid-value");
  }

  @Test
  void theOpenApiDescription_documentsTheSummary() {
    JsonNode openApi = as("analyst").get().uri("/api/openapi.json").retrieve().body(JsonNode.class);
    JsonNode get = openApi.at("/paths/~1api~1analytics~1summary/get");
    assertThat(get.isMissingNode()).isFalse();
    assertThat(get.toString()).contains("process").contains("minGroupSize");
    assertThat(openApi.at("/components/schemas/Summary/properties").has("deadlines")).isTrue();
  }

  // ------------------------------------------------------------------ helpers

  private void assertProblem(String query, String field, String code) {
    ResponseEntity<JsonNode> answer =
        as("analyst")
            .get()
            .uri("/api/analytics/summary?" + query)
            .retrieve()
            .toEntity(JsonNode.class);
    assertThat(answer.getStatusCode().value()).as(query).isEqualTo(400);
    assertThat(answer.getBody().path("field").asText()).as(query).isEqualTo(field);
    assertThat(answer.getBody().path("code").asText()).as(query).isEqualTo(code);
  }

  private JsonNode summary(String user, String query) {
    ResponseEntity<JsonNode> answer =
        as(user).get().uri("/api/analytics/summary?" + query).retrieve().toEntity(JsonNode.class);
    assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
    return answer.getBody();
  }

  private static void assertNoPersonalData(JsonNode summary) {
    String body = summary.toString();
    assertThat(PERSONAL).hasSizeGreaterThan(10);
    PERSONAL.forEach(
        value -> assertThat(body).as("personal value in the summary").doesNotContain(value));
  }

  /** "running/ended" of the group with that key. */
  private static String group(JsonNode summary, String grouping, String key) {
    JsonNode group = find(summary.at("/" + grouping + "/groups"), key);
    return group.path("running").asLong() + "/" + group.path("ended").asLong();
  }

  private static String label(JsonNode groups, String key) {
    return find(groups, key).path("label").asText();
  }

  private static JsonNode find(JsonNode array, String key) {
    for (JsonNode item : array) {
      if (key.equals(item.path("key").asText())) {
        return item;
      }
    }
    throw new AssertionError("no " + key + " in " + array);
  }

  private Map<String, Object> variables(String caseNo) {
    Map<String, Object> values = new HashMap<>();
    String id =
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(caseNo)
            .rootProcessInstances()
            .singleResult()
            .getId();
    engine
        .getHistoryService()
        .createHistoricVariableInstanceQuery()
        .processInstanceId(id)
        .list()
        .forEach(v -> values.put(v.getName(), v.getValue()));
    return values;
  }

  private static void at(LocalDateTime beijing) {
    ClockUtil.setCurrentTime(Date.from(beijing.atZone(CHINA).toInstant()));
  }

  private void runJobs() {
    EngineJobs.runMessageJobs(engine.getManagementService(), null, 100);
  }

  // ------------------------------------------------------------------ the known cases

  private Known makeCases() {
    List<String> withdrawn = new ArrayList<>();
    withdrawn.add(withdrawnDispute("甲", "quality", LocalDateTime.of(2025, 6, 2, 9, 0), 2));
    withdrawn.add(withdrawnDispute("乙", "quality", LocalDateTime.of(2025, 6, 3, 9, 0), 4));
    withdrawn.add(withdrawnDispute("丙", "service", LocalDateTime.of(2025, 6, 9, 9, 0), 7));

    at(LocalDateTime.of(2025, 6, 10, 9, 0));
    ProcessInstance choosing = startDispute("丁", "quality");
    at(LocalDateTime.of(2025, 6, 10, 10, 0));
    engine
        .getRuntimeService()
        .createMessageCorrelation("MerchantResponse")
        .processInstanceId(choosing.getId())
        .setVariable("merchantAnswer", "reject")
        .correlate();
    runJobs();
    Task choice =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(choosing.getId())
            .taskDefinitionKey("Task_RecordChannelChoice")
            .singleResult();
    assertThat(choice).as("the case waits for the consumer's choice").isNotNull();

    at(LocalDateTime.of(2025, 6, 13, 9, 0));
    String merchant = startDispute("戊", "quality").getBusinessKey(); // waits for the merchant

    // two complaints of the same kind filed on Tuesday 3 June: one answered within the hour, one on
    // 16 June
    String onTime = fileComplaint("己", LocalDateTime.of(2025, 6, 3, 9, 0));
    String late = fileComplaint("庚", LocalDateTime.of(2025, 6, 3, 9, 5));
    at(LocalDateTime.of(2025, 6, 3, 10, 0));
    accept(onTime);
    at(LocalDateTime.of(2025, 6, 16, 10, 0));
    accept(late);
    return new Known(
        withdrawn, choosing.getBusinessKey(), choosing.getId(), merchant, onTime, late);
  }

  private String withdrawnDispute(String who, String category, LocalDateTime start, int days) {
    at(start);
    ProcessInstance dispute = startDispute(who, category);
    at(start.plusDays(days));
    engine
        .getRuntimeService()
        .createMessageCorrelation("Withdraw")
        .processInstanceId(dispute.getId())
        .setVariable("withdrawReason", "已私下和解")
        .correlate();
    runJobs();
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processInstanceId(dispute.getId())
                .singleResult()
                .getEndTime())
        .as("withdrawn case ended")
        .isNotNull();
    return dispute.getBusinessKey();
  }

  private ProcessInstance startDispute(String who, String category) {
    LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), CHINA);
    Map<String, Object> v = new HashMap<>();
    v.put("consumerName", "看板消费者" + who);
    v.put("consumerPhone", phone("137", who));
    v.put("consumerEmail", "kanban-" + (int) who.charAt(0) + "@example.cn");
    v.put("merchantName", "看板商家" + who);
    v.put("merchantEmail", "kanban-shop-" + (int) who.charAt(0) + "@example.cn");
    v.put("platform", "taobao");
    v.put("purchaseChannel", "online-platform");
    v.put("itemName", "看板测试商品");
    v.put("price", "299.00");
    v.put("quantity", 1);
    v.put("paidAt", Date.from(today.minusDays(10).atStartOfDay(CHINA).toInstant()));
    v.put("receivedAt", Date.from(today.minusDays(8).atStartOfDay(CHINA).toInstant()));
    v.put("harmKnownOn", Date.from(today.minusDays(7).atStartOfDay(CHINA).toInstant()));
    v.put("category", category);
    v.put("description", "看板测试描述" + who);
    v.put("claimRefund", true);
    v.put("filedBy", "api");
    v.put("registeredBy", "api");
    v.forEach(
        (name, value) -> {
          if (name.startsWith("consumer") || name.startsWith("merchant")) {
            PERSONAL.add(value.toString());
          }
        });
    ProcessInstance instance =
        engine.getRuntimeService().startProcessInstanceByKey(ProcessKeys.CONSUMER_DISPUTE, v);
    runJobs();
    return instance;
  }

  private String fileComplaint(String who, LocalDateTime at) {
    at(at);
    String name = "看板投诉人" + who;
    String phone = phone("139", who);
    String email = "kanban-c-" + (int) who.charAt(0) + "@example.cn";
    PERSONAL.addAll(List.of(name, phone, email));
    String body =
        """
        {"complainant":{"name":"%s","phone":"%s","email":"%s"},"contactChannel":"phone",
         "occurredOn":"%s","location":"3号楼","category":"lift-failure","description":"电梯停运","claim":"尽快处理"}
        """
            .formatted(name, phone, email, at.toLocalDate().minusDays(1));
    ResponseEntity<JsonNode> filed =
        as("api")
            .post()
            .uri("/api/complaints")
            .contentType(MediaType.APPLICATION_JSON)
            .body(body)
            .retrieve()
            .toEntity(JsonNode.class);
    assertThat(filed.getStatusCode().value()).as(String.valueOf(filed.getBody())).isEqualTo(201);
    runJobs();
    return filed.getBody().path("caseNo").asText();
  }

  private void accept(String caseNo) {
    Task task =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceBusinessKey(caseNo)
            .taskDefinitionKey("Task_AcceptComplaint")
            .singleResult();
    assertThat(task).as("first response of %s", caseNo).isNotNull();
    engine.getFormService().submitTaskForm(task.getId(), Map.of("firstContactNote", "已致电投诉人"));
    runJobs();
  }

  private static String phone(String prefix, String who) {
    return prefix + String.format("%08d", (int) who.charAt(0));
  }
}
