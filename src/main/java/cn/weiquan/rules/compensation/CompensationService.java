package cn.weiquan.rules.compensation;

import static cn.weiquan.rules.compensation.QuoteInputException.nonNegative;
import static cn.weiquan.rules.compensation.QuoteInputException.required;

import cn.weiquan.rules.compensation.QuoteRequest.ClaimItem;
import cn.weiquan.rules.compensation.QuoteRequest.Rules;
import java.util.List;
import org.springframework.stereotype.Component;

/** The legal and policy sums, exact to the fen (yuan, scale 2, HALF_UP), each with its basis and breakdown. */
@Component("compensation")
public class CompensationService {
  private final FraudCalculator fraud = new FraudCalculator();
  private final FoodSafetyCalculator foodSafety = new FoodSafetyCalculator();
  private final LateShipmentCalculator lateShipment = new LateShipmentCalculator();
  private final LostWagesCalculator lostWages = new LostWagesCalculator();
  private final CourierLossCalculator courierLoss = new CourierLossCalculator();
  private final CompanyPolicyCalculator companyPolicy = new CompanyPolicyCalculator();

  /** @throws QuoteInputException naming the field when the rule is unknown or a field it needs is missing or invalid */
  public CompensationQuote quote(QuoteRequest request) {
    String rule = oneOf(request.rule(), "rule", Rules.ALL);
    return switch (rule) {
      case Rules.FRAUD -> fraud.quote(nonNegative(request.price(), "price"));
      case Rules.FOOD_SAFETY -> foodSafety.quote(
          nonNegative(request.price(), "price"), nonNegative(request.loss(), "loss"),
          request.claimBasis() == null ? null : oneOf(request.claimBasis(), "claimBasis", Rules.CLAIM_BASES));
      case Rules.LATE_SHIPMENT -> lateShipment.quote(
          oneOf(request.platform(), "platform", Rules.PLATFORMS), nonNegative(request.price(), "price"));
      case Rules.LOST_WAGES -> lostWages.quote(
          nonNegative(request.dailyIncome(), "dailyIncome"), days(request.days()),
          oneOf(request.status(), "status", Rules.WORK_STATUSES));
      case Rules.COURIER_LOSS -> {
        String carrier = oneOf(request.carrier(), "carrier", Rules.CARRIERS);
        yield courierLoss.quote(carrier, nonNegative(request.loss(), "loss"),
            "postal-registered".equals(carrier) ? nonNegative(request.postage(), "postage") : null);
      }
      default -> companyPolicy.quote(items(request.items()));
    };
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
      throw new QuoteInputException(field, "'" + field + "' must be one of " + allowed + ", not '" + value + "'");
    }
    return value;
  }
}
