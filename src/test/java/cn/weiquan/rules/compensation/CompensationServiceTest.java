package cn.weiquan.rules.compensation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.weiquan.rules.compensation.QuoteRequest.ClaimItem;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each calculator at, just below and just above every threshold; sums exact to the fen. */
class CompensationServiceTest {
  private final CompensationService service = new CompensationService();

  private static BigDecimal y(String s) {
    return new BigDecimal(s);
  }

  private static void assertAmount(CompensationQuote quote, String expected) {
    assertThat(quote.amount()).isEqualByComparingTo(expected);
    assertThat(quote.amount().scale()).isEqualTo(2);
    assertThat(quote.currency()).isEqualTo("CNY");
    assertThat(quote.breakdown()).isNotEmpty();
  }

  @ParameterizedTest(name = "fraud price {0} → {1}")
  @CsvSource({
    "0.00, 500.00",
    "100.00, 500.00",
    "166.66, 500.00",
    "166.67, 500.01",
    "166.68, 500.04",
    "1000.00, 3000.00",
    "0.01, 500.00"
  })
  void fraud_threeTimesPriceAtLeast500(String price, String expected) {
    CompensationQuote quote = service.quote(QuoteRequest.fraud(y(price)));
    assertAmount(quote, expected);
    assertThat(quote.basis()).contains("消费者权益保护法").contains("第五十五条");
  }

  @ParameterizedTest(name = "fraud price {0}: refund {0} + punitive {1} = {2}")
  @CsvSource({
    "100.00, 500.00, 600.00",
    "166.67, 500.01, 666.68",
    "1000.00, 3000.00, 4000.00",
    "0.00, 500.00, 500.00",
    "0.01, 500.00, 500.01",
    "33333.33, 99999.99, 133333.32"
  })
  void fraud_quoteHasARefundLineAndATotal(String price, String punitive, String total) {
    CompensationQuote quote = service.quote(QuoteRequest.fraud(y(price)));
    assertThat(quote.amount()).isEqualTo(y(punitive));
    assertThat(quote.total()).isEqualTo(y(total));
    assertThat(quote.breakdown())
        .extracting(BreakdownLine::label)
        .containsExactly("价款的三倍", "增加赔偿（不少于500元）", "退还价款", "合计（退还价款＋增加赔偿）");
    assertThat(quote.breakdown().get(2).amount()).isEqualTo(y(price));
    assertThat(quote.breakdown().get(3).amount()).isEqualTo(y(total));
    assertThat(quote.breakdown().get(3).note()).isEqualTo(price + " + " + punitive);
    assertThat(quote.basis()).contains("第五十五条").contains("价款另行退还");
  }

  @Test
  void litigationClaims_refundPlusPunitive_asTheCourtStageQuotesFalseAdvertising() {
    CompensationQuote claims =
        service.litigationClaims(
            new LitigationClaims(y("300.00"), 1, true, y("0.00"), "fraud", true, null));
    assertThat(claims.amount()).isEqualTo(y("1200.00"));
    assertThat(claims.total()).isEqualTo(y("1200.00"));
    assertThat(claims.breakdownText())
        .isEqualTo(
            String.join(
                "\n",
                "退还价款：300.00 元（单价 300.00 × 数量 1）",
                "价款的三倍：900.00 元（3 × 300.00）",
                "增加赔偿（不少于500元）：900.00 元（三倍价款不低于500元）",
                "合计：1200.00 元（退还价款、增加赔偿之和）"));
    assertThat(claims.basis()).contains("第二十四条").contains("第五十五条");
  }

  @Test
  void litigationClaims_totalIncludesTheCompensationTheConsumerClaimed() {
    // 2 × 300.00 paid back, 500.00 damages claimed, 3 × 600.00 punitive: 600.00 + 500.00 + 1800.00
    CompensationQuote claims =
        service.litigationClaims(
            new LitigationClaims(y("300.00"), 2, true, y("500.00"), "fraud", true, null));
    assertThat(claims.amount()).isEqualTo(y("2900.00"));
    assertThat(claims.breakdown())
        .extracting(BreakdownLine::label, BreakdownLine::amount)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("退还价款", y("600.00")),
            org.assertj.core.groups.Tuple.tuple("赔偿损失（消费者主张）", y("500.00")),
            org.assertj.core.groups.Tuple.tuple("价款的三倍", y("1800.00")),
            org.assertj.core.groups.Tuple.tuple("增加赔偿（不少于500元）", y("1800.00")),
            org.assertj.core.groups.Tuple.tuple("合计", y("2900.00")));
    assertThat(claims.basis()).contains("第五百八十四条");

