package cn.weiquan.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.weiquan.api.ApiClients;
import cn.weiquan.evidence.EvidenceProperties;
import cn.weiquan.intake.EvidenceStore;
import cn.weiquan.platform.ProcessKeys;
import cn.weiquan.support.ApplicationIT;
import cn.weiquan.support.EngineJobs;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Personal data from filing to deletion, over real HTTP: erasure on request removes one case's
 * names, phones, e-mails, descriptions and files and nothing of another, while the case still
 * counts; retention deletes a closed case's history, evidence rows and files together once its time
 * to live has passed; no log line carries a party's phone, e-mail or name in clear.
 */
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataIT extends ApplicationIT {

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  @Autowired ApiClients clients;
  @Autowired EvidenceStore evidence;
  @Autowired EvidenceProperties evidenceDirectory;
  @Autowired PersonalDataRetention retention;
  @Autowired ErasureLog erasures;

  @AfterEach
  void clock() {
    ClockUtil.reset();
  }

  /** A dispute of a person no other case has, with a file of evidence. */
  private record Filed(String caseNo, String name, String phone, String email) {}

  private Filed fileDisputeWithEvidence() {
    clients.create("privacy-merchant", "隐私测试商家", "privacy-merchant");
    String unique = UUID.randomUUID().toString().substring(0, 6);
    String name = "隐私" + unique;
    String phone = "139" + String.format("%08d", Math.abs(unique.hashCode()) % 100_000_000);
    String email = "p" + unique + "@example.cn";
    LocalDate today = LocalDate.now(CHINA);
    String body =
        """
        {"consumer":{"name":"%s","phone":"%s","email":"%s"},
         "merchant":{"name":"某电器店","email":"shop-%s@example.cn","apiUser":"privacy-merchant"},
         "purchase":{"item":"电饭煲","price":"299.00","quantity":1,"paidAt":"%s","receivedAt":"%s","channel":"online-shop"},
         "category":"quality","description":"%s 说：电饭煲漏电，电话 %s","claims":{"refund":true},"harmKnownOn":"%s",
         "reportViolation":true,"reporter":{"name":"%s","phone":"%s"}}
        """
            .formatted(
                name,
                phone,
                email,
                unique,
                today.minusDays(9),
                today.minusDays(8),
                name,
                phone,
                today.minusDays(7),
                name,
                phone);
    JsonNode filed =
        as("api")
            .post()
            .uri("/api/disputes")
            .contentType(MediaType.APPLICATION_JSON)
            .body(body)
            .retrieve()
            .body(JsonNode.class);
    String caseNo = filed.path("caseNo").asText();
    runJobs();
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("description", name + " 的购买凭证");
    HttpHeaders file = new HttpHeaders();
    file.setContentType(MediaType.TEXT_PLAIN);
    file.setContentDispositionFormData("files", "receipt.txt");
    parts.add(
        "files",
        new HttpEntity<>(
            new ByteArrayResource(("收据 " + name).getBytes(StandardCharsets.UTF_8)), file));
    assertThat(
            as("api")
                .post()
                .uri("/api/disputes/" + caseNo + "/evidence")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts)
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .is2xxSuccessful())
        .isTrue();
    return new Filed(caseNo, name, phone, email);
  }

  @Test
  void erasureOnRequest_removesOneCasesPersonalData_keepsAnother_andTheCaseStillCounts()
      throws IOException {
    Filed erased = fileDisputeWithEvidence();
    Filed kept = fileDisputeWithEvidence();
    long filesBefore = storedFiles();
    long qualityCases = casesInCategory("quality");

    assertThat(
            as("mediator")
                .delete()
                .uri("/api/cases/" + erased.caseNo() + "/personal-data")
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value())
        .isEqualTo(403);
    assertThat(
            as("demo")
                .delete()
                .uri("/api/cases/WQ-2026-999999/personal-data")
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value())
        .isEqualTo(404);
    assertThat(
            as("demo")
                .delete()
                .uri("/api/cases/" + erased.caseNo() + "/personal-data")
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value())
        .isEqualTo(204);

    String erasedValues = historicValues(erased.caseNo());
    assertThat(erasedValues)
        .doesNotContain(erased.name(), erased.phone(), erased.email())
        .contains(PersonalData.ERASED)
        .contains("电饭煲");
    assertThat(historicValues(kept.caseNo())).contains(kept.name(), kept.phone(), kept.email());
    assertThat(evidence.list(erased.caseNo())).isEmpty();
    assertThat(evidence.list(kept.caseNo())).hasSize(1);
    assertThat(storedFiles()).isEqualTo(filesBefore - 1);
    assertThat(casesInCategory("quality"))
        .as("the erased case still counts")
        .isEqualTo(qualityCases);
    assertThat(erasures.of(erased.caseNo()))
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.erasedBy()).isEqualTo("demo");
              assertThat(entry.reason()).isEqualTo(ErasureLog.Reason.REQUEST);
              assertThat(entry.files()).isEqualTo(1);
              assertThat(entry.variables()).isPositive();
            });

    // the case runs on: the merchant answers, the consumer's mail is skipped (no address left),
    // nothing fails
    assertThat(
            as("privacy-merchant", "privacy-merchant")
                .post()
                .uri("/api/disputes/" + erased.caseNo() + "/merchant-response")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"answer\":\"reject\"}")
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value())
        .isEqualTo(200);
    runJobs();
    assertThat(engine.getRuntimeService().createIncidentQuery().count()).isZero();
    assertThat(historicValues(erased.caseNo()))
        .doesNotContain(erased.name(), erased.phone(), erased.email());
  }

  @Test
  void retention_aClosedCasePastItsTimeToLive_losesHistoryEvidenceRowsAndFilesTogether()
      throws IOException {
    Filed closed = fileDisputeWithEvidence();
    Filed running = fileDisputeWithEvidence();
    assertThat(
            as("api")
                .post()
                .uri("/api/disputes/" + closed.caseNo() + "/withdraw")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"reason\":\"已与商家和解\"}")
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value())
        .isEqualTo(200);
    runJobs();
    HistoricProcessInstance spine = spine(closed.caseNo());
    long filesBefore = storedFiles();
    assertThat(mailRecords(closed.caseNo())).as("mails sent for the case").isPositive();
    int ttlDays =
        engine
            .getRepositoryService()
            .getProcessDefinition(spine.getProcessDefinitionId())
            .getHistoryTimeToLive();

    PersonalDataRetention.Result early =
        retention.run(
            new Date(spine.getEndTime().getTime() + Duration.ofDays(ttlDays - 1).toMillis()));
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(closed.caseNo())
                .count())
        .as("a day before its time to live the case is whole")
        .isPositive();
    assertThat(evidence.list(closed.caseNo())).hasSize(1);

    PersonalDataRetention.Result due =
        retention.run(
            new Date(spine.getEndTime().getTime() + Duration.ofDays(ttlDays + 1).toMillis()));

    assertThat(due.cases()).isGreaterThanOrEqualTo(1);
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(closed.caseNo())
                .count())
        .isZero();
    assertThat(
            engine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .variableValueEquals("caseNo", closed.caseNo())
                .count())
        .isZero();
    assertThat(evidence.list(closed.caseNo())).isEmpty();
    assertThat(storedFiles()).isEqualTo(filesBefore - 1);
    assertThat(mailRecords(closed.caseNo())).as("the mail ledger's records of it").isZero();
    assertThat(erasures.of(closed.caseNo()))
        .extracting(ErasureLog.Entry::reason)
        .contains(ErasureLog.Reason.RETENTION);
    // a running case has no end: nothing of it goes
    assertThat(historicValues(running.caseNo())).contains(running.name());
    assertThat(evidence.list(running.caseNo())).hasSize(1);
    assertThat(early.cases()).isLessThanOrEqualTo(due.cases());
  }

  @Test
  void noLogLineCarriesAPartysPhoneEmailOrName_overADisputeAndAComplaint(CapturedOutput output) {
    Filed dispute = fileDisputeWithEvidence();
    as("privacy-merchant", "privacy-merchant")
        .post()
        .uri("/api/disputes/" + dispute.caseNo() + "/merchant-response")
        .contentType(MediaType.APPLICATION_JSON)
        .body("{\"answer\":\"offer\",\"offer\":\"退款299元\"}")
        .retrieve()
        .toBodilessEntity();
    runJobs();
    as("api")
        .post()
        .uri("/api/disputes/" + dispute.caseNo() + "/consumer-decision")
        .contentType(MediaType.APPLICATION_JSON)
        .body("{\"decision\":\"escalate\",\"nextChannel\":\"association\"}")
        .retrieve()
        .toBodilessEntity();
    runJobs();
    String complainant = "投诉人" + UUID.randomUUID().toString().substring(0, 4);
    String complaint =
        """
        {"complainant":{"name":"%s","phone":"13711112222","email":"complainant.log@example.cn"},"contactChannel":"phone",
         "occurredOn":"%s","location":"5号楼","category":"lift-failure","description":"%s 被困电梯","claim":"维修"}
        """
            .formatted(complainant, LocalDate.now(CHINA).minusDays(1), complainant);
    as("api")
        .post()
        .uri("/api/complaints")
        .contentType(MediaType.APPLICATION_JSON)
        .body(complaint)
        .retrieve()
        .toBodilessEntity();
    runJobs();

    assertThat(output.getAll())
        .as("the case numbers are logged, so the capture saw these cases")
        .contains(dispute.caseNo());
    assertThat(output.getAll())
        .doesNotContain(
            dispute.phone(),
            dispute.email(),
            dispute.name(),
            "13711112222",
            "complainant.log@example.cn",
            complainant);
  }

  private HistoricProcessInstance spine(String caseNo) {
    return engine
        .getHistoryService()
        .createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(caseNo)
        .rootProcessInstances()
        .singleResult();
  }

  /** Every value the history holds for the case (all its processes), as text. */
  private String historicValues(String caseNo) {
    StringBuilder all = new StringBuilder();
    for (HistoricProcessInstance instance :
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(caseNo)
            .list()) {
      for (HistoricVariableInstance v :
          engine
              .getHistoryService()
              .createHistoricVariableInstanceQuery()
              .processInstanceId(instance.getId())
              .includeDeleted()
              .list()) {
        all.append(v.getName()).append('=').append(v.getValue()).append('\n');
      }
      for (var detail :
          engine
              .getHistoryService()
              .createHistoricDetailQuery()
              .processInstanceId(instance.getId())
              .list()) {
        if (detail instanceof org.camunda.bpm.engine.history.HistoricVariableUpdate update) {
          all.append(update.getVariableName()).append(':').append(update.getValue()).append('\n');
        } else if (detail instanceof org.camunda.bpm.engine.history.HistoricFormField field) {
          all.append(field.getFieldId()).append(':').append(field.getFieldValue()).append('\n');
        }
      }
    }
    return all.toString();
  }

  private long casesInCategory(String category) {
    return engine
        .getHistoryService()
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.CONSUMER_DISPUTE)
        .variableValueEquals("category", category)
        .count();
  }

  private long storedFiles() throws IOException {
    Path root = evidenceDirectory.directory();
    if (!Files.exists(root)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .count();
    }
  }

  private void runJobs() {
    EngineJobs.runMessageJobs(engine.getManagementService(), null, 100);
  }

  /** The mail ledger's records of a case. */
  private int mailRecords(String caseNo) {
    return new org.springframework.jdbc.core.JdbcTemplate(
            engine.getProcessEngineConfiguration().getDataSource())
        .queryForObject(
            "SELECT COUNT(*) FROM wq_mail_sent WHERE case_no = ?", Integer.class, caseNo);
  }
}
