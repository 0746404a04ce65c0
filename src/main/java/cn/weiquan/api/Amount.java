package cn.weiquan.api;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * An amount of money as a caller sends it (code {@code money}): yuan as a JSON string or a JSON
 * number's own digits, read as text so it never passes through double; not negative, at most two
 * decimals, at most {@link cn.weiquan.rules.Money#MAX}. Absent or blank is no amount. {@link
 * AmountCheck#yuan} turns it into yuan, scale 2.
 */
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
@Constraint(validatedBy = AmountCheck.class)
public @interface Amount {
  String message() default
      "must be an amount in yuan, not negative, with at most two decimals and at most 100000000.00, such as \"199.00\"";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
