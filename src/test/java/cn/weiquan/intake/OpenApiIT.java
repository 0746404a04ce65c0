package cn.weiquan.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The OpenAPI description of /api: served behind the /api login, without /engine-rest, and the
 * webapps still work.
 */
class OpenApiIT extends IntakeSupport {

  @Test
  void theOpenApiDescription_isServedToLoggedInCallers_andTheWebappsStillWork() {
    ResponseEntity<JsonNode> openApi = get("api", "/api/openapi.json");

    assertThat(openApi.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(openApi.getBody().path("paths").has("/api/disputes")).isTrue();
    assertThat(openApi.getBody().path("paths").has("/api/complaints/{caseNo}")).isTrue();
    assertThat(openApi.getBody().path("paths").has("/api/disputes/{caseNo}/evidence")).isTrue();
    assertThat(openApi.getBody().toString()).doesNotContain("/engine-rest");
    assertThat(
            anonymous()
                .get()
                .uri("/api/openapi.json")
                .retrieve()
                .toBodilessEntity()
                .getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(
            anonymous()
                .get()
                .uri("/camunda/app/tasklist/")
                .accept(MediaType.TEXT_HTML)
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value())
        .as("Tasklist still served")
        .isLessThan(400);
    assertThat(
            anonymous()
                .get()
                .uri("/engine-rest/engine")
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value())
        .as("engine-rest untouched")
        .isIn(200, 401);
  }
}
