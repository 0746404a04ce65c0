package cn.weiquan.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every row of the four decision tables, evaluated by the engine's own DMN engine (FEEL scala). */
class DecisionTablesTest {
  private static final DmnEngine DMN =
      DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  private static DmnDecision decision(String key) {
    try (InputStream in =
        DecisionTablesTest.class.getResourceAsStream("/processes/" + key + ".dmn")) {
      return DMN.parseDecision(key, in);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final DmnDecision SEVERITY = decision("complaint-severity");
  private static final DmnDecision ROUTING = decision("complaint-routing");
  private static final DmnDecision PENALTY = decision("platform-penalty");
  private static final DmnDecision AUTHORITY = decision("compensation-authority");

  private static Map<String, Object> complaint(
      String category,
      boolean safety,
      boolean injury,
      Object amount,
      boolean media,
      boolean repeat) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("category", category);
    vars.put("safetyHazard", safety);
    vars.put("personalInjury", injury);
    vars.put("amountClaimed", amount);
    vars.put("mediaExposure", media);
    vars.put("repeatComplaint", repeat);
    return vars;
  }

  @ParameterizedTest(name = "{0} safety={1} injury={2} amount={3} media={4} repeat={5} → {6}")
  @CsvSource({
    // seed's property examples
    "lift-failure,      false, false, 0.00,   false, false, 紧急, emergency, 2, HOURS,        3,  WORKING_DAYS",
    "burst-pipe,        false, false, 0.00,   false, false, 紧急, emergency, 2, HOURS,        3,  WORKING_DAYS",
    "staff-attitude,    false, false, 0.00,   false, false, 重要, committee, 1, WORKING_DAYS, 7,  WORKING_DAYS",
    "unreasonable-fees, false, false, 0.00,   false, false, 重要, committee, 1, WORKING_DAYS, 7,  WORKING_DAYS",
    "cleaning,          false, false, 0.00,   false, false, 一般, negotiate, 2, WORKING_DAYS, 15, WORKING_DAYS",
    "landscaping,       false, false, 0.00,   false, false, 一般, negotiate, 2, WORKING_DAYS, 15, WORKING_DAYS",
    // row by row
    "cleaning,          true,  false, 0.00,   false, false, 紧急, emergency, 2, HOURS,        3,  WORKING_DAYS",
    "product-quality,   false, true,  0.00,   false, false, 紧急, emergency, 2, HOURS,        3,  WORKING_DAYS",
    "power-outage,      false, false, 0.00,   false, false, 紧急, emergency, 2, HOURS,        3,  WORKING_DAYS",
    "security,          false, false, 0.00,   false, false, 紧急, emergency, 2, HOURS,        3,  WORKING_DAYS",
    "food-safety,       false, false, 0.00,   false, false, 重要, committee, 1, WORKING_DAYS, 7,  WORKING_DAYS",
    "other,             false, false, 500.00, false, false, 一般, negotiate, 2, WORKING_DAYS, 15, WORKING_DAYS",
    "other,             false, false, 500.01, false, false, 重要, committee, 1, WORKING_DAYS, 7,  WORKING_DAYS",
    "cleaning,          false, false, 0.00,   true,  false, 重要, committee, 1, WORKING_DAYS, 7,  WORKING_DAYS",
    "landscaping,       false, false, 0.00,   false, true,  重要, committee, 1, WORKING_DAYS, 7,  WORKING_DAYS",
    // raising never lowers: an urgent category stays urgent with media exposure
    "lift-failure,      false, false, 0.00,   true,  true,  紧急, emergency, 2, HOURS,        3,  WORKING_DAYS",
    "delivery,          false, false, 12.50,  false, false, 一般, negotiate, 2, WORKING_DAYS, 15, WORKING_DAYS",
  })
  void complaintSeverity(
      String category,
      boolean safety,
      boolean injury,
      String amount,
      boolean media,
      boolean repeat,
      String severity,
      String mode,
      int firstAmount,
      String firstUnit,
      int resolution,
      String resolutionUnit) {
    // the enterprise-complaint process stores amountClaimed as a String "0.00": the table must take
    // it as it is
    DmnDecisionResult result =
        DMN.evaluateDecision(SEVERITY, complaint(category, safety, injury, amount, media, repeat));
    Map<String, Object> row = result.getSingleResult().getEntryMap();
    assertThat(row)
        .containsEntry("severity", severity)
        .containsEntry("handlingMode", mode)
        .containsEntry("firstResponseAmount", firstAmount)
        .containsEntry("firstResponseUnit", firstUnit)
        .containsEntry("resolutionAmount", resolution)
        .containsEntry("resolutionUnit", resolutionUnit);
  }

  @Test
  void complaintSeverity_takesNumbersAndMissingFlags() {
    Map<String, Object> vars = new HashMap<>();
    vars.put("category", "cleaning");
    vars.put("amountClaimed", new java.math.BigDecimal("800.00"));
    assertThat((Object) DMN.evaluateDecision(SEVERITY, vars).getSingleResult().getEntry("severity"))
        .isEqualTo("重要");
    vars.put("amountClaimed", 10);
    assertThat((Object) DMN.evaluateDecision(SEVERITY, vars).getSingleResult().getEntry("severity"))
        .isEqualTo("一般");
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "lift-failure, dept-engineering", "burst-pipe, dept-engineering",
        "power-outage, dept-engineering",
    "cleaning, dept-environment", "landscaping, dept-environment", "security, dept-security",
    "unreasonable-fees, dept-finance", "product-quality, dept-quality", "food-safety, dept-quality",
    "delivery, dept-logistics", "staff-attitude, dept-customer-service",
        "after-sales, dept-customer-service",
    "other, dept-customer-service", "something-new, dept-customer-service"
  })
  void complaintRouting(String category, String department) {
    assertThat(
            (Object) DMN.evaluateDecision(ROUTING, Map.of("category", category)).getSingleEntry())
        .isEqualTo(department);
  }

