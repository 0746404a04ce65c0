package cn.weiquan.platform.modelguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.weiquan.platform.WeiquanGroups;
import cn.weiquan.support.ApplicationIT;
import cn.weiquan.support.ProjectFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/** Designers change models, not the platform (issue 11): over real HTTP, through every door. */
class ModelGuardIT extends ApplicationIT {
  private static final String DESIGNER = "designer";
  private static final String ADMIN = "demo";

  @Test
  void
      designersPrivilegeEscalation_isRefusedWith400NamingTheTaskAndTheReason_andTheDesignerStaysOutOfAdmin() {
    ResponseEntity<JsonNode> response =
        deploy(DESIGNER, "modelguard-escalation", classpath("grant-admin.bpmn"));

    assertThat(response.getStatusCode().value()).isEqualTo(400);
    JsonNode body = response.getBody();
    assertThat(body.path("type").asText()).isEqualTo("ParseException");
    assertThat(body.path("message").asText())
        .contains(
            "grant-admin.bpmn", "Task_GrantAdmin", "'execution' gives access to the whole engine");
    JsonNode problem = body.path("details").path("grant-admin.bpmn").path("errors").get(0);
    assertThat(problem.path("mainElementId").asText()).isEqualTo("Task_GrantAdmin");
    assertThat(problem.path("message").asText())
        .startsWith("camunda:expression: ${execution.getProcessEngineServices()");
    assertThat(
            engine
                .getRepositoryService()
                .createProcessDefinitionQuery()
                .processDefinitionKey("modelguard-grant-admin")
                .list())
        .noneMatch(
            definition ->
                "modelguard-escalation".equals(deploymentName(definition.getDeploymentId())));
    assertThat(designerIsAdministrator()).isFalse();
  }

  @Test
  void theAdministratorMayDeployTheSameModel() {
    ResponseEntity<JsonNode> response =
        deploy(ADMIN, "modelguard-admin-escalation", classpath("grant-admin.bpmn"));

    assertThat(response.getStatusCode().value()).isEqualTo(200);
    // deleted at once: the model is what it is, and designers may start any process
    assertThat(deleteDeployment(as(ADMIN), response.getBody().path("id").asText(), true))
        .isEqualTo(204);
    assertThat(designerIsAdministrator()).isFalse();
  }

  @Test
  void designersDecisionInJavascript_isRefusedWith400() {
    ResponseEntity<JsonNode> response =
        deploy(DESIGNER, "modelguard-javascript", classpath("javascript-decision.dmn"));

    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(
            response
                .getBody()
                .path("details")
                .path("javascript-decision.dmn")
                .path("errors")
                .get(0)
                .path("mainElementId")
                .asText())
        .isEqualTo("InputExpression_Javascript");
  }

  @Test
  void theJavaApiWithADesignerAuthenticated_isCheckedToo() {
    engine.getIdentityService().setAuthentication(DESIGNER, List.of(WeiquanGroups.DESIGNERS));
    try {
      assertThatThrownBy(
              () ->
                  engine
                      .getRepositoryService()
                      .createDeployment()
                      .name("modelguard-java-api")
                      .addClasspathResource("modelguard/grant-admin.bpmn")
                      .deploy())
          .isInstanceOf(ModelRejectedException.class)
          .hasMessageContaining("modelguard/grant-admin.bpmn, element Task_GrantAdmin");
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  @Test
  void
      designerDeploysEveryProductModelLikeCamundaModeler_andMayDeleteTheDeploymentWhileItHasNoCases()
          throws IOException {
    List<Resource> files = new ArrayList<>();
    for (String folder : List.of("processes", "forms")) {
      try (Stream<Path> paths = Files.list(ProjectFiles.path(folder))) {
        paths.sorted().map(FileSystemResource::new).forEach(files::add);
      }
    }

    ResponseEntity<JsonNode> response =
        deploy(DESIGNER, "modelguard-product-models", files.toArray(Resource[]::new));

    assertThat(response.getStatusCode().value())
        .as(String.valueOf(response.getBody()))
        .isEqualTo(200);
    assertThat(response.getBody().path("deployedProcessDefinitions").size())
        .isEqualTo(files.stream().filter(f -> f.getFilename().endsWith(".bpmn")).count());
    assertThat(response.getBody().path("deployedDecisionDefinitions").size())
        .isEqualTo(files.stream().filter(f -> f.getFilename().endsWith(".dmn")).count());
    // the application's own deployment becomes the latest again
    assertThat(deleteDeployment(as(DESIGNER), response.getBody().path("id").asText(), true))
        .isEqualTo(204);
  }

  @Test
  void designersCascadeDelete_ofADeploymentWithACase_isRefusedWith403_andTheCaseSurvives() {
    String deploymentId = deployGuardedCase("modelguard-running-case");
    String caseId = startCase(deploymentId);

    for (boolean cascade : List.of(true, false)) {
      ResponseEntity<JsonNode> refused =
          as(DESIGNER)
              .delete()
              .uri("/engine-rest/deployment/{id}?cascade={cascade}", deploymentId, cascade)
              .retrieve()
              .toEntity(JsonNode.class);
      assertThat(refused.getStatusCode().value()).isEqualTo(403);
      assertThat(refused.getBody().path("type").asText()).isEqualTo("AuthorizationException");
      assertThat(refused.getBody().path("message").asText())
          .contains(
              "Deployment " + deploymentId + " may not be deleted by designer",
              "1 case (1 running, 0 finished)");
    }
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(caseId)
                .count())
        .isEqualTo(1);
    assertThat(
            engine
                .getRepositoryService()
                .createDeploymentQuery()
                .deploymentId(deploymentId)
                .count())
        .isEqualTo(1);

    // a finished case keeps its history, and its deployment
    engine
        .getTaskService()
        .complete(
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(caseId)
                .singleResult()
                .getId());
    ResponseEntity<JsonNode> refused =
        as(DESIGNER)
            .delete()
            .uri("/engine-rest/deployment/{id}?cascade=true", deploymentId)
            .retrieve()
            .toEntity(JsonNode.class);
    assertThat(refused.getStatusCode().value()).isEqualTo(403);
    assertThat(refused.getBody().path("message").asText())
        .contains("1 case (0 running, 1 finished)");
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processInstanceId(caseId)
                .count())
        .isEqualTo(1);

    // the administrator keeps full rights
    assertThat(deleteDeployment(as(ADMIN), deploymentId, true)).isEqualTo(204);
  }

