package cn.weiquan.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The configured period table holds every period the processes use, each with its basis. */
class StatutoryPeriodsTest {
  private final StatutoryPeriods periods = new StatutoryPeriods();

  @ParameterizedTest(name = "{0}: {1} {2}, roll-over {3}")
  @CsvSource({
    "regulator-acceptance, 7, WORKING_DAYS, true",
    "mediation-limit, 60, DAYS, true",
    "termination-notice, 7, WORKING_DAYS, true",
    "report-verification, 15, WORKING_DAYS, true",
    "reporter-notice, 5, WORKING_DAYS, true",
    "civil-limitation, 3, YEARS, true",
    "quality-return, 7, DAYS, true",
    "no-reason-return, 7, DAYS, true",
    "burden-of-proof, 6, MONTHS, true",
    "court-confirmation, 30, DAYS, true",
    "appeal, 15, DAYS, true",
    "platform-evidence-window, 3, DAYS, false",
    "platform-review, 3, WORKING_DAYS, true",
    "late-shipment, 72, HOURS, false",
    "merchant-response, 3, WORKING_DAYS, true",
    "association-acceptance, 7, WORKING_DAYS, true",
    "follow-up-visit, 3, WORKING_DAYS, true",
    "courier-complaint, 7, DAYS, true",
    "no-reason-refund, 7, DAYS, true",
    "enforcement-application, 2, YEARS, true",
    "platform-malicious-review-complaint, 15, DAYS, false",
    "platform-harassment-complaint, 15, DAYS, false",
    "association-mediation-limit, 60, DAYS, true",
    "consumer-answer, 3, WORKING_DAYS, true",
    "channel-choice, 3, WORKING_DAYS, true",
    "settlement-performance, 3, WORKING_DAYS, true",
    "arbitration-filing, 3, WORKING_DAYS, true"
  })
  void periodInForceIn2027(String name, int length, PeriodUnit unit, boolean rollOver) {
    PeriodVersion version = periods.get(name).versionOn(LocalDate.of(2027, 1, 1));
    assertThat(version.length()).isEqualTo(length);
    assertThat(version.unit()).isEqualTo(unit);
    assertThat(version.rollOver()).isEqualTo(rollOver);
    assertThat(version.basis()).isNotBlank();
    assertThat(periods.get(name).label()).isNotBlank();
  }
}
