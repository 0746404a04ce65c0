package cn.weiquan.rules.eligibility;

import cn.weiquan.api.ApiException;
import cn.weiquan.api.ApiJson;
import cn.weiquan.api.Day;
import com.fasterxml.jackson.annotation.JsonValue;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** POST /api/eligibility: can the case be accepted, may punitive sums be claimed, and why. */
@RestController
public class EligibilityController {
  private final EligibilityService eligibility;
  private final ApiJson json;

  public EligibilityController(EligibilityService eligibility, ApiJson json) {
    this.eligibility = eligibility;
    this.json = json;
  }

  /**
   * The request body: the facts of {@link EligibilityFacts} as a caller sends them, each code from
   * its list.
   */
  public record EligibilityRequest(
      @NotNull Boolean naturalPerson,
      @NotNull Code.Purpose purpose,
      @NotNull @Day LocalDate harmKnownOn,
      @Day LocalDate filedOn,
      @NotNull Code.Channel channel,
      @Size(max = 3) List<Code.@NotNull PendingBody> pendingBefore,
      Code.PlatformComplaint platformComplaint,
      @Day LocalDate tradeCompletedOn,
      @Min(1) @Max(1_000_000) Integer quantity,
      @Min(0) @Max(100_000) Integer earlierFilings,
      Boolean foodOrDrug) {}

  /** The codes of the request, as {@link EligibilityFacts} lists them. */
  public static final class Code {
    private Code() {}

    public enum Purpose {
      LIVING_CONSUMPTION,
      RESALE;

      @JsonValue
      public String code() {
        return of(this);
      }
    }

    public enum Channel {
      NEGOTIATION,
      PLATFORM,
      ASSOCIATION,
      REGULATOR,
      ARBITRATION,
      COURT;

      @JsonValue
      public String code() {
        return of(this);
      }
    }

    public enum PendingBody {
      COURT,
      ARBITRATION,
      OTHER_MEDIATOR;

      @JsonValue
      public String code() {
        return of(this);
      }
    }

    public enum PlatformComplaint {
      MALICIOUS_REVIEW,
      HARASSMENT,
      OTHER;

      @JsonValue
      public String code() {
        return of(this);
      }
    }

    static String of(Enum<?> value) {
      return value.name().toLowerCase().replace('_', '-');
    }
  }

  @PostMapping(
      path = "/api/eligibility",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public EligibilityResult check(
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = EligibilityRequest.class)))
          @RequestBody(required = false)
          byte[] body) {
    return eligibility.check(facts(json.read(body, EligibilityRequest.class)));
  }

  static EligibilityFacts facts(EligibilityRequest in) {
    boolean windowed =
        in.channel() == Code.Channel.PLATFORM
            && (in.platformComplaint() == Code.PlatformComplaint.MALICIOUS_REVIEW
                || in.platformComplaint() == Code.PlatformComplaint.HARASSMENT);
    if (windowed && in.tradeCompletedOn() == null) {
      throw ApiException.badRequest(
          "tradeCompletedOn",
          "required",
          "恶意评价、恶意骚扰投诉须填写「tradeCompletedOn」（交易成功日）",
          "'tradeCompletedOn' is required for malicious-review and harassment complaints");
    }
    return new EligibilityFacts(
            in.naturalPerson(),
            in.purpose().code(),
            in.harmKnownOn(),
            in.filedOn(),
            in.channel().code(),
            in.pendingBefore() == null
                ? List.of()
                : in.pendingBefore().stream().map(Code.PendingBody::code).toList(),
            in.platformComplaint() == null ? null : in.platformComplaint().code(),
            in.tradeCompletedOn())
        .withPurchase(
            in.quantity(),
            in.earlierFilings() == null ? 0 : in.earlierFilings(),
            Boolean.TRUE.equals(in.foodOrDrug()));
  }
}
