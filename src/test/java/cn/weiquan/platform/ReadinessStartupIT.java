package cn.weiquan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.weiquan.support.TcpGate;
import java.time.Duration;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

/**
 * Readiness follows the database: the application's PostgreSQL is reached through a {@link
 * TcpGate}; shutting the gate is the database going away (connections cut, new ones refused).
 * Liveness does not follow it: a restart would not bring the database back.
 */
class ReadinessStartupIT {

  @Test
  void databaseUnreachable_readinessIs503_untilItAnswersAgain_livenessStays200(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dataDir) throws Exception {
    // PostgreSQL behind the gate, as a cluster runs (skipped where no server listens on 5432): a
    // cut
    // connection fails with a connection error, so the pool drops it and opens a new one later
    try (cn.weiquan.support.ThrowawayPostgres postgres =
            cn.weiquan.support.ThrowawayPostgres.create();
        TcpGate gate = new TcpGate(5432);
        ConfigurableApplicationContext app =
            StartupSupport.start(
                "postgres",
                "spring.datasource.url="
                    + postgres.url().replace("127.0.0.1:5432", "127.0.0.1:" + gate.port()),
                "spring.datasource.username=" + postgres.user(),
                "weiquan.security.admin.password=readiness-test",
                "weiquan.evidence.directory=" + dataDir.resolve("evidence"),
                // the probe waits at most this long for a connection from the pool
                "spring.datasource.hikari.connection-timeout=2000")) {
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      RestClient http =
          RestClient.builder()
              .baseUrl("http://127.0.0.1:" + port)
              .defaultStatusHandler(status -> true, (request, response) -> {})
              .build();

      assertThat(status(http, "/actuator/health/readiness"))
          .as("started, users and filters made")
          .isEqualTo(200);

      gate.shut();
      assertThat(eventually(http, "/actuator/health/readiness", s -> s == 503))
          .as("readiness while the database is unreachable")
          .isEqualTo(503);
      assertThat(status(http, "/actuator/health/liveness"))
          .as("liveness while the database is unreachable")
          .isEqualTo(200);

      gate.open();
      assertThat(eventually(http, "/actuator/health/readiness", s -> s == 200))
          .as("readiness once the database answers again")
          .isEqualTo(200);
    }
  }

  private static int status(RestClient http, String path) {
    return http.get().uri(path).retrieve().toBodilessEntity().getStatusCode().value();
  }

  /** Asks until the answer is the expected one or 30 s have passed; returns the last answer. */
  private static int eventually(RestClient http, String path, IntPredicate expected)
      throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    int status;
    do {
      status = status(http, path);
      if (expected.test(status)) {
        return status;
      }
      Thread.sleep(
          200); // polling a probe, as a load balancer does; nothing in the engine waits on it
    } while (System.nanoTime() < end);
    return status;
  }
}
