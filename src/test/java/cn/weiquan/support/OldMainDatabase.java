package cn.weiquan.support;

import cn.weiquan.evidence.Sha256;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;

/**
 * A database as Weiquan left it before its schema was versioned (main before Flyway): the engine's
 * tables with a running case, and the product's tables made by the application's own CREATE
 * statements (copied here verbatim), with rows in each and the evidence files' contents in
 * wq_evidence_file.content. No schema history.
 */
public final class OldMainDatabase {

  /**
   * The CREATE statements of CaseNumbers, EvidenceStore and IdempotencyStore before Flyway, as they
   * ran (verbatim).
   */
  public static final List<String> DDL =
      List.of(
          "CREATE TABLE IF NOT EXISTS wq_case_sequence (prefix VARCHAR(8) NOT NULL, seq_year INTEGER NOT NULL, "
              + "last_value BIGINT NOT NULL, PRIMARY KEY (prefix, seq_year))",
          "CREATE TABLE IF NOT EXISTS wq_evidence ("
              + "id VARCHAR(36) NOT NULL PRIMARY KEY, case_no VARCHAR(64) NOT NULL, process_instance_id VARCHAR(64) NOT NULL, "
              + "party VARCHAR(16) NOT NULL, submitted_by VARCHAR(64) NOT NULL, description VARCHAR(4000) NOT NULL, "
              + "received_at TIMESTAMP NOT NULL, timing VARCHAR(16) NOT NULL)",
          "CREATE INDEX IF NOT EXISTS wq_evidence_case ON wq_evidence (case_no)",
          "CREATE TABLE IF NOT EXISTS wq_evidence_file ("
              + "id VARCHAR(36) NOT NULL PRIMARY KEY, evidence_id VARCHAR(36) NOT NULL REFERENCES wq_evidence (id), "
              + "position INTEGER NOT NULL, file_name VARCHAR(255) NOT NULL, content_type VARCHAR(100) NOT NULL, "
              + "size_bytes BIGINT NOT NULL, sha256 VARCHAR(64) NOT NULL, content BYTEA NOT NULL)",
          "CREATE TABLE IF NOT EXISTS wq_intake_key ("
              + "scoped_key VARCHAR(300) NOT NULL PRIMARY KEY, "
              + "process_key VARCHAR(64) NOT NULL, "
              + "fingerprint VARCHAR(64) NOT NULL, "
              + "case_no VARCHAR(64) NOT NULL, "
              + "process_instance_id VARCHAR(64) NOT NULL, "
              + "created_at TIMESTAMP NOT NULL)");

  /** The running case of the old database. */
  public static final String CASE_NO = "WQ-2025-000007";

  public static final String OTHER_CASE_NO = "WQ-2025-000005";

  /** An evidence file as the old application stored it. */
  public record OldFile(
      String id,
      String evidenceId,
      int position,
      String fileName,
      String contentType,
      byte[] content) {
    public String sha256() {
      return Sha256.hex(content);
    }
  }

  public static final List<OldFile> FILES =
      List.of(
          new OldFile(
              "f0000000-0000-0000-0000-000000000001",
              "e0000000-0000-0000-0000-000000000001",
              0,
              "聊天记录.png",
              "image/png",
              png(3000)),
          new OldFile(
              "f0000000-0000-0000-0000-000000000002",
              "e0000000-0000-0000-0000-000000000001",
              1,
              "发票.pdf",
              "application/pdf",
              pdf(5000)),
          new OldFile(
              "f0000000-0000-0000-0000-000000000003",
              "e0000000-0000-0000-0000-000000000002",
              0,
              "说明.txt",
              "text/plain",
              "商家承认漏电，同意退货。\n订单号 1234567890\n".getBytes(StandardCharsets.UTF_8)),
          // the old channel checked the declared type only: these four bytes are no PNG, and they
          // move all the same
          new OldFile(
              "f0000000-0000-0000-0000-000000000004",
              "e0000000-0000-0000-0000-000000000003",
              0,
              "chat.png",
              "image/png",
              new byte[] {(byte) 0x89, 'P', 'N', 'G'}));

  private OldMainDatabase() {}

  /**
   * An engine as an older application had it, without any of the product (no plugin, no bean): full
   * history, the schema created or updated, no job executor. The caller closes it.
   */
  public static ProcessEngine bareEngine(String name, String url, String user, String password) {
    var configuration = new StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName(name);
    configuration.setJdbcUrl(url);
    configuration.setJdbcDriver(
        url.startsWith("jdbc:h2:") ? "org.h2.Driver" : "org.postgresql.Driver");
    configuration.setJdbcUsername(user);
    configuration.setJdbcPassword(password);
    configuration.setDatabaseSchemaUpdate("true");
    configuration.setJobExecutorActivate(false);
    configuration.setHistory("full");
    return configuration.buildProcessEngine();
  }

  /**
   * The engine's schema with one running case (business key {@link #CASE_NO}), made by an engine as
   * the old application's; returns the process instance id.
   */
  public static String createEngineSchema(String url, String user, String password) {
    ProcessEngine engine = bareEngine("old-main", url, user, password);
    try {
      engine
          .getRepositoryService()
          .createDeployment()
          .addModelInstance(
              "old-main-probe.bpmn",
              Bpmn.createExecutableProcess("old-main-probe")
                  .camundaHistoryTimeToLive(180)
                  .startEvent()
                  .userTask("Task_Wait")
                  .endEvent()
                  .done())
          .deploy();
      return engine
          .getRuntimeService()
          .startProcessInstanceByKey("old-main-probe", CASE_NO)
          .getId();
    } finally {
      engine.close();
    }
  }