  @Test
  void designerDeletesADeploymentWithoutCases_204() {
    String deploymentId = deployGuardedCase("modelguard-no-cases");

    assertThat(deleteDeployment(as(DESIGNER), deploymentId, true)).isEqualTo(204);
    assertThat(
            engine
                .getRepositoryService()
                .createDeploymentQuery()
                .deploymentId(deploymentId)
                .count())
        .isZero();
  }

  @Test
  void throughCockpitsEngineApi_theDeleteOfADeploymentWithACase_isRefusedWith403Too() {
    String deploymentId = deployGuardedCase("modelguard-webapp-case");
    String caseId = startCase(deploymentId);
    WebappSession cockpit = WebappSession.login(anonymous(), DESIGNER, "cockpit");

    ResponseEntity<JsonNode> refused =
        cockpit
            .request(
                anonymous()
                    .delete()
                    .uri(
                        "/camunda/api/engine/engine/default/deployment/{id}?cascade=true",
                        deploymentId))
            .retrieve()
            .toEntity(JsonNode.class);

    assertThat(refused.getStatusCode().value()).isEqualTo(403);
    assertThat(refused.getBody().path("type").asText()).isEqualTo("AuthorizationException");
    assertThat(refused.getBody().path("message").asText())
        .contains("may not be deleted by designer", "1 case");
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(caseId)
                .count())
        .isEqualTo(1);
    assertThat(deleteDeployment(as(ADMIN), deploymentId, true)).isEqualTo(204);
  }

  @Test
  void designerCannotCancelACase_deleteItsDefinition_norGrantItselfAnything() {
    String deploymentId = deployGuardedCase("modelguard-cancel");
    String caseId = startCase(deploymentId);
    String definitionId =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(caseId)
            .singleResult()
            .getProcessDefinitionId();

    assertThat(
            as(DESIGNER)
                .delete()
                .uri("/engine-rest/process-instance/{id}", caseId)
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value())
        .isEqualTo(403);
    assertThat(
            as(DESIGNER)
                .delete()
                .uri("/engine-rest/process-definition/{id}?cascade=true", definitionId)
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value())
        .isEqualTo(403);
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(caseId)
                .count())
        .isEqualTo(1);

    Map<String, Object> grant = new LinkedHashMap<>();
    grant.put("type", 1);
    grant.put("permissions", List.of("ALL"));
    grant.put("userId", DESIGNER);
    grant.put("resourceType", 4); // AUTHORIZATION
    grant.put("resourceId", "*");
    ResponseEntity<JsonNode> created =
        as(DESIGNER)
            .post()
            .uri("/engine-rest/authorization/create")
            .contentType(MediaType.APPLICATION_JSON)
            .body(grant)
            .retrieve()
            .toEntity(JsonNode.class);
    assertThat(created.getStatusCode().value()).isEqualTo(403);
    assertThat(
            engine
                .getAuthorizationService()
                .createAuthorizationQuery()
                .userIdIn(DESIGNER)
                .resourceType(Resources.AUTHORIZATION)
                .count())
        .isZero();

    assertThat(deleteDeployment(as(ADMIN), deploymentId, true)).isEqualTo(204);
  }

  @Test
  void theJavaApiWithADesignerAuthenticated_cannotDeleteADeploymentWithACase() {
    String deploymentId = deployGuardedCase("modelguard-java-delete");
    startCase(deploymentId);

    engine.getIdentityService().setAuthentication(DESIGNER, List.of(WeiquanGroups.DESIGNERS));
    try {
      assertThatThrownBy(() -> engine.getRepositoryService().deleteDeployment(deploymentId, true))
          .isInstanceOf(AuthorizationException.class)
          .hasMessageContaining("1 case (1 running, 0 finished)");
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(deleteDeployment(as(ADMIN), deploymentId, true)).isEqualTo(204);
  }

  // helpers ///////////////////////////////////////////////////////////////////

  /**
   * The request Camunda Modeler sends when a designer presses Deploy: name, source, changed files
   * only, the files.
   */
  private ResponseEntity<JsonNode> deploy(String user, String name, Resource... files) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", name);
    parts.add("deployment-source", "Camunda Modeler");
    parts.add("deploy-changed-only", "true");
    for (Resource file : files) {
      parts.add(file.getFilename(), file);
    }
    return as(user)
        .post()
        .uri("/engine-rest/deployment/create")
        .contentType(MediaType.MULTIPART_FORM_DATA)
        .body(parts)
        .retrieve()
        .toEntity(JsonNode.class);
  }

  private String deployGuardedCase(String name) {
    ResponseEntity<JsonNode> response = deploy(DESIGNER, name, classpath("guarded-case.bpmn"));
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    return response.getBody().path("id").asText();
  }

  /** Starts a case of the deployment's process as the administrator (designers start no cases). */
  private String startCase(String deploymentId) {
    String definitionId =
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .deploymentId(deploymentId)
            .singleResult()
            .getId();
    ResponseEntity<JsonNode> started =
        as("demo")
            .post()
            .uri("/engine-rest/process-definition/{id}/start", definitionId)
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of())
            .retrieve()
            .toEntity(JsonNode.class);
    assertThat(started.getStatusCode().value()).isEqualTo(200);
    return started.getBody().path("id").asText();
  }

  private static int deleteDeployment(RestClient client, String deploymentId, boolean cascade) {
    return client
        .delete()
        .uri("/engine-rest/deployment/{id}?cascade={cascade}", deploymentId, cascade)
        .retrieve()
        .toBodilessEntity()
        .getStatusCode()
        .value();
  }

  private boolean designerIsAdministrator() {
    return engine
            .getIdentityService()
            .createUserQuery()
            .userId(DESIGNER)
            .memberOfGroup(WeiquanGroups.ADMIN)
            .count()
        > 0;
  }

  private String deploymentName(String deploymentId) {
    return engine
        .getRepositoryService()
        .createDeploymentQuery()
        .deploymentId(deploymentId)
        .singleResult()
        .getName();
  }

  private static Resource classpath(String name) {
    return new ClassPathResource("modelguard/" + name);
  }

  /**
   * A webapp login as the login page does it (see SecurityIT), then the session's cookie and CSRF
   * token.
   */
  private record WebappSession(String cookies, String csrfToken) {

    static WebappSession login(RestClient client, String user, String app) {
      ResponseEntity<Void> page =
          client.get().uri("/camunda/app/" + app + "/").retrieve().toBodilessEntity();
      Map<String, String> cookies = new LinkedHashMap<>();
      remember(cookies, page.getHeaders());
      String token = page.getHeaders().getFirst("X-XSRF-TOKEN");
      MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
      form.add("username", user);
      form.add("password", user);
      ResponseEntity<Void> login =
          client
              .post()
              .uri("/camunda/api/admin/auth/user/default/login/" + app)
              .header("X-XSRF-TOKEN", token)
              .header(HttpHeaders.COOKIE, header(cookies))
              .contentType(MediaType.APPLICATION_FORM_URLENCODED)
              .body(form)
              .retrieve()
              .toBodilessEntity();
      assertThat(login.getStatusCode().value())
          .as("login of " + user + " to " + app)
          .isEqualTo(200);
      remember(cookies, login.getHeaders());
      // the login starts a new session without a token; the app's next read fetches one, as Cockpit
      // does
      ResponseEntity<Void> read =
          client
              .get()
              .uri("/camunda/api/admin/auth/user/default")
              .header(HttpHeaders.COOKIE, header(cookies))
              .retrieve()
              .toBodilessEntity();
      remember(cookies, read.getHeaders());
      return new WebappSession(header(cookies), read.getHeaders().getFirst("X-XSRF-TOKEN"));
    }

    RestClient.RequestHeadersSpec<?> request(RestClient.RequestHeadersSpec<?> request) {
      return request.header(HttpHeaders.COOKIE, cookies).header("X-XSRF-TOKEN", csrfToken);
    }

    private static void remember(Map<String, String> cookies, HttpHeaders headers) {
      for (String cookie : headers.getOrEmpty(HttpHeaders.SET_COOKIE)) {
        String pair =
            cookie.substring(0, cookie.indexOf(';') < 0 ? cookie.length() : cookie.indexOf(';'));
        cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
      }
    }

    private static String header(Map<String, String> cookies) {
      return String.join(
          "; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }
  }
}
