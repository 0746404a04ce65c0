package cn.weiquan.intake.complaint;

import cn.weiquan.api.Amount;
import cn.weiquan.api.Day;
import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * POST /api/complaints: a complaint to the enterprise (fields of the start form
 * complaint-register). amountClaimed is yuan as text or a JSON number, read exactly; occurredOn is
 * an ISO day, not after today in Beijing.
 */
public record ComplaintFiling(
    @Size(max = 200)
        @Pattern(regexp = "[\\x21-\\x7E]+", message = "must be printable ASCII without spaces")
        String externalReference,
    @NotNull @Valid Complainant complainant,
    @NotNull ContactChannel contactChannel,
    @Size(max = 100) String transferNo,
    @NotNull @Day @PastOrPresent LocalDate occurredOn,
    @NotBlank @Size(max = 500) String location,
    @NotNull Category category,
    @NotBlank @Size(max = 4000) String description,
    @NotBlank @Size(max = 2000) String claim,
    @Amount String amountClaimed,
    Boolean safetyHazard,
    Boolean personalInjury,
    Boolean mediaExposure,
    Boolean repeatComplaint) {

  public record Complainant(
      @NotBlank @Size(max = 100) String name,
      @NotBlank @Pattern(regexp = "\\+?[0-9][0-9 -]{4,19}", message = "must be a phone number")
          String phone,
      @Email @Size(max = 254) String email) {}

  /** How the complaint reached the enterprise. */
  public enum ContactChannel {
    PHONE("phone"),
    EMAIL("email"),
    WALK_IN("walk-in"),
    PLATFORM("platform"),
    HOTLINE_12315("12315");
    private final String code;

    ContactChannel(String code) {
      this.code = code;
    }

    @JsonValue
    public String code() {
      return code;
    }
  }

  /** Complaint categories (helper-contracts: complaint-severity / complaint-routing inputs). */
  public enum Category {
    LIFT_FAILURE("lift-failure"),
    BURST_PIPE("burst-pipe"),
    POWER_OUTAGE("power-outage"),
    SECURITY("security"),
    STAFF_ATTITUDE("staff-attitude"),
    UNREASONABLE_FEES("unreasonable-fees"),
    CLEANING("cleaning"),
    LANDSCAPING("landscaping"),
    PRODUCT_QUALITY("product-quality"),
    FOOD_SAFETY("food-safety"),
    DELIVERY("delivery"),
    AFTER_SALES("after-sales"),
    OTHER("other");
    private final String code;

    Category(String code) {
      this.code = code;
    }

    @JsonValue
    public String code() {
      return code;
    }
  }
}
