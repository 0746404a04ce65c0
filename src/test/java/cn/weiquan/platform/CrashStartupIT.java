package cn.weiquan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Nothing committed is lost on a crash: the application is killed (SIGKILL, no shutdown of any
 * kind) right after a case was registered, and the next start on the same H2 file finds the case.
 */
class CrashStartupIT {

  @TempDir Path dataDir;

  @Test
  void killedRightAfterACaseCommitted_theNextStartFindsTheCase() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                CrashProbe.class.getName(),
                dataDir.toString())
            .redirectErrorStream(true)
            .start();
    String instanceId = null;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        if (line.startsWith(CrashProbe.READY)) {
          instanceId = line.substring(CrashProbe.READY.length()).strip();
          child.destroyForcibly();
          break;
        }
      }
    } finally {
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the probe is gone").isTrue();
    }
    assertThat(instanceId).as("the probe registered a case before it was killed").isNotNull();

    try (ConfigurableApplicationContext next =
        StartupSupport.start("local", "weiquan.data-dir=" + dataDir)) {
      ProcessEngine engine = next.getBean(ProcessEngine.class);
      assertThat(
              engine
                  .getRuntimeService()
                  .createProcessInstanceQuery()
                  .processInstanceId(instanceId)
                  .singleResult())
          .as("the case committed before the kill")
          .isNotNull();
      assertThat(engine.getRuntimeService().getVariable(instanceId, "consumerName"))
          .isEqualTo("张小明");
    }
  }
}
