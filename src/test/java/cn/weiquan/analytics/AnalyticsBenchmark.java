package cn.weiquan.analytics;

import cn.weiquan.WeiquanApplication;
import cn.weiquan.platform.ProcessKeys;
import cn.weiquan.platform.TasklistFilters;
import cn.weiquan.platform.WeiquanGroups;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 案件看板 at scale (a benchmark, not a test): GET /api/analytics/summary at the 95th percentile, and
 * the mediator's 我组的任务 Tasklist filter, with 1,000 and then 100,000 ended consumer disputes next to
 * 10,000 running ones, on the H2 file database (as the application runs by default) and on
 * PostgreSQL (127.0.0.1:5432, a throwaway database; skipped when nothing listens there).
 *
 * <p>How the cases are made. The first {@code templates} running and ended cases are run by the
 * engine itself, from bare-minimum instances, so every row is what the engine writes: the benchmark
 * deploys, in its own database, a bare "consumer-dispute" (start → call of a bare
 * "dispute-association" for every other case → 记录消费者选择的途径 for the mediators, due at a stored
 * channelChoiceDue with its basis → end) and starts the cases with the variables the dashboard
 * reads (stage, category, caseOutcome, the deadline) and the parties' contact data, the engine
 * clock moved to each case's start (spread over the last 300 days) and, for an ended case, to its
 * end 1–60 days later when its task is completed; 250 cases per transaction. The other cases,
 * running and ended, are copies of those engine-made ones written by bulk JDBC batches ({@link
 * CaseCopier}): every row the template case has in any ACT_HI_* or ACT_RU_* table (history,
 * executions, tasks, variables, identity links, authorizations) and in the dashboard's case facts
 * (wq_case, wq_case_channel, wq_case_deadline, which the engine's transactions wrote for the
 * template), with fresh ids, timestamps and days moved back by up to 60 days (ended ones only) and
 * a new case number.
 *
 * <pre>
 * mvn -B -q -Pbench -Dweiquan.build.dir=target-a -Dbench=cn.weiquan.analytics.AnalyticsBenchmark test-compile exec:java
 * </pre>
 *
 * Sizes: -Dended=100000 -Drunning=10000 -Dsmall=1000 -Dtemplates=100 -Drequests=40
 * -Ddatabases=h2,postgres. The H2 files and the PostgreSQL database are deleted at the end, unless
 * -Dkeep=true.
 */
public final class AnalyticsBenchmark {
  private static final int BATCH = 250;
  private static final String[] STAGES = {"选择维权途径", "消协调解", "行政投诉", "诉讼", "平台介入"};
  private static final String[] ENDED_STAGES = {"已结案", "已撤回", "不予受理", "平台处理完结"};
  static final String[] OUTCOMES = {
    "settled", "mediated", "withdrawn", "not-eligible", "judged", "platform-decided"
  };
  static final String[] CATEGORIES = {
    "quality",
    "service",
    "false-advertising",
    "not-as-described",
    "logistics",
    "after-sales",
    "other"
  };

  private AnalyticsBenchmark() {}

  public static void main(String[] args) throws Exception {
    int ended = Integer.getInteger("ended", 100_000);
    int running = Integer.getInteger("running", 10_000);
    int small = Integer.getInteger("small", 1_000);
    int templates = Math.min(Math.min(small, running), Integer.getInteger("templates", 100));
    int requests = Integer.getInteger("requests", 40);
    List<String> databases =
        Arrays.asList(System.getProperty("databases", "h2,postgres").split(","));
    List<String> report = new ArrayList<>();
    for (String database : databases) {
      report.addAll(run(database.trim(), running, templates, small, ended, requests));
    }
    System.out.println();
    System.out.println(
        "AnalyticsBenchmark: "
            + running
            + " running, "
            + small
            + " then "
            + ended
            + " ended consumer disputes");
    report.forEach(System.out::println);
    System.exit(0);
  }

