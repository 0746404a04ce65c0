package cn.weiquan.calendar;

import cn.weiquan.platform.ModelFunctions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The legal clock for processes and delegates: computes deadlines under 民法典 Art. 201–203 in
 * Asia/Shanghai (whatever the JVM zone) from the official working-day calendar and the configured
 * period table.
 */
@Component("deadlines")
@ModelFunctions // models call its methods, e.g. ${deadlines.reminderBefore(mediationDue)}
public class Deadlines {
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  public static final String BASIS_SUFFIX = "Basis";

  /**
   * {@code <variable>Text}: the deadline as a person reads it, the same text as the mails
   * (ChineseDates.deadline).
   */
  public static final String TEXT_SUFFIX = "Text";

  /**
   * The extension properties by which a model step declares the deadline it stores: the variable
   * and the period of the period table (calendar/periods.yaml). Read by the steps that store
   * deadlines and by whoever reports them.
   */
  public static final String DECLARED_VARIABLE = "deadlineVariable";

  public static final String DECLARED_PERIOD = "deadlinePeriod";

  private final WorkingCalendar calendar;
  private final StatutoryPeriods periods;

  /**
   * Counts weekends only in years without data: used, and said in the basis, only when the strict
   * count fails.
   */
  private final WorkingCalendar provisional;

  public Deadlines(WorkingCalendar calendar, StatutoryPeriods periods) {
    this.calendar = calendar;
    this.periods = periods;
    this.provisional = calendar.withWeekendsOnlyFallback();
  }

  /**
   * The note a provisional deadline carries in its basis, so a mediator and Cockpit see it must be
   * checked.
   */
  public static String provisionalNote(int year) {
    return "（暂定：" + year + "年国务院节假日安排尚未录入，暂按周末计算；录入 calendar/cn/" + year + ".yaml 后请复核）";
  }

  /**
   * The application's calendar data and period table, for use outside Spring (engine-only tests).
   */
  public static Deadlines fromClasspath() {
    return new Deadlines(WorkingCalendar.fromClasspath(), new StatutoryPeriods());
  }

  public WorkingCalendar calendar() {
    return calendar;
  }

  public StatutoryPeriods periods() {
    return periods;
  }

  /**
   * The named period from {@code from}, with the version in force on from's date in Asia/Shanghai.
   */
  public Deadline compute(String period, Date from) {
    Instant start = requireDate(from, "from").toInstant();
    StatutoryPeriod configured = periods.get(period);
    PeriodVersion version = configured.versionOn(start.atZone(ZONE).toLocalDate());
    try {
      return count(
          calendar,
          period,
          start,
          version.length(),
          version.unit(),
          version.rollOver(),
          version.basis(),
          version.inForceFrom());
    } catch (YearNotCoveredException noData) {
      // a running case must not stop at an incident because next year's notice is not out yet:
      // count
      // weekends only and say so in the basis, which the case shows next to the date
      return count(
          provisional,
          period,
          start,
          version.length(),
          version.unit(),
          version.rollOver(),
          version.basis() + provisionalNote(noData.year()),
          version.inForceFrom());
    }
  }

  public Date due(String period, Date from) {
    return compute(period, from).dueDate();
  }

  /** An ad-hoc period (e.g. an SLA from a DMN), counted like a statutory one with roll-over. */
  public Date after(Date from, int amount, String unit) {
    Instant start = requireDate(from, "from").toInstant();
    try {
      return count(calendar, null, start, amount, PeriodUnit.valueOf(unit), true, null, null)
          .dueDate();
    } catch (YearNotCoveredException noData) {
      return count(provisional, null, start, amount, PeriodUnit.valueOf(unit), true, null, null)
          .dueDate();
    }
  }

  /**
   * The start of the last working day before {@code due}: when a "deadline approaching" reminder
   * fires.
   */
  public Date reminderBefore(Date due) {
    LocalDate day = requireDate(due, "due").toInstant().minusNanos(1).atZone(ZONE).toLocalDate();
    while (!provisional.isWorkingDay(day)) {
      day = day.minusDays(1);
    }
    return Date.from(day.atStartOfDay(ZONE).toInstant());
  }

  /**
   * Computes the period once and stores {@code variable} (Date), {@code variable}Text (as forms
   * show it) and {@code variable}Basis (the law and the version applied, as the case will show it).
   * Which period it was is a fact of the model that stores it, not of the case. Returns the
   * deadline stored.
   */
  public Deadline store(VariableScope scope, String variable, String period, Date from) {
    Deadline deadline = compute(period, from);
    storeDue(scope, variable, deadline.dueDate());
    scope.setVariable(variable + BASIS_SUFFIX, deadline.basis());
    return deadline;
  }

  /**
   * Stores a deadline (Date, what timers and Cockpit read) and its text (what forms show,
   * read-only): a form cannot format a date, and an ISO instant in UTC would show a mediator
   * another day than the consumer's mail.
   */
  public static void storeDue(VariableScope scope, String variable, Date due) {
    scope.setVariable(variable, due);
    scope.setVariable(variable + TEXT_SUFFIX, text(due));
  }

