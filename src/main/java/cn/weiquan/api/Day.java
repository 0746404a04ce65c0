package cn.weiquan.api;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.LocalDate;

/**
 * A calendar day a case can have (code {@code date-out-of-range}): from {@link #FIRST} to {@link
 * #LAST}. Outside that range a date is a typing error (0000-01-01, -999999999-01-01), and far
 * enough out it would overflow the conversions to an instant. A day of a past event also carries
 * {@code @PastOrPresent} (today in Beijing by the engine clock).
 */
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
@Constraint(validatedBy = Day.Check.class)
public @interface Day {
  LocalDate FIRST = LocalDate.of(1990, 1, 1);
  LocalDate LAST = LocalDate.of(2100, 12, 31);

  String message() default "must be a date from 1990-01-01 to 2100-12-31";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<Day, LocalDate> {
    @Override
    public boolean isValid(LocalDate day, ConstraintValidatorContext context) {
      return day == null || (!day.isBefore(FIRST) && !day.isAfter(LAST));
    }
  }
}
