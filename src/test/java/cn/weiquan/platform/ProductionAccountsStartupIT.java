package cn.weiquan.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Production is production: it refuses the demo passwords published in README.md, for the
 * administrator and in the demo accounts a local run left in the database, saying in one sentence
 * which; asked to, it removes those accounts.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionAccountsStartupIT {

  @TempDir Path dataDir;

  @Test
  void productionWithADemoAdministratorPassword_refusesToStart(CapturedOutput output) {
    assertThatThrownBy(
            () ->
                StartupSupport.start(
                    "production",
                    "weiquan.security.admin.password=demo",
                    "weiquan.data-dir=" + dataDir))
        .isInstanceOf(ConfigurationProblem.class);
    assertThat(output.getAll())
        .contains("APPLICATION FAILED TO START")
        .contains("The administrator password is one of the demo passwords")
        .doesNotContain("\tat ");
  }

  @Test
  void demoAccountsLeftByALocalRun_stopProduction_untilRemoved(CapturedOutput output) {
    // a local run creates the demo accounts in this database
    try (ConfigurableApplicationContext local =
        StartupSupport.start("local", "weiquan.data-dir=" + dataDir)) {
      assertThat(
              local
                  .getBean(ProcessEngine.class)
                  .getIdentityService()
                  .createUserQuery()
                  .userId("mediator")
                  .count())
          .isOne();
    }

    assertThatThrownBy(
            () ->
                StartupSupport.start(
                    "production",
                    "weiquan.security.admin.password=a-real-one",
                    "weiquan.data-dir=" + dataDir))
        .isInstanceOf(ConfigurationProblem.class);
    assertThat(output.getAll())
        .contains(
            "The database holds the demo accounts mediator, handler, supervisor, analyst, designer, reviewer,"
                + " engineer, service, hq, monitor, api")
        .contains("WEIQUAN_REMOVE_DEMO_USERS=true")
        .doesNotContain("\tat ");

    try (ConfigurableApplicationContext production =
        StartupSupport.start(
            "production",
            "weiquan.security.admin.password=a-real-one",
            "weiquan.security.remove-demo-users=true",
            "weiquan.data-dir=" + dataDir)) {
      IdentityService identity = production.getBean(ProcessEngine.class).getIdentityService();
      for (IdentitySetup.DemoUser demo : IdentitySetup.DEMO_USERS) {
        assertThat(identity.createUserQuery().userId(demo.id()).count()).as(demo.id()).isZero();
      }
      assertThat(identity.createUserQuery().userId("api").count()).isZero();
      // the administrator left by the local run has the configured password now, not "demo"
      assertThat(identity.checkPassword("demo", "a-real-one")).isTrue();
      assertThat(identity.checkPassword("demo", "demo")).isFalse();
    }
  }
}
