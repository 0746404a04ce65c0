package cn.weiquan.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.weiquan.evidence.EvidenceProperties;
import cn.weiquan.evidence.Sha256;
import cn.weiquan.support.OldMainDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Arrays;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * POST /api/disputes/{caseNo}/evidence over real HTTP: the files land in the evidence directory,
 * the database keeps references; the bytes must be the declared type; a case holds a limited number
 * of files and bytes (the test profile sets max-case-bytes to 12MB, the default max-case-files of
 * 50 applies).
 */
class EvidenceIntakeIT extends IntakeSupport {
  @Autowired EvidenceStore evidenceStore;
  @Autowired EvidenceProperties evidenceProperties;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;

  record Upload(String name, String type, byte[] content) {}

  private String fileDispute() {
    ResponseEntity<JsonNode> filed =
        post("api", "/api/disputes", dispute(UUID.randomUUID().toString(), null));
    assertThat(filed.getStatusCode())
        .as(String.valueOf(filed.getBody()))
        .isEqualTo(HttpStatus.CREATED);
    return filed.getBody().path("caseNo").asText();
  }

  private ResponseEntity<JsonNode> send(String caseNo, Upload... uploads) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("description", "购买凭证与聊天记录");
    for (Upload upload : uploads) {
      HttpHeaders headers = new HttpHeaders();
      headers.setContentType(MediaType.parseMediaType(upload.type()));
      headers.setContentDispositionFormData("files", upload.name());
      parts.add("files", new HttpEntity<>(upload.content(), headers));
    }
    return as("api")
        .post()
        .uri("/api/disputes/" + caseNo + "/evidence")
        .contentType(MediaType.MULTIPART_FORM_DATA)
        .body(parts)
        .retrieve()
        .toEntity(JsonNode.class);
  }

  private static byte[] pdf(int size) {
    byte[] content = new byte[size];
    byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(head, 0, content, 0, head.length);
    return content;
  }

  @Test
  void aPngDeclaredAsPng_landsInTheEvidenceDirectory_notInTheDatabase_andReadsBackUnchanged()
      throws Exception {
    String caseNo = fileDispute();

    ResponseEntity<JsonNode> sent = send(caseNo, new Upload("../../聊天记录.png", "image/png", PNG));

    assertThat(sent.getStatusCode())
        .as(String.valueOf(sent.getBody()))
        .isEqualTo(HttpStatus.ACCEPTED);
    String evidenceId = sent.getBody().path("evidenceId").asText();
    String key =
        jdbc.queryForObject(
            "SELECT storage_key FROM wq_evidence_file WHERE evidence_id = ?",
            String.class,
            evidenceId);
    Path file =
        evidenceProperties
            .directory()
            .resolve(key.substring(0, 2))
            .resolve(key.substring(2, 4))
            .resolve(key);
    assertThat(file).as("stored under a random key, not the client's name").hasBinaryContent(PNG);
    assertThat(key).doesNotContain("聊天记录");
    try (Connection connection = dataSource.getConnection()) {
      assertThat(OldMainDatabase.hasColumn(connection, "wq_evidence_file", "content"))
          .as("no contents in the database")
          .isFalse();
    }
    assertThat(
            jdbc.queryForObject(
                "SELECT detected_type FROM wq_evidence_file WHERE evidence_id = ?",
                String.class,
                evidenceId))
        .isEqualTo("image/png");
    assertThat(evidenceStore.content(evidenceId, 0)).isEqualTo(PNG);
    JsonNode listed =
        DisputeIntakeIT.find(
                get("api", "/api/disputes/" + caseNo).getBody().path("evidence"), "id", evidenceId)
            .path("files")
            .get(0);
    assertThat(listed.path("fileName").asText()).isEqualTo("聊天记录.png");
    assertThat(listed.path("sha256").asText()).isEqualTo(Sha256.hex(PNG));
  }

  @Test
  void bytesOfAnotherTypeThanDeclared_are415NamingTheFile_andNothingIsKept() throws Exception {
    String caseNo = fileDispute();
    long filesBefore = storedFiles();

    ResponseEntity<JsonNode> pdfAsPng = send(caseNo, new Upload("x.png", "image/png", pdf(2000)));
    ResponseEntity<JsonNode> secondIsNotText =
        send(
            caseNo,
            new Upload("a.png", "image/png", PNG),
            new Upload("b.txt", "text/plain", new byte[] {'o', 'k', 0, 1, 2}));

    assertThat(pdfAsPng.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertThat(pdfAsPng.getHeaders().getContentType())
        .hasToString("application/problem+json;charset=UTF-8");
    assertThat(pdfAsPng.getBody().path("field").asText()).isEqualTo("files[0]");
    assertThat(pdfAsPng.getBody().path("detail").asText()).contains("image/png", "application/pdf");
    assertThat(secondIsNotText.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertThat(secondIsNotText.getBody().path("field").asText()).isEqualTo("files[1]");
    assertThat(get("api", "/api/disputes/" + caseNo).getBody().path("evidence")).isEmpty();
    assertThat(storedFiles()).isEqualTo(filesBefore);
  }

  @Test
  void moreFilesThanACaseMayHold_is413NamingFiles() {
    String caseNo = fileDispute();
    Upload[] ten = new Upload[10];
    Arrays.setAll(
        ten,
        i ->
            new Upload(
                "note-" + i + ".txt",
                "text/plain",
                ("第" + i + "页").getBytes(StandardCharsets.UTF_8)));
    for (int submission = 0; submission < 5; submission++) {
      assertThat(send(caseNo, ten).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    }

    ResponseEntity<JsonNode> fiftyFirst = send(caseNo, ten[0]);

    assertThat(fiftyFirst.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(fiftyFirst.getBody().path("field").asText()).isEqualTo("files");
    assertThat(fiftyFirst.getBody().path("code").asText()).isEqualTo("case-limit");
    assertThat(fiftyFirst.getBody().path("detail").asText()).contains("每案 50 个文件");
    assertThat(fiftyFirst.getBody().path("detailEn").asText())
        .contains("per-case limit of 50 files");
    assertThat(get("api", "/api/disputes/" + caseNo).getBody().path("evidence")).hasSize(5);
  }

  @Test
  void moreBytesThanACaseMayHold_is413NamingFiles_andOtherCasesStillTakeEvidence() {
    String caseNo = fileDispute();
    int fiveMb = 5 * 1024 * 1024;
    assertThat(
            send(
                    caseNo,
                    new Upload("a.pdf", "application/pdf", pdf(fiveMb)),
                    new Upload("b.pdf", "application/pdf", pdf(fiveMb)))
                .getStatusCode())
        .isEqualTo(HttpStatus.ACCEPTED);

    ResponseEntity<JsonNode> overTheCase =
        send(caseNo, new Upload("c.pdf", "application/pdf", pdf(3 * 1024 * 1024)));

    assertThat(overTheCase.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(overTheCase.getBody().path("field").asText()).isEqualTo("files");
    assertThat(overTheCase.getBody().path("detail").asText())
        .contains("上限", String.valueOf(12 * 1024 * 1024));
    assertThat(overTheCase.getBody().path("detailEn").asText())
        .contains("per-case limit", String.valueOf(12 * 1024 * 1024));
    assertThat(
            send(fileDispute(), new Upload("c.pdf", "application/pdf", pdf(3 * 1024 * 1024)))
                .getStatusCode())
        .isEqualTo(HttpStatus.ACCEPTED);
  }

  private long storedFiles() throws Exception {
    try (var walk = Files.walk(evidenceProperties.directory())) {
      return walk.filter(Files::isRegularFile).count();
    }
  }
}
