package cn.weiquan.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.weiquan.api.ApiException;
import cn.weiquan.evidence.DirectoryEvidenceStorage;
import cn.weiquan.intake.EvidenceStore.EvidenceFile;
import cn.weiquan.intake.EvidenceStore.Timing;
import cn.weiquan.platform.ProcessKeys;
import cn.weiquan.support.OldMainDatabase;
import cn.weiquan.support.ProductSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.unit.DataSize;

/**
 * The evidence store on a real database (H2, migrated as at start) and a real storage directory.
 */
class EvidenceStoreTest {
  private static final byte[] PNG = {
    (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'
  };

  @TempDir Path directory;
  DataSource dataSource;
  JdbcTemplate jdbc;
  DirectoryEvidenceStorage storage;
  EvidenceStore store;

  @BeforeEach
  void migratedDatabaseAndEmptyStorage() {
    dataSource =
        new DriverManagerDataSource(
            "jdbc:h2:mem:evidence-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    storage = new DirectoryEvidenceStorage(directory);
    ProductSchema.migrate(dataSource, storage);
    jdbc = new JdbcTemplate(dataSource);
    store = store(5, DataSize.ofBytes(1000));
  }

  private EvidenceStore store(int maxCaseFiles, DataSize maxCaseBytes) {
    var limits = new IntakeProperties.Evidence(null, null, null, maxCaseBytes, maxCaseFiles);
    return new EvidenceStore(
        jdbc,
        new DataSourceTransactionManager(dataSource),
        storage,
        new IntakeProperties(null, limits, null));
  }

  private String submit(String caseNo, EvidenceFile... files) {
    return store.store(
        caseNo, "pi-" + caseNo, "consumer", "api", "聊天记录", List.of(files), Timing.IN_TIME);
  }

  private static EvidenceFile text(String content) {
    return new EvidenceFile("说明.txt", "text/plain", content.getBytes(StandardCharsets.UTF_8));
  }

  private static EvidenceFile bytes(int size) {
    return new EvidenceFile("截图.png", "image/png", java.util.Arrays.copyOf(PNG, size));
  }

  @Test
  void aSubmission_keepsItsContentsInTheStorage_andOnlyReferencesInTheDatabase() throws Exception {
    String id =
        submit("WQ-2026-000001", new EvidenceFile("截图.png", "image/png", PNG), text("商家承认漏电"));

    assertThat(store.content(id, 0)).isEqualTo(PNG);
    assertThat(store.content(id, 1)).isEqualTo("商家承认漏电".getBytes(StandardCharsets.UTF_8));
    assertThat(storedFiles()).hasSize(2);
    assertThat(
            jdbc.queryForList(
                "SELECT detected_type FROM wq_evidence_file ORDER BY position", String.class))
        .containsExactly("image/png", "text/plain");
    assertThat(jdbc.queryForList("SELECT storage_key FROM wq_evidence_file", String.class))
        .allSatisfy(key -> assertThat(key).matches("[0-9a-f]{32}"));
    try (Connection connection = dataSource.getConnection()) {
      assertThat(OldMainDatabase.hasColumn(connection, "wq_evidence_file", "content")).isFalse();
    }
    assertThat(store.list("WQ-2026-000001"))
        .singleElement()
        .satisfies(
            summary ->
                assertThat(summary.files())
                    .extracting(
                        EvidenceStore.FileSummary::fileName, EvidenceStore.FileSummary::size)
                    .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("截图.png", (long) PNG.length),
                        org.assertj.core.groups.Tuple.tuple("说明.txt", 18L)));
  }

  @Test
  void aSubmissionTheDatabaseRefuses_leavesNoFileBehind() throws Exception {
    var tooLongAName = new EvidenceFile("x".repeat(300) + ".png", "image/png", PNG);

    assertThatThrownBy(() -> submit("WQ-2026-000001", text("第一份"), tooLongAName))
        .isInstanceOf(org.springframework.dao.DataAccessException.class);

    assertThat(storedFiles()).isEmpty();
    assertThat(store.list("WQ-2026-000001")).isEmpty();
  }

  @Test
  void theLimitsPerCase_countEverySubmissionOfTheCase_andRefuseWith413NamingFiles()
      throws Exception {
    submit("WQ-2026-000001", bytes(100), bytes(100));
    submit("WQ-2026-000001", bytes(100), bytes(100));

    ApiException tooMany = catchIntake(() -> submit("WQ-2026-000001", bytes(20), bytes(20)));
    ApiException tooBig = catchIntake(() -> submit("WQ-2026-000001", bytes(601)));

    assertThat(tooMany.status()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(tooMany.field()).isEqualTo("files");
    assertThat(tooMany.getMessage()).contains("per-case limit of 5 files");
    assertThat(tooBig.status()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(tooBig.getMessage()).contains("holds 4 evidence files (400 bytes)", "1000 bytes");
    submit("WQ-2026-000001", bytes(600));
    submit("WQ-2026-000002", bytes(1000));
    assertThat(storedFiles()).as("refused submissions leave no file").hasSize(6);
  }

  @Test
  void concurrentSubmissionsToOneCase_cannotTogetherPassItsLimit() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> submissions = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        submissions.add(
            () -> {
              try {
                submit("WQ-2026-000009", bytes(50));
                return true;
              } catch (ApiException overTheLimit) {
                return false;
              }
            });
      }
      int taken = 0;
      for (Future<Boolean> done : pool.invokeAll(submissions)) {
        taken += done.get() ? 1 : 0;
      }
      assertThat(taken).isEqualTo(5);
      assertThat(storedFiles()).hasSize(5);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void deleteCase_removesTheCasesFilesAndRows_andNoOtherCases() throws Exception {
    String first = submit("WQ-2026-000001", bytes(100), text("一"));
    submit("WQ-2026-000001", text("二"));
    String other = submit("WQ-2026-000002", text("别的案件"));

    EvidenceStore.Deleted deleted = store.deleteCase("WQ-2026-000001");

    assertThat(deleted).isEqualTo(new EvidenceStore.Deleted(2, 3));
    assertThat(store.list("WQ-2026-000001")).isEmpty();
    assertThat(storedFiles()).hasSize(1);
    assertThat(store.content(other, 0)).isEqualTo("别的案件".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> store.content(first, 0))
        .isInstanceOf(org.springframework.dao.EmptyResultDataAccessException.class);
    assertThat(store.deleteCase("WQ-2026-000001"))
        .as("again: nothing left")
        .isEqualTo(new EvidenceStore.Deleted(0, 0));
    submit("WQ-2026-000001", bytes(500), bytes(500));
    assertThat(storedFiles()).as("the case's totals start again from zero").hasSize(3);
  }

  @Test
  void idempotencyKeys_deleteCaseRemovesTheCasesKeysOnly() {
    var keys = new IdempotencyStore(jdbc);
    keys.record(
        new IdempotencyStore.Filing(
            "api|key:1", ProcessKeys.CONSUMER_DISPUTE, "WQ-2026-000001", "pi-1", "f1"));
    keys.record(
        new IdempotencyStore.Filing(
            "api|ref:ORDER-1", ProcessKeys.CONSUMER_DISPUTE, "WQ-2026-000001", "pi-1", "f1"));
    keys.record(
        new IdempotencyStore.Filing(
            "api|key:2", ProcessKeys.CONSUMER_DISPUTE, "WQ-2026-000002", "pi-2", "f2"));

    assertThat(keys.deleteCase("WQ-2026-000001")).isEqualTo(2);

    assertThat(keys.find("api|key:1")).isEmpty();
    assertThat(keys.find("api|ref:ORDER-1")).isEmpty();
    assertThat(keys.find("api|key:2")).isPresent();
    assertThat(keys.deleteCase("WQ-2026-000001")).isZero();
  }

  private static ApiException catchIntake(Runnable call) {
    try {
      call.run();
    } catch (ApiException e) {
      return e;
    }
    throw new AssertionError("expected a refusal");
  }

  private List<Path> storedFiles() throws IOException {
    try (Stream<Path> walk = Files.walk(directory)) {
      return walk.filter(Files::isRegularFile).toList();
    }
  }
}
