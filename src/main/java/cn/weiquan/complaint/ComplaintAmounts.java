package cn.weiquan.complaint;

import cn.weiquan.rules.Money;
import java.math.BigDecimal;

/** Amounts in yuan as the forms and the contract carry them: Strings with two decimals ("0.00"), read by {@link Money}. */
public final class ComplaintAmounts {
  private ComplaintAmounts() {}

  /** Parses a form value ("120", "120.5", null) into yuan, scale 2; refuses negative, malformed or finer-than-fen amounts. */
  public static BigDecimal yuan(Object value, String field) {
    if (value == null || value.toString().isBlank()) {
      return Money.ZERO;
    }
    try {
      return Money.of(value);
    } catch (Money.InvalidMoney e) {
      throw new IllegalArgumentException(e.chinese(field), e);
    }
  }

  public static String text(BigDecimal yuan) {
    return Money.text(yuan);
  }
}
