package cn.weiquan.casenumber;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Human-readable case numbers: "WQ" → WQ-2026-000123, sequential per prefix and year.
 *
 * <p>The counter is one row per prefix and year, incremented by an UPDATE in the Spring transaction
 * bound to the thread: called from a delegate, that is the engine's (the starter runs every engine
 * command in a Spring transaction on this DataSource), so concurrent starts queue on the row lock
 * and a rolled-back start gives its number back. Outside any transaction the UPDATE commits on its
 * own (an engine built without Spring, as some engine-only tests and benchmarks use, has no
 * transaction to join: there a failed start leaves a gap). The table comes from the schema
 * migrations (db/migration); the year's row is created on first use in its own short transaction.
 * Plain SQL that H2 and PostgreSQL both accept.
 */
@Component("caseNumbers")
public class CaseNumbers {

  static final String TABLE = "wq_case_sequence";
  private static final Pattern PREFIX = Pattern.compile("[A-Z]{2,8}");

  private final JdbcTemplate jdbc;
  private final TransactionTemplate callersOrOwn;
  private final TransactionTemplate separate;
  private final Set<String> rowsReady = ConcurrentHashMap.newKeySet();

  public CaseNumbers(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
    // a transaction manager on the same DataSource joins the transaction already bound to the
    // thread (the engine's)
    var transactions = new DataSourceTransactionManager(dataSource);
    this.callersOrOwn = new TransactionTemplate(transactions);
    this.separate = new TransactionTemplate(transactions);
    this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * The next number for the prefix in the year of {@code day}, e.g. next("WQ", 2026-03-05) =
   * "WQ-2026-000124".
   */
  public String next(String prefix, LocalDate day) {
    if (prefix == null || !PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException(
          "case-number prefix must be 2-8 capital letters, was " + prefix);
    }
    int year = day.getYear();
    ensureRow(prefix, year);
    // joins the engine's transaction (or a caller's) bound to this DataSource; none bound: a short
    // one of its own
    long value =
        callersOrOwn.execute(
            status -> jdbc.execute((Connection connection) -> increment(connection, prefix, year)));
    return String.format("%s-%d-%06d", prefix, year, value);
  }

  private static long increment(Connection connection, String prefix, int year) {
    try (PreparedStatement update =
            connection.prepareStatement(
                "UPDATE "
                    + TABLE
                    + " SET last_value = last_value + 1 WHERE prefix = ? AND seq_year = ?");
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT last_value FROM " + TABLE + " WHERE prefix = ? AND seq_year = ?")) {
      update.setString(1, prefix);
      update.setInt(2, year);
      if (update.executeUpdate() != 1) {
        throw new IllegalStateException("no case-number row for " + prefix + " " + year);
      }
      select.setString(1, prefix);
      select.setInt(2, year);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot take the next case number for " + prefix + " " + year, e);
    }
  }

  private void ensureRow(String prefix, int year) {
    if (rowsReady.contains(prefix + year)) {
      return;
    }
    Integer rows =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM " + TABLE + " WHERE prefix = ? AND seq_year = ?",
            Integer.class,
            prefix,
            year);
    if (rows == null || rows == 0) {
      try {
        separate.executeWithoutResult(
            status ->
                jdbc.update(
                    "INSERT INTO " + TABLE + " (prefix, seq_year, last_value) VALUES (?, ?, 0)",
                    prefix,
                    year));
      } catch (DataAccessException concurrentInsert) {
        // another start created the year's row first: that row is what we need
      }
    }
    rowsReady.add(prefix + year);
  }
}
