package cn.weiquan.intake.dispute;

import cn.weiquan.api.Amount;
import cn.weiquan.api.Day;
import cn.weiquan.intake.dispute.DisputeCodes.Category;
import cn.weiquan.intake.dispute.DisputeCodes.Platform;
import cn.weiquan.intake.dispute.DisputeCodes.PurchaseChannel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * POST /api/disputes: a consumer's dispute as a party's system files it. Money is text ("199.00")
 * or a JSON number, read exactly ({@link Amount}); dates are ISO days ("2026-03-05") from 1990
 * ({@link Day}), not after today in Beijing. Text is kept verbatim.
 */
public record DisputeFiling(
    @Size(max = 200)
        @Pattern(regexp = "[\\x21-\\x7E]+", message = "must be printable ASCII without spaces")
        String externalReference,
    @NotNull @Valid Consumer consumer,
    @NotNull @Valid Merchant merchant,
    @NotNull @Valid Purchase purchase,
    @NotNull Category category,
    @NotBlank @Size(max = 4000) String description,
    @NotNull @Valid Claims claims,
    @NotNull @Day @PastOrPresent LocalDate harmKnownOn,
    @Size(max = 20) List<@NotBlank @Size(max = 500) String> evidence,
    Boolean reportViolation,
    @Valid Reporter reporter,
    Boolean arbitrationAgreement) {

  public static final String PHONE = "\\+?[0-9][0-9 -]{5,19}";

  public record Consumer(
      @NotBlank @Size(max = 100) String name,
      @NotBlank @Pattern(regexp = PHONE, message = "must be a phone number") String phone,
      @NotBlank @Email @Size(max = 254) String email) {}

  /** apiUser: the api account that answers for this merchant (optional). */
  public record Merchant(
      @NotBlank @Size(max = 200) String name,
      @Email @Size(max = 254) String email,
      Platform platform,
      @Size(max = 100) String shopId,
      @Size(max = 64)
          @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.@-]*", message = "must be a user id")
          String apiUser) {}

  public record Purchase(
      @NotBlank @Size(max = 200) String item,
      @NotBlank @Amount String price,
      @NotNull @Min(1) @Max(1000000) Integer quantity,
      @NotNull @Day @PastOrPresent LocalDate paidAt,
      @Day @PastOrPresent LocalDate receivedAt,
      @NotNull PurchaseChannel channel) {}

  /** compensation: the amount claimed besides refund/replace/repair, in yuan. */
  public record Claims(
      Boolean refund, Boolean replace, Boolean repair, @Amount String compensation) {}

  /** A person reporting a violation to the regulator; confidential, never shown to the merchant. */
  public record Reporter(
      @NotBlank @Size(max = 100) String name,
      @Pattern(regexp = PHONE, message = "must be a phone number") String phone,
      @Email @Size(max = 254) String email) {}
}
