package cn.weiquan.platform;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start before anything is built when the configuration cannot be right: an
 * administrator without a password (production must take it from the environment), or, outside the
 * demo profile, with a demo password.
 */
public class StartupConfigurationCheck implements EnvironmentPostProcessor, Ordered {

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
    String password = env.getProperty("weiquan.security.admin.password", "");
    if (password.isBlank()) {
      throw new ConfigurationProblem(
          "The administrator password is not set (profiles: "
              + String.join(",", env.getActiveProfiles())
              + "); Weiquan does not start with an open or default administrator.",
          "Set the environment variable WEIQUAN_ADMIN_PASSWORD, or run the local demo profile.");
    }
    boolean demo = env.getProperty("weiquan.security.demo-users", Boolean.class, false);
    if (!demo && IdentitySetup.demoPasswords().contains(password)) {
      throw new ConfigurationProblem(
          "The administrator password is one of the demo passwords published in README.md (profiles: "
              + String.join(",", env.getActiveProfiles())
              + "); Weiquan does not start with it outside the local profile.",
          "Set WEIQUAN_ADMIN_PASSWORD to a password of your own.");
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE; // after the config files have been read
  }
}
