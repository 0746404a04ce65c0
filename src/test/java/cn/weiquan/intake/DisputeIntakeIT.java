package cn.weiquan.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.weiquan.platform.EngineClock;
import cn.weiquan.platform.ProcessKeys;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** POST /api/disputes and the answers over real HTTP against the real consumer-dispute process. */
class DisputeIntakeIT extends IntakeSupport {

  @Autowired GreenMail mailServer;
  @Autowired EvidenceStore evidenceStore;
  @Autowired cn.weiquan.calendar.Deadlines deadlines;

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  private String fileDispute(String merchantUser) {
    ResponseEntity<JsonNode> filed =
        post("api", "/api/disputes", dispute(UUID.randomUUID().toString(), merchantUser));
    assertThat(filed.getStatusCode())
        .as(String.valueOf(filed.getBody()))
        .isEqualTo(HttpStatus.CREATED);
    return filed.getBody().path("caseNo").asText();
  }

  private long disputes() {
    return engine
        .getHistoryService()
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.CONSUMER_DISPUTE)
        .count();
  }

  @Test
  void filing_startsTheCaseWithTheFiledFacts_andAnswers201WithItsLocation() {
    String reference = "ORDER-" + UUID.randomUUID();
    ResponseEntity<JsonNode> filed = post("api", "/api/disputes", dispute(reference, null));

    assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String caseNo = filed.getBody().path("caseNo").asText();
    assertThat(caseNo).matches("WQ-\\d{4}-\\d{6}");
    assertThat(filed.getHeaders().getLocation()).hasToString("/api/disputes/" + caseNo);
    Map<String, Object> vars = engine.getRuntimeService().getVariables(processInstanceId(caseNo));
    assertThat(vars)
        .containsEntry("caseNo", caseNo)
        .containsEntry("consumerName", "李明")
        .containsEntry("consumerEmail", CONSUMER_EMAIL)
        .containsEntry("merchantName", "某某电器旗舰店")
        .containsEntry("platform", "tmall")
        .containsEntry("purchaseChannel", "online-platform")
        .containsEntry("price", "199.00")
        .containsEntry("quantity", 1)
        .containsEntry("claimAmount", "500.00")
        .containsEntry("claimRefund", true)
        .containsEntry("category", "quality")
        .containsEntry("filedBy", "api")
        .containsEntry("registeredBy", "api")
        .containsEntry("externalReference", reference);
    assertThat(vars.get("paidAt")).isInstanceOf(Date.class);
    assertThat(vars.get("harmKnownOn")).isEqualTo(EngineClock.startOf(today().minusDays(5)));
    // markup is data: stored verbatim, and Camunda Forms render it as text
    assertThat(vars.get("description")).isEqualTo("<script>alert('x')</script><b>使用三天后漏电</b>");
  }

  @Test
  void aRetryWithTheSameIdempotencyKey_returnsTheSameCase() {
    String body = dispute(UUID.randomUUID().toString(), null);
    String key = UUID.randomUUID().toString();
    ResponseEntity<JsonNode> first =
        as("api")
            .post()
            .uri("/api/disputes")
            .header("Idempotency-Key", key)
            .contentType(MediaType.APPLICATION_JSON)
            .body(body)
            .retrieve()
            .toEntity(JsonNode.class);
    long after = disputes();
    ResponseEntity<JsonNode> retry =
        as("api")
            .post()
            .uri("/api/disputes")
            .header("Idempotency-Key", key)
            .contentType(MediaType.APPLICATION_JSON)
            .body(body.replace("\n", " "))
            .retrieve()
            .toEntity(JsonNode.class);

    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(retry.getBody().path("caseNo").asText())
        .isEqualTo(first.getBody().path("caseNo").asText());
    assertThat(retry.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
    assertThat(disputes()).isEqualTo(after);
  }

  @Test
  void aRetryWithTheSameExternalReference_returnsTheSameCase_andAReusedKeyForAnotherRequestIs422() {
    String reference = "REF-" + UUID.randomUUID();
    String first =
        post("api", "/api/disputes", dispute(reference, null)).getBody().path("caseNo").asText();
    ResponseEntity<JsonNode> retry = post("api", "/api/disputes", dispute(reference, null));
    ResponseEntity<JsonNode> other =
        post("api", "/api/disputes", dispute(reference, null).replace("电热水壶", "电饭煲"));

    assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(retry.getBody().path("caseNo").asText()).isEqualTo(first);
    assertThat(other.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(other.getBody().path("field").asText()).isEqualTo("Idempotency-Key");
  }

  @Test
  void concurrentRetries_startOneCase() throws Exception {
    String body = dispute(UUID.randomUUID().toString(), null);
    String key = UUID.randomUUID().toString();
    long before = disputes();
    int clients = 8;
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<ResponseEntity<JsonNode>>> answers = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        Callable<ResponseEntity<JsonNode>> call =
            () -> {
              go.await();
              return as("api")
                  .post()
                  .uri("/api/disputes")
                  .header("Idempotency-Key", key)
                  .contentType(MediaType.APPLICATION_JSON)
                  .body(body)
                  .retrieve()
                  .toEntity(JsonNode.class);
            };
        answers.add(pool.submit(call));
      }
      go.countDown();
      List<String> caseNos = new ArrayList<>();
      int created = 0;
      for (Future<ResponseEntity<JsonNode>> answer : answers) {
        ResponseEntity<JsonNode> response = answer.get(60, TimeUnit.SECONDS);
        assertThat(response.getStatusCode().value())
            .as(String.valueOf(response.getBody()))
            .isIn(200, 201);
        created += response.getStatusCode().value() == 201 ? 1 : 0;
        caseNos.add(response.getBody().path("caseNo").asText());
      }
      assertThat(caseNos).containsOnly(caseNos.get(0));
      assertThat(created).isEqualTo(1);
      assertThat(disputes()).isEqualTo(before + 1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void badInput_is4xxNamingTheField_andStartsNothing() {
    String good = dispute("BAD-" + UUID.randomUUID(), null);
    Map<String, String> badToField = new java.util.LinkedHashMap<>();
    badToField.put(good.replace("\"price\":\"199.00\"", "\"price\":\"-1\""), "purchase.price");
    badToField.put(good.replace("\"price\":\"199.00\"", "\"price\":\"abc\""), "purchase.price");
    badToField.put(good.replace("\"price\":\"199.00\"", "\"price\":1e999"), "purchase.price");
    badToField.put(good.replace("\"price\":\"199.00\"", "\"price\":\"199.001\""), "purchase.price");
    badToField.put(
        good.replace("\"compensation\":\"500\"", "\"compensation\":\"100000000.01\""),
        "claims.compensation");
    badToField.put(
        good.replace("\"quantity\":1", "\"quantity\":99999999999999999999"), "purchase.quantity");
    badToField.put(
        good.replace("\"channel\":\"online-platform\"", "\"channel\":\"carrier-pigeon\""),
        "purchase.channel");
    badToField.put(
        good.replace("\"category\":\"quality\"", "\"category\":\"bad-vibes\""), "category");
    badToField.put(
        good.replace("\"platform\":\"tmall\"", "\"platform\":\"ebay\""), "merchant.platform");
    badToField.put(
        good.replace(
            "\"harmKnownOn\":\"" + today().minusDays(5),
            "\"harmKnownOn\":\"" + today().plusDays(1)),
        "harmKnownOn");
    badToField.put(
        good.replace(
            "\"paidAt\":\"" + today().minusDays(10), "\"paidAt\":\"" + today().plusDays(3)),
        "purchase.paidAt");
    badToField.put(
        good.replace("\"paidAt\":\"" + today().minusDays(10), "\"paidAt\":\"yesterday"),
        "purchase.paidAt");
    badToField.put(good.replace("\"name\":\"李明\",", ""), "consumer.name");
    badToField.put(good.replace(CONSUMER_EMAIL, "li.ming-at-example"), "consumer.email");
    badToField.put(good.replace("\"refund\":true", "\"refund\":\"true\""), "claims.refund");
    badToField.put(
        good.replace("\"reportViolation\"", "x")
            .replace("\"arbitrationAgreement\":false", "\"reportViolation\":true"),
        "reporter");
    badToField.put("", "body");
    badToField.put("[" + good + "]", "body");
    badToField.put("{\"consumer\": ", "body");
    badToField.put("42", "body");
    long before = disputes();

    badToField.forEach(
        (body, field) -> {
          ResponseEntity<JsonNode> answer = post("api", "/api/disputes", body);
          assertThat(answer.getStatusCode().value()).as(field + " for " + body).isEqualTo(400);
          assertThat(answer.getHeaders().getContentType().toString())
              .startsWith("application/problem+json");
          assertThat(answer.getBody().path("field").asText()).as(body).isEqualTo(field);
        });
    assertThat(disputes()).isEqualTo(before);
  }

  /**
   * Dates a person cannot mean: before 1990, past the end of what a date can be, year 0, or a past
   * event in the future.
   */
  @Test
  void datesOutsideASaneRange_are400NamingTheField_inChinese_never500() {
    String good = dispute("DATE-" + UUID.randomUUID(), null);
    String harm = "\"harmKnownOn\":\"" + today().minusDays(5) + "\"";
    String paid = "\"paidAt\":\"" + today().minusDays(10) + "\"";
    String received = "\"receivedAt\":\"" + today().minusDays(8) + "\"";
    Map<String, String[]> badToFieldAndCode = new java.util.LinkedHashMap<>();
    for (String extreme : List.of("-999999999-01-01", "0000-01-01", "1989-12-31")) {
      badToFieldAndCode.put(
          good.replace(harm, "\"harmKnownOn\":\"" + extreme + "\""),
          new String[] {"harmKnownOn", "date-out-of-range"});
      badToFieldAndCode.put(
          good.replace(paid, "\"paidAt\":\"" + extreme + "\""),
          new String[] {"purchase.paidAt", "date-out-of-range"});
      badToFieldAndCode.put(
          good.replace(received, "\"receivedAt\":\"" + extreme + "\""),
          new String[] {"purchase.receivedAt", "date-out-of-range"});
    }
    badToFieldAndCode.put(
        good.replace(harm, "\"harmKnownOn\":\"+999999999-12-31\""),
        new String[] {"harmKnownOn", "date-out-of-range"});
    badToFieldAndCode.put(
        good.replace(paid, "\"paidAt\":\"+999999999-12-31\""),
        new String[] {"purchase.paidAt", "date-out-of-range"});
    badToFieldAndCode.put(
        good.replace(received, "\"receivedAt\":\"+999999999-12-31\""),
        new String[] {"purchase.receivedAt", "date-out-of-range"});
    badToFieldAndCode.put(
        good.replace(harm, "\"harmKnownOn\":\"" + today().plusDays(1) + "\""),
        new String[] {"harmKnownOn", "future-date"});
    badToFieldAndCode.put(
        good.replace(received, "\"receivedAt\":\"" + today().plusDays(1) + "\""),
        new String[] {"purchase.receivedAt", "future-date"});
    long before = disputes();

    badToFieldAndCode.forEach(
        (body, fieldAndCode) -> {
          ResponseEntity<JsonNode> answer = post("api", "/api/disputes", body);
          assertThat(answer.getStatusCode().value())
              .as(fieldAndCode[0] + " in " + body)
              .isEqualTo(400);
          JsonNode problem = answer.getBody();
          assertThat(problem.path("field").asText()).as(body).isEqualTo(fieldAndCode[0]);
          assertThat(problem.path("errors").findValuesAsText("code"))
              .as(body)
              .contains(fieldAndCode[1]);
          assertThat(problem.path("detail").asText())
              .as("Chinese for a person")
              .contains(fieldAndCode[0])
              .containsPattern("[\\u4e00-\\u9fff]");
          assertThat(problem.path("detailEn").asText()).contains(fieldAndCode[0]);
        });
    assertThat(disputes()).isEqualTo(before);

    String caseNo = fileDispute(null);
    for (String servedOn :
        List.of(
            "-999999999-01-01", "+999999999-12-31", "0000-01-01", today().plusDays(1).toString())) {
      ResponseEntity<JsonNode> answer =
          post(
              "api",
              "/api/disputes/" + caseNo + "/official-decisions",
              "{\"kind\":\"judgment\",\"outcome\":\"判决退货退款\",\"servedOn\":\"" + servedOn + "\"}");
      assertThat(answer.getStatusCode().value()).as(servedOn).isEqualTo(400);
      assertThat(answer.getBody().path("field").asText()).isEqualTo("servedOn");
    }
  }

  /** A case whose merchant rejected: it waits for the consumer's choice of channel. */
  private String caseAtTheChannelChoice(String merchant) {
    String caseNo = fileDispute(merchant);
    String id = processInstanceId(caseNo);
    runDueJobs(id);
    assertThat(
            post(
                    merchant,
                    "/api/disputes/" + caseNo + "/merchant-response",
                    "{\"answer\":\"reject\"}")
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    runDueJobs(id);
    return caseNo;
  }

  @Test
  void theConsumersChoice_mustBeAChannelTheCaseOffers_409NamesThem() {
    String caseNo = caseAtTheChannelChoice(apiUser("merchant-a"));

    ResponseEntity<JsonNode> arbitration =
        post(
            "api",
            "/api/disputes/" + caseNo + "/consumer-decision",
            "{\"decision\":\"escalate\",\"nextChannel\":\"arbitration\"}");
    ResponseEntity<JsonNode> none =
        post("api", "/api/disputes/" + caseNo + "/consumer-decision", "{\"decision\":\"accept\"}");

    assertThat(arbitration.getStatusCode())
        .as(String.valueOf(arbitration.getBody()))
        .isEqualTo(HttpStatus.CONFLICT);
    assertThat(arbitration.getBody().path("code").asText()).isEqualTo("channel-not-offered");
    assertThat(arbitration.getBody().path("offered").toString())
        .contains("association", "regulator", "court")
        .doesNotContain("arbitration");
    assertThat(arbitration.getBody().path("detail").asText()).contains("依法已不可选");
    assertThat(none.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(none.getBody().path("field").asText()).isEqualTo("nextChannel");
    JsonNode status = get("api", "/api/disputes/" + caseNo).getBody();
    assertThat(status.path("stage").asText()).isEqualTo("选择维权途径");
  }

  @Test
  void
      throughTheRegulator_acceptedOnADay_theMediationLimitCountsFromIt_andTheOutcomeSaysWhetherItResolved() {
    String caseNo = caseAtTheChannelChoice(apiUser("merchant-a"));
    String id = processInstanceId(caseNo);
    assertThat(
            post(
                    "api",
                    "/api/disputes/" + caseNo + "/consumer-decision",
                    "{\"decision\":\"escalate\",\"nextChannel\":\"regulator\"}")
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    runDueJobs(id);
    LocalDate acceptedOn = today().minusDays(1);

    ResponseEntity<JsonNode> accepted =
        post(
            "api",
            "/api/disputes/" + caseNo + "/official-decisions",
            "{\"kind\":\"regulator-accepted\",\"authority\":\"某区市场监督管理局\",\"acceptedOn\":\""
                + acceptedOn
                + "\"}");
    runDueJobs(id);

    assertThat(accepted.getStatusCode())
        .as(String.valueOf(accepted.getBody()))
        .isEqualTo(HttpStatus.OK);
    JsonNode limit =
        find(
            get("api", "/api/disputes/" + caseNo).getBody().path("deadlines"),
            "variable",
            "regulatorMediationDue");
    assertThat(limit.path("period").asText()).isEqualTo("mediation-limit");
    assertThat(limit.path("due").asText())
        .isEqualTo(
            java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                CaseStatusService.beijing(
                    deadlines.due(
                        "mediation-limit",
                        java.util.Date.from(
                            acceptedOn
                                .atStartOfDay(java.time.ZoneId.of("Asia/Shanghai"))
                                .toInstant())))));
    // the outcome must say whether it settled the dispute: the case ends or goes back to the
    // consumer by it
    ResponseEntity<JsonNode> vague =
        post(
            "api",
            "/api/disputes/" + caseNo + "/official-decisions",
            "{\"kind\":\"regulator-outcome\",\"outcome\":\"经调解达成一致\"}");
    assertThat(vague.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(vague.getBody().path("field").asText()).isEqualTo("resolved");
    ResponseEntity<JsonNode> resolved =
        post(
            "api",
            "/api/disputes/" + caseNo + "/official-decisions",
            "{\"kind\":\"regulator-outcome\",\"outcome\":\"经调解达成一致，经营者退货退款\",\"resolved\":true}");
    runDueJobs(id);
    assertThat(resolved.getStatusCode())
        .as(String.valueOf(resolved.getBody()))
        .isEqualTo(HttpStatus.OK);
    JsonNode status = get("api", "/api/disputes/" + caseNo).getBody();
    assertThat(status.path("status").asText()).isEqualTo("ended");
    assertThat(status.path("endState").path("activityId").asText())
        .isEqualTo("EndEvent_ResolvedInChannel");
    assertThat(status.path("deadlines").size())
        .as("an ended case binds no one to a deadline")
        .isZero();
  }

  @Test
  void aJudgmentWithoutTheDayItWasServed_isRefused_theAppealWindowCountsFromIt() {
    String merchant = apiUser("merchant-a");
    String caseNo = caseAtTheChannelChoice(merchant);
    String id = processInstanceId(caseNo);
    post(
        "api",
        "/api/disputes/" + caseNo + "/consumer-decision",
        "{\"decision\":\"escalate\",\"nextChannel\":\"court\"}");
    runDueJobs(id);
    String court = channelInstanceId(caseNo, ProcessKeys.DISPUTE_COURT);
    var task =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(court)
            .taskDefinitionKey("Task_PrepareLitigationPackage")
            .singleResult();
    engine
        .getTaskService()
        .complete(
            task.getId(), Map.of("courtName", "杭州互联网法院", "lawsuitFiledOn", today().toString()));
    runDueJobs(id);

    ResponseEntity<JsonNode> undated =
        post(
            "api",
            "/api/disputes/" + caseNo + "/official-decisions",
            "{\"kind\":\"judgment\",\"outcome\":\"判决退货退款\"}");
    ResponseEntity<JsonNode> dated =
        post(
            "api",
            "/api/disputes/" + caseNo + "/official-decisions",
            "{\"kind\":\"judgment\",\"outcome\":\"判决退货退款\",\"servedOn\":\"" + today() + "\"}");
    runDueJobs(id);
    ResponseEntity<JsonNode> appeal =
        post(
            merchant,
            "/api/disputes/" + caseNo + "/official-decisions",
            "{\"kind\":\"appeal\",\"appealedBy\":\"merchant\"}");
    runDueJobs(id);

    assertThat(undated.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(undated.getBody().path("field").asText()).isEqualTo("servedOn");
    assertThat(dated.getStatusCode()).as(String.valueOf(dated.getBody())).isEqualTo(HttpStatus.OK);
    assertThat(appeal.getStatusCode())
        .as(String.valueOf(appeal.getBody()))
        .isEqualTo(HttpStatus.OK);
    // the record and the parties' mails name the party in Chinese
    assertThat(engine.getRuntimeService().getVariable(court, "appealedBy")).isEqualTo("经营者");
  }

  @Test
  void aProblemCarriesAChineseDetail_theFieldAndAMachineCode() {
    String good = dispute("ZH-" + UUID.randomUUID(), null);

    JsonNode problem = post("api", "/api/disputes", good.replace("\"name\":\"李明\",", "")).getBody();

    assertThat(problem.path("status").asInt()).isEqualTo(400);
    assertThat(problem.path("field").asText()).isEqualTo("consumer.name");
    assertThat(problem.path("code").asText()).isEqualTo("required");
    assertThat(problem.path("detail").asText()).isEqualTo("「consumer.name」为必填项");
    assertThat(problem.path("errors").get(0).path("code").asText()).isEqualTo("required");
    assertThat(problem.path("errors").get(0).path("detail").asText())
        .isEqualTo("「consumer.name」为必填项");
    assertThat(problem.path("detailEn").asText()).contains("consumer.name");
  }

  @Test
  void wrongContentType_415_andTooLargeABody_413_andNo500() {
    String good = dispute("SIZE-" + UUID.randomUUID(), null);
    long before = disputes();
    ResponseEntity<JsonNode> text =
        as("api")
            .post()
            .uri("/api/disputes")
            .contentType(MediaType.TEXT_PLAIN)
            .body(good)
            .retrieve()
            .toEntity(JsonNode.class);
    String huge = good.replace("\"description\":\"", "\"description\":\"" + "长".repeat(400_000));
    ResponseEntity<JsonNode> tooLarge = post("api", "/api/disputes", huge);
    ResponseEntity<JsonNode> longDescription =
        post(
            "api",
            "/api/disputes",
            good.replace("\"description\":\"", "\"description\":\"" + "x".repeat(5000)));

    assertThat(text.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertThat(tooLarge.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(tooLarge.getBody().path("field").asText()).isEqualTo("body");
    assertThat(longDescription.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(longDescription.getBody().path("field").asText()).isEqualTo("description");
    assertThat(disputes()).isEqualTo(before);
  }

  @Test
  void onlyApiClientsFile_andStrangersNeedALogin() {
    assertThat(
            post("mediator", "/api/disputes", dispute("X-" + UUID.randomUUID(), null))
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            anonymous()
                .post()
                .uri("/api/disputes")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{}")
                .retrieve()
                .toBodilessEntity()
                .getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void status_showsStageDeadlinesStepsAndWhatTheCaseWaitsFor() {
    String caseNo = fileDispute(null);
    runDueJobs(processInstanceId(caseNo));

    JsonNode status = get("api", "/api/disputes/" + caseNo).getBody();

    assertThat(status.path("caseNo").asText()).isEqualTo(caseNo);
    assertThat(status.path("status").asText()).isEqualTo("running");
    assertThat(status.path("stage").asText()).isEqualTo("协商和解");
    JsonNode deadline = find(status.path("deadlines"), "variable", "merchantResponseDue");
    assertThat(deadline.path("period").asText()).isEqualTo("merchant-response");
    assertThat(deadline.path("basis").asText()).isNotBlank();
    assertThat(deadline.path("due").asText()).endsWith("+08:00");
    assertThat(
            find(status.path("steps"), "activityId", "Task_AssignCaseNumber").path("name").asText())
        .isEqualTo("分配案件编号");
    JsonNode answer = find(status.path("waitingFor"), "message", "MerchantResponse");
    assertThat(answer.path("endpoint").asText()).isEqualTo("merchant-response");
    assertThat(find(status.path("waitingFor"), "kind", "timer").path("due").asText()).isNotBlank();
    assertThat(status.toString()).doesNotContain("13800138000"); // contact data is not echoed
  }

  @Test
  void aMerchantSeesAndAnswersOnlyItsOwnCases() {
    String merchantA = apiUser("merchant-a");
    String merchantB = apiUser("merchant-b");
    String caseNo = fileDispute(merchantA);
    runDueJobs(processInstanceId(caseNo));
    String reject = "{\"answer\":\"reject\"}";

    assertThat(get(merchantB, "/api/disputes/" + caseNo).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(
            post(merchantB, "/api/disputes/" + caseNo + "/merchant-response", reject)
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get(merchantB, "/api/disputes/WQ-2099-999999").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("handler", "/api/disputes/" + caseNo).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("mediator", "/api/disputes/" + caseNo).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(
            post("api", "/api/disputes/" + caseNo + "/merchant-response", reject).getStatusCode())
        .as("the consumer's side cannot answer for the merchant")
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get(merchantA, "/api/disputes/" + caseNo).getStatusCode()).isEqualTo(HttpStatus.OK);

    ResponseEntity<JsonNode> answered =
        post(merchantA, "/api/disputes/" + caseNo + "/merchant-response", reject);

    assertThat(answered.getStatusCode())
        .as(String.valueOf(answered.getBody()))
        .isEqualTo(HttpStatus.OK);
    assertThat(
            engine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId(caseNo))
                .variableName("merchantAnswer")
                .singleResult()
                .getValue())
        .isEqualTo("reject");
  }

  @Test
  void aMessageTheCaseDoesNotWaitFor_is409SayingWhatItWaitsFor() {
    String caseNo = fileDispute(null);
    runDueJobs(processInstanceId(caseNo));

    ResponseEntity<JsonNode> early =
        post(
            "api",
            "/api/disputes/" + caseNo + "/consumer-decision",
            "{\"decision\":\"escalate\",\"nextChannel\":\"platform\"}");

    assertThat(early.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(early.getBody().path("detail").asText())
        .contains("ConsumerDecision")
        .contains("MerchantResponse");
    assertThat(
            find(early.getBody().path("waitingFor"), "message", "MerchantResponse").isMissingNode())
        .isFalse();
  }

  @Test
  void withdrawal_endsTheCase() {
    String caseNo = fileDispute(null);
    String id = processInstanceId(caseNo);
    runDueJobs(id);

    ResponseEntity<JsonNode> withdrawn =
        post("api", "/api/disputes/" + caseNo + "/withdraw", "{\"reason\":\"已与商家私下和解\"}");
    runDueJobs(id);

    assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode status = get("api", "/api/disputes/" + caseNo).getBody();
    assertThat(status.path("status").asText()).isEqualTo("ended");
    assertThat(status.path("endState").path("activityId").asText()).isEqualTo("EndEvent_Withdrawn");
    assertThat(
            post("api", "/api/disputes/" + caseNo + "/withdraw", "{\"reason\":\"again\"}")
                .getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
  }

  /**
   * Files a dispute whose merchant rejects and whose consumer asks the platform: the evidence
   * window opens.
   */
  private String caseInEvidenceWindow(String merchant) {
    String caseNo = fileDispute(merchant);
    String id = processInstanceId(caseNo);
    runDueJobs(id);
    assertThat(
            post(
                    merchant,
                    "/api/disputes/" + caseNo + "/merchant-response",
                    "{\"answer\":\"reject\"}")
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    runDueJobs(id);
    ResponseEntity<JsonNode> decided =
        post(
            "api",
            "/api/disputes/" + caseNo + "/consumer-decision",
            "{\"decision\":\"escalate\",\"nextChannel\":\"platform\"}");
    assertThat(decided.getStatusCode())
        .as(String.valueOf(decided.getBody()))
        .isEqualTo(HttpStatus.OK);
    runDueJobs(id);
    String channel = channelInstanceId(caseNo, ProcessKeys.DISPUTE_PLATFORM);
    assertThat(
            engine
                .getRuntimeService()
                .createEventSubscriptionQuery()
                .processInstanceId(channel)
                .eventName("EvidenceSubmitted")
                .count())
        .isEqualTo(1);
    return caseNo;
  }

  private ResponseEntity<JsonNode> sendEvidence(
      String user, String caseNo, byte[] content, String type) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("description", "<i>聊天记录截图</i>：商家承认漏电");
    HttpHeaders fileHeaders = new HttpHeaders();
    fileHeaders.setContentType(MediaType.parseMediaType(type));
    fileHeaders.setContentDispositionFormData("files", "chat.png");
    parts.add("files", new HttpEntity<>(content, fileHeaders));
    return as(user)
        .post()
        .uri("/api/disputes/" + caseNo + "/evidence")
        .contentType(MediaType.MULTIPART_FORM_DATA)
        .body(parts)
        .retrieve()
        .toEntity(JsonNode.class);
  }

  @Test
  void evidenceInTheWindow_isCorrelated() {
    String merchant = apiUser("merchant-a");
    String caseNo = caseInEvidenceWindow(merchant);

    ResponseEntity<JsonNode> sent = sendEvidence(merchant, caseNo, PNG, "image/png");

    assertThat(sent.getStatusCode())
        .as(String.valueOf(sent.getBody()))
        .isEqualTo(HttpStatus.CREATED);
    assertThat(sent.getBody().path("correlated").asBoolean()).isTrue();
    String id = channelInstanceId(caseNo, ProcessKeys.DISPUTE_PLATFORM);
    assertThat(engine.getRuntimeService().getVariable(id, "evidenceFrom")).isEqualTo("merchant");
    assertThat(engine.getRuntimeService().getVariable(id, "evidenceDescription"))
        .isEqualTo("<i>聊天记录截图</i>：商家承认漏电");
    // the merchant's evidence leaves the window open for the consumer's; the consumer's closes it
    // early
    assertThat(
            engine
                .getRuntimeService()
                .createEventSubscriptionQuery()
                .processInstanceId(id)
                .eventName("EvidenceSubmitted")
                .count())
        .isEqualTo(1);
    assertThat(engine.getRuntimeService().getVariable(id, "evidenceFromMerchant")).isEqualTo(true);
    assertThat(engine.getRuntimeService().getVariable(id, "evidenceFromConsumer")).isEqualTo(false);

    ResponseEntity<JsonNode> consumers = sendEvidence("api", caseNo, PNG, "image/png");

    assertThat(consumers.getStatusCode())
        .as(String.valueOf(consumers.getBody()))
        .isEqualTo(HttpStatus.CREATED);
    assertThat(consumers.getBody().path("party").asText()).isEqualTo("consumer");
    assertThat(
            engine
                .getRuntimeService()
                .createEventSubscriptionQuery()
                .processInstanceId(id)
                .eventName("EvidenceSubmitted")
                .count())
        .isZero();
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(id)
                .taskDefinitionKey("Task_PlatformReview")
                .count())
        .isEqualTo(1);
  }

  @Test
  void evidenceAfterTheWindowClosed_is409NamingTheInstant_andIsKeptAsLateEvidence() {
    String merchant = apiUser("merchant-a");
    String caseNo = caseInEvidenceWindow(merchant);
    String id = processInstanceId(caseNo);
    String channel = channelInstanceId(caseNo, ProcessKeys.DISPUTE_PLATFORM);
    Date due = (Date) engine.getRuntimeService().getVariable(channel, "evidenceDue");
    ClockUtil.setCurrentTime(new Date(due.getTime() + 60_000));
    Job timer =
        engine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(channel)
            .timers()
            .activityId("Timer_EvidenceWindow")
            .singleResult();
    engine.getManagementService().executeJob(timer.getId());
    runDueJobs(id);
    byte[] content = "商家聊天记录".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    ResponseEntity<JsonNode> late = sendEvidence(merchant, caseNo, content, "text/plain");

    assertThat(late.getStatusCode())
        .as(String.valueOf(late.getBody()))
        .isEqualTo(HttpStatus.CONFLICT);
    String closedAt =
        java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
            CaseStatusService.beijing(due));
    assertThat(late.getBody().path("closedAt").asText()).isEqualTo(closedAt).endsWith("+08:00");
    assertThat(late.getBody().path("detail").asText()).contains(closedAt);
    JsonNode kept =
        find(
            get(merchant, "/api/disputes/" + caseNo).getBody().path("evidence"),
            "id",
            late.getBody().path("evidenceId").asText());
    assertThat(kept.path("timing").asText()).isEqualTo("late");
    assertThat(kept.path("description").asText()).isEqualTo("<i>聊天记录截图</i>：商家承认漏电");
    assertThat(evidenceStore.content(kept.path("id").asText(), 0)).isEqualTo(content);
    assertThat(engine.getRuntimeService().getVariable(id, "lateEvidenceCount")).isEqualTo(1);
  }

  @Test
  void evidenceFilesOverTheLimitOrOfAnotherType_areRefusedNamingTheFile() {
    String caseNo = fileDispute(null);

    ResponseEntity<JsonNode> big =
        sendEvidence("api", caseNo, new byte[5 * 1024 * 1024 + 1], "application/pdf");
    ResponseEntity<JsonNode> exe =
        sendEvidence("api", caseNo, new byte[] {'M', 'Z'}, "application/x-msdownload");

    assertThat(big.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(big.getBody().path("field").asText()).isEqualTo("files[0]");
    assertThat(exe.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertThat(exe.getBody().path("field").asText()).isEqualTo("files[0]");
    assertThat(get("api", "/api/disputes/" + caseNo).getBody().path("evidence")).isEmpty();

    ResponseEntity<JsonNode> early =
        sendEvidence(
            "api", caseNo, "收据".getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain");
    assertThat(early.getStatusCode())
        .as("kept on the case before any evidence window")
        .isEqualTo(HttpStatus.ACCEPTED);
    assertThat(
            get("api", "/api/disputes/" + caseNo)
                .getBody()
                .path("evidence")
                .get(0)
                .path("timing")
                .asText())
        .isEqualTo("outside-window");
  }

  @Test
  void garbage_neverGives500() {
    String caseNo = fileDispute(null);
    List<ResponseEntity<JsonNode>> answers =
        List.of(
            as("api")
                .post()
                .uri("/api/disputes/" + caseNo + "/evidence")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body("not multipart at all")
                .retrieve()
                .toEntity(JsonNode.class),
            as("api")
                .post()
                .uri("/api/disputes/" + caseNo + "/evidence")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{}")
                .retrieve()
                .toEntity(JsonNode.class),
            as("api")
                .get()
                .uri("/api/disputes/" + caseNo)
                .accept(MediaType.TEXT_XML)
                .retrieve()
                .toEntity(JsonNode.class),
            as("api").get().uri("/api/disputes/%00%27--").retrieve().toEntity(JsonNode.class),
            as("api")
                .post()
                .uri("/api/disputes/" + caseNo + "/merchant-response")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"answer\":\"reject\"}")
                .retrieve()
                .toEntity(JsonNode.class),
            post(
                "api",
                "/api/disputes/" + caseNo + "/consumer-decision",
                "{\"decision\":\"escalate\"}"),
            post("api", "/api/disputes/" + caseNo + "/withdraw", "{\"reason\":[1,2]}"),
            post("api", "/api/disputes", "{\"purchase\":{\"quantity\":1e400}}"),
            post("api", "/api/disputes", "{".repeat(5000)),
            as("api")
                .put()
                .uri("/api/disputes")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{}")
                .retrieve()
                .toEntity(JsonNode.class));
    answers.forEach(
        answer ->
            assertThat(answer.getStatusCode().value())
                .as(String.valueOf(answer.getBody()))
                .isBetween(400, 499));
  }

  /**
   * The first mails of a case (case-received): each party gets its own text, the consumer "投诉已受理",
   * the merchant "请答复消费者投诉" with the answer deadline; the merchant's never carries the consumer's
   * phone or e-mail.
   */
  @Test
  void theFirstMailOfTheCase_reachesConsumerAndMerchant_inChinese_withCaseNumberAndDeadline()
      throws Exception {
    String caseNo = fileDispute(null);

    runDueJobs(processInstanceId(caseNo));

    Map<String, String> subjects = Map.of(CONSUMER_EMAIL, "投诉已受理", "shop@example.com", "请答复消费者投诉");
    for (String recipient : subjects.keySet()) {
      MimeMessage mail =
          Arrays.stream(mailServer.getReceivedMessages())
              .filter(m -> subject(m).contains(caseNo))
              .filter(m -> recipients(m).contains(recipient))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no mail for " + caseNo + " to " + recipient));
      assertThat(subject(mail)).startsWith("【维权平台】").contains(subjects.get(recipient));
      assertThat(mail.getContent().toString())
          .contains(caseNo)
          .contains("北京时间")
          .containsPattern("（星期.）24:00");
      if (!recipient.equals(CONSUMER_EMAIL)) {
        assertThat(mail.getContent().toString()).doesNotContain(CONSUMER_EMAIL);
      }
    }
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (Exception e) {
      return "";
    }
  }

  private static String recipients(MimeMessage m) {
    try {
      return Arrays.toString(m.getRecipients(Message.RecipientType.TO));
    } catch (Exception e) {
      return "";
    }
  }

  static JsonNode find(JsonNode array, String field, String value) {
    for (JsonNode item : array) {
      if (value.equals(item.path(field).asText())) {
        return item;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }
}