  @ParameterizedTest(name = "{0} {1} → {2} points, {3}")
  @CsvSource({
    "taobao, special-promise, 6, none", "taobao, transaction-promise, 4, none",
    "taobao, late-shipment, 3, late-shipment", "taobao, malicious-review, 12, none",
    "taobao, harassment, 12, none", "taobao, refusal-before-payment, 0, none",
    "tmall, special-promise, 6, none", "tmall, transaction-promise, 4, none",
    "tmall, late-shipment, 0, late-shipment", "tmall, malicious-review, 12, none",
    "tmall, harassment, 12, none", "tmall, refusal-before-payment, 1, none"
  })
  void platformPenalty(String platform, String violation, int points, String rule) {
    Map<String, Object> row =
        DMN.evaluateDecision(PENALTY, Map.of("platform", platform, "violation", violation))
            .getSingleResult()
            .getEntryMap();
    assertThat(row).containsEntry("pointsDeducted", points).containsEntry("compensationRule", rule);
    assertThat((String) row.get("penaltyBasis")).isNotBlank();
  }

  @ParameterizedTest(name = "¥{0} → {1}")
  @CsvSource({
    "0.00, complaint-handlers, 一线客服", "49.99, complaint-handlers, 一线客服",
    // 50元以上、500元以下 include the numbers themselves (民法典 Art. 1259)
    "50.00, supervisors, 省级督导会同省办经理", "50.01, supervisors, 省级督导会同省办经理",
    "499.99, supervisors, 省级督导会同省办经理", "500.00, supervisors, 省级督导会同省办经理",
    "500.01, headquarters, 总部", "100000000.00, headquarters, 总部"
  })
  void compensationAuthority(String amount, String group, String tier) {
    // the process passes the amount as it stores it ("50.00"); a caller may pass the exact
    // BigDecimal: same tier
    for (Object value : new Object[] {amount, Money.parse(amount)}) {
      Map<String, Object> vars = new HashMap<>();
      vars.put("amountClaimed", value);
      vars.put("caseType", "enterprise-complaint");
      Map<String, Object> row =
          DMN.evaluateDecision(AUTHORITY, vars).getSingleResult().getEntryMap();
      assertThat(row)
          .as("%s %s", value.getClass().getSimpleName(), value)
          .containsEntry("approverGroup", group)
          .containsEntry("approvalTier", tier);
    }
  }

  @Test
  void compensationAuthority_fenByFenAroundEveryBoundary() {
    // the engine hands a non-whole input to the rules as a double: exact for every amount Money
    // accepts (at most two
    // decimals, at most ¥100,000,000, i.e. at most 11 significant digits); 49.999 is refused before
    // it gets here
    String[][] cases = {
      {"49.98", "complaint-handlers"},
      {"49.99", "complaint-handlers"},
      {"50.00", "supervisors"},
      {"50.01", "supervisors"},
      {"499.99", "supervisors"},
      {"500.00", "supervisors"},
      {"500.01", "headquarters"},
      {"99999999.99", "headquarters"}
    };
    for (String[] c : cases) {
      Map<String, Object> vars = new HashMap<>();
      vars.put("amountClaimed", Money.parse(c[0]));
      vars.put("caseType", "enterprise-complaint");
      assertThat(
              (Object)
                  DMN.evaluateDecision(AUTHORITY, vars).getSingleResult().getEntry("approverGroup"))
          .as(c[0])
          .isEqualTo(c[1]);
    }
    assertThatThrownBy(() -> Money.parse("49.999")).isInstanceOf(Money.InvalidMoney.class);
  }

  @Test
  void moneyInputsAreNumbersNotDoubles() throws java.io.IOException {
    for (String table : new String[] {"compensation-authority", "complaint-severity"}) {
      try (InputStream in =
          DecisionTablesTest.class.getResourceAsStream("/processes/" + table + ".dmn")) {
        String xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(xml)
            .as(table)
            .doesNotContain("typeRef=\"double\"")
            .contains("typeRef=\"number\"");
      }
    }
  }
}
