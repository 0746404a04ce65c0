package cn.weiquan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.weiquan.analytics.CaseAnalytics;
import cn.weiquan.analytics.Summary;
import cn.weiquan.support.ThrowawayPostgres;
import java.time.LocalDate;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The postgres profile starts against a real PostgreSQL when one listens on 127.0.0.1:5432 (CI and
 * the developers' machines have one, trust auth), on a database of its own created for the run and
 * dropped after it, so that nothing an earlier run or another version left behind decides the
 * result; skipped on a machine without.
 */
class PostgresProfileStartupIT {

  @Test
  void postgresProfile_startsAgainstALocalPostgresql() {
    try (ThrowawayPostgres db = ThrowawayPostgres.create();
        ConfigurableApplicationContext app =
            StartupSupport.start(
                "postgres",
                "spring.datasource.url=" + db.url(),
                "spring.datasource.username=" + db.user(),
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
}
