package cn.weiquan.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evidence the parties send, kept on the case whatever the process does with it (tables wq_evidence and
 * wq_evidence_file, from db/migration; plain SQL for H2 and PostgreSQL). A submission is stored in its own
 * transaction before any message is correlated, so one that arrives late or is refused is never lost.
 */
@Component
public class EvidenceStore {
  static final String SUBMISSIONS = "wq_evidence";
  static final String FILES = "wq_evidence_file";

  /** How a submission met the case: in the evidence window (correlated), after it closed (late), or outside any window. */
  public enum Timing { IN_TIME, LATE, OUTSIDE_WINDOW }

  /** A file of a submission. */
  public record EvidenceFile(String fileName, String contentType, byte[] content) {}

  /** A submission as the case status lists it (no file contents). */
  public record EvidenceSummary(String id, String party, String description, OffsetDateTime receivedAt, String timing,
      List<FileSummary> files) {}

  public record FileSummary(String fileName, String contentType, long size, String sha256) {}

  private final JdbcTemplate jdbc;
  private final TransactionTemplate own;

  public EvidenceStore(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.own = new TransactionTemplate(transactions);
    this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Stores a submission in its own committed transaction; returns its id. */
  public String store(String caseNo, String processInstanceId, String party, String submittedBy, String description,
      List<EvidenceFile> files, Timing timing) {
    String id = UUID.randomUUID().toString();
    own.executeWithoutResult(status -> {
      jdbc.update("INSERT INTO " + SUBMISSIONS
              + " (id, case_no, process_instance_id, party, submitted_by, description, received_at, timing) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          id, caseNo, processInstanceId, party, submittedBy, description,
          new Timestamp(ClockUtil.getCurrentTime().getTime()), timing.name());
      for (int i = 0; i < files.size(); i++) {
        EvidenceFile file = files.get(i);
        jdbc.update("INSERT INTO " + FILES
                + " (id, evidence_id, position, file_name, content_type, size_bytes, sha256, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            UUID.randomUUID().toString(), id, i, file.fileName(), file.contentType(), (long) file.content().length,
            sha256(file.content()), file.content());
      }
    });
    return id;
  }

  /** Re-labels a submission once the engine has taken (or refused) it. */
  public void markTiming(String id, Timing timing) {
    own.executeWithoutResult(status ->
        jdbc.update("UPDATE " + SUBMISSIONS + " SET timing = ? WHERE id = ?", timing.name(), id));
  }

  public List<EvidenceSummary> list(String caseNo) {
    Map<String, EvidenceSummary> byId = new LinkedHashMap<>();
    jdbc.query("SELECT id, party, description, received_at, timing FROM " + SUBMISSIONS
            + " WHERE case_no = ? ORDER BY received_at, id", rs -> {
          byId.put(rs.getString(1), new EvidenceSummary(rs.getString(1), rs.getString(2), rs.getString(3),
              CaseStatusService.beijing(rs.getTimestamp(4)), rs.getString(5).toLowerCase().replace('_', '-'), new ArrayList<>()));
        }, caseNo);
    if (!byId.isEmpty()) {
      jdbc.query("SELECT f.evidence_id, f.file_name, f.content_type, f.size_bytes, f.sha256 FROM " + FILES + " f JOIN "
              + SUBMISSIONS + " e ON e.id = f.evidence_id WHERE e.case_no = ? ORDER BY f.evidence_id, f.position", rs -> {
            byId.get(rs.getString(1)).files()
                .add(new FileSummary(rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5)));
          }, caseNo);
    }
    return new ArrayList<>(byId.values());
  }

  /** The stored bytes of a file (by submission and position), for tests and staff tools. */
  public byte[] content(String evidenceId, int position) {
    return jdbc.queryForObject("SELECT content FROM " + FILES + " WHERE evidence_id = ? AND position = ?",
        byte[].class, evidenceId, position);
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }
}
