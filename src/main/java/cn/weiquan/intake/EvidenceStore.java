package cn.weiquan.intake;

import cn.weiquan.api.ApiException;
import cn.weiquan.evidence.ContentTypes;
import cn.weiquan.evidence.EvidenceStorage;
import cn.weiquan.evidence.Sha256;
import cn.weiquan.platform.EngineClock;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evidence the parties send, kept on the case whatever the process does with it. The files'
 * contents go to the {@link EvidenceStorage} first; then one transaction of its own records the
 * submission and its files (tables wq_evidence, wq_evidence_file: name, declared and detected type,
 * size, SHA-256, storage key) and counts them against the case's limits (wq_evidence_totals).
 * Stored before any message is correlated, so a submission that arrives late or is refused is never
 * lost; one the database refuses leaves no file behind.
 */
@Component
public class EvidenceStore {
  private static final Logger LOG = LoggerFactory.getLogger(EvidenceStore.class);
  static final String SUBMISSIONS = "wq_evidence";
  static final String FILES = "wq_evidence_file";
  static final String TOTALS = "wq_evidence_totals";

  /**
   * How a submission met the case: in the evidence window (correlated), after it closed (late), or
   * outside any window.
   */
  public enum Timing {
    IN_TIME,
    LATE,
    OUTSIDE_WINDOW
  }

  /** A file of a submission. */
  public record EvidenceFile(String fileName, String contentType, byte[] content) {}

  /** A submission as the case status lists it (no file contents). */
  public record EvidenceSummary(
      String id,
      String party,
      String description,
      OffsetDateTime receivedAt,
      String timing,
      List<FileSummary> files) {}

  public record FileSummary(String fileName, String contentType, long size, String sha256) {}

  /** What {@link #deleteCase} removed. */
  public record Deleted(int submissions, int files) {}

  private record Usage(int files, long bytes) {}

  private final JdbcTemplate jdbc;
  private final TransactionTemplate own;
  private final EvidenceStorage storage;
  private final IntakeProperties.Evidence limits;

  public EvidenceStore(
      JdbcTemplate jdbc,
      PlatformTransactionManager transactions,
      EvidenceStorage storage,
      IntakeProperties properties) {
    this.jdbc = jdbc;
    this.own = new TransactionTemplate(transactions);
    this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.storage = storage;
    this.limits = properties.evidence();
  }

  /**
   * Stores a submission in its own committed transaction; returns its id. A submission that would
   * take the case past weiquan.intake.evidence.max-case-files or max-case-bytes is refused with 413
   * naming "files".
   */
  public String store(
      String caseNo,
      String processInstanceId,
      String party,
      String submittedBy,
      String description,
      List<EvidenceFile> files,
      Timing timing) {
    long bytes = files.stream().mapToLong(f -> f.content().length).sum();
    refuseOverLimit(
        caseNo,
        usage(caseNo),
        files.size(),
        bytes); // before writing anything; the transaction checks again
    ensureTotalsRow(caseNo);
    String id = UUID.randomUUID().toString();
    List<String> keys = new ArrayList<>();
    try {
      for (EvidenceFile file : files) {
        keys.add(storage.put(file.content()));
      }
      own.executeWithoutResult(
          status -> {
            count(caseNo, files.size(), bytes);
            jdbc.update(
                "INSERT INTO "
                    + SUBMISSIONS
                    + " (id, case_no, process_instance_id, party, submitted_by, description, received_at, timing) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                id,
                caseNo,
                processInstanceId,
                party,
                submittedBy,
                description,
                new Timestamp(EngineClock.now().getTime()),
                timing.name());
            for (int i = 0; i < files.size(); i++) {
              EvidenceFile file = files.get(i);
              jdbc.update(
                  "INSERT INTO "
                      + FILES
                      + " (id, evidence_id, position, file_name, content_type, detected_type, "
                      + "size_bytes, sha256, storage_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  UUID.randomUUID().toString(),
                  id,
                  i,
                  file.fileName(),
                  file.contentType(),
                  ContentTypes.detect(file.content()),
                  (long) file.content().length,
                  sha256(file.content()),
                  keys.get(i));
            }
          });
    } catch (RuntimeException e) {
      keys.forEach(this::deleteQuietly);
      throw e;
    }
    return id;
  }

