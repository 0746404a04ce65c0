package cn.weiquan.rules.compensation;

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
    if (required(value, field).signum() < 0) {
      throw new QuoteInputException(field, "'" + field + "' must not be negative");
    }
    return Money.yuan(value);
  }
}
