package cn.weiquan.casenumber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.weiquan.support.ProductSchema;
import cn.weiquan.support.ThrowawayPostgres;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

class CaseNumbersTest {

  private static final LocalDate DAY = LocalDate.of(2026, 3, 5);

  @Test
  void numbersAreSequentialPerPrefixAndYear() {
    var numbers = new CaseNumbers(h2());
    assertThat(numbers.next("WQ", DAY)).isEqualTo("WQ-2026-000001");
    assertThat(numbers.next("WQ", DAY)).isEqualTo("WQ-2026-000002");
    assertThat(numbers.next("TS", DAY)).isEqualTo("TS-2026-000001");
    assertThat(numbers.next("WQ", LocalDate.of(2027, 1, 1))).isEqualTo("WQ-2027-000001");
    assertThat(numbers.next("WQ", DAY)).isEqualTo("WQ-2026-000003");
  }

  @Test
  void rejectsAPrefixThatIsNotCapitalLetters() {
    assertThatThrownBy(() -> new CaseNumbers(h2()).next("wq'; drop", DAY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void concurrentStartsOnH2GetDistinctGaplessNumbers() throws Exception {
    assertConcurrentStartsGetGaplessNumbers(h2(), "WQ");
  }

  @Test
  void aRolledBackStartGivesItsNumberBack() {
    DataSource dataSource = h2();
    var numbers = new CaseNumbers(dataSource);
    var callersTransaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    String rolledBack =
        callersTransaction.execute(
            status -> {
              String number = numbers.next("WQ", DAY);
              status.setRollbackOnly();
              return number;
            });
    assertThat(numbers.next("WQ", DAY)).isEqualTo(rolledBack).isEqualTo("WQ-2026-000001");
  }

  @Test
  void concurrentStartsOnPostgresqlGetDistinctGaplessNumbers() throws Exception {
    try (ThrowawayPostgres postgres = ThrowawayPostgres.create()) {
      DataSource dataSource = postgres.dataSource();
      ProductSchema.migrate(dataSource);
      assertConcurrentStartsGetGaplessNumbers(dataSource, "WQ");
    }
  }

  private static void assertConcurrentStartsGetGaplessNumbers(DataSource dataSource, String prefix)
      throws Exception {
    int threads = 8;
    int perThread = 25;
    var numbers = new CaseNumbers(dataSource);
    var transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Callable<List<String>>> starts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        starts.add(
            () -> {
              List<String> mine = new ArrayList<>();
              for (int i = 0; i < perThread; i++) {
                // each number is taken inside a caller's transaction, as a process start does
                mine.add(transactions.execute(status -> numbers.next(prefix, DAY)));
              }
              return mine;
            });
      }
      Set<String> all = new TreeSet<>();
      int count = 0;
      for (Future<List<String>> f : pool.invokeAll(starts)) {
        List<String> mine = f.get();
        count += mine.size();
        all.addAll(mine);
      }
      assertThat(count).isEqualTo(threads * perThread);
      Set<String> expected =
          IntStream.rangeClosed(1, threads * perThread)
              .mapToObj(i -> String.format("%s-2026-%06d", prefix, i))
              .collect(Collectors.toCollection(TreeSet::new));
      assertThat(all).isEqualTo(expected);
    } finally {
      pool.shutdownNow();
    }
  }

  /** A fresh database with the product's tables, as the application's start leaves it. */
  private static DataSource h2() {
    var dataSource =
        new DriverManagerDataSource(
            "jdbc:h2:mem:casenumbers-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    ProductSchema.migrate(dataSource);
    return dataSource;
  }
}
