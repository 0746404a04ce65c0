package cn.weiquan.api;

import cn.weiquan.rules.Money;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.math.BigDecimal;

/**
 * Checks {@link Amount} by the one money rule ({@link Money}): what a caller sends to /api, and its
 * exact reading.
 */
public class AmountCheck implements ConstraintValidator<Amount, String> {

  @Override
  public boolean isValid(String text, ConstraintValidatorContext context) {
    if (text == null || text.isBlank()) {
      return true;
    }
    try {
      Money.parse(text);
      return true;
    } catch (Money.InvalidMoney e) {
      return false;
    }
  }

  /** The checked amount in yuan, scale 2; null when absent or blank. */
  public static BigDecimal yuan(String text) {
    return text == null || text.isBlank() ? null : Money.parse(text);
  }
}
