package cn.weiquan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import cn.weiquan.support.ApplicationIT;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The rules over real HTTP: /api/compensation/quote, /api/eligibility and the decisions on
 * /engine-rest.
 */
class RulesApiIT extends ApplicationIT {
  private static final ParameterizedTypeReference<Map<String, Object>> JSON =
      new ParameterizedTypeReference<>() {};
  private static final ParameterizedTypeReference<List<Map<String, Map<String, Object>>>>
      DECISION_RESULT = new ParameterizedTypeReference<>() {};

  private ResponseEntity<Map<String, Object>> post(String user, String path, String body) {
    var client = user == null ? anonymous() : as(user);
    return client
        .post()
        .uri(path)
        .contentType(MediaType.APPLICATION_JSON)
        .body(body)
        .retrieve()
        .toEntity(JSON);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"rule\":\"fraud\",\"price\":\"100.00\"}                                          | 500.00",
        "{\"rule\":\"fraud\",\"price\":200}                                                 | 600.00",
        "{\"rule\":\"food-safety\",\"price\":\"50.00\",\"loss\":\"0\"}                      | 1000.00",
        "{\"rule\":\"late-shipment\",\"platform\":\"taobao\",\"price\":\"10.00\"}           | 1.00",
        "{\"rule\":\"late-shipment\",\"platform\":\"tmall\",\"price\":0.1}                  | 0.03",
        "{\"rule\":\"lost-wages\",\"dailyIncome\":\"300.00\",\"days\":10,\"status\":\"employed\"} | 3000.00",
        "{\"rule\":\"courier-loss\",\"carrier\":\"postal-registered\",\"loss\":\"100\",\"postage\":\"12.00\"} | 36.00",
        "{\"rule\":\"company-policy\",\"items\":[{\"type\":\"medical\",\"amount\":\"30.00\"},{\"type\":\"emotional\",\"amount\":\"1000\"}]} | 30.00"
      })
  void quote_answersAmountWithTwoDecimalsBasisAndBreakdown(String body, String amount) {
    ResponseEntity<Map<String, Object>> response =
        post("mediator", "/api/compensation/quote", body);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).containsEntry("amount", amount).containsEntry("currency", "CNY");
    assertThat((String) response.getBody().get("basis")).isNotBlank();
    assertThat((List<?>) response.getBody().get("breakdown")).isNotEmpty();
  }

  @Test
  void fraudQuote_showsTheRefundAndTheTotal() {
    ResponseEntity<Map<String, Object>> response =
        post("mediator", "/api/compensation/quote", "{\"rule\":\"fraud\",\"price\":\"300.00\"}");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody())
        .containsEntry("amount", "900.00")
        .containsEntry("total", "1200.00");
    assertThat((List<Map<String, Object>>) (List) response.getBody().get("breakdown"))
        .extracting(line -> line.get("label") + "=" + line.get("amount"))
        .containsExactly(
            "价款的三倍=900.00", "增加赔偿（不少于500元）=900.00", "退还价款=300.00", "合计（退还价款＋增加赔偿）=1200.00");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unknown rule         | {\"rule\":\"bribe\",\"price\":\"1.00\"}                    | rule",
        "missing rule         | {\"price\":\"1.00\"}                                      | rule",
        "negative money       | {\"rule\":\"fraud\",\"price\":\"-1.00\"}                   | price",
        "negative number      | {\"rule\":\"fraud\",\"price\":-1}                          | price",
        "non-numeric money    | {\"rule\":\"fraud\",\"price\":\"abc\"}                     | price",
        "exponent             | {\"rule\":\"fraud\",\"price\":\"1e3\"}                     | price",
        "money as boolean     | {\"rule\":\"fraud\",\"price\":true}                        | price",
        "three decimals       | {\"rule\":\"fraud\",\"price\":\"1.005\"}                   | price",
        "three decimals num   | {\"rule\":\"fraud\",\"price\":1.005}                       | price",
        "missing field        | {\"rule\":\"food-safety\",\"price\":\"50.00\"}             | loss",
        "absurd money         | {\"rule\":\"fraud\",\"price\":\"100000000.01\"}            | price",
        "huge number          | {\"rule\":\"fraud\",\"price\":1e400}                       | price",
        "absurd days          | {\"rule\":\"lost-wages\",\"dailyIncome\":\"1\",\"days\":3651,\"status\":\"employed\"} | days",
        "negative days        | {\"rule\":\"lost-wages\",\"dailyIncome\":\"1\",\"days\":-1,\"status\":\"employed\"}   | days",
        "fractional days      | {\"rule\":\"lost-wages\",\"dailyIncome\":\"1\",\"days\":1.5,\"status\":\"employed\"}  | days",
        "unknown status       | {\"rule\":\"lost-wages\",\"dailyIncome\":\"1\",\"days\":1,\"status\":\"student\"}     | status",
        "unknown platform     | {\"rule\":\"late-shipment\",\"platform\":\"jd\",\"price\":\"1\"} | platform",
        "unknown claim basis  | {\"rule\":\"food-safety\",\"price\":\"1\",\"loss\":\"1\",\"claimBasis\":\"both\"} | claimBasis",
        "bad item             | {\"rule\":\"company-policy\",\"items\":[{\"type\":\"bonus\",\"amount\":\"1\"}]} | items[0].type",
        "no items             | {\"rule\":\"company-policy\",\"items\":[]}                 | items",
        "not an object        | [1,2]                                                      | body",
        "not JSON             | {rule:                                                     | body"
      })
  void quote_badInput_is400NamingTheField(String kind, String body, String field) {
    ResponseEntity<Map<String, Object>> response =
        post("mediator", "/api/compensation/quote", body);
    assertThat(response.getStatusCode()).as(kind).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody())
        .as(kind)
        .containsEntry("field", field)
        .containsEntry("status", 400);
  }

  @Test
  void anonymousCaller_is401() {
    assertThat(
            post(null, "/api/compensation/quote", "{\"rule\":\"fraud\",\"price\":\"1\"}")
                .getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(post(null, "/api/eligibility", "{}").getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void eligibility_resalePurchase_eligibleWithoutPunitiveSums() {
    ResponseEntity<Map<String, Object>> response =
        post(
            "mediator",
            "/api/eligibility",
            "{\"naturalPerson\":true,\"purpose\":\"resale\",\"harmKnownOn\":\"2025-06-01\",\"filedOn\":\"2026-01-05\","
                + "\"channel\":\"regulator\",\"pendingBefore\":[]}");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody())
        .containsEntry("eligible", true)
        .containsEntry("punitiveDamagesAllowed", false);
    assertThat((List<Map<String, Object>>) (List) response.getBody().get("reasons"))
        .singleElement()
        .satisfies(
            r ->
                assertThat(r)
                    .containsEntry("code", "PURCHASE_FOR_RESALE")
                    .containsKeys("message", "basis"));
  }

  @Test
  void eligibility_twentyTwoUnits_punitiveSumsWithheldWithAReadableReason() {
    ResponseEntity<Map<String, Object>> response =
        post(
            "mediator",
            "/api/eligibility",
            "{\"naturalPerson\":true,\"purpose\":\"living-consumption\",\"harmKnownOn\":\"2026-02-25\","
                + "\"filedOn\":\"2026-03-02\",\"channel\":\"court\",\"quantity\":22}");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody())
        .containsEntry("eligible", true)
        .containsEntry("punitiveDamagesAllowed", false);
    assertThat(response.getBody().get("reasons").toString())
        .contains("QUANTITY_BEYOND_LIVING_NEEDS", "购买数量 22 件，明显超出生活消费需要", "第二条");
  }

  @Test
  void eligibility_beforeACourt_regulatorRefusesWithReason() {
    ResponseEntity<Map<String, Object>> response =
        post(
            "api",
            "/api/eligibility",
            "{\"naturalPerson\":true,\"purpose\":\"living-consumption\",\"harmKnownOn\":\"2025-06-01\","
                + "\"filedOn\":\"2026-01-05\",\"channel\":\"regulator\",\"pendingBefore\":[\"court\"]}");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).containsEntry("eligible", false);
    assertThat(response.getBody().get("reasons").toString())
        .contains("ALREADY_BEFORE_OTHER_BODY", "人民法院");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "missing channel   | {\"naturalPerson\":true,\"purpose\":\"resale\",\"harmKnownOn\":\"2025-06-01\"}                         | channel",
        "unknown channel   | {\"naturalPerson\":true,\"purpose\":\"resale\",\"harmKnownOn\":\"2025-06-01\",\"channel\":\"tv\"}        | channel",
        "bad date          | {\"naturalPerson\":true,\"purpose\":\"resale\",\"harmKnownOn\":\"2025-02-30\",\"channel\":\"court\"}     | harmKnownOn",
        "bad boolean       | {\"naturalPerson\":\"yes\",\"purpose\":\"resale\",\"harmKnownOn\":\"2025-02-01\",\"channel\":\"court\"}   | naturalPerson",
        "unknown body      | {\"naturalPerson\":true,\"purpose\":\"resale\",\"harmKnownOn\":\"2025-02-01\",\"channel\":\"regulator\",\"pendingBefore\":[\"police\"]} | pendingBefore[0]",
        "zero quantity     | {\"naturalPerson\":true,\"purpose\":\"resale\",\"harmKnownOn\":\"2025-02-01\",\"channel\":\"court\",\"quantity\":0} | quantity",
        "window w/o date   | {\"naturalPerson\":true,\"purpose\":\"resale\",\"harmKnownOn\":\"2025-02-01\",\"channel\":\"platform\",\"platformComplaint\":\"harassment\"} | tradeCompletedOn"
      })
  void eligibility_badInput_is400NamingTheField(String kind, String body, String field) {
    ResponseEntity<Map<String, Object>> response = post("mediator", "/api/eligibility", body);
    assertThat(response.getStatusCode()).as(kind).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).as(kind).containsEntry("field", field);
  }

  private ResponseEntity<List<Map<String, Map<String, Object>>>> evaluateAuthority(
      String user, String amount) {
    String body =
        "{\"variables\":{\"amountClaimed\":{\"value\":"
            + amount
            + ",\"type\":\"Double\"},"
            + "\"caseType\":{\"value\":\"enterprise-complaint\",\"type\":\"String\"}}}";
    return as(user)
        .post()
        .uri("/engine-rest/decision-definition/key/compensation-authority/evaluate")
        .contentType(MediaType.APPLICATION_JSON)
        .body(body)
        .retrieve()
        .toEntity(DECISION_RESULT);
  }

  private static Object approverGroup(
      ResponseEntity<List<Map<String, Map<String, Object>>>> response) {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody().get(0).get("approverGroup").get("value");
  }

  @Test
  void engineRestEvaluate_allowedForDesigner_refusedForMediator() {
    assertThat(approverGroup(evaluateAuthority("designer", "500.00"))).isEqualTo("supervisors");
    // mediators hold no grant on decision tables: the engine does not even find one for them
    assertThat(
            as("mediator")
                .post()
                .uri("/engine-rest/decision-definition/key/compensation-authority/evaluate")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"variables\":{}}")
                .retrieve()
                .toBodilessEntity()
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void designerDeploysChangedThreshold_nextEvaluationUsesIt() throws IOException {
    String original;
    try (InputStream in = getClass().getResourceAsStream("/processes/compensation-authority.dmn")) {
      original = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    // frontline up to ¥80 instead of ¥50: the designer edits both neighbouring rows
    String changed =
        original
            .replace("<text>&lt; 50</text>", "<text>&lt; 80</text>")
            .replace("[50..500]", "[80..500]");
    assertThat(changed).isNotEqualTo(original);
    try {
      assertThat(deploy(changed).getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(approverGroup(evaluateAuthority("designer", "60.00")))
          .isEqualTo("complaint-handlers");
      assertThat(approverGroup(evaluateAuthority("designer", "80.00"))).isEqualTo("supervisors");
    } finally {
      // other ITs share this engine: the latest version must be the shipped table again
      assertThat(deploy(original).getStatusCode()).isEqualTo(HttpStatus.OK);
    }
    assertThat(approverGroup(evaluateAuthority("designer", "60.00"))).isEqualTo("supervisors");
  }

  private ResponseEntity<Map<String, Object>> deploy(String dmn) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("deployment-name", "compensation-authority (designer)");
    form.add("deployment-source", "Camunda Modeler");
    form.add("enable-duplicate-filtering", "true");
    form.add(
        "compensation-authority.dmn",
        new ByteArrayResource(dmn.getBytes(StandardCharsets.UTF_8)) {
          @Override
          public String getFilename() {
            return "compensation-authority.dmn";
          }
        });
    return as("designer")
        .post()
        .uri("/engine-rest/deployment/create")
        .contentType(MediaType.MULTIPART_FORM_DATA)
        .body(form)
        .retrieve()
        .toEntity(JSON);
  }
}
