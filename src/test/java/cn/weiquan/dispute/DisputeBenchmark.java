package cn.weiquan.dispute;

import static cn.weiquan.dispute.DisputeVariables.*;

import cn.weiquan.privacy.HistoryWithoutFormFields;
import cn.weiquan.support.TestSmtp;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.spring.SpringTransactionsProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Benchmark (not a test): N cases through the negotiation-settled and the mediation-agreed paths of
 * consumer-dispute (the spine, and for mediation the association's channel it calls) on an embedded
 * H2 engine (full history, the real calendar, rules and case-number beans), and in the same run a
 * bare process with the same wait states ({@link BareProcess}: the same messages, timers, user
 * tasks, boundary events and async continuations, nothing else). The bare process runs twice: fed
 * the same data as the case (the registration's variables at the start, the same answers at each
 * wait), which is the yardstick of the goal because it leaves only what the model adds; and fed
 * nothing, for the engine's floor. The mail step is a no-op in the comparison, so the ratio
 * measures the model; a last round sends real mail to an in-process SMTP server.
 *
 * <pre>
 * mvn -Pbench -Dbench=cn.weiquan.dispute.DisputeBenchmark -Dexec.args="600" test-compile exec:java
 * </pre>
 *
 * (-Drounds=20 by default: the cases of each path are split into that many interleaved rounds; the
 * database is an H2 file in a temporary folder, as the application's default, or in memory with
 * -Dh2=mem; the engine is built as the application's starter builds it, or with -Dengine=standalone
 * as issue 5's figures were measured.)
 */
public final class DisputeBenchmark {

  private static final JavaDelegate NO_MAIL = execution -> {};

  /**
   * One wait of a path: a message (correlated by name) or the case's one open user task, and the
   * answer it brings.
   */
  private record Step(String message, Map<String, Object> answer) {
    static Step message(String name, Map<String, Object> answer) {
      return new Step(name, answer);
    }

    static Step task(Map<String, Object> answer) {
      return new Step(null, answer);
    }
  }

  private static final List<Step> SETTLED =
      List.of(
          Step.message("MerchantResponse", Map.of(MERCHANT_ANSWER, "accept")),
          Step.task(
              Map.of(
                  "settlementMethod",
                  "refund",
                  "settlementFulfilledOn",
                  "2026-03-04",
                  "settlementConfirmed",
                  true)));

  private static final List<Step> MEDIATED =
      List.of(
          Step.message("MerchantResponse", Map.of(MERCHANT_ANSWER, "reject")),
          Step.task(Map.of(NEXT_CHANNEL, "association")),
          Step.task(Map.of(MEDIATION_ACCEPTED, true)),
          Step.task(Map.of(SESSION_OUTCOME, "agreement", "sessionSummary", "双方同意退货退款")),
          Step.task(Map.of("agreementText", "退货退款1999.00元")),
          Step.task(Map.of(CONSUMER_CONFIRMED, true, MERCHANT_CONFIRMED, true)),
          Step.task(Map.of("agreementFulfilled", true, "requestCourtConfirmation", false)));

  private final ProcessEngine engine;
  private int bareCases;

  private DisputeBenchmark(ProcessEngine engine) {
    this.engine = engine;
  }

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 600;
    // the application's default database: an H2 file (application.yaml); -Dh2=mem for an in-memory
    // one
    boolean inMemory = "mem".equals(System.getProperty("h2", "file"));
    Path dataDir = Files.createTempDirectory("weiquan-benchmark");
    String url =
        inMemory
            ? "jdbc:h2:mem:dispute-benchmark;DB_CLOSE_DELAY=-1"
            : "jdbc:h2:file:"
                + dataDir.resolve("weiquan")
                + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;CACHE_SIZE=131072"; // as application.yaml
    HikariDataSource pool = null;
    ProcessEngineConfigurationImpl configuration;
    boolean standalone = "standalone".equals(System.getProperty("engine", "application"));
    if (standalone) {
      // -Dengine=standalone: the engine of issue 5's figures, its own JDBC transactions and pool,
      // ids in blocks from the database; the case number's UPDATE commits on its own there
      var own = new StandaloneInMemProcessEngineConfiguration();
      own.setJdbcUrl(url);
      configuration = own;
    } else {
      // the engine as the application's starter builds it: a connection pool (Hikari), every
      // command in a Spring transaction on it (the case number's UPDATE joins it, CaseNumbers), and
      // its default id generator (UUIDs, no id blocks from the database)
      pool = new HikariDataSource();
      pool.setJdbcUrl(url);
      pool.setUsername("sa");
      var spring = new SpringTransactionsProcessEngineConfiguration();
      spring.setDataSource(pool);
      spring.setTransactionManager(new DataSourceTransactionManager(pool));
      spring.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
      spring.setIdGenerator(new StrongUuidGenerator());
      configuration = spring;
    }
    configuration.setProcessEngineName("dispute-benchmark");
    configuration.setJobExecutorActivate(false);
    configuration.setHistory("full");
    configuration.setExpressionManager(new MockExpressionManager());
    // the application's history level (full without the value log of derived variables)
    configuration.getProcessEnginePlugins().add(new HistoryWithoutFormFields());
    ProcessEngine engine = configuration.buildProcessEngine();
    ClockUtil.setCurrentTime(Date.from(DisputeCases.REGISTERED));
    GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    try {
      // the same waits as the dispute's paths, in the same order (printed at the start of a run:
      // see waitsOf)
      String settled = new BareProcess("bare-settled").mail().race().mail().task().xml();
      String mediated =
          new BareProcess("bare-mediated")
              .mail()
              .race()
              .mail()
              .taskOrMessage()
              .call("bare-channel")
              .xml();
      String channel =
          new BareProcess("bare-channel", false)
              .mail()
              .taskWithTimer()
              .mail()
              .subProcess(3)
              .mail()
              .task()
              .xml();
      engine
          .getRepositoryService()
          .createDeployment()
          .name("benchmark")
          .addClasspathResource(DisputeCases.BPMN)
          .addClasspathResource(DisputeCases.PLATFORM_BPMN)
          .addClasspathResource(DisputeCases.ASSOCIATION_BPMN)
          .addClasspathResource(DisputeCases.REGULATOR_BPMN)
          .addClasspathResource(DisputeCases.ARBITRATION_BPMN)
          .addClasspathResource(DisputeCases.COURT_BPMN)
          .addClasspathResource(DisputeCases.PENALTY_DMN)
          .addClasspathResource(DisputeCases.CHANNELS_DMN)
          .addString("bare-settled.bpmn", settled)
          .addString("bare-mediated.bpmn", mediated)
          .addString("bare-channel.bpmn", channel)
          .deploy();
      DisputeCases.register(engine, TestSmtp.sender(smtp.getSmtp().getPort()));
      JavaDelegate realMail = (JavaDelegate) Mocks.get("notify");
      Mocks.register("notify", NO_MAIL);
      new DisputeBenchmark(engine)
          .run(
              n,
              realMail,
              (inMemory ? "in-memory H2" : "H2 file database")
                  + (standalone
                      ? ", standalone engine (own transactions, ids from the database)"
                      : ", engine as the application's (Spring transactions, Hikari, UUID ids)"));
    } finally {
      smtp.stop();
      engine.close();
      if (pool != null) {
        pool.close();
      }
      try (var files = Files.walk(dataDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
      }
    }
  }

  private void run(int n, JavaDelegate realMail, String database) {
    int warmup = Math.max(20, n / 5);
    Map<String, Runnable> paths = new LinkedHashMap<>();
    paths.put("consumer-dispute negotiation-settled", () -> dispute(SETTLED));
    paths.put("bare, same wait states, same data in", () -> bare("bare-settled", SETTLED, true));
    paths.put("bare, same wait states, no data", () -> bare("bare-settled", SETTLED, false));
    paths.put("consumer-dispute mediation-agreed", () -> dispute(MEDIATED));
    paths.put("bare, same wait states, same data in ", () -> bare("bare-mediated", MEDIATED, true));
    paths.put("bare, same wait states, no data ", () -> bare("bare-mediated", MEDIATED, false));
    System.out.printf(
        "waits of negotiation-settled:%s%nwaits of mediation-agreed:%s%n",
        waitsOf(dispute(SETTLED)), waitsOf(dispute(MEDIATED)));
    paths.values().forEach(path -> repeat(path, warmup));
    printRowsPerCase(paths);
    printStatementsPerCase(paths);
    printVariables("negotiation-settled", dispute(SETTLED));
    printVariables("mediation-agreed", dispute(MEDIATED));
    // rounds interleave the paths so that load from other processes on the machine hits them alike;
    // each ratio is
    // taken within a round (neighbouring measurements) and the median over the rounds is reported
    int rounds = Integer.getInteger("rounds", 20);
    int perRound = Math.max(1, n / rounds);
    Map<String, List<Double>> rates = new LinkedHashMap<>();
    for (int round = 0; round < rounds; round++) {
      for (var path : paths.entrySet()) {
        rates
            .computeIfAbsent(path.getKey(), k -> new ArrayList<>())
            .add(casesPerSecond(path.getValue(), perRound));
      }
    }
    System.out.printf(
        "%nconsumer-dispute benchmark: %d cases per path in %d interleaved rounds after %d warm-up, embedded %s, full history, one thread (medians over the rounds)%n",
        perRound * rounds, rounds, warmup, database);
    rates.forEach((name, list) -> System.out.printf("  %-45s %8.1f cases/s%n", name, median(list)));
    List<String> names = List.copyOf(rates.keySet());
    for (int i = 0; i < names.size(); i += 3) {
      List<Double> model = rates.get(names.get(i));
      System.out.printf(
          "  ratio %s: %.2f of the bare process with the same waits and data (goal >= 0.8), %.2f of it without data%n",
          names.get(i),
          medianRatio(model, rates.get(names.get(i + 1))),
          medianRatio(model, rates.get(names.get(i + 2))));
    }
    Mocks.register("notify", realMail);
    int mailed = Math.max(20, n / 5);
    repeat(() -> dispute(SETTLED), 5);
    System.out.printf(
        "  with real mail to an in-process SMTP server: negotiation-settled %.1f cases/s, mediation-agreed %.1f cases/s (%d cases each)%n",
        casesPerSecond(() -> dispute(SETTLED), mailed),
        casesPerSecond(() -> dispute(MEDIATED), mailed),
        mailed);
  }

  /**
   * What each path leaves in the database per case: rows added to every engine table over 10 cases
   * (history, runtime leftovers, bytes), a measure that load on the machine does not move.
   */
  private void printRowsPerCase(Map<String, Runnable> paths) {
    int cases = 10;
    System.out.println("rows written per case (engine tables that grew):");
    for (var path : paths.entrySet()) {
      Map<String, Long> before = tableRows();
      repeat(path.getValue(), cases);
      Map<String, Long> added = new LinkedHashMap<>();
      tableRows()
          .forEach(
              (table, rows) -> {
                long grown = rows - before.getOrDefault(table, 0L);
                if (grown > 0) {
                  added.put(table, grown);
                }
              });
      printPerCase(path.getKey(), added, cases);
    }
  }

  /** One path's line: the total and each count of {@code counts}, in its order, per case. */
  private static void printPerCase(String path, Map<String, Long> counts, int cases) {
    StringBuilder line = new StringBuilder();
    counts.forEach((name, n) -> line.append(String.format(" %s %.1f", name, n / (double) cases)));
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    System.out.printf("  %-45s total %.1f:%s%n", path, total / (double) cases, line);
  }

  /**
   * The variables one case of a path writes (spine and channel): each name with the number of
   * values it was given (ACT_HI_DETAIL rows), most written first.
   */
  private void printVariables(String path, String spineId) {
    var history = engine.getHistoryService();
    String caseNo =
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceId(spineId)
            .singleResult()
            .getBusinessKey();
    Map<String, Integer> writes = new java.util.TreeMap<>();
    for (var process :
        history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNo).list()) {
      history
          .createHistoricDetailQuery()
          .processInstanceId(process.getId())
          .variableUpdates()
          .list()
          .forEach(
              detail ->
                  writes.merge(
                      process.getProcessDefinitionKey()
                          + ":"
                          + ((org.camunda.bpm.engine.history.HistoricVariableUpdate) detail)
                              .getVariableName(),
                      1,
                      Integer::sum));
    }
    StringBuilder line = new StringBuilder();
    writes.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .forEach(e -> line.append(' ').append(e.getKey()).append('×').append(e.getValue()));
    System.out.printf(
        "variables of one %s case (%d names, %d values):%s%n",
        path, writes.size(), writes.values().stream().mapToInt(Integer::intValue).sum(), line);
  }

  /**
   * What each path asks of the database per case: the statements H2 ran over 10 cases (its
   * QUERY_STATISTICS), counted per verb and table, e.g. "insert ACT_HI_DETAIL 41.0", most first.
   * With the rows above it shows where a path's extra time goes: each written row is one entry in
   * each of its table's indexes when the transaction commits.
   */
  private void printStatementsPerCase(Map<String, Runnable> paths) {
    int cases = 10;
    System.out.println("statements per case (verb and table, from H2's query statistics):");
    java.util.regex.Pattern table =
        java.util.regex.Pattern.compile(
            "(?is)^\\s*(?:(update)\\s+(\\w+)|(select|delete|insert)\\b.*?\\b(?:from|into)\\s+(\\w+))");
    for (var path : paths.entrySet()) {
      try (var connection = dataSource().getConnection();
          var statement = connection.createStatement()) {
        statement.execute("SET QUERY_STATISTICS FALSE");
        statement.execute("SET QUERY_STATISTICS_MAX_ENTRIES 10000");
        statement.execute("SET QUERY_STATISTICS TRUE");
        repeat(path.getValue(), cases);
        Map<String, Long> counts = new java.util.HashMap<>();
        try (var result =
            statement.executeQuery(
                "SELECT SQL_STATEMENT, EXECUTION_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS")) {
          while (result.next()) {
            String sql = result.getString(1);
            if (sql.contains("QUERY_STATISTICS")) {
              continue;
            }
            var matcher = table.matcher(sql);
            String key =
                matcher.find()
                    ? matcher.group(1) != null
                        ? "update " + matcher.group(2).toUpperCase()
                        : matcher.group(3).toLowerCase() + " " + matcher.group(4).toUpperCase()
                    : sql.strip().split("\\s+")[0].toLowerCase();
            counts.merge(key, result.getLong(2), Long::sum);
          }
        }
        statement.execute("SET QUERY_STATISTICS FALSE");
        Map<String, Long> mostFirst = new LinkedHashMap<>();
        counts.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .forEach(e -> mostFirst.put(e.getKey(), e.getValue()));
        printPerCase(path.getKey(), mostFirst, cases);
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private javax.sql.DataSource dataSource() {
    return engine.getProcessEngineConfiguration().getDataSource();
  }

  private Map<String, Long> tableRows() {
    Map<String, Long> rows = new java.util.TreeMap<>();
    try (var connection = dataSource().getConnection();
        var statement = connection.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (var result =
          statement.executeQuery(
              "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME LIKE 'ACT_%'")) {
        while (result.next()) {
          tables.add(result.getString(1));
        }
      }
      for (String table : tables) {
        try (var result = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
          result.next();
          rows.put(table, result.getLong(1));
        }
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return rows;
  }

  private static double median(List<Double> values) {
    return values.stream().sorted().toList().get(values.size() / 2);
  }

  private static double medianRatio(List<Double> model, List<Double> bare) {
    List<Double> ratios = new ArrayList<>();
    for (int round = 0; round < model.size(); round++) {
      ratios.add(model.get(round) / bare.get(round));
    }
    return median(ratios);
  }

  private static void repeat(Runnable path, int times) {
    for (int i = 0; i < times; i++) {
      path.run();
    }
  }

  private static double casesPerSecond(Runnable path, int n) {
    long start = System.nanoTime();
    repeat(path, n);
    return n / ((System.nanoTime() - start) / 1e9);
  }

  // ---------- driving a case

  private String dispute(List<Step> steps) {
    ProcessInstance instance =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(PROCESS_KEY, DisputeCases.washingMachineCase());
    String caseNo =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(instance.getId())
            .singleResult()
            .getBusinessKey();
    drive(instance, caseNo, steps, true, null);
    return instance.getId();
  }

  private void bare(String key, List<Step> steps, boolean withData) {
    String businessKey = "BARE-" + (++bareCases);
    ProcessInstance instance =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(
                key, businessKey, withData ? DisputeCases.washingMachineCase() : Map.of());
    drive(instance, businessKey, steps, withData, "BareMessage");
  }

  /**
   * The waits one case of a path passes, in order (spine and channel): what the bare process must
   * mirror.
   */
  private String waitsOf(String spineId) {
    String caseNo =
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processInstanceId(spineId)
            .singleResult()
            .getBusinessKey();
    StringBuilder waits = new StringBuilder();
    for (var process :
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(caseNo)
            .list()) {
      waits.append("\n    ").append(process.getProcessDefinitionKey()).append(':');
      engine
          .getHistoryService()
          .createHistoricActivityInstanceQuery()
          .processInstanceId(process.getId())
          .orderPartiallyByOccurrence()
          .asc()
          .list()
          .stream()
          .filter(
              a ->
                  !a.getActivityType().endsWith("Gateway")
                      || a.getActivityType().equals("eventBasedGateway"))
          .forEach(a -> waits.append(' ').append(a.getActivityId()));
    }
    return waits.toString();
  }

  /**
   * Runs the async steps, then answers each wait in turn; the case must end after the last. A case
   * is its spine and the channel it calls (one business key): its one open task and its jobs may be
   * in either.
   */
  private void drive(
      ProcessInstance instance,
      String businessKey,
      List<Step> steps,
      boolean withData,
      String messageName) {
    runJobs(businessKey);
    for (Step step : steps) {
      Map<String, Object> answer = withData ? step.answer() : Map.of();
      if (step.message() != null) {
        engine
            .getRuntimeService()
            .createMessageCorrelation(messageName == null ? step.message() : messageName)
            .processInstanceId(instance.getId())
            .setVariables(answer)
            .correlate();
      } else {
        Task task =
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(businessKey)
                .singleResult();
        engine.getTaskService().complete(task.getId(), answer);
      }
      runJobs(businessKey);
    }
    if (engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(instance.getId())
            .count()
        != 0) {
      throw new IllegalStateException("case did not end: " + instance.getId());
    }
  }

  private void runJobs(String businessKey) {
    List<Job> jobs;
    while (!(jobs = messageJobs(businessKey)).isEmpty()) {
      jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
  }

  private List<Job> messageJobs(String businessKey) {
    List<Job> jobs = new ArrayList<>();
    for (ProcessInstance process :
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(businessKey)
            .list()) {
      jobs.addAll(
          engine
              .getManagementService()
              .createJobQuery()
              .processInstanceId(process.getId())
              .messages()
              .list());
    }
    return jobs;
  }
}
