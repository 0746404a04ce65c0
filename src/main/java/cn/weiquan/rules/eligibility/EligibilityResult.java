package cn.weiquan.rules.eligibility;

import java.util.List;

/** Whether the case can be accepted, whether punitive sums apply, and every reason, each with its basis. */
public record EligibilityResult(boolean eligible, boolean punitiveDamagesAllowed, List<Reason> reasons) {

  /** code: stable, for processes; message: Chinese, read out to the consumer; basis: law and article or platform rule. */
  public record Reason(String code, String message, String basis) {}

  public EligibilityResult {
    reasons = List.copyOf(reasons);
  }
}
