package cn.weiquan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Date;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** The embedded default keeps data: a restart on the same file database loses nothing. */
class RestartStartupIT {

  @TempDir Path dataDir;

  @Test
  void restartOnTheFileDatabase_keepsInstancesVariablesAndDefinitionVersions() {
    String instanceId;
    Map<String, Integer> versionsBefore;
    long deploymentsBefore;
    Date filedAt = new Date(1767225600000L); // 2026-01-01T08:00+08:00

    try (ConfigurableApplicationContext first =
        StartupSupport.start("local", "weiquan.data-dir=" + dataDir)) {
      ProcessEngine engine = first.getBean(ProcessEngine.class);
      engine
          .getRepositoryService()
          .createDeployment()
          .name("restart-probe")
          .addClasspathResource("security/modeler-probe.bpmn")
          .addClasspathResource("security/modeler-probe.form")
          .enableDuplicateFiltering(true)
          .deploy();
      ProcessInstance instance =
          engine
              .getRuntimeService()
              .startProcessInstanceByKey(
                  "modeler-probe",
                  "WQ-2026-000001",
                  Map.of(
                      "consumerName", "小明", "price", "2999.00", "quantity", 1, "filedAt", filedAt));
      instanceId = instance.getId();
      versionsBefore = latestVersions(engine);
      deploymentsBefore = engine.getRepositoryService().createDeploymentQuery().count();
    }

    try (ConfigurableApplicationContext second =
        StartupSupport.start("local", "weiquan.data-dir=" + dataDir)) {
      ProcessEngine engine = second.getBean(ProcessEngine.class);
      ProcessInstance instance =
          engine
              .getRuntimeService()
              .createProcessInstanceQuery()
              .processInstanceId(instanceId)
              .singleResult();
      assertThat(instance).as("the running case survived the restart").isNotNull();
      assertThat(instance.getBusinessKey()).isEqualTo("WQ-2026-000001");
      assertThat(engine.getRuntimeService().getVariables(instanceId))
          .containsEntry("consumerName", "小明")
          .containsEntry("price", "2999.00")
          .containsEntry("quantity", 1)
          .containsEntry("filedAt", filedAt);
      assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instanceId).count())
          .isEqualTo(1);
      assertThat(latestVersions(engine))
          .as("an unchanged restart deploys no new version")
          .isEqualTo(versionsBefore);
      assertThat(engine.getRepositoryService().createDeploymentQuery().count())
          .isEqualTo(deploymentsBefore);
    }
  }

  private static Map<String, Integer> latestVersions(ProcessEngine engine) {
    Map<String, Integer> versions = new TreeMap<>();
    for (ProcessDefinition definition :
        engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().list()) {
      versions.put(definition.getKey(), definition.getVersion());
    }
    engine
        .getRepositoryService()
        .createDecisionDefinitionQuery()
        .latestVersion()
        .list()
        .forEach(d -> versions.put("dmn:" + d.getKey(), d.getVersion()));
    return versions;
  }
}
