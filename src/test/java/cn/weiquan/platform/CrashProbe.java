package cn.weiquan.platform;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The child process of {@link CrashStartupIT}: starts the application on the given data folder, registers one case,
 * says so on stdout and waits to be killed. Not a test.
 */
public final class CrashProbe {

    public static final String READY = "CASE ";

    private CrashProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        ConfigurableApplicationContext app = StartupSupport.start("local", "weiquan.data-dir=" + args[0]);
        ProcessEngine engine = app.getBean(ProcessEngine.class);
        engine.getRepositoryService().createDeployment().name("crash-probe")
                .addClasspathResource("security/modeler-probe.bpmn")
                .addClasspathResource("security/modeler-probe.form")
                .enableDuplicateFiltering(true).deploy();
        String id = engine.getRuntimeService()
                .startProcessInstanceByKey("modeler-probe", "WQ-2026-000042", Map.of("consumerName", "张小明")).getId();
        // the start has committed: from here on the case is the application's promise
        System.out.println(READY + id);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
