package cn.weiquan.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.weiquan.analytics.CaseAnalytics;
import cn.weiquan.analytics.Summary;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.LocalDate;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The postgres profile starts against a real PostgreSQL when one listens on 127.0.0.1:5432 (CI and
 * the developers' machines have one, database "test", trust auth); skipped on a machine without.
 */
class PostgresProfileStartupIT {

  @Test
  void postgresProfile_startsAgainstALocalPostgresql() {
    assumeTrue(listening("127.0.0.1", 5432), "no PostgreSQL on 127.0.0.1:5432");
    try (ConfigurableApplicationContext app =
        StartupSupport.start(
            "postgres",
            "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test",
            "spring.datasource.username=postgres",
            "weiquan.security.admin.password=postgres-profile-test")) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      assertThat(engine.getProcessEngineConfiguration().getDatabaseType()).isEqualTo("postgres");
      assertThat(engine.getIdentityService().checkPassword("demo", "postgres-profile-test"))
          .isTrue();
      // the dashboard's queries run in read-only transactions with their own work_mem there
      LocalDate today = EngineClock.today();
      Summary summary =
          app.getBean(CaseAnalytics.class)
              .summary(ProcessKeys.CONSUMER_DISPUTE, today.minusYears(1), today, null);
      assertThat(summary.process()).isEqualTo(ProcessKeys.CONSUMER_DISPUTE);
      assertThat(summary.weeks()).isNotEmpty();
    }
  }

  private static boolean listening(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 500);
      return true;
    } catch (Exception e) {
      return false;
    }
  }
}
