package cn.weiquan.analytics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Random;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Where the dashboard summary's time goes (a profile, not a test): the case-fact tables alone
 * (migration V31) and the two engine tables the deadline list reads, filled with {@code cases}
 * generated rows (10,000 of them running, half of all with a channel, each running one with a
 * deadline and an open task due within ±200 hours), then {@link CaseAnalytics#summary} 25 times at
 * 1 and at 3 query threads, and on H2 each query's average time from H2's own statistics. Against
 * an H2 file in a temporary folder, or with {@code -Dpostgres=<database>} a database it creates on
 * 127.0.0.1:5432 (trust auth); both are deleted at the end unless {@code -Dkeep=true} (to EXPLAIN
 * ANALYZE the queries there).
 *
 * <pre>
 * mvn -B -q -Pbench -Dbench=cn.weiquan.analytics.SummaryQueryProfile -Dexec.args=110000 test-compile exec:java
 * </pre>
 */
public final class SummaryQueryProfile {
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final String[] STAGES = {"选择维权途径", "消协调解", "行政投诉", "诉讼", "平台介入", "已结案", "已撤回"};

  private SummaryQueryProfile() {}

  public static void main(String[] args) throws Exception {
    int cases = args.length > 0 ? Integer.parseInt(args[0]) : 110_000;
    String postgres = System.getProperty("postgres");
    boolean keep = Boolean.getBoolean("keep");
    Path folder = null;
    DataSource dataSource;
    if (postgres == null) {
      folder = Files.createTempDirectory("summary-profile");
      JdbcDataSource h2 = new JdbcDataSource();
      // kept open between the profile's connections, as the application's pool keeps it open
      h2.setURL("jdbc:h2:file:" + folder.resolve("weiquan") + ";DB_CLOSE_DELAY=-1");
      h2.setUser("sa");
      dataSource = h2;
    } else {
      if (!postgres.matches("[a-z_][a-z0-9_]*")) {
        throw new IllegalArgumentException("-Dpostgres: a database name in lower case");
      }
      try (Connection admin = pg("test").getConnection()) {
        admin.createStatement().execute("CREATE DATABASE " + postgres);
      }
      dataSource = pg(postgres);
    }
    try {
      generate(dataSource, cases);
      System.out.printf("%,d cases in %s%n", cases, postgres == null ? "H2 " + folder : postgres);
      for (int threads : new int[] {1, 3}) {
        profile(dataSource, threads, postgres == null);
      }
    } finally {
      if (folder != null && !keep) {
        try (var files = Files.walk(folder)) {
          files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
      }
      if (postgres != null && !keep) {
        try (Connection admin = pg("test").getConnection()) {
          admin.createStatement().execute("DROP DATABASE " + postgres + " WITH (FORCE)");
        }
      }
    }
    System.exit(0);
  }

  private static DataSource pg(String database) {
    PGSimpleDataSource pg = new PGSimpleDataSource();
    pg.setUrl("jdbc:postgresql://127.0.0.1:5432/" + database);
    pg.setUser("postgres");
    return pg;
  }

  private static void profile(DataSource dataSource, int threads, boolean h2) throws Exception {
    if (h2) {
      try (Connection c = dataSource.getConnection();
          Statement s = c.createStatement()) {
        s.execute("SET QUERY_STATISTICS TRUE");
        s.execute("SET QUERY_STATISTICS_MAX_ENTRIES 100");
        // a new connection per query: no result is reused, as none is while the engine writes
      }
    }
    CaseAnalytics analytics =
        new CaseAnalytics(
            dataSource, new DataSourceTransactionManager(dataSource), 1, threads, "64MB");
    LocalDate to = LocalDate.now(CHINA);
    LocalDate from = to.minusYears(1).plusDays(1);
    for (int i = 0; i < 5; i++) {
      analytics.summary("consumer-dispute", from, to, null);
    }
    long[] times = new long[25];
    for (int i = 0; i < times.length; i++) {
      long t0 = System.nanoTime();
      analytics.summary("consumer-dispute", from, to, null);
      times[i] = System.nanoTime() - t0;
    }
    Arrays.sort(times);
    System.out.printf(
        "summary on %d query thread(s): p50 %.0f ms, p95 %.0f ms%n",
        threads, times[12] / 1e6, times[23] / 1e6);
    if (h2) {
      try (Connection c = dataSource.getConnection();
          ResultSet rs =
              c.createStatement()
                  .executeQuery(
                      "SELECT SQL_STATEMENT, AVERAGE_EXECUTION_TIME FROM INFORMATION_SCHEMA.QUERY_STATISTICS"
                          + " WHERE EXECUTION_COUNT >= 25 ORDER BY AVERAGE_EXECUTION_TIME DESC")) {
        while (rs.next()) {
          String sql = rs.getString(1).replaceAll("\\s+", " ");
          System.out.printf(
              "  %7.1f ms  %s%n", rs.getDouble(2), sql.substring(0, Math.min(100, sql.length())));
        }
        c.createStatement().execute("SET QUERY_STATISTICS FALSE");
      }
    }
    analytics.stop();
  }

  private static void generate(DataSource dataSource, int cases) throws Exception {
    try (Connection c = dataSource.getConnection()) {
      Statement s = c.createStatement();
      String ddl =
          Files.readString(Path.of("src/main/resources/db/migration/V31__case_facts.sql"))
              .replaceAll("(?m)--.*$", "");
      for (String statement : ddl.split(";")) {
        if (!statement.isBlank()) {
          s.execute(statement);
        }
      }
      s.execute(
          "CREATE TABLE ACT_RU_EXECUTION (ID_ VARCHAR(64) PRIMARY KEY, ROOT_PROC_INST_ID_ VARCHAR(64))");
      s.execute(
          "CREATE TABLE ACT_RU_TASK (ID_ VARCHAR(64) PRIMARY KEY, PROC_INST_ID_ VARCHAR(64),"
              + " TASK_DEF_KEY_ VARCHAR(255), NAME_ VARCHAR(255), DUE_DATE_ TIMESTAMP)");
      c.setAutoCommit(false);
      Random random = new Random(1);
      Instant now = Instant.now();
      try (PreparedStatement caseRow =
              c.prepareStatement(
                  "INSERT INTO wq_case (root_id, process_key, case_no, start_time, end_time, duration,"
                      + " start_day, end_day, stage, has_stage, category, has_category, outcome)"
                      + " VALUES (?, 'consumer-dispute', ?, ?, ?, ?, ?, ?, ?, TRUE, ?, TRUE, ?)");
          PreparedStatement channel =
              c.prepareStatement(
                  "INSERT INTO wq_case_channel VALUES (?, ?, 'dispute-association', ?, ?, ?, ?,"
                      + " 'consumer-dispute', ?)");
          PreparedStatement deadline =
              c.prepareStatement(
                  "INSERT INTO wq_case_deadline VALUES (?, 'channelChoiceDue', ?, ?, '消法第三十九条', FALSE)");
          PreparedStatement execution =
              c.prepareStatement("INSERT INTO ACT_RU_EXECUTION VALUES (?, ?)");
          PreparedStatement task =
              c.prepareStatement(
                  "INSERT INTO ACT_RU_TASK VALUES (?, ?, 'Task_RecordChannelChoice', '记录消费者选择的途径', ?)")) {
        for (int i = 0; i < cases; i++) {
          boolean running = i < 10_000;
          String id = "case-" + i;
          Instant start = now.minus(Duration.ofMinutes(random.nextInt(300 * 24 * 60)));
          Instant end =
              running ? null : start.plus(Duration.ofMinutes(1440 + random.nextInt(59 * 1440)));
          if (end != null && end.isAfter(now)) {
            end = now;
          }
          caseRow.setString(1, id);
          caseRow.setString(2, "WQ-2026-" + i);
          caseRow.setTimestamp(3, Timestamp.from(start));
          setTime(caseRow, 4, end);
          setDuration(caseRow, 5, start, end);
          caseRow.setDate(6, java.sql.Date.valueOf(LocalDate.ofInstant(start, CHINA)));
          caseRow.setDate(
              7, end == null ? null : java.sql.Date.valueOf(LocalDate.ofInstant(end, CHINA)));
          caseRow.setString(8, STAGES[running ? random.nextInt(5) : 5 + random.nextInt(2)]);
          caseRow.setString(
              9,
              AnalyticsBenchmark.CATEGORIES[random.nextInt(AnalyticsBenchmark.CATEGORIES.length)]);
          caseRow.setString(
              10,
              running
                  ? null
                  : AnalyticsBenchmark.OUTCOMES[
                      random.nextInt(AnalyticsBenchmark.OUTCOMES.length)]);
          caseRow.addBatch();
          if (i % 2 == 0) {
            Instant called = start.plusSeconds(3600);
            channel.setString(1, "channel-" + i);
            channel.setString(2, id);
            channel.setString(3, "WQ-2026-" + i);
            channel.setTimestamp(4, Timestamp.from(called));
            setTime(channel, 5, end);
            setDuration(channel, 6, called, end);
            channel.setTimestamp(7, Timestamp.from(start));
            channel.addBatch();
          }
          if (running) {
            deadline.setString(1, id);
            deadline.setString(2, id);
            deadline.setLong(
                3, now.plus(Duration.ofHours(random.nextInt(400) - 200)).toEpochMilli());
            deadline.addBatch();
            execution.setString(1, id);
            execution.setString(2, id);
            execution.addBatch();
            task.setString(1, "task-" + i);
            task.setString(2, id);
            task.setTimestamp(
                3, Timestamp.from(now.plus(Duration.ofHours(random.nextInt(400) - 200))));
            task.addBatch();
          }
          if (i % 1000 == 999 || i == cases - 1) {
            for (PreparedStatement batch :
                new PreparedStatement[] {caseRow, channel, deadline, execution, task}) {
              batch.executeBatch();
            }
            c.commit();
          }
        }
      }
      c.setAutoCommit(true);
      if (c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
        s.execute("VACUUM ANALYZE");
      }
    }
  }

  private static void setTime(PreparedStatement statement, int index, Instant time)
      throws SQLException {
    statement.setTimestamp(index, time == null ? null : Timestamp.from(time));
  }

  private static void setDuration(PreparedStatement statement, int index, Instant from, Instant to)
      throws SQLException {
    if (to == null) {
      statement.setNull(index, Types.BIGINT);
    } else {
      statement.setLong(index, to.toEpochMilli() - from.toEpochMilli());
    }
  }
}
