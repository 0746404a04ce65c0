package cn.weiquan.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Counting under 民法典 Art. 201–203 against the official calendar. Expected dates were worked out by
 * hand from cn-holidays.md and the law, not taken from the implementation.
 */
class DeadlinesTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private final Deadlines deadlines = TestCalendar.deadlines();

  static Date shanghai(String localDateTime) {
    return Date.from(LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant());
  }

  static Instant endOf(LocalDate lastDay) {
    return lastDay.plusDays(1).atStartOfDay(SHANGHAI).toInstant();
  }

  @ParameterizedTest(name = "{0} + {1} working days ends on {2}")
  @CsvSource({
    // 2026 Spring Festival: 02-14 (Sat) and 02-28 (Sat) are working days, 02-15…02-23 are not
    "2026-02-12, 1, 2026-02-13",
    "2026-02-12, 2, 2026-02-14",
    "2026-02-12, 3, 2026-02-24",
    "2026-02-10, 5, 2026-02-24",
    "2026-02-13, 6, 2026-02-28",
    "2026-02-13, 7, 2026-03-02",
    // 2025 Spring Festival: make-up Sun 01-26, rest 01-28…02-04
    "2025-01-24, 1, 2025-01-26",
    "2025-01-24, 3, 2025-02-05",
    // 2025 National Day + Mid-Autumn: make-up Sun 09-28 and Sat 10-11, rest 10-01…10-08
    "2025-09-26, 1, 2025-09-28",
    "2025-09-26, 3, 2025-09-30",
    "2025-09-30, 1, 2025-10-09",
    "2025-09-26, 6, 2025-10-11",
    "2025-09-26, 7, 2025-10-13",
    // 2026 Mid-Autumn 09-25…27 and National Day 10-01…07: make-up Sun 09-20 and Sat 10-10
    "2026-09-18, 1, 2026-09-20",
    "2026-09-24, 1, 2026-09-28",
    "2026-09-24, 4, 2026-10-08",
    "2026-09-24, 6, 2026-10-10",
    "2026-09-24, 7, 2026-10-12",
    // 2025 → 2026: 2026-01-01…03 rest, Sun 01-04 make-up
    "2025-12-30, 1, 2025-12-31",
    "2025-12-30, 2, 2026-01-04",
    "2025-12-30, 3, 2026-01-05",
    // the start day is never counted, even when it is a working day
    "2026-03-02, 0, 2026-03-02",
    "2026-03-02, 5, 2026-03-09"
  })
  void workingDayPeriods(LocalDate from, int days, LocalDate lastDay) {
    assertThat(deadlines.lastWorkingDay(from, days)).isEqualTo(lastDay);
  }

  @ParameterizedTest(name = "{0} + {1} days (roll-over {2}) ends on {3}")
  @CsvSource({
    // ends on a make-up Saturday: a working day, no roll-over
    "2026-02-11, 3, true, 2026-02-14",
    "2026-02-25, 3, true, 2026-02-28",
    "2025-10-04, 7, true, 2025-10-11",
    // ends inside a holiday: rolls over to the first working day after it
    "2026-02-12, 3, true, 2026-02-24",
    "2026-02-10, 10, true, 2026-02-24",
    "2025-09-24, 7, true, 2025-10-09",
    // across the year boundary: 01-01…03 rest, Sun 01-04 is a make-up working day
    "2025-12-25, 7, true, 2026-01-04",
    // an ordinary weekend rolls over to Monday
    "2026-03-02, 5, true, 2026-03-09",
    "2026-03-02, 15, true, 2026-03-17",
    // a period without roll-over (platforms work every day) ends inside the holiday
    "2026-02-12, 3, false, 2026-02-15"
  })
  void calendarDayPeriods(LocalDate from, int days, boolean rollOver, LocalDate lastDay) {
    assertThat(deadlines.lastCalendarDay(from, days, rollOver)).isEqualTo(lastDay);
  }

  @ParameterizedTest(name = "{0} from {1} ends on {2}")
  @CsvSource({
    // 6 months from 08-31: no 31 Feb, so the month's last day; 2026-02-28 is a make-up Saturday (no
    // roll-over)
    "burden-of-proof, 2025-08-31T10:00, 2026-02-28",
    "burden-of-proof, 2025-08-29T10:00, 2026-02-28",
    "burden-of-proof, 2025-03-31T10:00, 2025-09-30",
    // 6 months from 08-15 ends 2026-02-15, a Spring Festival rest day: rolls over to 02-24
    "burden-of-proof, 2025-08-15T10:00, 2026-02-24",
    // 3 years from 2022-10-01 ends on National Day 2025: rolls over to 10-09
    "civil-limitation, 2022-10-01T10:00, 2025-10-09",
    "civil-limitation, 2023-02-28T10:00, 2026-02-28",
    // appeal 15 days from service, court confirmation 30 days
    "appeal, 2026-03-02T16:00, 2026-03-17",
    "court-confirmation, 2026-01-20T09:00, 2026-02-24",
    // 7 working days from a make-up Saturday counts from the following working day
    "regulator-acceptance, 2026-02-14T07:00, 2026-03-03",
    // platform evidence window: 3 calendar days, no roll-over
    "platform-evidence-window, 2026-02-12T09:00, 2026-02-15"
  })
  void namedPeriods(String period, String from, LocalDate lastDay) {
    Deadline deadline = deadlines.compute(period, shanghai(from));
    assertThat(deadline.lastDay()).isEqualTo(lastDay);
    assertThat(deadline.due()).isEqualTo(endOf(lastDay));
    assertThat(deadline.period()).isEqualTo(period);
    assertThat(deadline.basis()).isNotBlank();
  }

  @Test
  void leapDayPlusOneYearEndsOnTheLastDayOfFebruary() {
    // 2024-02-29 + 1 year: no 29 Feb in 2025, so 2025-02-28 (a Friday, working day), ending at
    // 24:00
    assertThat(deadlines.after(shanghai("2024-02-29T12:00"), 1, "YEARS").toInstant())
        .isEqualTo(endOf(LocalDate.of(2025, 2, 28)));
    // 2025-01-31 + 1 month: 2025-02-28
    assertThat(deadlines.after(shanghai("2025-01-31T12:00"), 1, "MONTHS").toInstant())
        .isEqualTo(endOf(LocalDate.of(2025, 2, 28)));
  }

  @Test
  void periodEndsAt2400ShanghaiOfItsLastDay() {
    Deadline appeal = deadlines.compute("appeal", shanghai("2026-03-02T16:00"));
    assertThat(appeal.due()).isEqualTo(Instant.parse("2026-03-17T16:00:00Z"));
    assertThat(appeal.dueDate()).isEqualTo(Date.from(Instant.parse("2026-03-17T16:00:00Z")));
  }

  @Test
  void hourPeriodsAreExactInstantsEvenOnHolidays() {
    Deadline late = deadlines.compute("late-shipment", shanghai("2026-02-14T10:30"));
    assertThat(late.due()).isEqualTo(shanghai("2026-02-17T10:30").toInstant());
    assertThat(late.lastDay()).isEqualTo(LocalDate.of(2026, 2, 17));
  }

  @Test
  void mediationLimitIs45WorkingDaysForCasesAcceptedBefore20260415() {
    // 04-15…17, 20…24, 27…30 (12); 05-01…05 rest; 05-06…08, Sat 05-09 (16); then 5 per week to
    // 06-18 (45)
    Deadline old = deadlines.compute("mediation-limit", shanghai("2026-04-14T23:30"));
    assertThat(old.lastDay()).isEqualTo(LocalDate.of(2026, 6, 18));
    assertThat(old.versionInForceFrom()).isNull();
    assertThat(old.basis()).contains("第20号");
  }

  @Test
  void mediationLimitIs60DaysForCasesAcceptedFrom20260415() {
    // 04-15 + 60 days = 06-14, a Sunday: rolls over to Monday 06-15
    Deadline now = deadlines.compute("mediation-limit", shanghai("2026-04-15T00:30"));
    assertThat(now.lastDay()).isEqualTo(LocalDate.of(2026, 6, 15));
    assertThat(now.versionInForceFrom()).isEqualTo(LocalDate.of(2026, 4, 15));
    assertThat(now.basis()).contains("第121号");
  }

  @ParameterizedTest(name = "JVM zone {0}")
  @CsvSource({"UTC", "America/New_York", "Asia/Shanghai"})
  void sameAnswersWhateverTheJvmZone(String zone) {
    TimeZone original = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone(zone));
    try {
      Deadlines inZone = TestCalendar.deadlines();
      // 2026-02-14 07:00 Shanghai is still 02-13 in UTC and New York; Shanghai's date counts
      Date from = Date.from(Instant.parse("2026-02-13T23:00:00Z"));
      Deadline acceptance = inZone.compute("regulator-acceptance", from);
      assertThat(acceptance.lastDay()).isEqualTo(LocalDate.of(2026, 3, 3));
      assertThat(acceptance.due()).isEqualTo(Instant.parse("2026-03-03T16:00:00Z"));
      // 00:30 on 04-15 in Shanghai is 04-14 elsewhere: the new mediation rule applies
      Date switchDay = Date.from(Instant.parse("2026-04-14T16:30:00Z"));
      assertThat(inZone.compute("mediation-limit", switchDay).lastDay())
          .isEqualTo(LocalDate.of(2026, 6, 15));
      assertThat(inZone.reminderBefore(acceptance.dueDate()).toInstant())
          .isEqualTo(Instant.parse("2026-03-02T16:00:00Z"));
    } finally {
      TimeZone.setDefault(original);
    }
  }

  @Test
  void reminderIsAtTheStartOfTheLastWorkingDayBeforeTheDeadline() {
    // due at 24:00 on Tue 2026-03-03: remind at 00:00 that Tuesday
    assertThat(deadlines.reminderBefore(shanghai("2026-03-04T00:00")))
        .isEqualTo(shanghai("2026-03-03T00:00"));
    // evidence window ending Sat 2026-03-07 at 24:00: the last working day before it is Fri 03-06
    assertThat(deadlines.reminderBefore(shanghai("2026-03-08T00:00")))
        .isEqualTo(shanghai("2026-03-06T00:00"));
  }

  @Test
  void adHocPeriodsFromARuleAreCountedTheSameWay() {
    assertThat(deadlines.after(shanghai("2026-02-12T15:00"), 3, "WORKING_DAYS"))
        .isEqualTo(shanghai("2026-02-25T00:00"));
    assertThat(deadlines.after(shanghai("2026-02-12T15:00"), 48, "HOURS"))
        .isEqualTo(shanghai("2026-02-14T15:00"));
  }

  @Test
  void pauseMovesTheDeadlineByThePausedWorkingDays() {
    // testing from 05-06 to 05-12 2026: 05-07, 05-08, Sat 05-09 (make-up), 05-11, 05-12 = 5 working
    // days;
    // 06-18 + 5 working days, skipping Dragon Boat 06-19…21: 06-26
    Date moved =
        deadlines.extendByPause(
            shanghai("2026-06-19T00:00"),
            shanghai("2026-05-06T09:00"),
            shanghai("2026-05-12T17:00"));
    assertThat(moved).isEqualTo(shanghai("2026-06-27T00:00"));
  }

  @Test
  void pauseOverTheSpringFestivalCountsOnlyWorkingDays() {
    // 02-13 → 02-25: 02-14 (make-up), 02-24, 02-25 = 3 working days
    assertThat(
            deadlines.pausedWorkingDays(shanghai("2026-02-13T10:00"), shanghai("2026-02-25T10:00")))
        .isEqualTo(3);
    // due 24:00 Fri 2026-03-06 + 3 working days: 03-11
    assertThat(
            deadlines.extendByPause(
                shanghai("2026-03-07T00:00"),
                shanghai("2026-02-13T10:00"),
                shanghai("2026-02-25T10:00")))
        .isEqualTo(shanghai("2026-03-12T00:00"));
  }

  @Test
  void pauseEndingBeforeItStartsIsRejected() {
    assertThatThrownBy(
            () ->
                deadlines.extendByPause(
                    shanghai("2026-06-19T00:00"),
                    shanghai("2026-05-12T09:00"),
                    shanghai("2026-05-06T09:00")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * A clock over the synthetic 2099 only: 2098 and 2100 stay without data whatever real years are
   * added.
   */
  private final Deadlines synthetic =
      new Deadlines(
          WorkingCalendar.load(false, WorkingCalendarTest.SYNTHETIC), new StatutoryPeriods());

  @Test
  void periodReachingAYearWithoutData_isProvisionalAndSaysSoInItsBasis() {
    // 2099-05-01 + 3 years = Monday 2102-05-01: no data for 2102, so weekends only, flagged for
    // review
    Deadline limitation = deadlines.compute("civil-limitation", shanghai("2099-05-01T10:00"));
    assertThat(limitation.lastDay()).isEqualTo("2102-05-01");
    assertThat(limitation.basis()).contains("民法典").contains("暂定").contains("2102");
  }

  @Test
  void mediationLimitEndingOnASaturdayOfAYearWithoutData_rollsOverPastTheWeekend() {
    // accepted 2099-12-01 (the fictitious year), 60 days → Saturday 2100-01-30 → Monday 2100-02-01,
    // ending at 24:00
    Deadline limit = deadlines.compute("mediation-limit", shanghai("2099-12-01T09:00"));
    assertThat(limit.lastDay()).isEqualTo("2100-02-01");
    assertThat(limit.dueDate()).isEqualTo(shanghai("2100-02-02T00:00"));
    assertThat(limit.basis()).contains("暂定").contains("2100");
  }

  @Test
  void periodInsideTheData_isNotProvisional() {
    assertThat(deadlines.compute("mediation-limit", shanghai("2026-05-06T09:00")).basis())
        .doesNotContain("暂定");
    // the synthetic year's rest day is honoured: 2099-02-15 + 15 days = Monday 03-02, a rest day
    // there → Tuesday 03-03
    Deadline appeal = synthetic.compute("appeal", shanghai("2099-02-15T09:00"));
    assertThat(appeal.lastDay()).isEqualTo("2099-03-03");
    assertThat(appeal.basis()).doesNotContain("暂定");
  }

  @Test
  void calendarItselfStillRefusesAYearWithoutData() {
    assertThatThrownBy(() -> deadlines.lastWorkingDay(java.time.LocalDate.parse("2099-12-20"), 30))
        .isInstanceOf(YearNotCoveredException.class)
        .hasMessageContaining("2100");
  }

  @Test
  void unknownPeriodNameIsAnError() {
    assertThatThrownBy(() -> deadlines.compute("no-such-period", shanghai("2026-05-01T10:00")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no-such-period");
  }
}
