package cn.weiquan.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.weiquan.api.AmountCheck;
import cn.weiquan.api.ApiError;
import cn.weiquan.api.ApiException;
import cn.weiquan.api.ApiJson;
import cn.weiquan.intake.complaint.ComplaintFiling;
import cn.weiquan.intake.dispute.DisputeFiling;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Strict reading of the parties' JSON and exact money, without an engine. */
class FilingParsingTest {

  static final ApiJson JSON = new ApiJson();

  static String dispute(String purchase) {
    return """
        {"consumer":{"name":"李明","phone":"13800138000","email":"li.ming@example.com"},
         "merchant":{"name":"某某旗舰店","email":"shop@example.com","platform":"tmall","shopId":"s-1"},
         "purchase":%s,
         "category":"quality","description":"<b>漏电</b>","claims":{"refund":true,"compensation":"500"},
         "harmKnownOn":"2026-01-05"}"""
        .formatted(purchase);
  }

  static final String PURCHASE =
      "{\"item\":\"电热水壶\",\"price\":\"199.00\",\"quantity\":1,\"paidAt\":\"2026-01-01\",\"channel\":\"online-platform\"}";

  private static ApiException refusal(String body, Class<?> type) {
    try {
      JSON.read(body.getBytes(StandardCharsets.UTF_8), type);
    } catch (ApiException e) {
      return e;
    }
    throw new AssertionError("accepted: " + body);
  }

  @Test
  void aCompleteDisputeIsRead_textVerbatim() {
    DisputeFiling filing =
        JSON.read(dispute(PURCHASE).getBytes(StandardCharsets.UTF_8), DisputeFiling.class);
    assertThat(filing.description()).isEqualTo("<b>漏电</b>");
    assertThat(filing.purchase().channel().code()).isEqualTo("online-platform");
    assertThat(filing.purchase().paidAt()).isEqualTo(LocalDate.of(2026, 1, 1));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"channel\":\"online-platform\"|\"channel\":\"telepathy\"|purchase.channel",
        "\"quantity\":1|\"quantity\":1.5|purchase.quantity",
        "\"quantity\":1|\"quantity\":\"1\"|purchase.quantity",
        "\"quantity\":1|\"quantity\":0|purchase.quantity",
        "\"paidAt\":\"2026-01-01\"|\"paidAt\":\"2026-13-01\"|purchase.paidAt",
        "\"paidAt\":\"2026-01-01\"|\"paidAt\":null|purchase.paidAt",
        "\"item\":\"电热水壶\"|\"item\":\"  \"|purchase.item",
      })
  void aBadPurchaseFieldIsNamed(String good, String bad, String field) {
    ApiException e = refusal(dispute(PURCHASE.replace(good, bad)), DisputeFiling.class);
    assertThat(e.status().value()).isEqualTo(400);
    assertThat(e.field()).isEqualTo(field);
  }

  @Test
  void unknownCategoryAndTextBooleansAreRefused() {
    assertThat(
            refusal(dispute(PURCHASE).replace("\"quality\"", "\"QUALITY\""), DisputeFiling.class)
                .field())
        .isEqualTo("category");
    assertThat(
            refusal(
                    dispute(PURCHASE).replace("\"refund\":true", "\"refund\":\"yes\""),
                    DisputeFiling.class)
                .field())
        .isEqualTo("claims.refund");
    assertThat(
            refusal(
                    dispute(PURCHASE).replace("\"li.ming@example.com\"", "\"not-an-address\""),
                    DisputeFiling.class)
                .field())
        .isEqualTo("consumer.email");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "[]", "[{}]", "\"text\"", "42", "null", "{", "{} {}", "{\"consumer\":"})
  void aBodyThatIsNoObjectNamesTheBody(String body) {
    ApiException e = refusal(body, DisputeFiling.class);
    assertThat(e.status().value()).isEqualTo(400);
    assertThat(e.field()).isIn("body", "consumer");
  }

  @Test
  void aHugeNumberIsRefusedWhileParsing() {
    ApiException e =
        refusal(
            dispute(PURCHASE.replace("\"199.00\"", "1" + "0".repeat(5000))), DisputeFiling.class);
    assertThat(e.status().value()).isEqualTo(400);
  }

  @Test
  void everyMissingRequiredFieldIsListed() {
    ApiException e = refusal("{}", DisputeFiling.class);
    assertThat(e.errors())
        .extracting(ApiError::field)
        .contains(
            "consumer", "merchant", "purchase", "category", "description", "claims", "harmKnownOn");
  }

  @ParameterizedTest
  @CsvSource({"199,199.00", "199.5,199.50", "0,0.00", "100000000,100000000.00", "0.01,0.01"})
  void moneyIsExact(String text, String expected) {
    DisputeFiling filing =
        JSON.read(
            dispute(PURCHASE.replace("\"199.00\"", "\"" + text + "\""))
                .getBytes(StandardCharsets.UTF_8),
            DisputeFiling.class);
    assertThat(AmountCheck.yuan(filing.purchase().price()))
        .isEqualByComparingTo(new BigDecimal(expected))
        .extracting(BigDecimal::scale)
        .isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "-1",
        "-0.01",
        "1.001",
        "abc",
        "1e3",
        "100000000.01",
        "NaN",
        "1,000",
        "0x10",
        "99999999999"
      })
  void badMoneyIsRefusedNamingTheField(String text) {
    ApiException e =
        refusal(dispute(PURCHASE.replace("\"199.00\"", "\"" + text + "\"")), DisputeFiling.class);
    assertThat(e.field()).isEqualTo("purchase.price");
    assertThat(e.code()).isEqualTo("money");
    assertThat(e.detail()).contains("purchase.price", "金额");
  }

  @Test
  void aJsonNumberKeepsItsOwnDigits() {
    DisputeFiling filing =
        JSON.read(
            dispute(PURCHASE.replace("\"199.00\"", "0.10")).getBytes(StandardCharsets.UTF_8),
            DisputeFiling.class);
    assertThat(filing.purchase().price()).isEqualTo("0.10");
  }

  @Test
  void complaintCodesAreStrict() {
    String complaint =
        """
        {"complainant":{"name":"王芳","phone":"13900139000"},"contactChannel":"12315","occurredOn":"2026-01-02",
         "location":"3号楼","category":"lift-failure","description":"电梯困人","claim":"尽快维修"}""";
    ComplaintFiling filing =
        JSON.read(complaint.getBytes(StandardCharsets.UTF_8), ComplaintFiling.class);
    assertThat(filing.contactChannel()).isEqualTo(ComplaintFiling.ContactChannel.HOTLINE_12315);
    assertThat(refusal(complaint.replace("lift-failure", "lift"), ComplaintFiling.class).field())
        .isEqualTo("category");
  }

  @Test
  void fileNamesLoseTheirPath() {
    assertThat(Filings.fileName("C:\\Users\\x\\发票.pdf", 0)).isEqualTo("发票.pdf");
    assertThat(Filings.fileName("../../etc/passwd", 0)).isEqualTo("passwd");
    assertThat(Filings.fileName(null, 1)).isEqualTo("file-2");
  }
}
