package cn.weiquan.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Start to Tasklist-ready, Weiquan against a bare Spring Boot + Camunda 7.24 starter/webapp app
 * (src/bench/bare-starter), interleaved in one run, each on an empty H2 database in a fresh JVM.
 * Ready = Tasklist's page answers 200 and the administrator's Tasklist login succeeds (Weiquan: its
 * users exist; the bare app: its admin-user). Prints each run and the medians. Not a test:
 *
 * <pre>
 * mvn -B -q -f src/bench/bare-starter/pom.xml package
 * mvn -B -Dweiquan.build.dir=target -DskipTests package
 * mvn -Pbench -Dbench=cn.weiquan.platform.StartupBenchmark -Dexec.args="5" test-compile exec:java
 * </pre>
 *
 * Extra JVM options for both (e.g. a CDS archive) come from -Dstartup.jvm="...".
 */
public final class StartupBenchmark {
  private StartupBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    Path weiquan = jar(Path.of(System.getProperty("weiquan.jar.dir", "target")), "weiquan-");
    Path bare = jar(Path.of("src/bench/bare-starter/target"), "bare-starter-");
    List<Double> weiquanTimes = new ArrayList<>();
    List<Double> bareTimes = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      double w = startOnce(weiquan, List.of("--weiquan.mail.embedded.port=0"), "weiquan.data-dir");
      double b = startOnce(bare, List.of(), "bare.data-dir");
      weiquanTimes.add(w);
      bareTimes.add(b);
      System.out.printf("run %d: weiquan %.1f s, bare starter %.1f s%n", run, w, b);
    }
    System.out.printf(
        "median of %d: weiquan %.1f s, bare starter %.1f s, ratio %.2f%n",
        runs, median(weiquanTimes), median(bareTimes), median(weiquanTimes) / median(bareTimes));
  }

  private static double startOnce(Path jar, List<String> extra, String dataDirProperty)
      throws Exception {
    Path data = Files.createTempDirectory("startup-bench");
    Path log = data.resolve("app.log");
    List<String> command =
        new ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    String jvm = System.getProperty("startup.jvm", "").trim();
    if (!jvm.isEmpty()) {
      command.addAll(List.of(jvm.split("\\s+")));
    }
    command.addAll(
        List.of("-jar", jar.toString(), "--server.port=0", "--" + dataDirProperty + "=" + data));
    command.addAll(extra);
    long start = System.nanoTime();
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      while (process.isAlive()) {
        Matcher port =
            Pattern.compile("Tomcat started on port (\\d+)").matcher(Files.readString(log));
        if (port.find() && tasklistReady(http, "http://127.0.0.1:" + port.group(1))) {
          return (System.nanoTime() - start) / 1e9;
        }
        Thread.sleep(50);
      }
      throw new IllegalStateException(jar + " exited: " + Files.readString(log));
    } finally {
      process.destroy();
      process.waitFor();
    }
  }

  private static boolean tasklistReady(HttpClient http, String base) throws InterruptedException {
    try {
      HttpResponse<Void> page =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/")).build(),
              HttpResponse.BodyHandlers.discarding());
      if (page.statusCode() != 200) {
        return false;
      }
      // as the sign-in page does it: the page's session cookie and CSRF token with the login form
      String cookies =
          String.join(
              "; ",
              page.headers().allValues("Set-Cookie").stream()
                  .map(c -> c.contains(";") ? c.substring(0, c.indexOf(';')) : c)
                  .toList());
      HttpResponse<String> login =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .header("X-XSRF-TOKEN", page.headers().firstValue("X-XSRF-TOKEN").orElse(""))
                  .header("Cookie", cookies)
                  .POST(HttpRequest.BodyPublishers.ofString("username=demo&password=demo"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return login.statusCode() == 200;
    } catch (IOException notYet) {
      return false;
    }
  }

  private static Path jar(Path dir, String prefix) throws IOException {
    try (var files = Files.list(dir)) {
      return files
          .filter(
              f -> f.getFileName().toString().startsWith(prefix) && f.toString().endsWith(".jar"))
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "no " + prefix + "*.jar in " + dir + ": build it first"));
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
