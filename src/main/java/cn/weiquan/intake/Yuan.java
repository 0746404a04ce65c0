package cn.weiquan.intake;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Money as parties send it: yuan as text or a JSON number's own digits, at most two decimals, never through double. */
public final class Yuan {
  /** Larger amounts are typing errors, not claims (¥100,000,000). */
  public static final BigDecimal MAX = new BigDecimal("100000000.00");
  private static final Pattern AMOUNT = Pattern.compile("\\d{1,9}(\\.\\d{1,2})?");

  private Yuan() {}

  /** The amount with scale 2; a blank optional amount is 0.00. */
  public static BigDecimal parse(String field, String text, boolean required) {
    if (text == null || text.isBlank()) {
      if (required) {
        throw IntakeException.badRequest(field, "'" + field + "' is required");
      }
      return BigDecimal.ZERO.setScale(2);
    }
    String trimmed = text.trim();
    if (trimmed.startsWith("-")) {
      throw IntakeException.badRequest(field, "'" + field + "' must not be negative");
    }
    if (!AMOUNT.matcher(trimmed).matches()) {
      throw IntakeException.badRequest(field,
          "'" + field + "' must be an amount in yuan with at most two decimals, such as \"100.00\"");
    }
    BigDecimal amount = new BigDecimal(trimmed);
    if (amount.compareTo(MAX) > 0) {
      throw IntakeException.badRequest(field, "'" + field + "' must not exceed 100000000.00 yuan");
    }
    return amount.setScale(2);
  }
}
