package cn.weiquan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.weiquan.casenumber.CaseNumbers;
import cn.weiquan.evidence.Sha256;
import cn.weiquan.intake.EvidenceStore;
import cn.weiquan.support.OldMainDatabase;
import cn.weiquan.support.OldMainDatabase.OldFile;
import cn.weiquan.support.ThrowawayPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A database from before the versioned schema (the engine's tables with a running case; the
 * product's tables by their old CREATE statements with rows in each, evidence contents in the
 * database; no schema history) starts on this version without losing a row or a file, on H2 and on
 * PostgreSQL, and a second start changes nothing.
 */
class SchemaMigrationStartupIT {
  private static final String HISTORY =
      "SELECT \"version\" || ' ' || \"type\" FROM \"wq_schema_history\" "
          + "WHERE \"version\" IS NOT NULL AND \"success\" = TRUE ORDER BY \"installed_rank\"";

  @TempDir Path dataDir;

  @Test
  void
      anOldH2FileDatabase_isBaselinedAndMigrated_keepingEveryRowAndMovingEveryFileToTheEvidenceDirectory()
          throws Exception {
    String url =
        "jdbc:h2:file:"
            + dataDir
            + "/weiquan;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0"; // as application.yaml
    // the evidence directory is left at its default, ${weiquan.data-dir}/evidence
    migratesTheOldDatabase(url, "sa", "local", "weiquan.data-dir=" + dataDir);
  }

  @Test
  void
      anOldPostgresqlDatabase_isBaselinedAndMigrated_keepingEveryRowAndMovingEveryFileToTheEvidenceDirectory()
          throws Exception {
    try (ThrowawayPostgres postgres = ThrowawayPostgres.create()) {
      migratesTheOldDatabase(
          postgres.url(), postgres.user(), "postgres", postgresProperties(postgres));
    }
  }

  @Test
  void aFreshPostgresqlDatabase_getsEveryMigration_beforeTheEngineCreatesItsTables()
      throws Exception {
    try (ThrowawayPostgres postgres = ThrowawayPostgres.create();
        ConfigurableApplicationContext app =
            StartupSupport.start("postgres", postgresProperties(postgres));
        Connection connection = app.getBean(DataSource.class).getConnection()) {
      // no baseline: Flyway found the database empty, the engine's tables came after
      assertThat(column(connection, HISTORY))
          .containsExactly(
              "1 SQL", "2 SQL", "3 JDBC", "4 SQL", "5 SQL", "30 SQL", "31 SQL", "32 JDBC",
              "33 SQL");
      assertThat(OldMainDatabase.hasColumn(connection, "wq_evidence_file", "storage_key")).isTrue();
      assertThat(OldMainDatabase.hasColumn(connection, "act_ru_execution", "id_")).isTrue();
      assertThat(app.getBean(CaseNumbers.class).next("WQ", LocalDate.of(2026, 3, 5)))
          .isEqualTo("WQ-2026-000001");
    }
  }

  private String[] postgresProperties(ThrowawayPostgres postgres) {
    return new String[] {
      "spring.datasource.url=" + postgres.url(),
      "spring.datasource.username=" + postgres.user(),
      "weiquan.security.admin.password=schema-migration-test",
      "weiquan.evidence.directory=" + dataDir.resolve("evidence")
    };
  }

  private void migratesTheOldDatabase(String url, String user, String profile, String... properties)
      throws Exception {
    String instanceId = OldMainDatabase.createEngineSchema(url, user, "");
    Map<String, List<List<String>>> rowsBefore;
    try (Connection connection = DriverManager.getConnection(url, user, "")) {
      OldMainDatabase.createProductTables(connection, instanceId);
      rowsBefore = OldMainDatabase.snapshot(connection);
    }
    Path evidence = dataDir.resolve("evidence");
    List<String> history;
    Map<Path, String> filesAfterFirstStart;

    try (ConfigurableApplicationContext app = StartupSupport.start(profile, properties);
        Connection connection = app.getBean(DataSource.class).getConnection()) {
      assertThat(OldMainDatabase.snapshot(connection))
          .as("every row of the old tables")
          .isEqualTo(rowsBefore);
      assertThat(OldMainDatabase.hasColumn(connection, "wq_evidence_file", "content")).isFalse();
      history = column(connection, HISTORY);
      assertThat(history)
          .containsExactly(
              "0 BASELINE",
              "1 SQL",
              "2 SQL",
              "3 JDBC",
              "4 SQL",
              "5 SQL",
              "30 SQL",
              "31 SQL",
              "32 JDBC",
              "33 SQL");
      assertThat(
              OldMainDatabase.rows(
                  connection, "SELECT id, detected_type FROM wq_evidence_file ORDER BY id"))
          .extracting(row -> row.get(1))
          .containsExactly("image/png", "application/pdf", "text/plain", null);
      assertThat(
              OldMainDatabase.rows(
                  connection,
                  "SELECT case_no, file_count, size_bytes FROM wq_evidence_totals ORDER BY case_no"))
          .containsExactly(
              List.of(OldMainDatabase.OTHER_CASE_NO, "1", "4"),
              List.of(
                  OldMainDatabase.CASE_NO,
                  "3",
                  String.valueOf(
                      OldMainDatabase.FILES.stream()
                          .filter(f -> !f.evidenceId().endsWith("3"))
                          .mapToInt(f -> f.content().length)
                          .sum())));

      EvidenceStore store = app.getBean(EvidenceStore.class);
      for (OldFile file : OldMainDatabase.FILES) {
        assertThat(Sha256.hex(store.content(file.evidenceId(), file.position())))
            .as(file.fileName())
            .isEqualTo(file.sha256());
      }
      filesAfterFirstStart = files(evidence);
      assertThat(filesAfterFirstStart.values())
          .as("the files in the evidence directory, by SHA-256")
          .containsExactlyInAnyOrderElementsOf(
              OldMainDatabase.FILES.stream().map(OldFile::sha256).toList());
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      assertThat(
              engine
                  .getRuntimeService()
                  .createProcessInstanceQuery()
                  .processInstanceId(instanceId)
                  .processInstanceBusinessKey(OldMainDatabase.CASE_NO)
                  .count())
          .as("the engine's running case")
          .isEqualTo(1);
    }

    try (ConfigurableApplicationContext app = StartupSupport.start(profile, properties);
        Connection connection = app.getBean(DataSource.class).getConnection()) {
      assertThat(column(connection, HISTORY))
          .as("a second start migrates nothing")
          .isEqualTo(history);
      assertThat(OldMainDatabase.snapshot(connection)).isEqualTo(rowsBefore);
      assertThat(files(evidence)).isEqualTo(filesAfterFirstStart);
      assertThat(app.getBean(CaseNumbers.class).next("WQ", LocalDate.of(2025, 12, 1)))
          .as("numbering goes on from the old counter")
          .isEqualTo("WQ-2025-000008");
    }
  }

  private static List<String> column(Connection connection, String query) throws Exception {
    return OldMainDatabase.rows(connection, query).stream().map(row -> row.get(0)).toList();
  }

  /** Every file under the directory with its SHA-256. */
  private static Map<Path, String> files(Path directory) throws IOException {
    try (Stream<Path> walk = Files.walk(directory)) {
      Map<Path, String> files = new TreeMap<>();
      walk.filter(Files::isRegularFile)
          .forEach(
              file -> {
                try {
                  files.put(file, Sha256.hex(Files.readAllBytes(file)));
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      return files;
    }
  }
}
