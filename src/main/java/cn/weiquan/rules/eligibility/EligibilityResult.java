package cn.weiquan.rules.eligibility;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether the case can be accepted, whether punitive sums apply, and every reason, each with its
 * basis.
 */
public record EligibilityResult(
    boolean eligible, boolean punitiveDamagesAllowed, List<Reason> reasons) {

  /**
   * The reasons that keep punitive sums from being claimed automatically (the case itself may go
   * on).
   */
  public static final Set<String> WITHHOLDING_PUNITIVE =
      Set.of(
          EligibilityService.NOT_NATURAL_PERSON,
          EligibilityService.PURCHASE_FOR_RESALE,
          BadFaithSignals.QUANTITY_BEYOND_LIVING_NEEDS,
          BadFaithSignals.REPEATED_FILINGS);

  /**
   * code: stable, for processes; message: Chinese, read out to the consumer; basis: law and article
   * or platform rule.
   */
  public record Reason(String code, String message, String basis) {}

  public EligibilityResult {
    reasons = List.copyOf(reasons);
  }

  /**
   * Why punitive sums are not claimed (messages joined by a line break); empty when they are
   * allowed.
   */
  public String punitiveWithheldBecause() {
    return reasons.stream()
        .filter(r -> WITHHOLDING_PUNITIVE.contains(r.code()))
        .map(Reason::message)
        .collect(Collectors.joining("\n"));
  }
}