  private static List<String> run(
      String database, int running, int templates, int small, int ended, int requests)
      throws Exception {
    Path dataDir =
        Files.createTempDirectory(
            Path.of(System.getProperty("weiquan.build.dir", "target")).toAbsolutePath(),
            "analytics-bench");
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--weiquan.data-dir=" + dataDir,
                "--weiquan.mail.embedded.port=0",
                "--camunda.bpm.job-execution.enabled=false",
                "--camunda.bpm.metrics.enabled=false",
                "--logging.level.root=warn"));
    String postgres = null;
    String pgUser = "postgres";
    if (database.equals("postgres")) {
      postgres = "wq_bench_" + Long.toHexString(new Random().nextLong() & Long.MAX_VALUE);
      try (Connection admin =
              DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", pgUser, "");
          Statement statement = admin.createStatement()) {
        statement.execute("CREATE DATABASE " + postgres);
      } catch (java.sql.SQLException e) {
        return List.of(
            "  postgres: skipped, no PostgreSQL at 127.0.0.1:5432 (" + e.getMessage() + ")");
      }
      arguments.addAll(
          List.of(
              "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + postgres,
              "--spring.datasource.username=" + pgUser,
              "--spring.datasource.password="));
    }
    ConfigurableApplicationContext app =
        new SpringApplicationBuilder(WeiquanApplication.class)
            .profiles("local")
            .run(arguments.toArray(String[]::new));
    List<String> lines = new ArrayList<>();
    try {
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      String url = app.getEnvironment().getProperty("spring.datasource.url");
      System.out.printf("%s: Weiquan on port %d, %s%n", database, port, url);
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      TransactionTemplate transactions =
          new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
      deployBareCase(engine);
      Random random = new Random(42);

      long t0 = System.nanoTime();
      make(engine, transactions, random, templates, false, 0);
      List<String> runningTemplates = roots(engine, false);
      make(engine, transactions, random, templates, true, templates);
      double templateSeconds = (System.nanoTime() - t0) / 1e9;
      javax.sql.DataSource dataSource = app.getBean(javax.sql.DataSource.class);
      CaseCopier runningCopier = new CaseCopier(dataSource, runningTemplates);
      CaseCopier endedCopier = new CaseCopier(dataSource, roots(engine, true));
      t0 = System.nanoTime();
      runningCopier.copy(running - templates, 2 * templates, random, 0);
      double runningSeconds = (System.nanoTime() - t0) / 1e9;
      t0 = System.nanoTime();
      // back by up to 60 days: the templates started within the last 300, so the copies stay in the
      // default year
      endedCopier.copy(small - templates, running + templates, random, 60);
      double smallSeconds = (System.nanoTime() - t0) / 1e9;
      Measure atSmall = measure(engine, port, requests);
      System.out.printf(
          "%s at %,d ended: summary p50 %.0f ms, p95 %.0f ms; %s p50 %.1f ms (%d tasks)%n",
          database,
          small,
          atSmall.summaryP50,
          atSmall.summaryP95,
          TasklistFilters.MY_GROUP_TASKS,
          atSmall.filterP50,
          atSmall.filterCount);

      t0 = System.nanoTime();
      endedCopier.copy(ended - small, running + small, random, 60);
      double largeSeconds = (System.nanoTime() - t0) / 1e9;
      Measure atLarge = measure(engine, port, requests);
      // H2: the same data with the page cache of H2's own default (16 MB) instead of the one
      // application.yaml asks for, so the cache's share of the figure is measured in this run
      String cacheLine = null;
      if (url.startsWith("jdbc:h2:")) {
        cacheLine = compareCache(dataSource, engine, port, requests);
      }

      lines.add(
          String.format(
              "  %s (%s)", database, url.replaceAll("/[^/]*analytics-bench[^/;]*", "/<tmp>")));
      lines.add(
          String.format(
              "    made by the engine: %,d running and %,d ended cases in %.0f s; copied by bulk JDBC: %,d running in %.0f s, %,d ended in %.0f s, %,d more ended in %.0f s (%.0f cases/s)",
              templates,
              templates,
              templateSeconds,
              running - templates,
              runningSeconds,
              small - templates,
              smallSeconds,
              ended - small,
              largeSeconds,
              (ended - small) / largeSeconds));
      lines.add("    rows per running case: " + runningCopier.rowsPerCase());
      lines.add("    rows per ended case: " + endedCopier.rowsPerCase());
      lines.add(
          String.format(
              "    GET /api/analytics/summary (analyst, %d requests): %,d ended: p50 %.0f ms, p95 %.0f ms | %,d ended: p50 %.0f ms, p95 %.0f ms (goal p95 < 500 ms)",
              requests,
              small,
              atSmall.summaryP50,
              atSmall.summaryP95,
              ended,
              atLarge.summaryP50,
              atLarge.summaryP95));
      lines.add(
          String.format(
              "    mediator's %s (count + first page of 15, %d runs): %,d ended: p50 %.1f ms | %,d ended: p50 %.1f ms → ×%.2f (goal < 1.5×); %d tasks",
              TasklistFilters.MY_GROUP_TASKS,
              atSmall.filterRuns,
              small,
              atSmall.filterP50,
              ended,
              atLarge.filterP50,
              atLarge.filterP50 / atSmall.filterP50,
              atLarge.filterCount));
      lines.add(
          String.format(
              "    summary answer at %,d ended: running %s, ended %s",
              ended, atLarge.running, atLarge.ended));
      if (cacheLine != null) {
        lines.add(cacheLine);
      }
    } finally {
      app.close();
      if (Boolean.getBoolean("keep")) {
        System.out.printf("kept for inspection: %s%n", postgres != null ? postgres : dataDir);
      } else if (postgres != null) {
        try (Connection admin =
                DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", pgUser, "");
            Statement statement = admin.createStatement()) {
          statement.execute("DROP DATABASE IF EXISTS " + postgres + " WITH (FORCE)");
        }
      }
      if (!Boolean.getBoolean("keep")) {
        // the H2 files reach tens of gigabytes at 100,000 ended cases
        org.springframework.util.FileSystemUtils.deleteRecursively(dataDir);
      }
    }
    lines.forEach(System.out::println);
    return lines;
  }

  /**
   * The bare case: the dashboard's variables, a called channel for every other case, one mediator
   * task with a due date.
   */
  private static void deployBareCase(ProcessEngine engine) {
    BpmnModelInstance spine =
        Bpmn.createExecutableProcess(ProcessKeys.CONSUMER_DISPUTE)
            .name("消费纠纷（基准测试）")
            .camundaHistoryTimeToLive(1825)
            .startEvent("StartEvent_Filed")
            .exclusiveGateway("Gateway_Channel")
            .condition("经过途径", "${channelled}")
            .callActivity("CallActivity_Channel")
            .calledElement(ProcessKeys.DISPUTE_ASSOCIATION)
            .camundaIn("caseNo", "caseNo")
            .userTask("Task_RecordChannelChoice")
            .name("记录消费者选择的途径")
            .camundaCandidateGroups(WeiquanGroups.MEDIATORS)
            .camundaDueDate("${channelChoiceDue}")
            .endEvent("EndEvent_Closed")
            .moveToNode("Gateway_Channel")
            .condition("直接", "${!channelled}")
            .connectTo("Task_RecordChannelChoice")
            .done();
    BpmnModelInstance channel =
        Bpmn.createExecutableProcess(ProcessKeys.DISPUTE_ASSOCIATION)
            .name("消协调解（基准测试）")
            .camundaHistoryTimeToLive(1825)
            .startEvent()
            .endEvent()
            .done();
    engine
        .getRepositoryService()
        .createDeployment()
        .name("analytics-benchmark")
        .addModelInstance("bench-consumer-dispute.bpmn", spine)
        .addModelInstance("bench-dispute-association.bpmn", channel)
        .deploy();
  }

  private static void make(
      ProcessEngine engine,
      TransactionTemplate transactions,
      Random random,
      int count,
      boolean end,
      int offset) {
    Instant now = Instant.now();
    for (int first = 0; first < count; first += BATCH) {
      int from = first;
      int to = Math.min(count, first + BATCH);
      transactions.executeWithoutResult(
          status -> {
            for (int i = from; i < to; i++) {
              int n = offset + i;
              Instant start =
                  now.minus(
                      Duration.ofMinutes(
                          60L * 24 * 300 * random.nextInt(1000) / 1000 + random.nextInt(1440)));
              ClockUtil.setCurrentTime(Date.from(start));
              String caseNo = String.format("WQ-B-%07d", n);
              Map<String, Object> v = new HashMap<>();
              v.put("caseNo", caseNo);
              v.put(
                  "stage",
                  end
                      ? ENDED_STAGES[random.nextInt(ENDED_STAGES.length)]
                      : STAGES[random.nextInt(STAGES.length)]);
              v.put("category", CATEGORIES[random.nextInt(CATEGORIES.length)]);
              v.put("consumerName", "基准消费者" + n);
              v.put("consumerPhone", String.format("1380%07d", n));
              v.put("consumerEmail", "bench" + n + "@example.cn");
              v.put("channelled", n % 2 == 0);
              // running cases: deadlines from 30 days ago to 30 days ahead, so some are overdue and
              // some due this week
              Instant due =
                  end
                      ? start.plus(Duration.ofDays(3))
                      : now.plus(Duration.ofHours(random.nextInt(60 * 24) - 30 * 24));
              v.put("channelChoiceDue", Date.from(due));
              v.put("channelChoiceDueBasis", "本平台规则：协商或调解未果的，消费者在3个工作日内选择后续维权途径");
              if (end) {
                v.put("caseOutcome", OUTCOMES[random.nextInt(OUTCOMES.length)]);
              }
              String id =
                  engine
                      .getRuntimeService()
                      .startProcessInstanceByKey(ProcessKeys.CONSUMER_DISPUTE, caseNo, v)
                      .getId();
              if (end) {
                ClockUtil.setCurrentTime(
                    Date.from(start.plus(Duration.ofHours(24 + random.nextInt(59 * 24)))));
                Task task =
                    engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult();
                engine.getTaskService().complete(task.getId());
              }
            }
          });
      if ((to / BATCH) % 40 == 0) {
        System.out.printf("  %,d of %,d %s cases%n", to, count, end ? "ended" : "running");
      }
    }
    ClockUtil.reset();
  }

  /**
   * The root instances of the running or ended cases the engine made (the only ones when it is
   * asked).
   */
  private static List<String> roots(ProcessEngine engine, boolean ended) {
    var query =
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(ProcessKeys.CONSUMER_DISPUTE)
            .rootProcessInstances();
    return (ended ? query.finished() : query.unfinished())
        .list().stream().map(p -> p.getId()).toList();
  }

  /**
   * The summary at the 95th percentile with H2's page cache at its default (16 MB, H2's MVStore)
   * and back at the size the application's URL sets, requests alternating between the two sizes in
   * rounds of 10 (each after {@link #measure}'s 5 warm-up requests, which fill the resized cache),
   * so that both see the same machine.
   */
  private static String compareCache(
      javax.sql.DataSource dataSource, ProcessEngine engine, int port, int requests)
      throws Exception {
    long configured;
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        var result =
            statement.executeQuery(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'CACHE_SIZE'")) {
      result.next();
      configured = Long.parseLong(result.getString(1));
    }
    List<Double> small = new ArrayList<>();
    List<Double> large = new ArrayList<>();
    for (int round = 0; round < Math.max(1, requests / 10); round++) {
      for (long size : new long[] {16 * 1024, configured}) {
        try (Connection connection = dataSource.getConnection();
            Statement statement = connection.createStatement()) {
          statement.execute("SET CACHE_SIZE " + size);
        }
        Measure m = measure(engine, port, 10);
        (size == configured ? large : small).add(m.summaryP95);
      }
    }
    double smallP95 = small.stream().sorted().toList().get(small.size() / 2);
    double largeP95 = large.stream().sorted().toList().get(large.size() / 2);
    return String.format(
        "    H2 page cache, same data, alternating rounds of 10 requests (median of the rounds' p95):"
            + " %,d KB as application.yaml sets it %.0f ms, 16,384 KB (H2's default) %.0f ms → ×%.2f",
        configured, largeP95, smallP95, smallP95 / largeP95);
  }

  record Measure(
      double summaryP50,
      double summaryP95,
      double filterP50,
      int filterRuns,
      long filterCount,
      String running,
      String ended) {}

  /** One row of each table the summary reads, written again: a case changed since the last look. */
  private static void changeOneRowOfEach(javax.sql.DataSource dataSource) throws Exception {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.executeUpdate(
          "UPDATE wq_case SET case_no = case_no WHERE root_id = (SELECT MIN(root_id) FROM wq_case)");
      statement.executeUpdate(
          "UPDATE wq_case_channel SET case_no = case_no"
              + " WHERE instance_id = (SELECT MIN(instance_id) FROM wq_case_channel)");
      statement.executeUpdate(
          "UPDATE wq_case_deadline SET basis = basis"
              + " WHERE root_id = (SELECT MIN(root_id) FROM wq_case_deadline)");
      statement.executeUpdate(
          "UPDATE ACT_RU_TASK SET PRIORITY_ = PRIORITY_ WHERE ID_ = (SELECT MIN(ID_) FROM ACT_RU_TASK)");
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    }
  }

  private static Measure measure(ProcessEngine engine, int port, int requests) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String auth =
        "Basic "
            + Base64.getEncoder()
                .encodeToString("analyst:analyst".getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    "http://127.0.0.1:" + port + "/api/analytics/summary?process=consumer-dispute"))
            .header("Authorization", auth)
            .GET()
            .build();
    String body = "";
    for (int i = 0; i < 5; i++) { // warm-up
      body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
    long[] times = new long[requests];
    javax.sql.DataSource dataSource = engine.getProcessEngineConfiguration().getDataSource();
    for (int i = 0; i < requests; i++) {
      // a live engine changes cases all the time; without a change between two requests H2 would
      // answer each query from its previous result (OPTIMIZE_REUSE_RESULTS), which measures nothing
      changeOneRowOfEach(dataSource);
      long t0 = System.nanoTime();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      times[i] = System.nanoTime() - t0;
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "summary answered " + response.statusCode() + ": " + response.body());
      }
      body = response.body();
    }
    String runningCount = field(body, "\"running\":");
    String endedCount = field(body, "\"ended\":");

    // the mediator's 我组的任务 as Tasklist asks it: the filter's count and its first page, as the
    // mediator
    IdentityService identity = engine.getIdentityService();
    FilterService filters = engine.getFilterService();
    Filter filter =
        filters.createFilterQuery().filterName(TasklistFilters.MY_GROUP_TASKS).singleResult();
    List<String> groups =
        identity.createGroupQuery().groupMember("mediator").list().stream()
            .map(g -> g.getId())
            .toList();
    int runs = 30;
    long[] filterTimes = new long[runs];
    long count = 0;
    identity.setAuthentication("mediator", groups);
    try {
      for (int i = 0; i < 5 + runs; i++) {
        long t0 = System.nanoTime();
        count = filters.count(filter.getId());
        filters.listPage(filter.getId(), 0, 15);
        if (i >= 5) {
          filterTimes[i - 5] = System.nanoTime() - t0;
        }
      }
    } finally {
      identity.clearAuthentication();
    }
    return new Measure(
        percentile(times, 50),
        percentile(times, 95),
        percentile(filterTimes, 50),
        runs,
        count,
        runningCount,
        endedCount);
  }

  private static String field(String json, String name) {
    int at = json.indexOf(name);
    if (at < 0) {
      return "?";
    }
    int end = at + name.length();
    while (end < json.length() && Character.isDigit(json.charAt(end))) {
      end++;
    }
    return json.substring(at + name.length(), end);
  }

  private static double percentile(long[] nanos, int p) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
    return sorted[Math.max(index, 0)] / 1_000_000.0;
  }
}