    // the washing machine: refund and damages only, no punitive rule
    CompensationQuote quality =
        service.litigationClaims(
            new LitigationClaims(y("1999.00"), 1, true, y("120.50"), null, true, null));
    assertThat(quality.amount()).isEqualTo(y("2119.50"));
    // damages alone, without a refund
    assertThat(
            service
                .litigationClaims(
                    new LitigationClaims(y("1999.00"), 1, false, y("120.50"), null, true, null))
                .amount())
        .isEqualTo(y("120.50"));
    // a cheap item: the ¥500 floor of the punitive sum
    assertThat(
            service
                .litigationClaims(
                    new LitigationClaims(y("10.00"), 1, true, null, "fraud", true, null))
                .amount())
        .isEqualTo(y("510.00"));
  }

  @Test
  void litigationClaims_punitiveWithheld_saysWhyAndLeavesItOutOfTheTotal() {
    // the 22 cameras: the price comes back, the punitive sum waits for the mediator's check
    CompensationQuote claims =
        service.litigationClaims(
            new LitigationClaims(
                y("1999.00"),
                22,
                true,
                y("0.00"),
                "fraud",
                false,
                "购买数量 22 件，明显超出生活消费需要：须经调解员核实。"));
    assertThat(claims.amount()).isEqualTo(y("43978.00"));
    assertThat(claims.breakdown())
        .anySatisfy(
            line -> {
              assertThat(line.label()).isEqualTo("增加赔偿（欺诈）");
              assertThat(line.amount()).isEqualTo(y("0.00"));
              assertThat(line.note()).startsWith("不自动计算：购买数量 22 件");
            });
    assertThat(claims.basis()).doesNotContain("第五十五条");
  }

  @Test
  void litigationClaims_badInputNamesTheField() {
    assertThatThrownBy(
            () ->
                service.litigationClaims(
                    new LitigationClaims(y("1.00"), 0, true, null, null, true, null)))
        .isInstanceOfSatisfying(
            QuoteInputException.class, e -> assertThat(e.field()).isEqualTo("quantity"));
    assertThatThrownBy(
            () ->
                service.litigationClaims(
                    new LitigationClaims(y("1.00"), 1, true, y("-1"), null, true, null)))
        .isInstanceOfSatisfying(
            QuoteInputException.class, e -> assertThat(e.field()).isEqualTo("damages"));
    assertThatThrownBy(
            () ->
                service.litigationClaims(
                    new LitigationClaims(y("1.005"), 1, true, null, null, true, null)))
        .isInstanceOfSatisfying(
            QuoteInputException.class, e -> assertThat(e.field()).isEqualTo("unitPrice"));
    assertThatThrownBy(
            () ->
                service.litigationClaims(
                    new LitigationClaims(y("1.00"), 1, true, null, "food", true, null)))
        .isInstanceOfSatisfying(
            QuoteInputException.class, e -> assertThat(e.field()).isEqualTo("punitiveRule"));
  }

  @ParameterizedTest(name = "food price {0} loss {1} basis {2} → {3}")
  @CsvSource({
    "50.00,  0,      , 1000.00",
    "99.99,  0,      , 1000.00",
    "100.00, 0,      , 1000.00",
    "100.01, 0,      , 1000.10",
    // 3× loss against 10× price: the larger unless the consumer names one
    "100.00, 400.00, , 1200.00",
    "100.00, 333.33, , 1000.00",
    "100.00, 333.34, , 1000.02",
    "100.00, 400.00, price, 1000.00",
    "200.00, 400.00, loss, 1200.00",
    "200.00, 100.00, loss, 1000.00",
    "200.00, 400.00, , 2000.00"
  })
  void foodSafety_tenTimesPriceOrThreeTimesLoss_atLeast1000(
      String price, String loss, String basis, String expected) {
    CompensationQuote quote = service.quote(QuoteRequest.foodSafety(y(price), y(loss), basis));
    assertAmount(quote, expected);
    assertThat(quote.basis()).contains("食品安全法").contains("第一百四十八条");
  }

  @ParameterizedTest(name = "{0} price {1} → {2}")
  @CsvSource({
    "taobao, 0.00, 1.00",
    "taobao, 19.89, 1.00",
    "taobao, 19.90, 1.00",
    "taobao, 20.00, 1.00",
    "taobao, 20.10, 1.01",
    "taobao, 100.00, 5.00",
    "taobao, 599.99, 30.00",
    "taobao, 600.00, 30.00",
    "taobao, 600.01, 30.00",
    "taobao, 599.00, 29.95",
    "tmall, 0.00, 0.00",
    "tmall, 10.00, 3.00",
    "tmall, 1666.60, 499.98",
    "tmall, 1666.66, 500.00",
    "tmall, 1666.67, 500.00",
    "tmall, 10000.00, 500.00",
    "tmall, 0.05, 0.02"
  })
  void lateShipment_platformRates(String platform, String price, String expected) {
    CompensationQuote quote = service.quote(QuoteRequest.lateShipment(platform, y(price)));
    assertAmount(quote, expected);
  }

  @Test
  void lateShipment_tmallIsPaidAsPoints() {
    assertThat(service.quote(QuoteRequest.lateShipment("tmall", y("100.00"))).basis())
        .contains("天猫积分");
  }

  @ParameterizedTest(name = "lost wages {0} × {1} ({2}) → {3}")
  @CsvSource({
    "300.00, 10, employed, 3000.00", "300.00, 10, self-employed, 3000.00",
        "300.00, 10, paid-leave, 0.00",
    "300.00, 10, retired, 0.00", "300.00, 0, employed, 0.00", "333.33, 3, employed, 999.99",
    "0.01, 3650, employed, 36.50"
  })
  void lostWages_dailyIncomeTimesDays_noneOnPaidLeaveOrRetired(
      String daily, int days, String status, String expected) {
    CompensationQuote quote = service.quote(QuoteRequest.lostWages(y(daily), days, status));
    assertAmount(quote, expected);
    assertThat(quote.breakdown().get(quote.breakdown().size() - 1).note()).isNotBlank();
  }

  @ParameterizedTest(name = "{0} loss {1} postage {2} → {3}")
  @CsvSource({
    "courier, 1200.00, , 1200.00",
    "postal-registered, 29.99, 10.00, 29.99",
    "postal-registered, 30.00, 10.00, 30.00",
    "postal-registered, 30.01, 10.00, 30.00",
    "postal-registered, 500.00, 12.00, 36.00"
  })
  void courierLoss_actualLoss_postalCappedAtThreeTimesPostage(
      String carrier, String loss, String postage, String expected) {
    CompensationQuote quote =
        service.quote(
            QuoteRequest.courierLoss(carrier, y(loss), postage == null ? null : y(postage)));
    assertAmount(quote, expected);
    assertThat(quote.basis()).contains("邮政法");
  }

  @Test
  void companyPolicy_paysMedicalWagesReturn_refusesEmotionalDamagesWithReason() {
    CompensationQuote quote =
        service.quote(
            QuoteRequest.companyPolicy(
                List.of(
                    new ClaimItem("medical", y("120.50")), new ClaimItem("lost-wages", y("300.00")),
                    new ClaimItem("return", y("89.00")),
                        new ClaimItem("emotional", y("5000.00")))));
    assertAmount(quote, "509.50");
    assertThat(quote.breakdown())
        .anySatisfy(
            line -> {
              assertThat(line.amount()).isEqualByComparingTo("0");
              assertThat(line.note()).contains("不支持精神损害赔偿");
            });
    assertThat(quote.basis()).contains("不支持精神损害赔偿费用");
  }

  @Test
  void missingOrUnknownInput_namesTheField() {
    assertThatThrownBy(() -> service.quote(QuoteRequest.fraud(null)))
        .isInstanceOfSatisfying(
            QuoteInputException.class, e -> assertThat(e.field()).isEqualTo("price"));
    assertThatThrownBy(() -> service.quote(QuoteRequest.lateShipment("jd", y("1.00"))))
        .isInstanceOfSatisfying(
            QuoteInputException.class, e -> assertThat(e.field()).isEqualTo("platform"));
    assertThatThrownBy(() -> service.quote(QuoteRequest.fraud(y("-1.00"))))
        .isInstanceOfSatisfying(
            QuoteInputException.class, e -> assertThat(e.field()).isEqualTo("price"));
    assertThatThrownBy(
            () ->
                service.quote(
                    new QuoteRequest(
                        "bribe", null, null, null, null, null, null, null, null, null, null)))
        .isInstanceOfSatisfying(
            QuoteInputException.class, e -> assertThat(e.field()).isEqualTo("rule"));
    assertThatThrownBy(
            () -> service.quote(QuoteRequest.courierLoss("postal-registered", y("1.00"), null)))
        .isInstanceOfSatisfying(
            QuoteInputException.class, e -> assertThat(e.field()).isEqualTo("postage"));
  }
}
