package cn.weiquan.intake;

import cn.weiquan.WeiquanApplication;
import cn.weiquan.api.ApiCaller;
import cn.weiquan.api.ApiJson;
import cn.weiquan.intake.dispute.DisputeController;
import cn.weiquan.intake.dispute.DisputeFiling;
import cn.weiquan.platform.EngineClock;
import cn.weiquan.platform.ProcessKeys;
import cn.weiquan.platform.WeiquanGroups;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * Load benchmark of POST /api/disputes (not a test). Starts Weiquan on an H2 file database in a
 * temporary folder, posts disputes from a bounded number of loopback clients for a fixed time, then
 * starts the same process in-process (RuntimeService) with the same variables and the same number
 * of threads, and prints both rates. The job executor is off in both phases: the measure is the
 * intake and the start up to the first async step. Then evidence: the same clients upload a file
 * ({@code -DfileKb}, a PNG) to the cases over HTTP (multipart, checked by its bytes, written to the
 * evidence folder), against the same file stored in-process ({@link EvidenceStore}).
 *
 * <pre>mvn -Pbench -Dbench=cn.weiquan.intake.IntakeLoadBenchmark test-compile exec:java
 *     [-Dclients=8 -Dseconds=60 -DinProcessSeconds=30 -Dwarmup=10 -DfileKb=200]</pre>
 */
public final class IntakeLoadBenchmark {

  private IntakeLoadBenchmark() {}

  record Phase(long count, double seconds, long[] latenciesNanos, long errors) {
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
  }

