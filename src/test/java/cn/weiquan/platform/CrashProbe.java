package cn.weiquan.platform;

import java.io.IOException;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The child process of {@link CrashStartupIT}: starts the application on the given data folder,
 * registers one case, says so on stdout and waits to be killed. If its parent goes first (stdin
 * closes), it halts without any shutdown, as a crash would. Not a test.
 */
public final class CrashProbe {

  public static final String READY = "CASE ";

  private CrashProbe() {}

  public static void main(String[] args) throws IOException {
    ConfigurableApplicationContext app =
        StartupSupport.start("local", "weiquan.data-dir=" + args[0]);
    ProcessEngine engine = app.getBean(ProcessEngine.class);
    engine
        .getRepositoryService()
        .createDeployment()
        .name("crash-probe")
        .addClasspathResource("security/modeler-probe.bpmn")
        .addClasspathResource("security/modeler-probe.form")
        .enableDuplicateFiltering(true)
        .deploy();
    String id =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(
                "modeler-probe", "WQ-2026-000042", Map.of("consumerName", "张小明"))
            .getId();
    // the start has committed: from here on the case is the application's promise
    System.out.println(READY + id);
    System.out.flush();
    while (System.in.read() != -1) {
      // nothing to read: the parent kills this process
    }
    Runtime.getRuntime().halt(1);
  }
}
