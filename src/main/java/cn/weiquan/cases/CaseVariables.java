package cn.weiquan.cases;

import cn.weiquan.rules.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Typed access to a case's process variables, one set of rules for every process: the readers
 * accept what Tasklist forms and the REST API send (a date form field arrives as "2026-03-05", a
 * money field as "100.00", a flag as "true"). Text is trimmed; blank is absent.
 */
public final class CaseVariables {

  /** The case's time zone: the engine clock's (Asia/Shanghai). */
  public static final ZoneId CHINA = cn.weiquan.platform.EngineClock.CHINA;

  private CaseVariables() {}

  /** Text as a form or the API sent it, stripped; absent or blank is null. */
  public static String string(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }

  public static boolean flag(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value instanceof Boolean b
        ? b
        : value != null && Boolean.parseBoolean(value.toString().trim());
  }

  /**
   * An amount in yuan, scale 2, by the one money rule ({@link Money}): a form's text, a BigDecimal,
   * a whole number; absent or blank is zero. Negative, malformed or finer-than-fen amounts are
   * refused with the field named, never rounded (49.999 must not become 50.00 and change an
   * approval tier).
   */
  public static BigDecimal yuan(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      return Money.ZERO;
    }
    try {
      return Money.of(value);
    } catch (Money.InvalidMoney e) {
      throw new IllegalArgumentException(e.chinese(name), e);
    }
  }

  /**
   * A whole number (a form's number or text); absent or blank is null; anything else is refused
   * naming the field.
   */
  public static Integer integer(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value instanceof Number n) {
      return n.intValue();
    }
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(value.toString().strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " 应为整数: " + value);
    }
  }

  /** A whole number, or {@code otherwise} when absent or blank. */
  public static int integer(VariableScope scope, String name, int otherwise) {
    Integer value = integer(scope, name);
    return value == null ? otherwise : value;
  }

  public static Date date(VariableScope scope, String name) {
    return toDate(scope.getVariable(name));
  }

  public static LocalDate day(VariableScope scope, String name) {
    Date date = date(scope, name);
    return date == null ? null : date.toInstant().atZone(CHINA).toLocalDate();
  }

  /**
   * A Date, an ISO date ("2026-03-05", start of that day in China) or an ISO date-time; null for
   * absent or blank.
   */
  public static Date toDate(Object value) {
    if (value == null || value instanceof Date) {
      return (Date) value;
    }
    if (value instanceof Instant instant) {
      return Date.from(instant);
    }
    if (value instanceof LocalDate localDate) {
      return Date.from(localDate.atStartOfDay(CHINA).toInstant());
    }
    String text = value.toString().trim();
    if (text.isEmpty()) {
      return null;
    }
    if (text.length() == 10) {
      return toDate(LocalDate.parse(text));
    }
    try {
      return Date.from(OffsetDateTime.parse(text).toInstant());
    } catch (RuntimeException noOffset) {
      return Date.from(LocalDateTime.parse(text).atZone(CHINA).toInstant());
    }
  }
}
