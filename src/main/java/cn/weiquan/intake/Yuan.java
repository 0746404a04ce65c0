package cn.weiquan.intake;

import cn.weiquan.rules.Money;
import java.math.BigDecimal;

/** Money as parties send it: yuan as text or a JSON number's own digits, read by {@link Money} (one limit, no rounding). */
public final class Yuan {
  /** Larger amounts are typing errors, not claims (¥100,000,000). */
  public static final BigDecimal MAX = Money.MAX;

  private Yuan() {}

  /** The amount with scale 2; a blank optional amount is 0.00. */
  public static BigDecimal parse(String field, String text, boolean required) {
    if (text == null || text.isBlank()) {
      if (required) {
        throw IntakeException.badRequest(field, "'" + field + "' is required");
      }
      return Money.ZERO;
    }
    try {
      return Money.parse(text);
    } catch (Money.InvalidMoney e) {
      throw IntakeException.badRequest(field, e.message(field));
    }
  }
}
