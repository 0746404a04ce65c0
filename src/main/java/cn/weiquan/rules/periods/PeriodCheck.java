package cn.weiquan.rules.periods;

import java.time.LocalDate;
import java.util.Date;

/**
 * Whether a step of a case was taken within its period: the outcome, the period's last day (the
 * step is in time up to 24:00 of it, Asia/Shanghai; {@code due} is that instant), a message a party
 * can read and the basis (law and article, or the platform rule). lastDay and due are null when the
 * period does not apply to the case.
 */
public record PeriodCheck(
    String period, Outcome outcome, LocalDate lastDay, Date due, String message, String basis) {

  /** The outcome, with the code a process stores. */
  public enum Outcome {
    /** Within the period. */
    IN_TIME("in-time"),
    /** After the period ended. */
    LATE("late"),
    /** Before the period could start (e.g. a complaint about a trade that has not completed). */
    NOT_YET_OPEN("not-yet-open"),
    /**
     * The period does not apply to this case (e.g. no no-reason return for goods bought in a shop).
     */
    NOT_APPLICABLE("not-applicable");

    private final String code;

    Outcome(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  public boolean inTime() {
    return outcome == Outcome.IN_TIME;
  }

  public boolean applies() {
    return outcome != Outcome.NOT_APPLICABLE;
  }

  public Date due() {
    return due == null ? null : new Date(due.getTime());
  }
}
