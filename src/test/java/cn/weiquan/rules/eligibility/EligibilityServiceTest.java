package cn.weiquan.rules.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import cn.weiquan.calendar.WorkingCalendar;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EligibilityServiceTest {
  private final EligibilityService service = new EligibilityService(WorkingCalendar.fromClasspath());

  private static EligibilityFacts facts(String purpose, String harmKnown, String filed, String channel, List<String> pending) {
    return new EligibilityFacts(true, purpose, LocalDate.parse(harmKnown), LocalDate.parse(filed), channel, pending, null, null);
  }

  @Test
  void consumerWithinThreeYears_isEligibleWithPunitiveSums() {
    EligibilityResult result = service.check(facts("living-consumption", "2025-03-10", "2026-03-10", "regulator", List.of()));
    assertThat(result.eligible()).isTrue();
    assertThat(result.punitiveDamagesAllowed()).isTrue();
    assertThat(result.reasons()).isEmpty();
  }

  @Test
  void purchaseForResale_eligibleWithoutPunitiveSums() {
    EligibilityResult result = service.check(facts("resale", "2025-03-10", "2026-03-10", "regulator", List.of()));
    assertThat(result.eligible()).isTrue();
    assertThat(result.punitiveDamagesAllowed()).isFalse();
    assertThat(result.reasons()).singleElement().satisfies(r -> {
      assertThat(r.code()).isEqualTo(EligibilityService.PURCHASE_FOR_RESALE);
      assertThat(r.message()).contains("惩罚性赔偿");
      assertThat(r.basis()).contains("第二条");
    });
  }

  @Test
  void notANaturalPerson_isNotEligible() {
    EligibilityResult result = service.check(new EligibilityFacts(false, "living-consumption",
        LocalDate.parse("2026-01-01"), LocalDate.parse("2026-02-01"), "association", null, null, null));
    assertThat(result.eligible()).isFalse();
    assertThat(result.reasons()).extracting(EligibilityResult.Reason::code).containsExactly(EligibilityService.NOT_NATURAL_PERSON);
  }

  @ParameterizedTest(name = "harm known {0}, filed {1} → eligible {2}")
  @CsvSource({
      "2023-03-10, 2026-03-09, true", "2023-03-10, 2026-03-10, true", "2023-03-10, 2026-03-11, false",
      // 29 Feb has no corresponding day in 2027: the period ends on the month's last day
      "2024-02-29, 2027-02-28, true", "2024-02-29, 2027-03-01, false"})
  void threeYearLimit_countedByTheCivilCode(String harmKnown, String filed, boolean eligible) {
    EligibilityResult result = service.check(facts("living-consumption", harmKnown, filed, "regulator", List.of()));
    assertThat(result.eligible()).isEqualTo(eligible);
    if (!eligible) {
      assertThat(result.reasons()).singleElement().satisfies(r -> {
        assertThat(r.code()).isEqualTo(EligibilityService.LIMITATION_EXPIRED);
        assertThat(r.basis()).contains("第一百八十八条").contains("第十五条");
      });
    }
  }

  @Test
  void expiredLimitation_beforeACourt_isOnlyADefence() {
    EligibilityResult result = service.check(facts("living-consumption", "2020-01-01", "2026-01-01", "court", List.of()));
    assertThat(result.eligible()).isTrue();
    assertThat(result.reasons()).extracting(EligibilityResult.Reason::code).containsExactly(EligibilityService.LIMITATION_DEFENCE);
  }

  @ParameterizedTest(name = "{0} while before {1} → eligible {2}")
  @CsvSource({"regulator, court, false", "regulator, arbitration, false", "association, other-mediator, false",
      "platform, court, true", "court, arbitration, true"})
  void disputeAlreadyBeforeAnotherBody_notAcceptedByRegulatorOrAssociation(String channel, String body, boolean eligible) {
    EligibilityResult result = service.check(facts("living-consumption", "2026-01-01", "2026-02-01", channel, List.of(body)));
    assertThat(result.eligible()).isEqualTo(eligible);
    if (!eligible) {
      assertThat(result.reasons()).extracting(EligibilityResult.Reason::code)
          .containsExactly(EligibilityService.ALREADY_BEFORE_OTHER_BODY);
    }
  }

  @ParameterizedTest(name = "{0} trade completed {1}, filed {2} → {3}")
  @CsvSource({
      "malicious-review, 2026-03-01, 2026-03-01, ", "malicious-review, 2026-03-01, 2026-03-16, ",
      "malicious-review, 2026-03-01, 2026-03-17, PLATFORM_WINDOW_CLOSED",
      "harassment, 2026-03-01, 2026-03-16, ", "harassment, 2026-03-01, 2026-03-17, PLATFORM_WINDOW_CLOSED",
      "harassment, 2026-03-01, 2026-02-28, PLATFORM_WINDOW_NOT_OPEN"})
  void platformComplaintWindow_fifteenDaysAfterTradeCompletes(String kind, String completed, String filed, String code) {
    EligibilityResult result = service.check(new EligibilityFacts(true, "living-consumption", LocalDate.parse("2026-02-20"),
        LocalDate.parse(filed), "platform", List.of(), kind, LocalDate.parse(completed)));
    assertThat(result.eligible()).isEqualTo(code == null);
    assertThat(result.reasons()).extracting(EligibilityResult.Reason::code)
        .containsExactlyElementsOf(code == null ? List.of() : List.of(code));
  }

  @Test
  void limitation_endsOnTheCorrespondingDayOrTheMonthsLastDay() {
    assertThat(service.limitationLastDay(LocalDate.parse("2023-03-10"))).isEqualTo("2026-03-10");
    // 29 Feb 2024 + 3 years: no 29 Feb 2027, so the last day of February (民法典 Art. 202);
    // 2027 has no calendar data yet, so no roll-over is applied to that future day
    assertThat(service.limitationLastDay(LocalDate.parse("2024-02-29"))).isEqualTo("2027-02-28");
  }

  @ParameterizedTest(name = "harm known {0}, filed {1} -> eligible {2}")
  @CsvSource({
      // nominal last day 2026-02-15 is inside the Spring Festival rest (02-15..02-23): the period runs to 02-24 (Art. 203)
      "2023-02-15, 2026-02-24, true",
      "2023-02-15, 2026-02-25, false",
      // nominal last day 2026-02-14 is a make-up working Saturday: no roll-over
      "2023-02-14, 2026-02-14, true",
      "2023-02-14, 2026-02-24, false",
      // an ordinary Saturday (2026-03-07) rolls to Monday 03-09
      "2023-03-07, 2026-03-09, true",
      "2023-03-07, 2026-03-10, false"})
  void limitationEndingOnARestDay_rollsOverToTheNextWorkingDay(String harmKnown, String filed, boolean eligible) {
    EligibilityResult result = service.check(facts("living-consumption", harmKnown, filed, "regulator", List.of()));
    assertThat(result.eligible()).isEqualTo(eligible);
  }
}
