package cn.weiquan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README "A faster start" as an operator types it, on the jar this build packaged: extract it, let
 * a training run end itself and write the class-data-sharing archive, then start with the archive
 * required ({@code -Xshare:on}: the JVM refuses to start if it cannot use it) and log in to
 * Tasklist.
 */
class FastStartStartupIT {

  @TempDir Path work;

  @Test
  void extractedJar_trainingRunWritesTheArchive_startWithItServesTasklist() throws Exception {
    Path jar = Path.of(System.getProperty("weiquan.jar", "target/weiquan.jar"));
    assertThat(jar)
        .as("the packaged application (mvn package runs before the start-up tests)")
        .isRegularFile();
    Path app = FastStart.extract(jar, work.resolve("app"));
    assertThat(work.resolve("app/lib")).isDirectory();

    Path archive = work.resolve("app/weiquan.jsa");
    List<String> quiet = List.of("--weiquan.mail.embedded.port=0");
    String training = FastStart.train(app, archive, "weiquan", quiet);
    assertThat(training)
        .as("the training run opened the webapps before it ended itself")
        .contains("Training run: /camunda/app/tasklist/default/ answered 200")
        .contains("Training run: /camunda/app/cockpit/default/ answered 200")
        .contains("Training run complete");
    assertThat(Files.size(archive)).as("archive size").isGreaterThan(10_000_000L);

    List<String> command = new ArrayList<>(List.of(FastStart.java()));
    command.add("-XX:SharedArchiveFile=" + archive);
    command.add("-Xshare:on");
    command.addAll(FastStart.JVM);
    command.addAll(
        List.of(
            "-jar",
            app.toString(),
            "--server.port=0",
            "--weiquan.data-dir=" + work.resolve("data"),
            "--weiquan.mail.embedded.port=0"));
    Path log = work.resolve("app.log");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      String base = FastStart.awaitReady(process, log);
      assertThat(base).startsWith("http://127.0.0.1:");
    } finally {
      process.destroy();
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped").isTrue();
    }
    assertThat(Files.readString(log)).doesNotContain("Training run");
  }
}