  /**
   * The product's tables by the old statements, with rows in each; the evidence of the case points
   * at the instance.
   */
  public static void createProductTables(Connection connection, String processInstanceId)
      throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String ddl : DDL) {
        statement.execute(ddl);
      }
    }
    update(
        connection,
        "INSERT INTO wq_case_sequence (prefix, seq_year, last_value) VALUES (?, ?, ?)",
        "WQ",
        2025,
        7L);
    update(
        connection,
        "INSERT INTO wq_case_sequence (prefix, seq_year, last_value) VALUES (?, ?, ?)",
        "TS",
        2025,
        3L);
    String submission =
        "INSERT INTO wq_evidence (id, case_no, process_instance_id, party, submitted_by, description, "
            + "received_at, timing) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    update(
        connection,
        submission,
        "e0000000-0000-0000-0000-000000000001",
        CASE_NO,
        processInstanceId,
        "merchant",
        "merchant-a",
        "聊天记录截图与发票",
        Timestamp.valueOf("2025-06-03 10:15:00"),
        "IN_TIME");
    update(
        connection,
        submission,
        "e0000000-0000-0000-0000-000000000002",
        CASE_NO,
        processInstanceId,
        "consumer",
        "api",
        "商家的书面答复",
        Timestamp.valueOf("2025-06-09 16:40:00"),
        "LATE");
    update(
        connection,
        submission,
        "e0000000-0000-0000-0000-000000000003",
        OTHER_CASE_NO,
        "pi-of-an-ended-case",
        "consumer",
        "api",
        "早到的证据",
        Timestamp.valueOf("2025-05-20 09:00:00"),
        "OUTSIDE_WINDOW");
    for (OldFile file : FILES) {
      update(
          connection,
          "INSERT INTO wq_evidence_file (id, evidence_id, position, file_name, content_type, size_bytes, "
              + "sha256, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          file.id(),
          file.evidenceId(),
          file.position(),
          file.fileName(),
          file.contentType(),
          (long) file.content().length,
          file.sha256(),
          file.content());
    }
    update(
        connection,
        "INSERT INTO wq_intake_key (scoped_key, process_key, fingerprint, case_no, process_instance_id, "
            + "created_at) VALUES (?, ?, ?, ?, ?, ?)",
        "api|consumer-dispute|key:order-1234567890",
        "consumer-dispute",
        "ab".repeat(32),
        CASE_NO,
        processInstanceId,
        Timestamp.valueOf("2025-06-01 08:00:00"));
  }

  /**
   * Every row of the four old tables in their old columns but the contents, to compare before and
   * after migrating.
   */
  public static Map<String, List<List<String>>> snapshot(Connection connection)
      throws SQLException {
    Map<String, List<List<String>>> tables = new LinkedHashMap<>();
    tables.put(
        "wq_case_sequence",
        rows(
            connection,
            "SELECT prefix, seq_year, last_value FROM wq_case_sequence ORDER BY prefix, seq_year"));
    tables.put(
        "wq_evidence",
        rows(
            connection,
            "SELECT id, case_no, process_instance_id, party, submitted_by, description, "
                + "received_at, timing FROM wq_evidence ORDER BY id"));
    tables.put(
        "wq_evidence_file",
        rows(
            connection,
            "SELECT id, evidence_id, position, file_name, content_type, size_bytes, "
                + "sha256 FROM wq_evidence_file ORDER BY id"));
    tables.put(
        "wq_intake_key",
        rows(
            connection,
            "SELECT scoped_key, process_key, fingerprint, case_no, process_instance_id, "
                + "created_at FROM wq_intake_key ORDER BY scoped_key"));
    return tables;
  }

  /** The rows a query answers, each column as text. */
  public static List<List<String>> rows(Connection connection, String query) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(query)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(result.getString(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /** Whether the table still has the column (H2 keeps names upper-case, PostgreSQL lower-case). */
  public static boolean hasColumn(Connection connection, String table, String column)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT COUNT(*) FROM information_schema.columns "
                + "WHERE LOWER(table_name) = ? AND LOWER(column_name) = ?")) {
      query.setString(1, table);
      query.setString(2, column);
      try (ResultSet result = query.executeQuery()) {
        result.next();
        return result.getInt(1) > 0;
      }
    }
  }

  private static void update(Connection connection, String sql, Object... values)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      statement.executeUpdate();
    }
  }

  /** A PNG signature and header followed by noise: what the old channel stored for a screenshot. */
  private static byte[] png(int size) {
    byte[] content = noise(size, 1);
    byte[] head = {
      (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'
    };
    System.arraycopy(head, 0, content, 0, head.length);
    return content;
  }

  private static byte[] pdf(int size) {
    byte[] content = noise(size, 2);
    byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(head, 0, content, 0, head.length);
    return content;
  }

  private static byte[] noise(int size, long seed) {
    byte[] content = new byte[size];
    new Random(seed).nextBytes(content);
    return content;
  }
}
