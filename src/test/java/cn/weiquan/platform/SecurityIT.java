package cn.weiquan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.weiquan.support.ApplicationIT;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Weiquan's engine REST API and webapps are closed by default and open per group. */
class SecurityIT extends ApplicationIT {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/engine-rest/user",
        "/engine-rest/task",
        "/engine-rest/deployment",
        "/engine-rest/process-definition"
      })
  void anonymousEngineRestRequest_isRefusedWith401(String path) {
    ResponseEntity<String> response = anonymous().get().uri(path).retrieve().toEntity(String.class);
    assertThat(response.getStatusCode().value()).isEqualTo(401);
    assertThat(response.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
  }

  @Test
  void wrongPassword_isRefusedWith401() {
    // a user of its own: the engine delays a user's next login after a wrong password
    var identity = engine.getIdentityService();
    if (identity.createUserQuery().userId("wrong-password-probe").count() == 0) {
      var user = identity.newUser("wrong-password-probe");
      user.setPassword("right");
      identity.saveUser(user);
    }
    assertThat(
            as("wrong-password-probe", "wrong")
                .get()
                .uri("/engine-rest/task")
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value())
        .isEqualTo(401);
    assertThat(
            as("nobody", "nobody")
                .get()
                .uri("/engine-rest/task")
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value())
        .isEqualTo(401);
  }

  @Test
  void administratorSeesEveryUser_mediatorSeesOnlyHimself() {
    JsonNode all = as("demo").get().uri("/engine-rest/user").retrieve().body(JsonNode.class);
    assertThat(all.findValuesAsText("id")).contains("demo", "mediator", "designer", "api");

    JsonNode mediatorView =
        as("mediator").get().uri("/engine-rest/user").retrieve().body(JsonNode.class);
    assertThat(mediatorView.findValuesAsText("id")).containsExactly("mediator");
  }

  @Test
  void mediatorCannotDeploy() {
    ResponseEntity<String> response = deploy("mediator", "mediator-attempt");
    assertThat(response.getStatusCode().value()).isEqualTo(403);
  }

  @Test
  void apiClientHasNoEngineLogin_andCannotDeploy() {
    // an api client's secret opens /api only; its engine password is random and never told
    assertThat(deploy("api", "api-attempt").getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void designerDeploysLikeModeler_andTheFormResolvesForATask() {
    ResponseEntity<JsonNode> deployed = deployJson("designer", "modeler-probe");
    assertThat(deployed.getStatusCode().value()).isEqualTo(200);
    assertThat(deployed.getBody().path("deployedProcessDefinitions")).isNotEmpty();

    // designers change models, they do not start cases: the administrator tries the deployed model
    ResponseEntity<JsonNode> refused =
        as("designer")
            .post()
            .uri("/engine-rest/process-definition/key/modeler-probe/start")
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("businessKey", "PROBE-0"))
            .retrieve()
            .toEntity(JsonNode.class);
    assertThat(refused.getStatusCode().value()).isEqualTo(403);
    ResponseEntity<JsonNode> started =
        as("demo")
            .post()
            .uri("/engine-rest/process-definition/key/modeler-probe/start")
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("businessKey", "PROBE-1"))
            .retrieve()
            .toEntity(JsonNode.class);
    assertThat(started.getStatusCode().value()).isEqualTo(200);
    String instanceId = started.getBody().path("id").asText();

    JsonNode tasks =
        as("designer")
            .get()
            .uri("/engine-rest/task?processInstanceId={id}", instanceId)
            .retrieve()
            .body(JsonNode.class);
    assertThat(tasks).as("designers see how a model runs").hasSize(1);
    String taskId = tasks.get(0).path("id").asText();

    JsonNode form =
        as("designer")
            .get()
            .uri("/engine-rest/task/{id}/form", taskId)
            .retrieve()
            .body(JsonNode.class);
    assertThat(form.path("camundaFormRef").path("key").asText()).isEqualTo("form-modeler-probe");
    assertThat(form.path("camundaFormRef").path("binding").asText()).isEqualTo("deployment");

    JsonNode deployedForm =
        as("demo")
            .get()
            .uri("/engine-rest/task/{id}/deployed-form", taskId)
            .retrieve()
            .body(JsonNode.class);
    assertThat(deployedForm.path("id").asText()).isEqualTo("form-modeler-probe");
    assertThat(deployedForm.path("components").get(0).path("label").asText()).isEqualTo("审核意见");

    // the mediator may not see the designers' task
    JsonNode mediatorTasks =
        as("mediator")
            .get()
            .uri("/engine-rest/task?processInstanceId={id}", instanceId)
            .retrieve()
            .body(JsonNode.class);
    assertThat(mediatorTasks).isEmpty();
  }

  @Test
  void designerDeployingTheSameFilesAgain_createsNoNewVersion() {
    deployJson("designer", "modeler-probe");
    JsonNode before =
        as("designer")
            .get()
            .uri("/engine-rest/process-definition/key/modeler-probe")
            .retrieve()
            .body(JsonNode.class);
    deployJson("designer", "modeler-probe");
    JsonNode after =
        as("designer")
            .get()
            .uri("/engine-rest/process-definition/key/modeler-probe")
            .retrieve()
            .body(JsonNode.class);
    assertThat(after.path("version").asInt()).isEqualTo(before.path("version").asInt());
  }

  @Test
  void apiClientCannotReadCasesOverEngineRest() {
    deployJson("designer", "modeler-probe");
    ResponseEntity<JsonNode> started =
        as("demo")
            .post()
            .uri("/engine-rest/process-definition/key/modeler-probe/start")
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("businessKey", "PROBE-API"))
            .retrieve()
            .toEntity(JsonNode.class);
    assertThat(started.getStatusCode().value()).isEqualTo(200);
    assertThat(
            as("demo")
                .get()
                .uri("/engine-rest/process-instance?businessKey=PROBE-API")
                .retrieve()
                .body(JsonNode.class))
        .hasSize(1);
    // a client made by an earlier version still has an engine password: the door refuses it all the
    // same
    var identity = engine.getIdentityService();
    if (identity.createUserQuery().userId("legacy-client").count() == 0) {
      var user = identity.newUser("legacy-client");
      user.setPassword("legacy-client");
      identity.saveUser(user);
      identity.createMembership("legacy-client", WeiquanGroups.API_CLIENTS);
    }
    ResponseEntity<JsonNode> legacy =
        as("legacy-client")
            .get()
            .uri("/engine-rest/process-instance?businessKey=PROBE-API")
            .retrieve()
            .toEntity(JsonNode.class);
    assertThat(legacy.getStatusCode().value()).isEqualTo(403);
    assertThat(legacy.getBody().path("detail").asText()).contains("/api");
  }

  @Test
  void neitherApiClientsNorDepartmentsMayReadEveryCase() {
    var authorizations = engine.getAuthorizationService();
    for (String process : List.of(ProcessKeys.CONSUMER_DISPUTE, ProcessKeys.ENTERPRISE_COMPLAINT)) {
      assertThat(
              authorizations.isUserAuthorized(
                  "api",
                  List.of(WeiquanGroups.API_CLIENTS),
                  org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE,
                  org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION,
                  process))
          .isFalse();
    }
    assertThat(
            authorizations.isUserAuthorized(
                "engineer",
                List.of("dept-engineering"),
                org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE,
                org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION,
                ProcessKeys.ENTERPRISE_COMPLAINT))
        .isFalse();
    assertThat(
            authorizations.isUserAuthorized(
                "engineer",
                List.of("dept-engineering"),
                org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.CREATE_INSTANCE,
                org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION,
                ProcessKeys.ENTERPRISE_COMPLAINT))
        .isTrue();
  }

  @Test
  void demoMediatorLogsInToTasklist_butNotToCockpit() {
    assertThat(webappLogin("mediator", "tasklist")).isEqualTo(200);
    assertThat(webappLogin("mediator", "cockpit")).isEqualTo(403);
    assertThat(webappLogin("analyst", "cockpit")).isEqualTo(200);
    assertThat(webappLogin("api", "tasklist"))
        .as("an api client has no webapp login")
        .isEqualTo(401);
  }

  @Test
  void tasklistFiltersExistForCaseWorkers() {
    JsonNode filters =
        as("mediator").get().uri("/engine-rest/filter").retrieve().body(JsonNode.class);
    assertThat(filters.findValuesAsText("name"))
        .contains(
            TasklistFilters.MY_TASKS, TasklistFilters.MY_GROUP_TASKS, TasklistFilters.OVERDUE);
    JsonNode analystFilters =
        as("analyst").get().uri("/engine-rest/filter").retrieve().body(JsonNode.class);
    assertThat(analystFilters).isEmpty();
  }

  @Test
  void anonymousApiRequest_getsProblemDetails401() {
    ResponseEntity<JsonNode> response =
        anonymous().get().uri("/api/anything").retrieve().toEntity(JsonNode.class);
    assertThat(response.getStatusCode().value()).isEqualTo(401);
    assertThat(response.getHeaders().getContentType().toString())
        .startsWith("application/problem+json");
    assertThat(response.getBody().path("status").asInt()).isEqualTo(401);
  }

  /**
   * Logs in as the webapp's login page does: session and CSRF token from the page, then the form.
   */
  private int webappLogin(String user, String app) {
    ResponseEntity<Void> page =
        anonymous().get().uri("/camunda/app/" + app + "/").retrieve().toBodilessEntity();
    String token = page.getHeaders().getFirst("X-XSRF-TOKEN");
    String cookies =
        String.join(
            "; ",
            page.getHeaders().getOrEmpty("Set-Cookie").stream()
                .map(c -> c.substring(0, c.indexOf(';')))
                .toList());
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", user);
    return anonymous()
        .post()
        .uri("/camunda/api/admin/auth/user/default/login/" + app)
        .header("X-XSRF-TOKEN", token)
        .header("Cookie", cookies)
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(form)
        .retrieve()
        .toBodilessEntity()
        .getStatusCode()
        .value();
  }

  private ResponseEntity<String> deploy(String user, String name) {
    return as(user)
        .post()
        .uri("/engine-rest/deployment/create")
        .contentType(MediaType.MULTIPART_FORM_DATA)
        .body(modelerMultipart(name))
        .retrieve()
        .toEntity(String.class);
  }

  private ResponseEntity<JsonNode> deployJson(String user, String name) {
    return as(user)
        .post()
        .uri("/engine-rest/deployment/create")
        .contentType(MediaType.MULTIPART_FORM_DATA)
        .body(modelerMultipart(name))
        .retrieve()
        .toEntity(JsonNode.class);
  }

  /** The request Camunda Modeler sends when a designer presses "Deploy". */
  static MultiValueMap<String, Object> modelerMultipart(String name) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", name);
    parts.add("deployment-source", "Camunda Modeler");
    parts.add("enable-duplicate-filtering", "true");
    for (String file : List.of("security/modeler-probe.bpmn", "security/modeler-probe.form")) {
      parts.add(file.substring(file.indexOf('/') + 1), new ClassPathResource(file));
    }
    return parts;
  }
}
