package cn.weiquan.rules.compensation;

import static cn.weiquan.rules.compensation.QuoteInputException.nonNegative;
import static cn.weiquan.rules.compensation.QuoteInputException.required;

import cn.weiquan.rules.Money;
import cn.weiquan.rules.compensation.QuoteRequest.ClaimItem;
import cn.weiquan.rules.compensation.QuoteRequest.Rules;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The legal and policy sums, exact to the fen (yuan, scale 2, HALF_UP), each with its basis and
 * breakdown.
 */
@Component("compensation")
public class CompensationService {
  static final String REFUND_BASIS = "《消费者权益保护法》第二十四条、第五十二条：退货、退还货款";
  static final String DAMAGES_BASIS = "《消费者权益保护法》第五十二条；《民法典》第五百七十七条、第五百八十四条：赔偿损失";

  private final FraudCalculator fraud = new FraudCalculator();
  private final FoodSafetyCalculator foodSafety = new FoodSafetyCalculator();
  private final LateShipmentCalculator lateShipment = new LateShipmentCalculator();
  private final LostWagesCalculator lostWages = new LostWagesCalculator();
  private final CourierLossCalculator courierLoss = new CourierLossCalculator();
  private final CompanyPolicyCalculator companyPolicy = new CompanyPolicyCalculator();

  /**
   * @throws QuoteInputException naming the field when the rule is unknown or a field it needs is
   *     missing or invalid
   */
  public CompensationQuote quote(QuoteRequest request) {
    String rule = oneOf(request.rule(), "rule", Rules.ALL);
    return switch (rule) {
      case Rules.FRAUD -> fraud.quote(nonNegative(request.price(), "price"));
      case Rules.FOOD_SAFETY ->
          foodSafety.quote(
              nonNegative(request.price(), "price"),
              nonNegative(request.loss(), "loss"),
              request.claimBasis() == null
                  ? null
                  : oneOf(request.claimBasis(), "claimBasis", Rules.CLAIM_BASES));
      case Rules.LATE_SHIPMENT ->
          lateShipment.quote(
              oneOf(request.platform(), "platform", Rules.PLATFORMS),
              nonNegative(request.price(), "price"));
      case Rules.LOST_WAGES ->
          lostWages.quote(
              nonNegative(request.dailyIncome(), "dailyIncome"),
              days(request.days()),
              oneOf(request.status(), "status", Rules.WORK_STATUSES));
      case Rules.COURIER_LOSS -> {
        String carrier = oneOf(request.carrier(), "carrier", Rules.CARRIERS);
        yield courierLoss.quote(
            carrier,
            nonNegative(request.loss(), "loss"),
            "postal-registered".equals(carrier) ? nonNegative(request.postage(), "postage") : null);
      }
      default -> companyPolicy.quote(items(request.items()));
    };
  }

  /**
   * The sums of a lawsuit (the litigation package): the refund of the price paid (unit price ×
   * quantity) when claimed, the damages the consumer claims, and the punitive sum of the named rule
   * when allowed, or a line saying why it is not computed. amount = total = the sum of every claim;
   * the breakdown ends with 合计; the basis cites each claim's.
   *
   * @throws QuoteInputException naming the field when an amount is negative or finer than the fen,
   *     or quantity below 1
   */
  public CompensationQuote litigationClaims(LitigationClaims claims) {
    BigDecimal unitPrice = nonNegative(claims.unitPrice(), "unitPrice");
    if (claims.quantity() < 1) {
      throw new QuoteInputException("quantity", "'quantity' must be at least 1");
    }
    BigDecimal damages =
        claims.damages() == null ? Money.ZERO : nonNegative(claims.damages(), "damages");
    BigDecimal paid = Money.times(unitPrice, claims.quantity());
    List<BreakdownLine> lines = new ArrayList<>();
    List<String> parts = new ArrayList<>();
    List<String> bases = new ArrayList<>();
    BigDecimal total = Money.ZERO;
    if (claims.refund()) {
      lines.add(
          new BreakdownLine(
              "退还价款", paid, "单价 " + Money.text(unitPrice) + " × 数量 " + claims.quantity()));
      parts.add("退还价款");
      bases.add(REFUND_BASIS);
      total = total.add(paid);
    }
    if (damages.signum() > 0) {
      lines.add(new BreakdownLine("赔偿损失（消费者主张）", damages, "以证据证明的实际损失为限"));
      parts.add("赔偿损失");
      bases.add(DAMAGES_BASIS);
      total = total.add(damages);
    }
    if (Rules.FRAUD.equals(claims.punitiveRule())) {
      if (claims.punitiveAllowed()) {
        lines.addAll(fraud.punitiveLines(paid));
        total = total.add(fraud.punitive(paid));
        parts.add("增加赔偿");
        bases.add(FraudCalculator.BASIS);
      } else {
        String why =
            claims.punitiveWithheldBecause() == null || claims.punitiveWithheldBecause().isBlank()
                ? "不符合主张惩罚性赔偿的条件"
                : claims.punitiveWithheldBecause().replace("\n", "；");
        lines.add(new BreakdownLine("增加赔偿（欺诈）", Money.ZERO, "不自动计算：" + why));
      }
    } else if (claims.punitiveRule() != null) {
      throw new QuoteInputException(
          "punitiveRule", "'punitiveRule' must be " + Rules.FRAUD + " or absent");
    }
    lines.add(
        new BreakdownLine("合计", total, parts.isEmpty() ? "无金额请求" : String.join("、", parts) + "之和"));
    return new CompensationQuote(
        total,
        CompensationQuote.CNY,
        bases.isEmpty() ? "本案未提出金额请求（退还价款、赔偿损失或增加赔偿）" : String.join("；", bases),
        lines);
  }

  private static int days(Integer days) {
    if (required(days, "days") < 0) {
      throw new QuoteInputException("days", "'days' must not be negative");
    }
    return days;
  }

  private static List<ClaimItem> items(List<ClaimItem> items) {
    if (required(items, "items").isEmpty()) {
      throw new QuoteInputException("items", "'items' must name at least one claimed item");
    }
    for (int i = 0; i < items.size(); i++) {
      ClaimItem item = items.get(i);
      required(item, "items[" + i + "]");
      oneOf(item.type(), "items[" + i + "].type", Rules.ITEM_TYPES);
      nonNegative(item.amount(), "items[" + i + "].amount");
    }
    return items;
  }

  private static String oneOf(String value, String field, List<String> allowed) {
    if (!allowed.contains(required(value, field))) {
      throw new QuoteInputException(
          field, "'" + field + "' must be one of " + allowed + ", not '" + value + "'");
    }
    return value;
  }
}
