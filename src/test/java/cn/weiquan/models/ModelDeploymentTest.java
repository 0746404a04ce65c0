package cn.weiquan.models;

import static org.assertj.core.api.Assertions.assertThat;

import cn.weiquan.support.ProjectFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every file under processes/ and forms/ deploys to a real engine and passes the static checks. */
@ExtendWith(ProcessEngineExtension.class)
class ModelDeploymentTest {
  ProcessEngine engine;
  private Deployment deployment;

  @AfterEach
  void undeploy() {
    if (deployment != null) {
      engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void everyModelAndFormPassesTheChecksAndDeploysToARealEngine() throws IOException {
    // found from the compiled tests, not the working directory: run from anywhere, it checks the
    // project's models
    Path processes = ProjectFiles.path("processes");
    Path forms = ProjectFiles.path("forms");
    ModelCheck check = ModelCheck.of(processes, forms);
    assertThat(check.problems()).isEmpty();
    long bpmn = ModelCheck.files(processes, ".bpmn").size();
    long dmn = ModelCheck.files(processes, ".dmn").size();
    // a check that finds nothing to check proves nothing
    assertThat(bpmn).as("BPMN files under " + processes).isPositive();
    assertThat(dmn).as("DMN files under " + processes).isPositive();
    assertThat(check.forms()).as("forms under " + forms).isNotEmpty();

    RepositoryService repository = engine.getRepositoryService();
    DeploymentBuilder builder = repository.createDeployment().name("model-check");
    int files = 0;
    for (Path file : concat(check)) {
      try (InputStream in = Files.newInputStream(file)) {
        builder.addString(
            file.getFileName().toString(),
            new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        files++;
      }
    }
    assertThat(files).isEqualTo(bpmn + dmn + check.forms().size());
    deployment = builder.deploy();

    assertThat(repository.createProcessDefinitionQuery().deploymentId(deployment.getId()).count())
        .as("each BPMN file defines at least one process")
        .isGreaterThanOrEqualTo(bpmn);
    assertThat(repository.createDecisionDefinitionQuery().deploymentId(deployment.getId()).count())
        .as("each DMN file defines at least one decision")
        .isGreaterThanOrEqualTo(dmn);
    assertThat(repository.getDeploymentResourceNames(deployment.getId()))
        .as("forms are deployed with the models")
        .hasSize(files);
  }

  @Test
  void brokenModelsAreReported() throws IOException {
    Path broken = ProjectFiles.path("src/test/resources/model-check/broken");
    ModelCheck check = ModelCheck.of(broken, broken);

    assertThat(check.problems())
        .anyMatch(p -> p.contains("no-ttl.bpmn") && p.contains("has no historyTimeToLive"))
        .anyMatch(p -> p.contains("no-ttl.bpmn") && p.contains("no diagram"))
        .anyMatch(p -> p.contains("Task_Review") && p.contains("names form 'form-missing'"))
        .anyMatch(p -> p.contains("Task_NoForm") && p.contains("has no form"))
        .anyMatch(p -> p.contains("not-json.form") && p.contains("not valid JSON"))
        .anyMatch(p -> p.contains("no-id.form") && p.contains("form has no id"))
        .anyMatch(p -> p.contains("misnamed.form") && p.contains("differs from its file name"))
        .anyMatch(p -> p.contains("no-ttl.dmn") && p.contains("has no historyTimeToLive"))
        .anyMatch(p -> p.contains("unparsable.bpmn") && p.contains("does not parse"))
        .anyMatch(p -> p.contains("Task_NotifyNoEvent") && p.contains("has no mailEvent"))
        .anyMatch(p -> p.contains("Task_NotifyTypo") && p.contains("'setled' that has no texts"))
        .anyMatch(
            p ->
                p.contains("Task_NotifyTypo")
                    && p.contains("mail/setled/consumer.mustache does not exist"))
        .anyMatch(
            p -> p.contains("Task_NotifyTypo") && p.contains("unknown recipient role 'lawyer'"))
        .anyMatch(p -> p.contains("Event_EnterNothing") && p.contains("has no settings"))
        .anyMatch(p -> p.contains("Event_EnterTypo") && p.contains("unknown setting 'stagelabel'"))
        .anyMatch(
            p ->
                p.contains("Event_EnterUnknownPeriod")
                    && p.contains("'merchant-reponse' that is not in the period table"))
        .anyMatch(
            p ->
                p.contains("Event_EnterNoPeriod")
                    && p.contains("stores otherDue but names no deadlinePeriod"))
        .anyMatch(p -> p.contains("Task_Review") && p.contains("formRefBinding=\"latest\""));
  }

  private static java.util.List<Path> concat(ModelCheck check) {
    java.util.List<Path> all = new java.util.ArrayList<>(check.models());
    all.addAll(check.forms().values());
    return all;
  }
}
