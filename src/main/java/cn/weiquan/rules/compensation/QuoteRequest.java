package cn.weiquan.rules.compensation;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a quote is asked for. Only the fields of the named rule are read: fraud: price; food-safety:
 * price, loss, claimBasis (price|loss|null = the larger); late-shipment: platform (taobao|tmall),
 * price; lost-wages: dailyIncome, days, status; courier-loss: carrier (courier|postal-registered),
 * loss, postage (postal only); company-policy: items.
 */
public record QuoteRequest(
    String rule,
    BigDecimal price,
    BigDecimal loss,
    String claimBasis,
    String platform,
    BigDecimal dailyIncome,
    Integer days,
    String status,
    String carrier,
    BigDecimal postage,
    List<ClaimItem> items) {

  /**
   * One item of a claim under the company policy: type medical|lost-wages|return|emotional, amount
   * in yuan.
   */
  public record ClaimItem(String type, BigDecimal amount) {}

  public static QuoteRequest fraud(BigDecimal price) {
    return new QuoteRequest(
        Rules.FRAUD, price, null, null, null, null, null, null, null, null, null);
  }

  public static QuoteRequest foodSafety(BigDecimal price, BigDecimal loss, String claimBasis) {
    return new QuoteRequest(
        Rules.FOOD_SAFETY, price, loss, claimBasis, null, null, null, null, null, null, null);
  }

  public static QuoteRequest lateShipment(String platform, BigDecimal price) {
    return new QuoteRequest(
        Rules.LATE_SHIPMENT, price, null, null, platform, null, null, null, null, null, null);
  }

  public static QuoteRequest lostWages(BigDecimal dailyIncome, int days, String status) {
    return new QuoteRequest(
        Rules.LOST_WAGES, null, null, null, null, dailyIncome, days, status, null, null, null);
  }

  public static QuoteRequest courierLoss(String carrier, BigDecimal loss, BigDecimal postage) {
    return new QuoteRequest(
        Rules.COURIER_LOSS, null, loss, null, null, null, null, null, carrier, postage, null);
  }

  public static QuoteRequest companyPolicy(List<ClaimItem> items) {
    return new QuoteRequest(
        Rules.COMPANY_POLICY, null, null, null, null, null, null, null, null, null, items);
  }

  /** Rule names and the values their enumerated fields accept. */
  public static final class Rules {
    public static final String FRAUD = "fraud";
    public static final String FOOD_SAFETY = "food-safety";
    public static final String LATE_SHIPMENT = "late-shipment";
    public static final String LOST_WAGES = "lost-wages";
    public static final String COURIER_LOSS = "courier-loss";
    public static final String COMPANY_POLICY = "company-policy";
    public static final List<String> ALL =
        List.of(FRAUD, FOOD_SAFETY, LATE_SHIPMENT, LOST_WAGES, COURIER_LOSS, COMPANY_POLICY);

    public static final List<String> CLAIM_BASES = List.of("price", "loss");
    public static final List<String> PLATFORMS = List.of("taobao", "tmall");
    public static final List<String> WORK_STATUSES =
        List.of("employed", "self-employed", "paid-leave", "retired");
    public static final List<String> CARRIERS = List.of("courier", "postal-registered");
    public static final List<String> ITEM_TYPES =
        List.of("medical", "lost-wages", "return", "emotional");

    private Rules() {}
  }
}
