package cn.weiquan.intake;

import cn.weiquan.platform.EngineClock;
import java.sql.Timestamp;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Idempotency keys of filings, kept in the database (table wq_intake_key, from db/migration; plain
 * SQL for H2 and PostgreSQL). The primary key on the caller-scoped key is what stops two concurrent
 * retries from both starting a case: the row is inserted in the transaction that starts the process
 * instance.
 */
@Component
public class IdempotencyStore {
  static final String TABLE = "wq_intake_key";

  /**
   * A filing that has been done: its case number, process instance and the fingerprint of its
   * request.
   */
  public record Filing(
      String scopedKey,
      String processKey,
      String caseNo,
      String processInstanceId,
      String fingerprint) {}

  private final JdbcTemplate jdbc;

  public IdempotencyStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Filing> find(String scopedKey) {
    List<Filing> rows =
        jdbc.query(
            "SELECT scoped_key, process_key, case_no, process_instance_id, fingerprint FROM "
                + TABLE
                + " WHERE scoped_key = ?",
            (rs, i) ->
                new Filing(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5)),
            scopedKey);
    return rows.stream().findFirst();
  }

  /**
   * Records the filing in the caller's transaction: it commits or rolls back with the case's start.
   */
  public void record(Filing filing) {
    jdbc.update(
        "INSERT INTO "
            + TABLE
            + " (scoped_key, process_key, fingerprint, case_no, process_instance_id, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        filing.scopedKey(),
        filing.processKey(),
        filing.fingerprint(),
        filing.caseNo(),
        filing.processInstanceId(),
        new Timestamp(EngineClock.now().getTime()));
  }

  /**
   * Forgets the case's keys (retention and erasure); returns how many there were. A retry of its
   * filing would start a new case.
   */
  public int deleteCase(String caseNo) {
    return jdbc.update("DELETE FROM " + TABLE + " WHERE case_no = ?", caseNo);
  }

  /**
   * Forgets the keys recorded before {@code cutoff}: a client's retries come within minutes, not
   * months.
   */
  public int deleteOlderThan(Date cutoff) {
    return jdbc.update(
        "DELETE FROM " + TABLE + " WHERE created_at < ?", new Timestamp(cutoff.getTime()));
  }
}
