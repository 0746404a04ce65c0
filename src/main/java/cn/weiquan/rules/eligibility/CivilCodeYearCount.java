package cn.weiquan.rules.eligibility;

import java.time.LocalDate;

/**
 * Provisional year counting of the Civil Code until the calendar package's is wired in (the lead
 * switches to it): the starting day is not counted (民法典 Art. 201), the period ends on the
 * corresponding day of the last year, or the last day of that month when there is none (Art. 202),
 * at 24:00 (Art. 203). The roll-over of a last day that is a rest day (Art. 203) is not applied here.
 */
public final class CivilCodeYearCount {
  private CivilCodeYearCount() {}

  /** The last day of a period of {@code years} years that starts the day after {@code start}. */
  public static LocalDate lastDay(LocalDate start, int years) {
    // plusYears gives the corresponding day, or 28 Feb for 29 Feb in a common year (the month's last day)
    return start.plusYears(years);
  }

  /** Whether {@code day} still lies within the period (the last day counts until 24:00). */
  public static boolean within(LocalDate start, int years, LocalDate day) {
    return !day.isAfter(lastDay(start, years));
  }
}
