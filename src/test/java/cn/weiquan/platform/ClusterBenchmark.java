package cn.weiquan.platform;

import cn.weiquan.calendar.Deadlines;
import cn.weiquan.support.ThrowawayPostgres;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * Cluster benchmark of issue 15 (not a test): one node against two nodes of the same build on one
 * PostgreSQL database, measured in one run. Each node is the application in a child JVM ({@code
 * postgres} profile, {@code -Xmx1g}, a free port), started as {@code ClusterStartupIT} starts them,
 * on a throwaway database on 127.0.0.1:5432 (trust auth; dropped at the end).
 *
 * <ol>
 *   <li><b>(a) Intake.</b> Two nodes, job executors off (as {@code IntakeLoadBenchmark}: the
 *       measure is the filing and the start up to the first asynchronous step). An api client files
 *       disputes with {@code POST /api/disputes} (HTTP Basic, a fresh Idempotency-Key each) from
 *       {@code -Dclients} loopback clients. After a warm-up spread over both nodes, rounds of
 *       {@code -Dseconds} each: all requests to one node, then the same clients round-robin over
 *       both. Same concurrency for both; the rounds alternate so that the growing database does not
 *       favour one side. disputes/s, p50/p99 and the ratio two/one.
 *   <li><b>(b) Evidence-window timers.</b> A fresh database and two fresh nodes with their job
 *       executors on (the product's cluster settings, {@code application-postgres.yaml}). The timer
 *       is {@code Timer_EvidenceWindow} (举证期限届满) of {@code dispute-platform}: the interrupting
 *       boundary timer on the evidence window, whose firing runs the flow's {@code
 *       ${recordEvidence}} listener, the stage change to 平台审核 with the review deadline from the
 *       calendar, and creates the review task. Cases waiting at it are started over the engine REST
 *       API ({@code /engine-rest/process-definition/key/dispute-platform/start}, as the
 *       administrator) with {@code startBeforeActivity SubProcess_EvidenceWindow} and the variables
 *       the spine hands the channel plus the evidence deadline (a week ahead) its start listener
 *       would have stored. Why not file each case over {@code /api/disputes} and walk it to the
 *       platform channel: that is two HTTP calls, several mail jobs and a message per case, about
 *       an hour for 20,000 cases on this machine, all of it work (a) already measures; starting at
 *       the wait state makes the same timer jobs (same definition, same boundary event, the
 *       reminder timer beside it) in about a minute. Then the due dates of one batch are set to one
 *       second ago in SQL (as {@code ClusterStartupIT} does), the moment a week passing would make,
 *       and the job executors drain them: first a warm-up batch on both nodes, then {@code
 *       -Dtimers} on both nodes, then node b is stopped and another {@code -Dtimers} on node a
 *       alone. Time from "made due" until none is left (polled every 250 ms), and from the first to
 *       the last execution in history; jobs/s of each. Checked in history: each timer job succeeded
 *       exactly once, each case has exactly one Timer_EvidenceWindow activity instance and a review
 *       task; failed attempts and each node's share (the job log's host name).
 * </ol>
 *
 * For every phase the CPU used by each node's JVM, by all PostgreSQL processes, by this JVM (the
 * clients) and by the whole machine (other users included), as cores busy over the phase: on a
 * 2-core machine two nodes cannot be faster than the cores they share. And what PostgreSQL was
 * running (pg_stat_activity of the benchmark's database sampled every 100 ms: the share of samples
 * in which a statement on a table was in progress), to name the database's part of the limit.
 *
 * <p>Needs only the compiled classes (the nodes run on this JVM's class path, as in the cluster IT;
 * no jar to package) and PostgreSQL on 127.0.0.1:5432:
 *
 * <pre>
 * mvn -B -q -Pbench -Dweiquan.build.dir=target -Dbench=cn.weiquan.platform.ClusterBenchmark test-compile exec:java
 *     [-Dclients=8 -Dwarmup=30 -Dseconds=30 -Drounds=2 -Dtimers=10000 -DtimerWarmup=1000 -Dparts=a,b]
 * </pre>
 */
public final class ClusterBenchmark {
  private static final String ADMIN_PASSWORD = "cluster-bench-secret";
  private static final String API_CLIENT = "bench-api";
  private static final String TIMER = "Timer_EvidenceWindow";
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final Duration START = Duration.ofMinutes(8);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder() // HTTP/1.1 keep-alive: no h2c upgrade attempt per connection
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private static final List<Node> RUNNING = new ArrayList<>();

  /** Client threads that never keep exec:java waiting once main has ended. */
  private static final java.util.concurrent.ThreadFactory DAEMON =
      task -> {
        Thread thread = new Thread(task);
        thread.setDaemon(true);
        return thread;
      };

