package cn.weiquan.platform;

import cn.weiquan.WeiquanApplication;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the real application the way `java -jar` does, for the start-up tests. Those run in a JVM
 * of their own (failsafe execution "startup", *StartupIT), since an engine and process application
 * of the same name cannot be registered twice in one JVM.
 */
final class StartupSupport {
  private StartupSupport() {}

  static ConfigurableApplicationContext start(String profiles, String... properties) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                // the local profile's embedded SMTP server on a free port: a Weiquan running on
                // this machine keeps 3025
                "--weiquan.mail.embedded.port=0",
                "--camunda.bpm.job-execution.enabled=false",
                "--camunda.bpm.metrics.enabled=false"));
    for (String property : properties) {
      args.add("--" + property);
    }
    return new SpringApplicationBuilder(WeiquanApplication.class)
        .profiles(profiles.split(","))
        .run(args.toArray(String[]::new));
  }
}