  public static void main(String[] args) throws Exception {
    int clients = Integer.getInteger("clients", 8);
    int seconds = Integer.getInteger("seconds", 60);
    int inProcessSeconds = Integer.getInteger("inProcessSeconds", 30);
    int warmup = Integer.getInteger("warmup", 10);
    Path dataDir = Files.createTempDirectory("weiquan-bench");
    // command-line arguments: they win over application.yaml (server.port, weiquan.data-dir)
    ConfigurableApplicationContext app =
        new SpringApplicationBuilder(WeiquanApplication.class)
            .profiles("local")
            .run(
                "--server.port=0",
                "--weiquan.data-dir=" + dataDir,
                "--weiquan.mail.embedded.port=0",
                "--camunda.bpm.job-execution.enabled=false",
                "--camunda.bpm.metrics.enabled=false",
                "--logging.level.root=warn");
    try {
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      System.out.printf(
          "Weiquan on port %d, H2 file database in %s, %d clients, %d CPUs%n",
          port,
          app.getEnvironment().getProperty("spring.datasource.url"),
          clients,
          Runtime.getRuntime().availableProcessors());
      // HTTP/1.1 keep-alive: no h2c upgrade attempt on every new connection
      HttpClient http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      URI uri = URI.create("http://127.0.0.1:" + port + "/api/disputes");
      String auth =
          "Basic " + Base64.getEncoder().encodeToString("api:api".getBytes(StandardCharsets.UTF_8));

      runHttp(http, uri, auth, clients, warmup); // JIT, connection pools, first deployments
      Phase overHttp = runHttp(http, uri, auth, clients, seconds);

      DisputeController controller = app.getBean(DisputeController.class);
      RuntimeService runtime = app.getBean(RuntimeService.class);
      ApiJson json = app.getBean(ApiJson.class);
      ApiCaller caller = new ApiCaller("api", Set.of(WeiquanGroups.API_CLIENTS));
      Phase inProcess = runInProcess(runtime, controller, json, caller, clients, inProcessSeconds);

      System.out.println();
      System.out.println(
          "IntakeLoadBenchmark ("
              + clients
              + " concurrent clients, job executor off, H2 file database)");
      System.out.printf(
          "  POST /api/disputes over loopback HTTP: %d disputes in %.1f s = %.1f disputes/s, p50 %.1f ms, p99 %.1f ms, errors %d%n",
          overHttp.count(),
          overHttp.seconds(),
          overHttp.rate(),
          overHttp.percentileMillis(50),
          overHttp.percentileMillis(99),
          overHttp.errors());
      System.out.printf(
          "  RuntimeService.startProcessInstanceByKey in-process: %d starts in %.1f s = %.1f starts/s, p50 %.1f ms, p99 %.1f ms%n",
          inProcess.count(),
          inProcess.seconds(),
          inProcess.rate(),
          inProcess.percentileMillis(50),
          inProcess.percentileMillis(99));
      System.out.printf(
          "  ratio HTTP / in-process = %.2f (goal >= 0.5), p99 goal < 200 ms%n",
          overHttp.rate() / inProcess.rate());

      // evidence: one file per request, spread over cases so the per-case limits are not reached
      int fileKb = Integer.getInteger("fileKb", 200);
      byte[] png = png(fileKb * 1024);
      List<String> cases = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        DisputeFiling filing =
            json.read(
                body(UUID.randomUUID().toString()).getBytes(StandardCharsets.UTF_8),
                DisputeFiling.class);
        cases.add(
            (String)
                runtime
                    .createProcessInstanceByKey(ProcessKeys.CONSUMER_DISPUTE)
                    .setVariables(controller.variables(filing, caller))
                    .executeWithVariablesInReturn()
                    .getVariables()
                    .get("caseNo"));
      }
      EvidenceStore evidence = app.getBean(EvidenceStore.class);
      runUploads(http, port, auth, cases, png, clients, warmup);
      Phase uploadsOverHttp = runUploads(http, port, auth, cases, png, clients, seconds);
      AtomicLong next = new AtomicLong();
      Phase storedInProcess =
          run(
              clients,
              inProcessSeconds,
              () -> {
                String caseNo = cases.get((int) (next.getAndIncrement() % cases.size()));
                long t0 = System.nanoTime();
                evidence.store(
                    caseNo,
                    "bench",
                    "consumer",
                    "api",
                    "购买凭证",
                    List.of(new EvidenceStore.EvidenceFile("receipt.png", "image/png", png)),
                    EvidenceStore.Timing.OUTSIDE_WINDOW);
                return System.nanoTime() - t0;
              });
      System.out.printf(
          "  POST /api/disputes/{caseNo}/evidence (%d KB PNG) over loopback HTTP: %d uploads in %.1f s = %.1f uploads/s, p50 %.1f ms, p99 %.1f ms, errors %d%n",
          fileKb,
          uploadsOverHttp.count(),
          uploadsOverHttp.seconds(),
          uploadsOverHttp.rate(),
          uploadsOverHttp.percentileMillis(50),
          uploadsOverHttp.percentileMillis(99),
          uploadsOverHttp.errors());
      System.out.printf(
          "  EvidenceStore.store in-process (same file, same folder): %d in %.1f s = %.1f stores/s, p50 %.1f ms, p99 %.1f ms%n",
          storedInProcess.count(),
          storedInProcess.seconds(),
          storedInProcess.rate(),
          storedInProcess.percentileMillis(50),
          storedInProcess.percentileMillis(99));
      System.out.printf(
          "  ratio HTTP / in-process = %.2f%n", uploadsOverHttp.rate() / storedInProcess.rate());
    } finally {
      app.close();
      FileSystemUtils.deleteRecursively(dataDir);
    }
  }

  static String body(String reference) {
    LocalDate today = EngineClock.today();
    return """
        {"externalReference":"%s","consumer":{"name":"李明","phone":"13800138000","email":"li.ming@example.com"},
         "merchant":{"name":"某某电器旗舰店","email":"shop@example.com","platform":"tmall","shopId":"tm-8899"},
         "purchase":{"item":"电热水壶","price":"199.00","quantity":1,"paidAt":"%s","receivedAt":"%s","channel":"online-platform"},
         "category":"quality","description":"使用三天后漏电","claims":{"refund":true,"compensation":"500"},
         "harmKnownOn":"%s","evidence":["订单号 1234567890"]}
        """
        .formatted(reference, today.minusDays(10), today.minusDays(8), today.minusDays(5));
  }

  /**
   * A valid PNG signature and IHDR start, padded to {@code size} bytes (the content check reads the
   * signature).
   */
  static byte[] png(int size) {
    byte[] head = {
      (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'
    };
    byte[] file = new byte[Math.max(size, head.length)];
    new java.util.Random(42).nextBytes(file);
    System.arraycopy(head, 0, file, 0, head.length);
    return file;
  }

  private static Phase runUploads(
      HttpClient http,
      int port,
      String auth,
      List<String> cases,
      byte[] png,
      int clients,
      int seconds)
      throws Exception {
    AtomicLong next = new AtomicLong();
    AtomicLong printed = new AtomicLong();
    return run(
        clients,
        seconds,
        () -> {
          String caseNo = cases.get((int) (next.getAndIncrement() % cases.size()));
          String boundary = "bench" + UUID.randomUUID();
          byte[] before =
              ("--"
                      + boundary
                      + "\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\n购买凭证\r\n--"
                      + boundary
                      + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"receipt.png\"\r\nContent-Type: image/png\r\n\r\n")
                  .getBytes(StandardCharsets.UTF_8);
          byte[] after = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
          HttpRequest request =
              HttpRequest.newBuilder(
                      URI.create(
                          "http://127.0.0.1:" + port + "/api/disputes/" + caseNo + "/evidence"))
                  .timeout(Duration.ofSeconds(30))
                  .header("Authorization", auth)
                  .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                  .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(before, png, after)))
                  .build();
          long t0 = System.nanoTime();
          HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
          long took = System.nanoTime() - t0;
          if (response.statusCode() == 202 || response.statusCode() == 201) {
            return took;
          }
          if (printed.incrementAndGet() <= 3) {
            System.err.println("HTTP " + response.statusCode() + ": " + response.body());
          }
          return null;
        });
  }

  /** One timed request of a client: its latency in nanoseconds, or null when it failed. */
  private interface Request {
    Long send() throws Exception;
  }

  private static Phase runHttp(HttpClient http, URI uri, String auth, int clients, int seconds)
      throws Exception {
    AtomicLong printed = new AtomicLong();
    return run(
        clients,
        seconds,
        () -> {
          String key = UUID.randomUUID().toString();
          HttpRequest request =
              HttpRequest.newBuilder(uri)
                  .timeout(Duration.ofSeconds(30))
                  .header("Authorization", auth)
                  .header("Content-Type", "application/json")
                  .header("Idempotency-Key", key)
                  .POST(HttpRequest.BodyPublishers.ofString(body(key)))
                  .build();
          long t0 = System.nanoTime();
          HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
          long took = System.nanoTime() - t0;
          if (response.statusCode() == 201) {
            return took;
          }
          if (printed.incrementAndGet() <= 3) {
            System.err.println("HTTP " + response.statusCode() + ": " + response.body());
          }
          return null;
        });
  }

  private static Phase runInProcess(
      RuntimeService runtime,
      DisputeController controller,
      ApiJson json,
      ApiCaller caller,
      int clients,
      int seconds)
      throws Exception {
    return run(
        clients,
        seconds,
        () -> {
          DisputeFiling filing =
              json.read(
                  body(UUID.randomUUID().toString()).getBytes(StandardCharsets.UTF_8),
                  DisputeFiling.class);
          Map<String, Object> variables = controller.variables(filing, caller);
          long t0 = System.nanoTime();
          runtime.startProcessInstanceByKey("consumer-dispute", variables);
          return System.nanoTime() - t0;
        });
  }

  /** {@code clients} threads send requests back to back for {@code seconds}. */
  private static Phase run(int clients, int seconds, Request request) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    AtomicLong errors = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<List<Long>>> results = new ArrayList<>();
    long start = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      results.add(
          pool.submit(
              () -> {
                List<Long> latencies = new ArrayList<>();
                while (System.nanoTime() < end) {
                  Long took = request.send();
                  if (took != null) {
                    latencies.add(took);
                  } else {
                    errors.incrementAndGet();
                  }
                }
                return latencies;
              }));
    }
    return collect(pool, results, start, errors);
  }

  private static Phase collect(
      ExecutorService pool, List<Future<List<Long>>> results, long start, AtomicLong errors)
      throws Exception {
    List<Long> all = new ArrayList<>();
    for (Future<List<Long>> result : results) {
      all.addAll(result.get(10, TimeUnit.MINUTES));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdownNow();
    return new Phase(
        all.size(), seconds, all.stream().mapToLong(Long::longValue).toArray(), errors.get());
  }
}
