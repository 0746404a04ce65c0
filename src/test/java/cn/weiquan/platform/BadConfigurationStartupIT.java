package cn.weiquan.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Bad configuration stops start-up with one clear sentence, not a wall of stack traces. */
@ExtendWith(OutputCaptureExtension.class)
class BadConfigurationStartupIT {

  @Test
  void productionWithoutAdministratorPassword_refusesToStart(CapturedOutput output) {
    assertThatThrownBy(() -> StartupSupport.start("production", "weiquan.security.admin.password="))
        .isInstanceOf(ConfigurationProblem.class);
    assertThat(output.getAll())
        .contains("APPLICATION FAILED TO START")
        .contains("The administrator password is not set")
        .contains("WEIQUAN_ADMIN_PASSWORD")
        .doesNotContain("\tat ");
  }

  @Test
  void unreachableDatabase_refusesToStartNamingTheDatabase(CapturedOutput output) {
    assertThatThrownBy(
            () ->
                StartupSupport.start(
                    "postgres,production",
                    "weiquan.security.admin.password=from-the-environment",
                    "spring.datasource.url=jdbc:postgresql://127.0.0.1:1/weiquan?password=secret"))
        .isNotNull();
    assertThat(output.getAll())
        .contains("The database jdbc:postgresql://127.0.0.1:1/weiquan cannot be reached")
        .contains("WEIQUAN_DB_URL")
        .doesNotContain("secret")
        .doesNotContain("\tat ");
  }
}