  private ClusterBenchmark() {}

  public static void main(String[] args) throws Exception {
    // the nodes run in UTC and store the engine's timestamps without zone; this JVM's JDBC writes
    // due dates in its own zone, so both must agree
    TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    int clients = Integer.getInteger("clients", 8);
    int warmup = Integer.getInteger("warmup", 30);
    int seconds = Integer.getInteger("seconds", 30);
    int rounds = Integer.getInteger("rounds", 2);
    int timers = Integer.getInteger("timers", 10_000);
    int timerWarmup = Integer.getInteger("timerWarmup", 1_000);
    String parts = System.getProperty("parts", "a,b"); // a: intake, b: timers
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> RUNNING.forEach(n -> n.process().destroyForcibly())));
    String loadBefore = loadAverage();
    Path work = Files.createTempDirectory("weiquan-cluster-bench");
    GreenMail smtp =
        new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    smtp.start();
    boolean ok = false;
    try {
      System.out.printf(
          "ClusterBenchmark: %d CPUs, load average %s, nodes in %s%n",
          Runtime.getRuntime().availableProcessors(), loadBefore, work);
      Intake intake = null;
      if (parts.contains("a")) {
        try (ThrowawayPostgres db = ThrowawayPostgres.create()) {
          PgActivity.watch(db.dataSource());
          intake = intake(db, smtp, work, clients, warmup, seconds, rounds);
        } finally {
          PgActivity.stop();
        }
      }
      Timers drained = null;
      if (parts.contains("b")) {
        try (ThrowawayPostgres db = ThrowawayPostgres.create()) {
          PgActivity.watch(db.dataSource());
          drained = timers(db, smtp, work, clients, timers, timerWarmup);
        } finally {
          PgActivity.stop();
        }
      }
      report(intake, drained, clients, loadBefore, loadAverage());
      ok = true;
    } finally {
      RUNNING.forEach(Node::stop);
      smtp.stop();
      if (ok) {
        FileSystemUtils.deleteRecursively(work);
      } else {
        System.err.println("node logs kept in " + work);
      }
    }
  }

  // ------------------------------------------------------------------ (a) intake

  record Phase(long count, double seconds, long[] latenciesNanos, long errors, Cpu.Use cpu) {
    double rate() {
      return count / seconds;
    }

    double percentileMillis(double p) {
      if (latenciesNanos.length == 0) {
        return Double.NaN;
      }
      long[] sorted = latenciesNanos.clone();
      Arrays.sort(sorted);
      int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
      return sorted[Math.max(index, 0)] / 1_000_000.0;
    }

    Phase plus(Phase other) {
      if (other == null) {
        return this;
      }
      long[] all =
          Arrays.copyOf(latenciesNanos, latenciesNanos.length + other.latenciesNanos.length);
      System.arraycopy(
          other.latenciesNanos, 0, all, latenciesNanos.length, other.latenciesNanos.length);
      return new Phase(
          count + other.count,
          seconds + other.seconds,
          all,
          errors + other.errors,
          cpu.plus(other.cpu));
    }
  }

  record Intake(Phase one, Phase two) {}

  private static Intake intake(
      ThrowawayPostgres db,
      GreenMail smtp,
      Path work,
      int clients,
      int warmup,
      int seconds,
      int rounds)
      throws Exception {
    System.out.println("(a) intake: starting two nodes, job executors off");
    List<String> noJobs = List.of("--camunda.bpm.job-execution.enabled=false");
    Node a = Node.start("a1", db, smtp, work, noJobs);
    Node b = Node.start("b1", db, smtp, work, noJobs);
    a.awaitReady();
    b.awaitReady();
    String auth = "Basic " + base64(API_CLIENT + ":" + apiClient(a));
    List<Node> both = List.of(a, b);
    file(both, both, auth, clients, warmup); // JIT, connection pools, caches on both nodes
    Phase one = null;
    Phase two = null;
    for (int round = 1; round <= rounds; round++) {
      Phase o = file(List.of(a), both, auth, clients, seconds);
      Phase t = file(both, both, auth, clients, seconds);
      System.out.printf(
          "  round %d: one node %.1f disputes/s, two nodes %.1f disputes/s%n",
          round, o.rate(), t.rate());
      one = o.plus(one);
      two = t.plus(two);
    }
    a.stop();
    b.stop();
    return new Intake(one, two);
  }

  /** {@code clients} threads file disputes back to back for {@code seconds}, round-robin. */
  private static Phase file(
      List<Node> targets, List<Node> measured, String auth, int clients, int seconds)
      throws Exception {
    AtomicLong next = new AtomicLong();
    AtomicLong printed = new AtomicLong();
    List<URI> uris = targets.stream().map(n -> URI.create(n.url() + "/api/disputes")).toList();
    return run(
        clients,
        seconds,
        measured,
        () -> {
          String key = UUID.randomUUID().toString();
          URI uri = uris.get((int) (next.getAndIncrement() % uris.size()));
          HttpRequest request =
              HttpRequest.newBuilder(uri)
                  .timeout(Duration.ofSeconds(120))
                  .header("Authorization", auth)
                  .header("Content-Type", "application/json")
                  .header("Idempotency-Key", key)
                  .POST(HttpRequest.BodyPublishers.ofString(filing(key)))
                  .build();
          long t0 = System.nanoTime();
          HttpResponse<String> response;
          try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
          } catch (IOException e) {
            if (printed.incrementAndGet() <= 3) {
              System.err.println(uri + ": " + e);
            }
            return null;
          }
          long took = System.nanoTime() - t0;
          if (response.statusCode() == 201) {
            return took;
          }
          if (printed.incrementAndGet() <= 3) {
            System.err.println(
                "HTTP " + response.statusCode() + " from " + uri + ": " + response.body());
          }
          return null;
        });
  }

  /** The filing IntakeLoadBenchmark sends: an online purchase, a refund claimed. */
  private static String filing(String reference) {
    LocalDate today = LocalDate.now(CHINA);
    return """
        {"externalReference":"%s","consumer":{"name":"李明","phone":"13800138000","email":"li.ming@example.com"},
         "merchant":{"name":"某某电器旗舰店","email":"shop@example.com","platform":"tmall","shopId":"tm-8899"},
         "purchase":{"item":"电热水壶","price":"199.00","quantity":1,"paidAt":"%s","receivedAt":"%s","channel":"online-platform"},
         "category":"quality","description":"使用三天后漏电","claims":{"refund":true,"compensation":"500"},
         "harmKnownOn":"%s","evidence":["订单号 1234567890"]}
        """
        .formatted(reference, today.minusDays(10), today.minusDays(8), today.minusDays(5));
  }

  // ------------------------------------------------------------------ (b) timers

  record Drain(
      int jobs,
      double drainSeconds,
      double firstToLastSeconds,
      long succeeded,
      long distinctJobs,
      long failedAttempts,
      long casesNotOnce,
      long reviewTasks,
      Map<String, Long> perHost,
      Cpu.Use cpu) {
    double rate() {
      return jobs / drainSeconds;
    }

    double executionRate() {
      return jobs / firstToLastSeconds;
    }
  }

  record Timers(double startsPerSecond, int started, Drain two, Drain one) {}

  private static Timers timers(
      ThrowawayPostgres db, GreenMail smtp, Path work, int clients, int timers, int timerWarmup)
      throws Exception {
    System.out.println("(b) timers: starting two fresh nodes, job executors on");
    Node a = Node.start("a2", db, smtp, work, List.of());
    Node b = Node.start("b2", db, smtp, work, List.of());
    a.awaitReady();
    b.awaitReady();
    JdbcTemplate sql = new JdbcTemplate(db.dataSource());
    List<Node> both = List.of(a, b);
    String admin = "Basic " + base64("demo:" + ADMIN_PASSWORD);

    long t0 = System.nanoTime();
    startAtEvidenceWindow(both, admin, clients, "BENCH-W-", timerWarmup);
    startAtEvidenceWindow(both, admin, clients, "BENCH-2N-", timers);
    startAtEvidenceWindow(both, admin, clients, "BENCH-1N-", timers);
    int started = timerWarmup + 2 * timers;
    double startsPerSecond = started / ((System.nanoTime() - t0) / 1e9);
    System.out.printf(
        "  %d cases started at the evidence window over /engine-rest: %.1f/s%n",
        started, startsPerSecond);

    drain(sql, "BENCH-W-", timerWarmup, both); // JIT of the job path on both nodes
    Drain two = drain(sql, "BENCH-2N-", timers, both);
    System.out.printf("  two nodes: %d timers in %.1f s%n", timers, two.drainSeconds());
    b.stop();
    Drain one = drain(sql, "BENCH-1N-", timers, List.of(a, b));
    System.out.printf("  one node: %d timers in %.1f s%n", timers, one.drainSeconds());
    a.stop();
    return new Timers(startsPerSecond, started, two, one);
  }

  /** {@code count} dispute-platform cases waiting in the evidence window, business key prefix+n. */
  private static void startAtEvidenceWindow(
      List<Node> nodes, String auth, int clients, String prefix, int count) throws Exception {
    // the deadline the channel's start listener would store; a week ahead, so nothing is due yet
    ZonedDateTime due =
        ZonedDateTime.now(CHINA).plusDays(7).withHour(0).withMinute(0).withSecond(0).withNano(0);
    String dueDate = due.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"));
    String dueText = Deadlines.text(Date.from(due.toInstant())); // as forms show it
    AtomicLong next = new AtomicLong();
    AtomicLong claimed = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    long t0 = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(clients, DAEMON);
    try {
      List<Future<?>> results = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        results.add(
            pool.submit(
                () -> {
                  // a failed start gives its slot back, so that count cases wait in the end
                  while (claimed.incrementAndGet() <= count) {
                    long n = next.getAndIncrement();
                    String caseNo = prefix + String.format("%05d", n);
                    Node node = nodes.get((int) (n % nodes.size()));
                    HttpRequest request =
                        HttpRequest.newBuilder(
                                URI.create(
                                    node.url()
                                        + "/engine-rest/process-definition/key/dispute-platform/start"))
                            .timeout(Duration.ofSeconds(120))
                            .header("Authorization", auth)
                            .header("Content-Type", "application/json")
                            .POST(
                                HttpRequest.BodyPublishers.ofString(
                                    startAtWindow(caseNo, dueDate, dueText)))
                            .build();
                    String failure;
                    try {
                      HttpResponse<String> response =
                          HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                      failure =
                          response.statusCode() == 200
                              ? null
                              : "HTTP " + response.statusCode() + " " + response.body();
                    } catch (IOException e) {
                      failure = e.toString();
                    }
                    if (failure != null) {
                      claimed.decrementAndGet();
                      long failures = failed.incrementAndGet();
                      if (failures <= 3) {
                        System.err.println("start " + caseNo + ": " + failure);
                      }
                      if (failures > 100 + count / 10) {
                        throw new IllegalStateException(failures + " starts failed: " + failure);
                      }
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> result : results) {
        result.get(60, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    if (failed.get() > 0) {
      System.err.printf("  %s: %d starts failed and were made again%n", prefix, failed.get());
    }
    System.out.printf(
        "  %s: %d cases started at the evidence window, %.1f/s%n",
        prefix, count, count / ((System.nanoTime() - t0) / 1e9));
  }

  /**
   * The start request: the case facts the spine passes to the channel (consumer-dispute.bpmn,
   * CallActivity_Platform), the window's deadline and the stage the start listener would have set.
   */
  private static String startAtWindow(String caseNo, String dueDate, String dueText) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("caseNo", string(caseNo));
    variables.put("merchantName", string("某某电器旗舰店"));
    variables.put("platform", string("tmall"));
    variables.put("shopId", string("tm-8899"));
    variables.put("purchaseChannel", string("online-platform"));
    variables.put("itemName", string("电热水壶"));
    variables.put("category", string("quality"));
    variables.put("description", string("使用三天后漏电"));
    variables.put("claimRefund", Map.of("value", true, "type", "Boolean"));
    variables.put("evidenceFromConsumer", Map.of("value", false, "type", "Boolean"));
    variables.put("evidenceFromMerchant", Map.of("value", false, "type", "Boolean"));
    variables.put("evidenceWindowLapsed", Map.of("value", false, "type", "Boolean"));
    variables.put("evidenceDue", Map.of("value", dueDate, "type", "Date"));
    variables.put("evidenceDueText", string(dueText));
    variables.put("evidenceDueBasis", string("平台规则：举证期限（基准测试）"));
    variables.put("stage", string("平台介入"));
    variables.put("channel", string("platform"));
    variables.put("triedPlatform", Map.of("value", true, "type", "Boolean"));
    try {
      return JSON.writeValueAsString(
          Map.of(
              "businessKey",
              caseNo,
              "variables",
              variables,
              "startInstructions",
              List.of(
                  Map.of(
                      "type", "startBeforeActivity", "activityId", "SubProcess_EvidenceWindow"))));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> string(String value) {
    return Map.of("value", value, "type", "String");
  }

  /** Makes the batch's evidence-window timers due now and waits until the job executors ran all. */
  private static Drain drain(JdbcTemplate sql, String prefix, int requested, List<Node> measured)
      throws InterruptedException {
    Integer waiting =
        sql.queryForObject(
            "SELECT COUNT(*) FROM act_ru_job j JOIN act_ru_execution e ON e.id_ = j.process_instance_id_"
                + " WHERE j.handler_cfg_ = ? AND e.business_key_ LIKE ?",
            Integer.class,
            TIMER,
            prefix + "%");
    if (waiting < requested) {
      throw new IllegalStateException(
          prefix + ": " + waiting + " " + TIMER + " jobs waiting, expected " + requested);
    }
    int jobs = waiting; // one more when a start timed out at the client but went through
    Timestamp dueAt = Timestamp.from(Instant.now().minusSeconds(1));
    Cpu.Sample before = Cpu.sample(measured);
    long t0 = System.nanoTime();
    sql.update(
        "UPDATE act_ru_job j SET duedate_ = ? FROM act_ru_execution e"
            + " WHERE e.id_ = j.process_instance_id_ AND j.handler_cfg_ = ? AND e.business_key_ LIKE ?",
        dueAt,
        TIMER,
        prefix + "%");
    long end = t0 + TimeUnit.MINUTES.toNanos(30);
    while (sql.queryForObject(
            "SELECT COUNT(*) FROM act_ru_job WHERE handler_cfg_ = ? AND duedate_ <= ?",
            Integer.class,
            TIMER,
            dueAt)
        > 0) {
      if (System.nanoTime() > end) {
        throw new IllegalStateException(prefix + ": timers still due after 30 minutes");
      }
      Thread.sleep(250); // watching the database from outside; the job executors do the work
    }
    double drainSeconds = (System.nanoTime() - t0) / 1e9;
    Cpu.Use cpu = Cpu.sample(measured).minus(before);

    String batch =
        " FROM act_hi_job_log l JOIN act_hi_procinst p ON p.id_ = l.process_instance_id_"
            + " WHERE l.act_id_ = ? AND p.business_key_ LIKE ?";
    Map<String, Object> fired =
        sql.queryForMap(
            "SELECT COUNT(*) AS succeeded, COUNT(DISTINCT l.job_id_) AS jobs,"
                + " EXTRACT(EPOCH FROM MAX(l.timestamp_) - MIN(l.timestamp_)) AS span"
                + batch
                + " AND l.job_state_ = 2",
            TIMER,
            prefix + "%");
    long failed =
        sql.queryForObject(
            "SELECT COUNT(*)" + batch + " AND l.job_state_ = 1", Long.class, TIMER, prefix + "%");
    Map<String, Long> perHost = new LinkedHashMap<>();
    sql.query(
        "SELECT l.hostname_, COUNT(*)"
            + batch
            + " AND l.job_state_ = 2 GROUP BY l.hostname_ ORDER BY l.hostname_",
        rs -> {
          perHost.put(rs.getString(1), rs.getLong(2));
        },
        TIMER,
        prefix + "%");
    long casesNotOnce =
        jobs
            - sql.queryForObject(
                "SELECT COUNT(*) FROM (SELECT a.proc_inst_id_ FROM act_hi_actinst a"
                    + " JOIN act_hi_procinst p ON p.id_ = a.proc_inst_id_"
                    + " WHERE a.act_id_ = ? AND p.business_key_ LIKE ?"
                    + " GROUP BY a.proc_inst_id_ HAVING COUNT(*) = 1) once",
                Long.class,
                TIMER,
                prefix + "%");
    long reviews =
        sql.queryForObject(
            "SELECT COUNT(*) FROM act_ru_task t JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_"
                + " WHERE t.task_def_key_ = 'Task_PlatformReview' AND e.business_key_ LIKE ?",
            Long.class,
            prefix + "%");
    return new Drain(
        jobs,
        drainSeconds,
        ((Number) fired.get("span")).doubleValue(),
        ((Number) fired.get("succeeded")).longValue(),
        ((Number) fired.get("jobs")).longValue(),
        failed,
        casesNotOnce,
        reviews,
        perHost,
        cpu);
  }

  // ------------------------------------------------------------------ the report

  private static void report(
      Intake intake, Timers timers, int clients, String loadBefore, String loadAfter) {
    System.out.println();
    System.out.printf(
        "ClusterBenchmark: %d CPUs, PostgreSQL on 127.0.0.1:5432, nodes -Xmx1g; load average before %s, after %s%n",
        Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter);
    if (intake != null) {
      intakeReport(intake, clients);
    }
    if (timers != null) {
      timersReport(timers);
    }
  }

  private static void intakeReport(Intake intake, int clients) {
    System.out.println();
    System.out.printf(
        "(a) Intake, POST /api/disputes over loopback HTTP, %d clients, job executors off%n",
        clients);
    System.out.println(
        "                          disputes     s  disputes/s  p50 ms  p99 ms  errors | CPU cores busy: node a  node b  postgres  clients  machine");
    intakeRow("one node", intake.one());
    intakeRow("two nodes (round-robin)", intake.two());
    System.out.printf(
        "  ratio two nodes / one node: %.2f disputes/s (issue goal >= 1.6 where the cores allow), p99 %.2f%n",
        intake.two().rate() / intake.one().rate(),
        intake.two().percentileMillis(99) / intake.one().percentileMillis(99));
  }

  private static void timersReport(Timers timers) {
    System.out.println();
    System.out.printf(
        "(b) %s of dispute-platform made due, drained by the job executors (%d cases started over /engine-rest at %.1f/s)%n",
        TIMER, timers.started(), timers.startsPerSecond());
    System.out.println(
        "  job executor per node: application-postgres.yaml (lock 30 s, idle wait 2-5 s), the starter's defaults"
            + " (3 jobs per acquisition, 3..10 threads, queue 3)");
    System.out.println(
        "                   jobs  drain s  jobs/s  first-last s  jobs/s  fired once  failed tries  review tasks  per node | CPU cores busy: node a  node b  postgres  clients  machine");
    drainRow("two nodes", timers.two());
    drainRow("one node", timers.one());
    System.out.printf(
        "  ratio two nodes / one node: %.2f (drain), %.2f (first to last execution)%n",
        timers.two().rate() / timers.one().rate(),
        timers.two().executionRate() / timers.one().executionRate());
  }

  private static void intakeRow(String label, Phase p) {
    System.out.printf(
        "  %-23s %8d %5.0f %11.1f %7.1f %7.1f %7d | %s%n",
        label,
        p.count(),
        p.seconds(),
        p.rate(),
        p.percentileMillis(50),
        p.percentileMillis(99),
        p.errors(),
        p.cpu().columns());
    System.out.printf("      PostgreSQL running: %s%n", p.cpu().pgTop());
  }

  private static void drainRow(String label, Drain d) {
    boolean once =
        d.succeeded() == d.jobs()
            && d.distinctJobs() == d.jobs()
            && d.casesNotOnce() == 0
            && d.reviewTasks() == d.jobs();
    System.out.printf(
        "  %-14s %7d %8.1f %7.1f %13.1f %7.1f %11s %13d %13d  %s | %s%n",
        label,
        d.jobs(),
        d.drainSeconds(),
        d.rate(),
        d.firstToLastSeconds(),
        d.executionRate(),
        once ? "yes" : "NO (" + d.succeeded() + " ok, " + d.casesNotOnce() + " cases not once)",
        d.failedAttempts(),
        d.reviewTasks(),
        d.perHost().entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(" ")),
        d.cpu().columns());
    System.out.printf("      PostgreSQL running: %s%n", d.cpu().pgTop());
  }

  // ------------------------------------------------------------------ load and CPU

  /** One timed request of a client: its latency in nanoseconds, or null when it failed. */
  private interface Request {
    Long send() throws Exception;
  }

  private static Phase run(int clients, int seconds, List<Node> measured, Request request)
      throws Exception {
    AtomicLong errors = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(clients, DAEMON);
    List<Future<List<Long>>> results = new ArrayList<>();
    Cpu.Sample before = Cpu.sample(measured);
    long start = System.nanoTime();
    long end = start + TimeUnit.SECONDS.toNanos(seconds);
    for (int c = 0; c < clients; c++) {
      results.add(
          pool.submit(
              () -> {
                List<Long> latencies = new ArrayList<>();
                while (System.nanoTime() < end) {
                  Long took;
                  try {
                    took = request.send();
                  } catch (Exception e) {
                    took = null;
                  }
                  if (took != null) {
                    latencies.add(took);
                  } else {
                    errors.incrementAndGet();
                  }
                }
                return latencies;
              }));
    }
    List<Long> all = new ArrayList<>();
    try {
      for (Future<List<Long>> result : results) {
        all.addAll(result.get(10, TimeUnit.MINUTES));
      }
    } finally {
      pool.shutdownNow();
    }
    double took = (System.nanoTime() - start) / 1e9;
    Cpu.Use cpu = Cpu.sample(measured).minus(before);
    return new Phase(
        all.size(), took, all.stream().mapToLong(Long::longValue).toArray(), errors.get(), cpu);
  }

  /**
   * CPU time from /proc (Linux): each node's JVM, every process named postgres (the postmaster's
   * children's time included once they exit), this JVM, and the machine.
   */
  static final class Cpu {
    private static final double TICKS = 100.0; // USER_HZ, 100 on Linux

    record Sample(
        long nanos,
        double nodeA,
        double nodeB,
        double postgres,
        double self,
        double machine,
        Map<String, Long> pg) {
      Use minus(Sample before) {
        double wall = (nanos - before.nanos) / 1e9;
        Map<String, Long> pgDelta = new LinkedHashMap<>();
        pg.forEach((k, v) -> pgDelta.put(k, v - before.pg.getOrDefault(k, 0L)));
        return new Use(
            wall,
            nodeA - before.nodeA,
            nodeB - before.nodeB,
            postgres - before.postgres,
            self - before.self,
            machine - before.machine,
            pgDelta);
      }
    }

    /** CPU seconds over {@code wall} seconds; what PostgreSQL was running, sampled. */
    record Use(
        double wall,
        double nodeA,
        double nodeB,
        double postgres,
        double self,
        double machine,
        Map<String, Long> pg) {
      Use plus(Use other) {
        Map<String, Long> sum = new LinkedHashMap<>(pg);
        other.pg.forEach((k, v) -> sum.merge(k, v, Long::sum));
        return new Use(
            wall + other.wall,
            nodeA + other.nodeA,
            nodeB + other.nodeB,
            postgres + other.postgres,
            self + other.self,
            machine + other.machine,
            sum);
      }

      String columns() {
        return String.format(
            "%7.2f %7.2f %9.2f %8.2f %8.2f",
            nodeA / wall, nodeB / wall, postgres / wall, self / wall, machine / wall);
      }

      /**
       * The statements PostgreSQL ran most, as the share of samples (every 100 ms) in which one was
       * running: 0.35 = such a statement in progress a third of the time.
       */
      String pgTop() {
        long ticks = pg.getOrDefault(PgActivity.TICKS, 0L);
        if (ticks == 0) {
          return "not sampled";
        }
        return pg.entrySet().stream()
            .filter(e -> !e.getKey().equals(PgActivity.TICKS) && e.getValue() > 0)
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .limit(5)
            .map(e -> String.format("%.2f %s", (double) e.getValue() / ticks, e.getKey()))
            .collect(Collectors.joining(", "));
      }
    }

    static Sample sample(List<Node> nodes) {
      double postgres = 0;
      File[] processes = new File("/proc").listFiles((dir, name) -> name.matches("\\d+"));
      for (File process : processes == null ? new File[0] : processes) {
        String[] stat = stat(Long.parseLong(process.getName()));
        if (stat != null && "postgres".equals(stat[0])) {
          postgres += ticks(stat, true);
        }
      }
      return new Sample(
          System.nanoTime(),
          seconds(nodes.size() > 0 ? nodes.get(0).process().pid() : -1),
          seconds(nodes.size() > 1 ? nodes.get(1).process().pid() : -1),
          postgres / TICKS,
          seconds(ProcessHandle.current().pid()),
          machine(),
          PgActivity.snapshot());
    }

    private static double seconds(long pid) {
      String[] stat = stat(pid);
      return stat == null ? 0 : ticks(stat, false) / TICKS;
    }

    /** comm, then the fields after it (state is [1], utime [12], stime [13], cutime, cstime). */
    private static String[] stat(long pid) {
      try {
        String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        String[] rest = line.substring(close + 2).split(" ");
        String[] fields = new String[rest.length + 1];
        fields[0] = line.substring(open + 1, close);
        System.arraycopy(rest, 0, fields, 1, rest.length);
        return fields;
      } catch (IOException | RuntimeException gone) {
        return null;
      }
    }

    private static long ticks(String[] stat, boolean withChildren) {
      long own = Long.parseLong(stat[12]) + Long.parseLong(stat[13]);
      return withChildren ? own + Long.parseLong(stat[14]) + Long.parseLong(stat[15]) : own;
    }

    /** Busy CPU seconds of the whole machine (all but idle and iowait). */
    private static double machine() {
      try {
        String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long busy = 0;
        for (int i = 1; i < cpu.length && i <= 8; i++) {
          if (i != 4 && i != 5) {
            busy += Long.parseLong(cpu[i]);
          }
        }
        return busy / TICKS;
      } catch (IOException e) {
        return 0;
      }
    }
  }

  /**
   * Samples pg_stat_activity of the benchmark's database every 100 ms from a connection of its own:
   * which statements (verb and first table) are running. Counts only grow; phases subtract.
   */
  static final class PgActivity {
    static final String TICKS = "(samples)";
    private static final Pattern TABLE =
        Pattern.compile("(?i)\\b(?:from|into|update)\\s+([a-z_][a-z0-9_]*)");
    private static final Map<String, Long> COUNTS = new ConcurrentHashMap<>();
    private static volatile Thread watcher;

    private PgActivity() {}

    static void watch(DataSource db) {
      stop();
      Thread thread =
          new Thread(
              () -> {
                try (Connection connection = db.getConnection();
                    PreparedStatement active =
                        connection.prepareStatement(
                            "SELECT query FROM pg_stat_activity WHERE datname = current_database()"
                                + " AND state = 'active' AND pid <> pg_backend_pid()")) {
                  while (!Thread.currentThread().isInterrupted()) {
                    try (ResultSet rs = active.executeQuery()) {
                      while (rs.next()) {
                        COUNTS.merge(label(rs.getString(1)), 1L, Long::sum);
                      }
                    }
                    COUNTS.merge(TICKS, 1L, Long::sum);
                    Thread.sleep(100);
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } catch (SQLException e) {
                  // the database went away: sampling ends
                }
              },
              "pg-activity");
      thread.setDaemon(true);
      thread.start();
      watcher = thread;
    }

    static void stop() {
      Thread thread = watcher;
      watcher = null;
      if (thread != null) {
        thread.interrupt();
        try {
          thread.join(5_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }

    static Map<String, Long> snapshot() {
      return new LinkedHashMap<>(COUNTS);
    }

    private static String label(String query) {
      String text = query == null ? "" : query.trim().replaceAll("\\s+", " ");
      String verb = text.contains(" ") ? text.substring(0, text.indexOf(' ')) : text;
      Matcher table = TABLE.matcher(text);
      return table.find()
          ? verb.toLowerCase() + " " + table.group(1).toLowerCase()
          : text.substring(0, Math.min(40, text.length()));
    }
  }

  private static String loadAverage() {
    try {
      String[] load = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return load[0] + " " + load[1] + " " + load[2];
    } catch (IOException e) {
      return "?";
    }
  }

  // ------------------------------------------------------------------ the nodes

  /** One node: the application in a child JVM on this JVM's class path, port read from its log. */
  record Node(String name, Process process, Path log) {

    static Node start(
        String name, ThrowawayPostgres db, GreenMail smtp, Path work, List<String> extra)
        throws IOException {
      Path log = work.resolve(name + ".log");
      List<String> command =
          new ArrayList<>(
              List.of(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Xmx1g",
                  "-Duser.timezone=UTC",
                  "-Dfile.encoding=UTF-8",
                  "-cp",
                  classPath(),
                  "cn.weiquan.WeiquanApplication",
                  "--spring.profiles.active=postgres",
                  "--server.port=0",
                  "--spring.datasource.url=" + db.url(),
                  "--spring.datasource.username=" + db.user(),
                  "--spring.datasource.password=",
                  "--weiquan.security.admin.password=" + ADMIN_PASSWORD,
                  "--weiquan.data-dir=" + work.resolve(name),
                  "--weiquan.evidence.directory=" + work.resolve("evidence"),
                  "--spring.mail.host=127.0.0.1",
                  "--spring.mail.port=" + smtp.getSmtp().getPort(),
                  // the job log's host name tells which node ran a job
                  "--camunda.bpm.generic-properties.properties.hostname=node-" + name));
      command.addAll(extra);
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      Node node = new Node(name, process, log);
      RUNNING.add(node);
      return node;
    }

    /**
     * The class path of this benchmark: under exec:java the project's classes and dependencies are
     * in the context class loader, not in java.class.path (which is Maven's).
     */
    private static String classPath() {
      if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader
          && loader.getURLs().length > 0) {
        List<String> entries = new ArrayList<>();
        for (URL url : loader.getURLs()) {
          try {
            entries.add(Path.of(url.toURI()).toString());
          } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
          }
        }
        return String.join(File.pathSeparator, entries);
      }
      return System.getProperty("java.class.path");
    }

    String url() {
      try {
        Matcher port =
            Pattern.compile("Tomcat started on port (\\d+)").matcher(Files.readString(log));
        return port.find() ? "http://127.0.0.1:" + port.group(1) : null;
      } catch (IOException e) {
        return null;
      }
    }

    void awaitReady() throws Exception {
      long end = System.nanoTime() + START.toNanos();
      while (System.nanoTime() < end) {
        if (!process.isAlive()) {
          throw new IllegalStateException("node " + name + " exited: " + tail());
        }
        String url = url();
        if (url != null) {
          try {
            if (HTTP.send(
                        HttpRequest.newBuilder(URI.create(url + "/actuator/health/readiness"))
                            .build(),
                        HttpResponse.BodyHandlers.discarding())
                    .statusCode()
                == 200) {
              return;
            }
          } catch (IOException notYet) {
            // the port is open a moment before the first answer
          }
        }
        Thread.sleep(500); // polling the probe, as a load balancer does
      }
      throw new IllegalStateException(
          "node " + name + " not ready within " + START + ": " + tail());
    }

    /** SIGTERM (Spring's graceful shutdown: the job executor stops, locks are released). */
    void stop() {
      process.destroy();
      try {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }

    String tail() {
      try {
        String text = Files.readString(log);
        return text.substring(Math.max(0, text.length() - 3000));
      } catch (IOException e) {
        return "";
      }
    }
  }

  private static String apiClient(Node node) throws Exception {
    HttpResponse<String> created =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(node.url() + "/api/admin/api-clients"))
                .header("Authorization", "Basic " + base64("demo:" + ADMIN_PASSWORD))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"id\":\"" + API_CLIENT + "\",\"name\":\"集群基准测试\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (created.statusCode() != 201) {
      throw new IllegalStateException(
          "api client: HTTP " + created.statusCode() + " " + created.body());
    }
    return JSON.readTree(created.body()).path("secret").asText();
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
