package cn.weiquan.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The official calendar as loaded from calendar/cn/*.yaml, checked against the State Council
 * notices (TestCalendar).
 */
class WorkingCalendarTest {
  private final WorkingCalendar calendar = TestCalendar.calendar();

  @ParameterizedTest(name = "{0} has 248 working days")
  @CsvSource({"2025", "2026"})
  void eachYearHas248WorkingDays(int year) {
    int working = 0;
    for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
      if (calendar.isWorkingDay(day)) {
        working++;
      }
    }
    assertThat(working).isEqualTo(248);
  }

  @ParameterizedTest(name = "{0} working day: {1}")
  @CsvSource({
    // 2025 Spring Festival: rest 01-28…02-04, make-up Sun 01-26 and Sat 02-08
    "2025-01-26, true",
    "2025-01-28, false",
    "2025-02-04, false",
    "2025-02-05, true",
    "2025-02-08, true",
    // 2025 National Day + Mid-Autumn: rest 10-01…10-08, make-up Sun 09-28 and Sat 10-11
    "2025-09-28, true",
    "2025-10-01, false",
    "2025-10-08, false",
    "2025-10-09, true",
    "2025-10-11, true",
    // 2026 New Year: rest 01-01…01-03 (Thu–Sat), make-up Sun 01-04
    "2026-01-02, false",
    "2026-01-04, true",
    // 2026 Spring Festival: rest 02-15…02-23, make-up Sat 02-14 and Sat 02-28
    "2026-02-13, true",
    "2026-02-14, true",
    "2026-02-15, false",
    "2026-02-16, false",
    "2026-02-23, false",
    "2026-02-24, true",
    "2026-02-28, true",
    "2026-02-21, false",
    // ordinary weekend and weekday
    "2026-03-07, false",
    "2026-03-09, true",
    // 2026 Mid-Autumn 09-25…09-27, National Day 10-01…10-07, make-up Sun 09-20 and Sat 10-10
    "2026-09-20, true",
    "2026-09-25, false",
    "2026-10-07, false",
    "2026-10-08, true",
    "2026-10-10, true"
  })
  void officialRestAndMakeUpDays(LocalDate day, boolean working) {
    assertThat(calendar.isWorkingDay(day)).isEqualTo(working);
  }

  @Test
  void holidayNamesComeFromTheDataFiles() {
    assertThat(calendar.holidayName(LocalDate.of(2026, 2, 17))).isEqualTo("春节");
    assertThat(calendar.holidayName(LocalDate.of(2026, 2, 28))).isEqualTo("春节（调休上班）");
    assertThat(calendar.holidayName(LocalDate.of(2026, 3, 9))).isNull();
    assertThat(calendar.coveredYears()).contains(2025, 2026);
    assertThat(WorkingCalendar.fromClasspath().coveredYears())
        .contains(2025, 2026)
        .doesNotContain(TestCalendar.FICTITIOUS_YEAR);
  }

  /**
   * Year files that no real notice changes: only the synthetic 2099 (2098 and 2100 have no data,
   * for good).
   */
  static final String SYNTHETIC = "classpath*:calendar-extra/cn/*.yaml";

  @Test
  void yearWithoutDataIsAnErrorNamingTheYear() {
    assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.of(2100, 3, 1)))
        .isInstanceOf(YearNotCoveredException.class)
        .hasMessageContaining("2100")
        .satisfies(e -> assertThat(((YearNotCoveredException) e).year()).isEqualTo(2100));
  }

  @Test
  void aNewYearIsReadFromItsFileWithoutCodeChanges() {
    WorkingCalendar extended = TestCalendar.calendar();
    assertThat(extended.coveredYears()).contains(2025, 2026, 2099);
    assertThat(extended.isWorkingDay(LocalDate.of(2099, 1, 2)))
        .isFalse(); // a Friday made a rest day
    assertThat(extended.isWorkingDay(LocalDate.of(2099, 1, 3)))
        .isTrue(); // a Saturday made a working day
    assertThat(extended.isWorkingDay(LocalDate.of(2099, 1, 5))).isTrue(); // an ordinary Monday
    assertThat(extended.holidayName(LocalDate.of(2099, 1, 3))).isEqualTo("测试假日（调休上班）");
  }

  @Test
  void weekendsOnlyFallbackCountsWeekendsForAYearWithoutData() {
    WorkingCalendar lenient = TestCalendar.calendar(true);
    assertThat(lenient.isWorkingDay(LocalDate.of(2100, 3, 1))).isTrue(); // Monday
    assertThat(lenient.isWorkingDay(LocalDate.of(2100, 3, 6))).isFalse(); // Saturday
    assertThat(lenient.isWorkingDay(LocalDate.of(2026, 2, 16)))
        .isFalse(); // known years keep their holidays
  }
}
