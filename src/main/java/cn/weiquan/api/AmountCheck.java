package cn.weiquan.api;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Checks {@link Amount}: the one rule for money a caller sends to /api, and its exact reading. */
public class AmountCheck implements ConstraintValidator<Amount, String> {
  /** Larger amounts are typing errors, not claims (¥100,000,000). */
  public static final BigDecimal MAX = new BigDecimal("100000000.00");
  private static final Pattern YUAN = Pattern.compile("\\d{1,9}(\\.\\d{1,2})?");

  @Override
  public boolean isValid(String text, ConstraintValidatorContext context) {
    if (text == null || text.isBlank()) {
      return true;
    }
    String trimmed = text.trim();
    return YUAN.matcher(trimmed).matches() && new BigDecimal(trimmed).compareTo(MAX) <= 0;
  }

  /** The checked amount in yuan, scale 2; null when absent or blank. */
  public static BigDecimal yuan(String text) {
    return text == null || text.isBlank() ? null : new BigDecimal(text.trim()).setScale(2);
  }
}
