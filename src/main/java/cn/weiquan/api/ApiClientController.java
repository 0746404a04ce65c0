package cn.weiquan.api;

import cn.weiquan.platform.WeiquanGroups;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The administrator's management of the parties' systems: create an api client, rotate its secret.
 * A secret is shown once, in the answer, and stored only as its hash. camunda-admin only (403 for
 * everyone else).
 */
@RestController
@RequestMapping("/api/admin/api-clients")
public class ApiClientController {

  /** A new client: its id (the user id cases name) and a display name. */
  public record NewClient(
      @NotBlank
          @Size(max = 64)
          @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.@-]*", message = "must be a user id")
          String id,
      @NotBlank @Size(max = 100) String name) {}

  /** The credentials to hand to the client's operator: HTTP Basic with id and secret on /api. */
  public record Credentials(String clientId, String secret) {}

  private final ApiClients clients;
  private final ApiJson json;

  public ApiClientController(ApiClients clients, ApiJson json) {
    this.clients = clients;
    this.json = json;
  }

  @Operation(summary = "Create an api client (camunda-admin): 201 with its secret, shown once")
  @PostMapping(
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Credentials> create(
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = NewClient.class)))
          @RequestBody
          byte[] body,
      ApiCaller caller) {
    requireAdmin(caller);
    NewClient client = json.read(body, NewClient.class);
    if (clients.exists(client.id())) {
      throw new ApiException(
          HttpStatus.CONFLICT,
          "id",
          "exists",
          "用户或客户端「" + client.id() + "」已存在",
          "a user or client '" + client.id() + "' exists already");
    }
    String secret = ApiClients.randomSecret();
    clients.create(client.id(), client.name(), secret);
    return ResponseEntity.created(URI.create("/api/admin/api-clients/" + client.id()))
        .body(new Credentials(client.id(), secret));
  }

  @Operation(
      summary = "Rotate an api client's secret (camunda-admin): the old one stops working at once")
  @PostMapping(path = "/{clientId}/secret", produces = MediaType.APPLICATION_JSON_VALUE)
  public Credentials rotate(@PathVariable String clientId, ApiCaller caller) {
    requireAdmin(caller);
    if (!clients.isClient(clientId)) {
      String shown = clientId.replaceAll("[^A-Za-z0-9_.@-]", "");
      throw ApiException.notFound("没有接口客户端「" + shown + "」", "no api client '" + shown + "'");
    }
    return new Credentials(clientId, clients.rotate(clientId));
  }

  private static void requireAdmin(ApiCaller caller) {
    if (!caller.isMemberOf(WeiquanGroups.ADMIN)) {
      throw ApiException.forbidden(
          "只有 camunda-admin 可以管理接口客户端", "managing api clients is for camunda-admin only");
    }
  }
}
