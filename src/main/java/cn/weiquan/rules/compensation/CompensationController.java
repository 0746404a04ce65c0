package cn.weiquan.rules.compensation;

import cn.weiquan.api.BadRequestException;
import cn.weiquan.rules.JsonInput;
import cn.weiquan.rules.Money;
import cn.weiquan.rules.compensation.QuoteRequest.ClaimItem;
import cn.weiquan.rules.compensation.QuoteRequest.Rules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** POST /api/compensation/quote: a legal or policy sum with its basis and breakdown. */
@RestController
public class CompensationController {
  private static final int MAX_DAYS = 3650;
  private static final int MAX_ITEMS = 50;

  private final CompensationService compensation;

  public CompensationController(CompensationService compensation) {
    this.compensation = compensation;
  }

  @PostMapping(path = "/api/compensation/quote", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> quote(@RequestBody(required = false) String body) {
    QuoteRequest request = read(JsonInput.parse(body));
    CompensationQuote quote;
    try {
      quote = compensation.quote(request);
    } catch (QuoteInputException e) {
      throw new BadRequestException(e.field(), e.getMessage());
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("rule", request.rule());
    answer.put("amount", Money.text(quote.amount()));
    answer.put("total", Money.text(quote.total()));
    answer.put("currency", quote.currency());
    answer.put("basis", quote.basis());
    answer.put("breakdown", quote.breakdown().stream()
        .map(line -> Map.of("label", line.label(), "amount", Money.text(line.amount()), "note", line.note()))
        .toList());
    return answer;
  }

  /** Reads only the fields of the named rule, so a missing one is named before the rule runs. */
  static QuoteRequest read(JsonInput in) {
    String rule = in.text("rule", Rules.ALL, true);
    return switch (rule) {
      case Rules.FRAUD -> QuoteRequest.fraud(in.money("price", true));
      case Rules.FOOD_SAFETY -> QuoteRequest.foodSafety(
          in.money("price", true), in.money("loss", true), in.text("claimBasis", Rules.CLAIM_BASES, false));
      case Rules.LATE_SHIPMENT -> QuoteRequest.lateShipment(
          in.text("platform", Rules.PLATFORMS, true), in.money("price", true));
      case Rules.LOST_WAGES -> QuoteRequest.lostWages(
          in.money("dailyIncome", true), in.integer("days", 0, MAX_DAYS, true),
          in.text("status", Rules.WORK_STATUSES, true));
      case Rules.COURIER_LOSS -> {
        String carrier = in.text("carrier", Rules.CARRIERS, true);
        yield QuoteRequest.courierLoss(carrier, in.money("loss", true),
            in.money("postage", "postal-registered".equals(carrier)));
      }
      default -> {
        List<ClaimItem> items = new ArrayList<>();
        List<JsonInput> elements = in.objects("items", MAX_ITEMS, true);
        for (int i = 0; i < elements.size(); i++) {
          JsonInput item = elements.get(i);
          String prefix = "items[" + i + "].";
          try {
            items.add(new ClaimItem(item.text("type", Rules.ITEM_TYPES, true), item.money("amount", true)));
          } catch (BadRequestException e) {
            throw new BadRequestException(prefix + e.field(), e.getMessage());
          }
        }
        yield QuoteRequest.companyPolicy(items);
      }
    };
  }
}
