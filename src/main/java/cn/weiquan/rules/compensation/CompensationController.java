package cn.weiquan.rules.compensation;

import cn.weiquan.api.Amount;
import cn.weiquan.api.AmountCheck;
import cn.weiquan.api.ApiException;
import cn.weiquan.api.ApiJson;
import cn.weiquan.rules.Money;
import cn.weiquan.rules.compensation.QuoteRequest.ClaimItem;
import com.fasterxml.jackson.annotation.JsonValue;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
  private final ApiJson json;

  public CompensationController(CompensationService compensation, ApiJson json) {
    this.compensation = compensation;
    this.json = json;
  }

  /**
   * The request body. Every field is checked for its form; which ones the named rule needs is
   * checked by the rule's validation group (fraud: price; food-safety: price, loss; late-shipment:
   * platform, price; lost-wages: dailyIncome, days, status; courier-loss: carrier, loss, postage
   * for postal-registered; company-policy: items).
   */
  public record QuoteBody(
      @NotNull Rule rule,
      @NotNull(groups = {Rule.Fraud.class, Rule.FoodSafety.class, Rule.LateShipment.class}) @Amount
          String price,
      @NotNull(groups = {Rule.FoodSafety.class, Rule.CourierLoss.class}) @Amount String loss,
      Code.ClaimBasis claimBasis,
      @NotNull(groups = Rule.LateShipment.class) Code.Platform platform,
      @NotNull(groups = Rule.LostWages.class) @Amount String dailyIncome,
      @NotNull(groups = Rule.LostWages.class) @Min(0) @Max(MAX_DAYS) Integer days,
      @NotNull(groups = Rule.LostWages.class) Code.WorkStatus status,
      @NotNull(groups = Rule.CourierLoss.class) Code.Carrier carrier,
      @Amount String postage,
      @NotEmpty(groups = Rule.CompanyPolicy.class) @Size(max = MAX_ITEMS)
          List<@NotNull @Valid Item> items) {}

  /** One item of a company-policy claim. */
  public record Item(@NotNull Code.ItemType type, @NotNull @Amount String amount) {}

  /** The rules, each with the validation group of the fields it needs. */
  public enum Rule {
    FRAUD(Fraud.class),
    FOOD_SAFETY(FoodSafety.class),
    LATE_SHIPMENT(LateShipment.class),
    LOST_WAGES(LostWages.class),
    COURIER_LOSS(CourierLoss.class),
    COMPANY_POLICY(CompanyPolicy.class);

    interface Fraud {}

    interface FoodSafety {}

    interface LateShipment {}

    interface LostWages {}

    interface CourierLoss {}

    interface CompanyPolicy {}

    private final Class<?> fields;

    Rule(Class<?> fields) {
      this.fields = fields;
    }

    @JsonValue
    public String code() {
      return Code.of(this);
    }
  }

  /** The codes of the enumerated fields (QuoteRequest.Rules lists them for the service). */
  public static final class Code {
    private Code() {}

    public enum ClaimBasis {
      PRICE,
      LOSS;

      @JsonValue
      public String code() {
        return of(this);
      }
    }

    public enum Platform {
      TAOBAO,
      TMALL;

      @JsonValue
      public String code() {
        return of(this);
      }
    }

    public enum WorkStatus {
      EMPLOYED,
      SELF_EMPLOYED,
      PAID_LEAVE,
      RETIRED;

      @JsonValue
      public String code() {
        return of(this);
      }
    }

    public enum Carrier {
      COURIER,
      POSTAL_REGISTERED;

      @JsonValue
      public String code() {
        return of(this);
      }
    }

    public enum ItemType {
      MEDICAL,
      LOST_WAGES,
      RETURN,
      EMOTIONAL;

      @JsonValue
      public String code() {
        return of(this);
      }
    }

    static String of(Enum<?> value) {
      return value == null ? null : value.name().toLowerCase().replace('_', '-');
    }
  }

  @PostMapping(
      path = "/api/compensation/quote",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> quote(
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = QuoteBody.class)))
          @RequestBody(required = false)
          byte[] body) {
    QuoteBody in = json.read(body, QuoteBody.class);
    json.validate(in, in.rule().fields);
    if (in.carrier() == Code.Carrier.POSTAL_REGISTERED && in.postage() == null) {
      throw ApiException.badRequest(
          "postage",
          "required",
          "挂号信件（postal-registered）须填写「postage」（邮资）",
          "'postage' is required for postal-registered");
    }
    QuoteRequest request = request(in);
    CompensationQuote quote;
    try {
      quote = compensation.quote(request);
    } catch (QuoteInputException e) {
      throw ApiException.badRequest(
          e.field(), "invalid", "「" + e.field() + "」不符合该规则的要求", e.getMessage());
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("rule", request.rule());
    answer.put("amount", Money.text(quote.amount()));
    answer.put("total", Money.text(quote.total()));
    answer.put("currency", quote.currency());
    answer.put("basis", quote.basis());
    answer.put(
        "breakdown",
        quote.breakdown().stream()
            .map(
                line ->
                    Map.of(
                        "label",
                        line.label(),
                        "amount",
                        Money.text(line.amount()),
                        "note",
                        line.note()))
            .toList());
    return answer;
  }

  static QuoteRequest request(QuoteBody in) {
    List<ClaimItem> items =
        in.items() == null
            ? null
            : in.items().stream()
                .map(item -> new ClaimItem(item.type().code(), AmountCheck.yuan(item.amount())))
                .toList();
    return new QuoteRequest(
        in.rule().code(),
        AmountCheck.yuan(in.price()),
        AmountCheck.yuan(in.loss()),
        Code.of(in.claimBasis()),
        Code.of(in.platform()),
        AmountCheck.yuan(in.dailyIncome()),
        in.days(),
        Code.of(in.status()),
        Code.of(in.carrier()),
        AmountCheck.yuan(in.postage()),
        items);
  }
}
