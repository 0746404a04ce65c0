package cn.weiquan.analytics;

import cn.weiquan.analytics.CaseFactChanges.Deadline;
import cn.weiquan.analytics.CaseFactChanges.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes one transaction's {@link CaseFactChanges} in that transaction, just before it commits (the
 * engine has written its history by then): per case and per called process one INSERT when it
 * started here, else one UPDATE of the changed columns; per deadline touched one UPDATE read from
 * the history (an INSERT when the instance is new or the row missing); one DELETE of the deadlines
 * of an instance that ended. A row found missing (a case older than the facts that escaped the
 * backfill) is rebuilt from the history instead.
 */
@Component
class CaseFactWriter {
  /**
   * The types of wq_case_channel's columns, for parameters in a SELECT list (PostgreSQL does not
   * infer them there).
   */
  private static final java.util.Map<String, String> CHANNEL_TYPES =
      java.util.Map.of(
          "instance_id", "VARCHAR(64)",
          "root_id", "VARCHAR(64)",
          "process_key", "VARCHAR(255)",
          "case_no", "VARCHAR(255)",
          "start_time", "TIMESTAMP",
          "end_time", "TIMESTAMP",
          "duration", "BIGINT");

  private final JdbcTemplate jdbc;

  /** Statements written, for tests and benchmarks that report the cost per case. */
  private final AtomicLong statements = new AtomicLong();

  CaseFactWriter(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  long statements() {
    return statements.get();
  }

  void write(CaseFactChanges changes) {
    for (Row row : changes.cases.values()) {
      if (row.started) {
        insert("wq_case", "root_id", row);
      } else if (update("wq_case", "root_id", row) == 0) {
        run(CaseFactsFromHistory.insertCases(" AND p.ID_ = ?"), row.id);
      }
      if (row.migratedTo != null) {
        run(
            "UPDATE wq_case_channel SET root_process_key = ? WHERE root_id = ?",
            row.migratedTo,
            row.id);
      }
    }
    for (Row row : changes.channels.values()) {
      int written;
      if (row.started) {
        List<String> columns = CaseFactChanges.columns(row);
        List<Object> values = new ArrayList<>(List.of(row.id, row.rootId));
        List<String> expressions =
            new ArrayList<>(List.of("CAST(? AS VARCHAR(64))", "CAST(? AS VARCHAR(64))"));
        for (String c : columns) {
          expressions.add(expression(row, c, values, "CAST(? AS " + CHANNEL_TYPES.get(c) + ")"));
        }
        values.add(row.rootId);
        written =
            run(
                "INSERT INTO wq_case_channel (instance_id, root_id, "
                    + String.join(", ", columns)
                    + ", root_process_key, root_start_time) SELECT "
                    + String.join(", ", expressions)
                    + ", process_key, start_time FROM wq_case WHERE root_id = ?",
                values.toArray());
      } else {
        written = update("wq_case_channel", "instance_id", row);
      }
      if (written == 0) {
        run(CaseFactsFromHistory.insertChannels(" AND c.ID_ = ?"), row.id);
      }
    }
    for (Deadline d : changes.deadlines) {
      if (changes.endedHere(d.instanceId(), d.rootId())) {
        continue;
      }
      String basis = d.name() + CaseFactsFromHistory.BASIS_SUFFIX;
      String marker = CaseFactsFromHistory.MET_BY.get(d.name());
      if (changes.startedHere(d.instanceId())
          && !(changes.dated.contains(d) && changes.based.contains(d))) {
        // an instance started here has a deadline only if both its date and basis came here
        continue;
      }
      boolean removed = changes.removed.contains(d);
      if (removed) {
        run(
            "DELETE FROM wq_case_deadline WHERE instance_id = ? AND name = ?",
            d.instanceId(),
            d.name());
      }
      if (removed
          || changes.startedHere(d.instanceId())
          || run(
                  CaseFactsFromHistory.UPDATE_DEADLINE,
                  d.instanceId(),
                  d.name(),
                  d.instanceId(),
                  basis,
                  d.instanceId(),
                  marker,
                  d.instanceId(),
                  d.name())
              == 0) {
        run(
            CaseFactsFromHistory.insertDeadlines(
                " AND d.PROC_INST_ID_ = ? AND "
                    + CaseFactsFromHistory.byInstanceOnly("d.NAME_")
                    + " = ?"),
            d.instanceId(),
            d.name());
      }
    }
    for (Row row : changes.cases.values()) {
      if (row.ended && !row.started) {
        run("DELETE FROM wq_case_deadline WHERE root_id = ?", row.id);
      }
    }
    for (Row row : changes.channels.values()) {
      Row root = changes.cases.get(row.rootId);
      if (row.ended && !row.started && (root == null || !root.ended)) {
        run("DELETE FROM wq_case_deadline WHERE instance_id = ?", row.id);
      }
    }
  }

  private void insert(String table, String key, Row row) {
    List<String> columns = CaseFactChanges.columns(row);
    List<Object> values = new ArrayList<>(List.of(row.id));
    List<String> expressions = new ArrayList<>(List.of("?"));
    columns.forEach(c -> expressions.add(expression(row, c, values, "?")));
    run(
        "INSERT INTO "
            + table
            + " ("
            + key
            + ", "
            + String.join(", ", columns)
            + ") VALUES ("
            + String.join(", ", expressions)
            + ")",
        values.toArray());
  }

  private int update(String table, String key, Row row) {
    List<String> columns = CaseFactChanges.columns(row);
    List<Object> values = new ArrayList<>();
    List<String> assignments = new ArrayList<>();
    columns.forEach(c -> assignments.add(c + " = " + expression(row, c, values, "?")));
    values.add(row.id);
    return run(
        "UPDATE " + table + " SET " + String.join(", ", assignments) + " WHERE " + key + " = ?",
        values.toArray());
  }

  private int run(String sql, Object... values) {
    statements.incrementAndGet();
    return jdbc.update(sql, values);
  }

  /** The SQL for one column's new value, its parameter added to {@code values}. */
  private static String expression(Row row, String column, List<Object> values, String plain) {
    if (row.columns.get(column) == CaseFactChanges.DURATION_FROM_HISTORY) {
      values.add(row.id);
      return "(SELECT h.DURATION_ FROM ACT_HI_PROCINST h WHERE h.ID_ = ?)";
    }
    values.add(row.columns.get(column));
    return plain;
  }
}
