package cn.weiquan.rules.compensation;

import cn.weiquan.rules.Money;

/** A quote request that lacks a field its rule needs, or carries a value the rule cannot use. */
public class QuoteInputException extends IllegalArgumentException {
  private final String field;

  public QuoteInputException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }

  static <T> T required(T value, String field) {
    if (value == null) {
      throw new QuoteInputException(field, "'" + field + "' is required for this rule");
    }
    return value;
  }

  static java.math.BigDecimal nonNegative(java.math.BigDecimal value, String field) {
    try {
      return Money.exact(required(value, field));
    } catch (Money.InvalidMoney e) {
      throw new QuoteInputException(field, e.message(field));
    }
  }
}
