package cn.weiquan.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The steps of README "A faster start", as {@link FastStartStartupIT} checks them and {@link
 * StartupBenchmark} times them: extract the jar, write the class-data-sharing archive in a training
 * run, start with it; and the wait until Tasklist answers and the demo login succeeds.
 */
final class FastStart {
  /** The JVM options of the fast start besides the archive (README "A faster start"). */
  static final List<String> JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

  private FastStart() {}

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** {@code java -Djarmode=tools -jar app.jar extract}: returns the extracted application jar. */
  static Path extract(Path jar, Path destination) throws Exception {
    run(
        List.of(
            java(),
            "-Djarmode=tools",
            "-jar",
            jar.toString(),
            "extract",
            "--destination",
            destination.toString()));
    return destination.resolve(jar.getFileName());
  }

  /**
   * The training run: the app ends itself once ready ({@code --<prefix>.training-run=true}) and the
   * JVM writes the archive as it exits. Returns what the run printed.
   */
  static String train(Path jar, Path archive, String prefix, List<String> extra) throws Exception {
    Path data = Files.createTempDirectory("startup-train");
    List<String> command = new ArrayList<>(List.of(java(), "-XX:ArchiveClassesAtExit=" + archive));
    command.addAll(JVM);
    command.addAll(
        List.of(
            "-jar",
            jar.toString(),
            "--server.port=0",
            "--" + prefix + ".data-dir=" + data,
            "--" + prefix + ".training-run=true"));
    command.addAll(extra);
    String out = run(command);
    if (!Files.isRegularFile(archive)) {
      throw new IllegalStateException("the training run wrote no archive " + archive + ":\n" + out);
    }
    return out;
  }

  /** Runs a command to its end (at most 3 minutes); fails unless it exits 0. */
  static String run(List<String> command) throws Exception {
    Path log = Files.createTempFile("fast-start", ".log");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(3, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException(
          String.join(" ", command) + " did not end within 3 minutes:\n" + Files.readString(log));
    }
    String out = Files.readString(log, StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
    }
    return out;
  }

  /**
   * Polls the log for the port, then Tasklist and the demo login, every 50 ms while the JVM lives,
   * for at most two minutes (a poll of another process: nothing in it waits on this). Returns the
   * base URL.
   */
  static String awaitReady(Process process, Path log) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (process.isAlive()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("not ready within two minutes: " + Files.readString(log));
      }
      Matcher port = PORT.matcher(Files.readString(log));
      if (port.find()) {
        String base = "http://127.0.0.1:" + port.group(1);
        if (tasklistReady(http, base)) {
          return base;
        }
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("exited before ready: " + Files.readString(log));
  }

  private static boolean tasklistReady(HttpClient http, String base) throws InterruptedException {
    try {
      HttpResponse<Void> page =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).build(),
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
}