  /** Re-labels a submission once the engine has taken (or refused) it. */
  public void markTiming(String id, Timing timing) {
    own.executeWithoutResult(
        status ->
            jdbc.update(
                "UPDATE " + SUBMISSIONS + " SET timing = ? WHERE id = ?", timing.name(), id));
  }

  public List<EvidenceSummary> list(String caseNo) {
    Map<String, EvidenceSummary> byId = new LinkedHashMap<>();
    jdbc.query(
        "SELECT id, party, description, received_at, timing FROM "
            + SUBMISSIONS
            + " WHERE case_no = ? ORDER BY received_at, id",
        rs -> {
          byId.put(
              rs.getString(1),
              new EvidenceSummary(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  CaseStatusService.beijing(rs.getTimestamp(4)),
                  rs.getString(5).toLowerCase().replace('_', '-'),
                  new ArrayList<>()));
        },
        caseNo);
    if (!byId.isEmpty()) {
      jdbc.query(
          "SELECT f.evidence_id, f.file_name, f.content_type, f.size_bytes, f.sha256 FROM "
              + FILES
              + " f JOIN "
              + SUBMISSIONS
              + " e ON e.id = f.evidence_id WHERE e.case_no = ? ORDER BY f.evidence_id, f.position",
          rs -> {
            byId.get(rs.getString(1))
                .files()
                .add(
                    new FileSummary(
                        rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5)));
          },
          caseNo);
    }
    return new ArrayList<>(byId.values());
  }

  /** The stored bytes of a file (by submission and position), for tests and staff tools. */
  public byte[] content(String evidenceId, int position) {
    String key =
        jdbc.queryForObject(
            "SELECT storage_key FROM " + FILES + " WHERE evidence_id = ? AND position = ?",
            String.class,
            evidenceId,
            position);
    return storage
        .get(key)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "file "
                        + position
                        + " of evidence "
                        + evidenceId
                        + " is missing from the evidence storage (key "
                        + key
                        + ")"));
  }

  /**
   * Deletes the case's evidence, files and rows, for retention and erasure; returns how many
   * submissions and files it removed. Files go first, so that if the rows' deletion fails a repeat
   * finds them and finishes the job.
   */
  /** The cases that have evidence on record (for the retention sweep). */
  public List<String> casesWithEvidence() {
    return jdbc.queryForList("SELECT DISTINCT case_no FROM " + SUBMISSIONS, String.class);
  }

  public Deleted deleteCase(String caseNo) {
    List<String> keys = keys(caseNo);
    keys.forEach(storage::delete);
    Set<String> arrivedMeanwhile = new HashSet<>();
    Deleted deleted =
        own.execute(
            status -> {
              // locks the case's totals: a submission arriving now waits, then finds its case gone
              jdbc.update(
                  "UPDATE " + TOTALS + " SET file_count = file_count WHERE case_no = ?", caseNo);
              arrivedMeanwhile.addAll(keys(caseNo));
              int files =
                  jdbc.update(
                      "DELETE FROM "
                          + FILES
                          + " WHERE evidence_id IN (SELECT id FROM "
                          + SUBMISSIONS
                          + " WHERE case_no = ?)",
                      caseNo);
              int submissions =
                  jdbc.update("DELETE FROM " + SUBMISSIONS + " WHERE case_no = ?", caseNo);
              jdbc.update("DELETE FROM " + TOTALS + " WHERE case_no = ?", caseNo);
              return new Deleted(submissions, files);
            });
    arrivedMeanwhile.removeAll(keys);
    arrivedMeanwhile.forEach(storage::delete);
    return deleted;
  }

  private List<String> keys(String caseNo) {
    return jdbc.queryForList(
        "SELECT f.storage_key FROM "
            + FILES
            + " f JOIN "
            + SUBMISSIONS
            + " e ON e.id = f.evidence_id WHERE e.case_no = ?",
        String.class,
        caseNo);
  }

  private Usage usage(String caseNo) {
    return jdbc
        .query(
            "SELECT file_count, size_bytes FROM " + TOTALS + " WHERE case_no = ?",
            (rs, i) -> new Usage(rs.getInt(1), rs.getLong(2)),
            caseNo)
        .stream()
        .findFirst()
        .orElse(new Usage(0, 0));
  }

  /**
   * The case's totals row, created by its first submission in a transaction of its own (a
   * concurrent first one wins).
   */
  private void ensureTotalsRow(String caseNo) {
    Integer rows =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM " + TOTALS + " WHERE case_no = ?", Integer.class, caseNo);
    if (rows != null && rows > 0) {
      return;
    }
    try {
      own.executeWithoutResult(
          status ->
              jdbc.update(
                  "INSERT INTO " + TOTALS + " (case_no, file_count, size_bytes) VALUES (?, 0, 0)",
                  caseNo));
    } catch (DataIntegrityViolationException concurrentFirstSubmission) {
      // the row is there, which is all that is needed
    }
  }

  /**
   * Adds the submission to the case's totals if they stay within the limits; the row lock orders
   * concurrent ones.
   */
  private void count(String caseNo, int files, long bytes) {
    int updated =
        jdbc.update(
            "UPDATE "
                + TOTALS
                + " SET file_count = file_count + ?, size_bytes = size_bytes + ? "
                + "WHERE case_no = ? AND file_count + ? <= ? AND size_bytes + ? <= ?",
            files,
            bytes,
            caseNo,
            files,
            limits.maxCaseFiles(),
            bytes,
            limits.maxCaseBytes().toBytes());
    if (updated == 0) {
      Integer rows =
          jdbc.queryForObject(
              "SELECT COUNT(*) FROM " + TOTALS + " WHERE case_no = ?", Integer.class, caseNo);
      if (rows == null || rows == 0) {
        throw new IllegalStateException(
            "the evidence of case " + caseNo + " was deleted while a submission arrived");
      }
      refuseOverLimit(caseNo, usage(caseNo), files, bytes);
      throw new IllegalStateException(
          "the evidence totals of case " + caseNo + " did not take the submission");
    }
  }

  private void refuseOverLimit(String caseNo, Usage usage, int files, long bytes) {
    if (usage.files() + files > limits.maxCaseFiles()
        || usage.bytes() + bytes > limits.maxCaseBytes().toBytes()) {
      throw new ApiException(
          HttpStatus.PAYLOAD_TOO_LARGE,
          "files",
          "case-limit",
          "案件 "
              + caseNo
              + " 已有 "
              + usage.files()
              + " 个证据文件（"
              + usage.bytes()
              + " 字节）；加上这 "
              + files
              + " 个（"
              + bytes
              + " 字节）将超过每案 "
              + limits.maxCaseFiles()
              + " 个文件、"
              + limits.maxCaseBytes().toBytes()
              + " 字节的上限",
          "case "
              + caseNo
              + " holds "
              + usage.files()
              + " evidence files ("
              + usage.bytes()
              + " bytes); with these "
              + files
              + " ("
              + bytes
              + " bytes) it would pass "
              + "the per-case limit of "
              + limits.maxCaseFiles()
              + " files and "
              + limits.maxCaseBytes().toBytes()
              + " bytes");
    }
  }

  private void deleteQuietly(String key) {
    try {
      storage.delete(key);
    } catch (RuntimeException e) {
      LOG.warn("could not delete evidence file {} of a submission that was not recorded", key, e);
    }
  }

  static String sha256(byte[] content) {
    return Sha256.hex(content);
  }

  static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }
}
