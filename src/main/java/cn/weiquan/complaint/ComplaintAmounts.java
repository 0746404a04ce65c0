package cn.weiquan.complaint;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts in yuan as the forms and the contract carry them: Strings with two decimals ("0.00"). */
public final class ComplaintAmounts {
  private ComplaintAmounts() {}

  /** Parses a form value ("120", "120.5", null) into yuan, scale 2; rejects negative or malformed amounts. */
  public static BigDecimal yuan(Object value, String field) {
    if (value == null || value.toString().isBlank()) {
      return BigDecimal.ZERO.setScale(2);
    }
    BigDecimal amount;
    try {
      amount = new BigDecimal(value.toString().strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(field + " 不是有效金额: " + value);
    }
    if (amount.signum() < 0) {
      throw new IllegalArgumentException(field + " 不能为负数: " + value);
    }
    return amount.setScale(2, RoundingMode.HALF_UP);
  }

  public static String text(BigDecimal yuan) {
    return yuan.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }
}
