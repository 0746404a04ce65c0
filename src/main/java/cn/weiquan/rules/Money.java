package cn.weiquan.rules;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * The product's one money type: yuan as an exact {@link BigDecimal} with scale 2 (分). An amount a
 * person or a system sends is read exactly (text or a JSON number's own digits, never through
 * double), refused when it is negative, has more than two decimals (49.999 is no amount: rounding
 * it to 50.00 would cross the ¥50 approval tier) or exceeds {@link #MAX}. Only a computed sum is
 * rounded, HALF_UP to the fen, once ({@link #round}, {@link #times}).
 */
public final class Money {
  /** Larger amounts are typing errors, not claims (¥100,000,000). */
  public static final BigDecimal MAX = new BigDecimal("100000000.00");

  /** 四舍五入到分, for computed sums only. */
  public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

  public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

  private static final Pattern DECIMAL = Pattern.compile("(\\d+)(?:\\.(\\d+))?");
  private static final int MAX_INTEGER_DIGITS = MAX.precision() - MAX.scale();

  private Money() {}

  /** Why a value is no amount; each caller names its own field. */
  public enum Fault {
    MALFORMED("must be an amount in yuan with at most two decimals, such as \"100.00\"", "不是有效金额"),
    NEGATIVE("must not be negative", "不能为负数"),
    TOO_MANY_DECIMALS(
        "must be an amount in yuan with at most two decimals, such as \"100.00\"", "最多两位小数（精确到分）"),
    TOO_LARGE(
        "must not exceed " + MAX.toPlainString() + " yuan", "不能超过 " + MAX.toPlainString() + " 元");

    private final String english;
    private final String chinese;

    Fault(String english, String chinese) {
      this.english = english;
      this.chinese = chinese;
    }
  }

  /** A value that is no amount in yuan, with the reason. */
  public static final class InvalidMoney extends IllegalArgumentException {
    private final Fault fault;
    private final String value;

    InvalidMoney(Fault fault, String value) {
      super(fault.english + ": " + value);
      this.fault = fault;
      this.value = value;
    }

    public Fault fault() {
      return fault;
    }

    /** For an API problem: "'price' must not be negative". */
    public String message(String field) {
      return "'" + field + "' " + fault.english;
    }

    /** For a person: "compensationAmount 不是有效金额: 十元". */
    public String chinese(String field) {
      return field + " " + fault.chinese + ": " + value;
    }
  }

  /**
   * An amount written as text ("100", "100.5", "100.50"), trimmed; exponents, signs, separators are
   * refused.
   */
  public static BigDecimal parse(String text) {
    String trimmed = text == null ? "" : text.strip();
    if (trimmed.startsWith("-") && DECIMAL.matcher(trimmed.substring(1)).matches()) {
      throw new InvalidMoney(Fault.NEGATIVE, trimmed);
    }
    var match = DECIMAL.matcher(trimmed);
    if (!match.matches()) {
      throw new InvalidMoney(Fault.MALFORMED, trimmed);
    }
    if (match.group(2) != null && match.group(2).length() > 2) {
      throw new InvalidMoney(Fault.TOO_MANY_DECIMALS, trimmed);
    }
    // leading zeros do not make an amount larger; a long run of digits is refused before it is
    // parsed
    if (match.group(1).replaceFirst("^0+(?=\\d)", "").length() > MAX_INTEGER_DIGITS) {
      throw new InvalidMoney(Fault.TOO_LARGE, trimmed);
    }
    return checked(new BigDecimal(trimmed), trimmed);
  }

  /**
   * An amount received as a number (a JSON number read as BigDecimal): the same rules as text,
   * without a string.
   */
  public static BigDecimal of(BigDecimal value) {
    if (value == null) {
      throw new InvalidMoney(Fault.MALFORMED, "null");
    }
    // compared before anything prints the value: 1e100000000 must not become a string of a hundred
    // million digits
    if (value.signum() < 0) {
      throw new InvalidMoney(Fault.NEGATIVE, shortText(value));
    }
    if (value.compareTo(MAX) > 0) {
      throw new InvalidMoney(Fault.TOO_LARGE, shortText(value));
    }
    if (value.scale() > 2) {
      throw new InvalidMoney(Fault.TOO_MANY_DECIMALS, shortText(value));
    }
    return value.setScale(2);
  }

  /**
   * A process variable or form value: text, a BigDecimal, a whole number, or a Double (what the
   * engine's REST API makes of a JSON number), read by its shortest decimal form and held to the
   * same rules.
   */
  public static BigDecimal of(Object value) {
    if (value instanceof BigDecimal decimal) {
      return of(decimal);
    }
    if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte) {
      return of(BigDecimal.valueOf(((Number) value).longValue()));
    }
    if (value instanceof BigInteger whole) {
      return of(new BigDecimal(whole));
    }
    if (value instanceof Double || value instanceof Float) {
      double number = ((Number) value).doubleValue();
      if (Double.isNaN(number) || Double.isInfinite(number)) {
        throw new InvalidMoney(Fault.MALFORMED, String.valueOf(value));
      }
      return of(new BigDecimal(String.valueOf(value)).stripTrailingZeros());
    }
    return parse(value == null ? null : value.toString());
  }

  /**
   * An amount a program computed or passes on: not negative and exact to the fen (no cap: a price
   * times a quantity may exceed what one person types). More than two decimals is a programming
   * error, never rounded away.
   */
  public static BigDecimal exact(BigDecimal value) {
    if (value.signum() < 0) {
      throw new InvalidMoney(Fault.NEGATIVE, shortText(value));
    }
    if (value.stripTrailingZeros().scale() > 2) {
      throw new InvalidMoney(Fault.TOO_MANY_DECIMALS, shortText(value));
    }
    return value.setScale(2, RoundingMode.UNNECESSARY);
  }

  /** A computed sum rounded HALF_UP to the fen: the one place where rounding happens. */
  public static BigDecimal round(BigDecimal computed) {
    return computed.setScale(2, ROUNDING);
  }

  /** amount × factor, rounded once (e.g. 5% of a price). */
  public static BigDecimal times(BigDecimal amount, String factor) {
    return round(amount.multiply(new BigDecimal(factor)));
  }

  /** amount × a whole number, exact (a unit price times a quantity). */
  public static BigDecimal times(BigDecimal amount, long count) {
    return exact(amount.multiply(BigDecimal.valueOf(count)));
  }

  /**
   * "1999.00": how amounts are stored in process variables and shown; an amount finer than the fen
   * is refused.
   */
  public static String text(BigDecimal amount) {
    return exact(amount).toPlainString();
  }

  private static BigDecimal checked(BigDecimal amount, String text) {
    if (amount.compareTo(MAX) > 0) {
      throw new InvalidMoney(Fault.TOO_LARGE, text);
    }
    return amount.setScale(2);
  }

  private static String shortText(BigDecimal value) {
    return value.precision() - value.scale() > 40 || value.scale() > 40
        ? value.toString()
        : value.toPlainString();
  }
}