  /** A deadline as forms and mails show it: 2026年12月4日（星期五）24:00（北京时间）. */
  public static String text(Date due) {
    return ChineseDates.deadline(requireDate(due, "due"));
  }

  /**
   * The same for a period a decision table gives (an SLA of the company's own rules: amount +
   * unit), stored with the basis the caller names, so the case shows it beside the date like a
   * statutory one.
   */
  public Date store(
      VariableScope scope, String variable, int amount, String unit, String basis, Date from) {
    Date due = after(from, amount, unit);
    storeDue(scope, variable, due);
    scope.setVariable(variable + BASIS_SUFFIX, basis);
    return due;
  }

  /**
   * When to remind before {@code due} of a period that began at {@code from}: the start of the last
   * working day before it; when that is not after the start (a period of hours or of one day),
   * half-way, so the reminder still comes before the deadline. Timers call it:
   * ${deadlines.reminder(receivedAt, firstResponseDue)}.
   */
  public Date reminder(Date from, Date due) {
    Date dayBefore = reminderBefore(due);
    if (dayBefore.after(requireDate(from, "from"))) {
      return dayBefore;
    }
    return new Date(from.getTime() + (due.getTime() - from.getTime()) / 2);
  }

  /**
   * {@code due} moved later by the working days of a pause (testing or appraisal is not counted in
   * the mediation period, SAMR Order 20 Art. 20). Paused days are counted like a period: after
   * pausedFrom's day up to pausedTo's.
   */
  public Date extendByPause(Date due, Date pausedFrom, Date pausedTo) {
    LocalDate from = requireDate(pausedFrom, "pausedFrom").toInstant().atZone(ZONE).toLocalDate();
    LocalDate to = requireDate(pausedTo, "pausedTo").toInstant().atZone(ZONE).toLocalDate();
    if (to.isBefore(from)) {
      throw new IllegalArgumentException(
          "the pause ends (" + to + ") before it starts (" + from + ")");
    }
    int paused = provisional.workingDaysBetween(from, to);
    Instant dueAt = requireDate(due, "due").toInstant();
    LocalDate lastDay = dueAt.minusNanos(1).atZone(ZONE).toLocalDate();
    LocalDate movedLastDay = provisional.addWorkingDays(lastDay, paused);
    return Date.from(
        dueAt.atZone(ZONE).plusDays(ChronoUnit.DAYS.between(lastDay, movedLastDay)).toInstant());
  }

  /** The working days a pause covers, as {@link #extendByPause} counts them. */
  public int pausedWorkingDays(Date pausedFrom, Date pausedTo) {
    return calendar.workingDaysBetween(
        pausedFrom.toInstant().atZone(ZONE).toLocalDate(),
        pausedTo.toInstant().atZone(ZONE).toLocalDate());
  }

  /**
   * Last day of a period of {@code days} working days after {@code from} (the start day not
   * counted).
   */
  public LocalDate lastWorkingDay(LocalDate from, int days) {
    return calendar.addWorkingDays(from, days);
  }

  /**
   * Last day of a period of {@code days} calendar days after {@code from}, rolled over past rest
   * days (Art. 203).
   */
  public LocalDate lastCalendarDay(LocalDate from, int days, boolean rollOver) {
    LocalDate last = from.plusDays(days);
    return rollOver ? calendar.rollOver(last) : last;
  }

  private static Deadline count(
      WorkingCalendar calendar,
      String period,
      Instant start,
      int length,
      PeriodUnit unit,
      boolean rollOver,
      String basis,
      LocalDate inForceFrom) {
    if (length < 0) {
      throw new IllegalArgumentException("a period cannot be negative: " + length);
    }
    if (unit == PeriodUnit.HOURS) {
      Instant due = start.plus(Duration.ofHours(length));
      return new Deadline(period, due, due.atZone(ZONE).toLocalDate(), basis, inForceFrom);
    }
    LocalDate startDay = start.atZone(ZONE).toLocalDate();
    LocalDate last =
        switch (unit) {
          case WORKING_DAYS -> calendar.addWorkingDays(startDay, length);
          // months and years end on the corresponding day, or the month's last day (Art. 202):
          // plusMonths clamps
          case DAYS -> startDay.plusDays(length);
          case MONTHS -> startDay.plusMonths(length);
          case YEARS -> startDay.plusYears(length);
          case HOURS -> throw new IllegalStateException();
        };
    if (rollOver && unit != PeriodUnit.WORKING_DAYS) {
      last = calendar.rollOver(last);
    }
    // the last day ends at 24:00 (Art. 203), i.e. 00:00 of the next day in Asia/Shanghai
    Instant due = last.plusDays(1).atStartOfDay(ZONE).toInstant();
    return new Deadline(period, due, last, basis, inForceFrom);
  }

  private static Date requireDate(Date date, String name) {
    if (date == null) {
      throw new IllegalArgumentException("'" + name + "' is required to compute a deadline");
    }
    return date;
  }
}
