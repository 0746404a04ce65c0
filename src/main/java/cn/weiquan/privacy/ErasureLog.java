package cn.weiquan.privacy;

import java.sql.Timestamp;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The record of erasures (table wq_erasure): which case, why, by whom, when and how much; never the
 * data.
 */
@Component
public class ErasureLog {
  /** Why a case's personal data was erased. */
  public enum Reason {
    REQUEST,
    RETENTION
  }

  public record Entry(
      String caseNo, Reason reason, String erasedBy, Date erasedAt, int variables, int files) {}

  private final JdbcTemplate jdbc;

  public ErasureLog(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void record(Entry entry) {
    jdbc.update(
        "INSERT INTO wq_erasure (id, case_no, reason, erased_by, erased_at, variables_erased, files_erased)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)",
        UUID.randomUUID().toString(),
        entry.caseNo(),
        entry.reason().name(),
        entry.erasedBy(),
        new Timestamp(entry.erasedAt().getTime()),
        entry.variables(),
        entry.files());
  }

  public List<Entry> of(String caseNo) {
    return jdbc.query(
        "SELECT case_no, reason, erased_by, erased_at, variables_erased, files_erased FROM wq_erasure"
            + " WHERE case_no = ? ORDER BY erased_at",
        (rs, i) ->
            new Entry(
                rs.getString(1),
                Reason.valueOf(rs.getString(2)),
                rs.getString(3),
                rs.getTimestamp(4),
                rs.getInt(5),
                rs.getInt(6)),
        caseNo);
  }
}
