package cn.weiquan.intake;

import cn.weiquan.platform.EngineClock;
import cn.weiquan.platform.WeiquanGroups;
import cn.weiquan.support.ApplicationIT;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Shared helpers of the intake ITs: api accounts for two merchants, a filing body, and running due
 * jobs.
 */
abstract class IntakeSupport extends ApplicationIT {

  static final String CONSUMER_EMAIL = "li.ming@example.com";

  /** A PNG's signature and header chunk: what the channel recognises as image/png by its bytes. */
  static final byte[] PNG = {
    (byte) 0x89,
    'P',
    'N',
    'G',
    0x0D,
    0x0A,
    0x1A,
    0x0A,
    0,
    0,
    0,
    0x0D,
    'I',
    'H',
    'D',
    'R',
    0,
    0,
    0,
    1,
    0,
    0,
    0,
    1,
    8,
    6,
    0,
    0,
    0
  };

  /** An api-clients account (created once per context); its password is its id. */
  protected String apiUser(String id) {
    IdentityService identity = engine.getIdentityService();
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setPassword(id);
      user.setFirstName(id);
      user.setLastName("商家");
      identity.saveUser(user);
      identity.createMembership(id, WeiquanGroups.API_CLIENTS);
    }
    return id;
  }

  static LocalDate today() {
    return EngineClock.today();
  }

  /**
   * A dispute as the seed's example: a kettle bought on Tmall that leaks current; the merchant is
   * merchantUser.
   */
  static String dispute(String reference, String merchantUser) {
    return """
        {"externalReference":"%s",
         "consumer":{"name":"李明","phone":"13800138000","email":"%s"},
         "merchant":{"name":"某某电器旗舰店","email":"shop@example.com","platform":"tmall","shopId":"tm-8899"%s},
         "purchase":{"item":"电热水壶","price":"199.00","quantity":1,"paidAt":"%s","receivedAt":"%s","channel":"online-platform"},
         "category":"quality",
         "description":"<script>alert('x')</script><b>使用三天后漏电</b>",
         "claims":{"refund":true,"replace":false,"repair":false,"compensation":"500"},
         "harmKnownOn":"%s",
         "evidence":["订单号 1234567890"],
         "arbitrationAgreement":false}
        """
        .formatted(
            reference,
            CONSUMER_EMAIL,
            merchantUser == null ? "" : ",\"apiUser\":\"" + merchantUser + "\"",
            today().minusDays(10),
            today().minusDays(8),
            today().minusDays(5));
  }

  protected ResponseEntity<JsonNode> post(String user, String uri, String body) {
    return as(user)
        .post()
        .uri(uri)
        .contentType(MediaType.APPLICATION_JSON)
        .body(body)
        .retrieve()
        .toEntity(JsonNode.class);
  }

  protected ResponseEntity<JsonNode> get(String user, String uri) {
    return as(user).get().uri(uri).retrieve().toEntity(JsonNode.class);
  }

  private List<String> caseInstanceIds(String spineId) {
    List<String> ids = new java.util.ArrayList<>(List.of(spineId));
    for (int i = 0; i < ids.size(); i++) {
      engine
          .getRuntimeService()
          .createProcessInstanceQuery()
          .superProcessInstanceId(ids.get(i))
          .list()
          .forEach(called -> ids.add(called.getId()));
    }
    return ids;
  }

  /** The case's spine process instance (its channels carry the same business key). */
  protected String processInstanceId(String caseNo) {
    return engine
        .getHistoryService()
        .createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(caseNo)
        .rootProcessInstances()
        .singleResult()
        .getId();
  }

  /**
   * The running channel process of the case (dispute-platform, ...), which holds the channel's
   * waits.
   */
  protected String channelInstanceId(String caseNo, String processKey) {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(caseNo)
        .processDefinitionKey(processKey)
        .singleResult()
        .getId();
  }

  /**
   * Runs every job of the case (its spine and the channel processes it called) that is due by the
   * engine clock, until none is left (the job executor is off).
   */
  protected void runDueJobs(String processInstanceId) {
    ManagementService management = engine.getManagementService();
    for (int round = 0; round < 100; round++) {
      Date now = ClockUtil.getCurrentTime();
      List<Job> due =
          caseInstanceIds(processInstanceId).stream()
              .flatMap(id -> management.createJobQuery().processInstanceId(id).list().stream())
              .filter(j -> j.getDuedate() == null || !j.getDuedate().after(now))
              .filter(j -> j.getRetries() > 0)
              .toList();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(j -> management.executeJob(j.getId()));
    }
    throw new AssertionError("jobs keep coming for " + processInstanceId);
  }
}
