package cn.weiquan.rules.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import cn.weiquan.calendar.Deadline;
import cn.weiquan.calendar.Deadlines;
import cn.weiquan.calendar.StatutoryPeriods;
import cn.weiquan.calendar.WorkingCalendar;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EligibilityServiceTest {
  /** The application's calendar: 2025 and 2026 have their official data for good. */
  private final EligibilityService service =
      new EligibilityService(WorkingCalendar.fromClasspath());

  /**
   * Only the synthetic year 2099 has data, whatever real years are added later: 2027 and 2100 are
   * years without data here, so the tests of the provisional count do not change when
   * calendar/cn/2027.yaml arrives.
   */
  private final Deadlines syntheticClock =
      new Deadlines(
          WorkingCalendar.load(false, "classpath*:calendar-extra/cn/*.yaml"),
          new StatutoryPeriods());

  private final EligibilityService synthetic = new EligibilityService(syntheticClock);

  private static EligibilityFacts facts(
      String purpose, String harmKnown, String filed, String channel, List<String> pending) {
    return new EligibilityFacts(
        true,
        purpose,
        LocalDate.parse(harmKnown),
        LocalDate.parse(filed),
        channel,
        pending,
        null,
        null);
  }

  @Test
  void consumerWithinThreeYears_isEligibleWithPunitiveSums() {
    EligibilityResult result =
        service.check(
            facts("living-consumption", "2025-03-10", "2026-03-10", "regulator", List.of()));
    assertThat(result.eligible()).isTrue();
    assertThat(result.punitiveDamagesAllowed()).isTrue();
    assertThat(result.reasons()).isEmpty();
  }

  @Test
  void purchaseForResale_eligibleWithoutPunitiveSums() {
    EligibilityResult result =
        service.check(facts("resale", "2025-03-10", "2026-03-10", "regulator", List.of()));
    assertThat(result.eligible()).isTrue();
    assertThat(result.punitiveDamagesAllowed()).isFalse();
    assertThat(result.reasons())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.code()).isEqualTo(EligibilityService.PURCHASE_FOR_RESALE);
              assertThat(r.message()).contains("惩罚性赔偿");
              assertThat(r.basis()).contains("第二条");
            });
  }

  @Test
  void notANaturalPerson_isNotEligible() {
    EligibilityResult result =
        service.check(
            new EligibilityFacts(
                false,
                "living-consumption",
                LocalDate.parse("2026-01-01"),
                LocalDate.parse("2026-02-01"),
                "association",
                null,
                null,
                null));
    assertThat(result.eligible()).isFalse();
    assertThat(result.reasons())
        .extracting(EligibilityResult.Reason::code)
        .containsExactly(EligibilityService.NOT_NATURAL_PERSON);
  }

  @ParameterizedTest(name = "harm known {0}, filed {1} → eligible {2}")
  @CsvSource({
    "2023-03-10, 2026-03-09, true",
    "2023-03-10, 2026-03-10, true",
    "2023-03-10, 2026-03-11, false"
  })
  void threeYearLimit_countedByTheCivilCode(String harmKnown, String filed, boolean eligible) {
    EligibilityResult result =
        service.check(facts("living-consumption", harmKnown, filed, "regulator", List.of()));
    assertThat(result.eligible()).isEqualTo(eligible);
    if (!eligible) {
      assertThat(result.reasons())
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.code()).isEqualTo(EligibilityService.LIMITATION_EXPIRED);
                assertThat(r.basis()).contains("第一百八十八条").contains("第十五条");
              });
    }
  }

  @ParameterizedTest(name = "harm known {0}, filed {1} → eligible {2}")
  @CsvSource({
    // 2096-02-29 + 3 years: no 29 Feb in 2099, so the month's last day, Saturday 2099-02-28 (Art.
    // 202); then Sunday
    // 03-01 and the synthetic rest day Monday 03-02 are passed: the period ends on Tuesday
    // 2099-03-03 (Art. 203)
    "2096-02-29, 2099-02-28, true",
    "2096-02-29, 2099-03-03, true",
    "2096-02-29, 2099-03-04, false",
    // 2096-01-03 + 3 years = Saturday 2099-01-03, a make-up working day in the data: no roll-over
    "2096-01-03, 2099-01-03, true",
    "2096-01-03, 2099-01-04, false"
  })
  void limitationEndingOnARestDayOfAYearWithData_rollsOverPastIt(
      String harmKnown, String filed, boolean eligible) {
    EligibilityResult result =
        synthetic.check(facts("living-consumption", harmKnown, filed, "regulator", List.of()));
    assertThat(result.eligible()).isEqualTo(eligible);
  }

  @Test
  void caseFiledTheDayAfterASundayLastDay_inAYearWithoutData_isInTime() {
    // issue 16: 2024-02-29 + 3 years = Sunday 2027-02-28; filed on Monday 2027-03-01. The Civil
    // Code moves the last day
    // past the rest day (Art. 203): in time. Without 2027 data, weekends only, and the basis says
    // it is provisional.
    EligibilityResult result =
        synthetic.check(
            facts("living-consumption", "2024-02-29", "2027-03-01", "regulator", List.of()));
    assertThat(result.eligible()).isTrue();
    assertThat(result.reasons()).isEmpty();

    Deadline limitation = synthetic.limitation(LocalDate.parse("2024-02-29"));
    assertThat(limitation.lastDay()).isEqualTo("2027-03-01");
    assertThat(limitation.basis()).contains("第一百八十八条").contains("暂定").contains("2027");

    EligibilityResult dayAfter =
        synthetic.check(
            facts("living-consumption", "2024-02-29", "2027-03-02", "regulator", List.of()));
    assertThat(dayAfter.eligible()).isFalse();
    assertThat(dayAfter.reasons())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.message())
                  .contains("2027-02-28 为休息日")
                  .contains("顺延至 2027-03-01 24:00 届满");
              assertThat(r.basis()).contains("第一百八十八条").contains("暂定");
            });
  }

  @ParameterizedTest(name = "harm known {0}")
  @CsvSource({"2024-02-29", "2023-02-15", "2097-02-28", "2096-02-29", "2025-10-01"})
  void oneLimitationComputation_sameAnswerAsTheCourtStagesLegalClock(LocalDate harmKnown) {
    // CheckLimitationDelegate stores deadlines.compute("civil-limitation", the day the harm was
    // known)
    Date from = Date.from(harmKnown.atStartOfDay(Deadlines.ZONE).toInstant());
    for (Deadlines clock : List.of(Deadlines.fromClasspath(), syntheticClock)) {
      EligibilityService eligibility = new EligibilityService(clock);
      Deadline courtStage = clock.compute("civil-limitation", from);
      assertThat(eligibility.limitation(harmKnown)).isEqualTo(courtStage);
      assertThat(
              eligibility
                  .check(
                      facts(
                          "living-consumption",
                          harmKnown.toString(),
                          courtStage.lastDay().toString(),
                          "regulator",
                          List.of()))
                  .eligible())
          .isTrue();
      assertThat(
              eligibility
                  .check(
                      facts(
                          "living-consumption",
                          harmKnown.toString(),
                          courtStage.lastDay().plusDays(1).toString(),
                          "regulator",
                          List.of()))
                  .eligible())
          .isFalse();
    }
  }

  @Test
  void limitationInAYearWithoutData_isProvisional_inAYearWithData_isNot() {
    // 2097-02-28 + 3 years = Sunday 2100-02-28: no data for 2100, weekends only → Monday
    // 2100-03-01, flagged
    Deadline provisional = synthetic.limitation(LocalDate.parse("2097-02-28"));
    assertThat(provisional.lastDay()).isEqualTo("2100-03-01");
    assertThat(provisional.basis()).contains("暂定").contains("2100");
    assertThat(synthetic.limitation(LocalDate.parse("2096-02-29")).basis()).doesNotContain("暂定");
  }

  @Test
  void expiredLimitation_beforeACourt_isOnlyADefence() {
    EligibilityResult result =
        service.check(facts("living-consumption", "2020-01-01", "2026-01-01", "court", List.of()));
    assertThat(result.eligible()).isTrue();
    assertThat(result.reasons())
        .extracting(EligibilityResult.Reason::code)
        .containsExactly(EligibilityService.LIMITATION_DEFENCE);
  }

  @ParameterizedTest(name = "{0} while before {1} → eligible {2}")
  @CsvSource({
    "regulator, court, false",
    "regulator, arbitration, false",
    "association, other-mediator, false",
    "platform, court, true",
    "court, arbitration, true"
  })
  void disputeAlreadyBeforeAnotherBody_notAcceptedByRegulatorOrAssociation(
      String channel, String body, boolean eligible) {
    EligibilityResult result =
        service.check(
            facts("living-consumption", "2026-01-01", "2026-02-01", channel, List.of(body)));
    assertThat(result.eligible()).isEqualTo(eligible);
    if (!eligible) {
      assertThat(result.reasons())
          .extracting(EligibilityResult.Reason::code)
          .containsExactly(EligibilityService.ALREADY_BEFORE_OTHER_BODY);
    }
  }

  @ParameterizedTest(name = "{0} trade completed {1}, filed {2} → {3}")
  @CsvSource({
    "malicious-review, 2026-03-01, 2026-03-01, ",
    "malicious-review, 2026-03-01, 2026-03-16, ",
    "malicious-review, 2026-03-01, 2026-03-17, PLATFORM_WINDOW_CLOSED",
    "harassment, 2026-03-01, 2026-03-16, ",
    "harassment, 2026-03-01, 2026-03-17, PLATFORM_WINDOW_CLOSED",
    "harassment, 2026-03-01, 2026-02-28, PLATFORM_WINDOW_NOT_OPEN"
  })
  void platformComplaintWindow_fifteenDaysAfterTradeCompletes(
      String kind, String completed, String filed, String code) {
    EligibilityResult result =
        service.check(
            new EligibilityFacts(
                true,
                "living-consumption",
                LocalDate.parse("2026-02-20"),
                LocalDate.parse(filed),
                "platform",
                List.of(),
                kind,
                LocalDate.parse(completed)));
    assertThat(result.eligible()).isEqualTo(code == null);
    assertThat(result.reasons())
        .extracting(EligibilityResult.Reason::code)
        .containsExactlyElementsOf(code == null ? List.of() : List.of(code));
  }

  @Test
  void limitation_endsOnTheCorrespondingDayOrTheMonthsLastDay() {
    assertThat(service.limitation(LocalDate.parse("2023-03-10")).lastDay()).isEqualTo("2026-03-10");
    // 2022-08-31 + 3 years = 2025-08-31, a Sunday: Monday 2025-09-01
    assertThat(service.limitation(LocalDate.parse("2022-08-31")).lastDay()).isEqualTo("2025-09-01");
  }

  @ParameterizedTest(name = "harm known {0}, filed {1} -> eligible {2}")
  @CsvSource({
    // nominal last day 2026-02-15 is inside the Spring Festival rest (02-15..02-23): the period
    // runs to 02-24 (Art. 203)
    "2023-02-15, 2026-02-24, true",
    "2023-02-15, 2026-02-25, false",
    // nominal last day 2026-02-14 is a make-up working Saturday: no roll-over
    "2023-02-14, 2026-02-14, true",
    "2023-02-14, 2026-02-24, false",
    // an ordinary Saturday (2026-03-07) rolls to Monday 03-09
    "2023-03-07, 2026-03-09, true",
    "2023-03-07, 2026-03-10, false"
  })
  void limitationEndingOnARestDay_rollsOverToTheNextWorkingDay(
      String harmKnown, String filed, boolean eligible) {
    EligibilityResult result =
        service.check(facts("living-consumption", harmKnown, filed, "regulator", List.of()));
    assertThat(result.eligible()).isEqualTo(eligible);
  }

  private EligibilityResult bought(
      int quantity, int earlierFilings, boolean foodOrDrug, String purpose) {
    return service.check(
        facts(purpose, "2026-02-25", "2026-03-02", "court", List.of())
            .withPurchase(quantity, earlierFilings, foodOrDrug));
  }

  @Test
  void twentyTwoUnitsForLivingConsumption_punitiveSumsAreNotAllowedAutomatically() {
    // the seed's case: 22 cameras bought "for living consumption"; the case goes on, punitive sums
    // wait for a check
    EligibilityResult result = bought(22, 0, false, "living-consumption");
    assertThat(result.eligible()).isTrue();
    assertThat(result.punitiveDamagesAllowed()).isFalse();
    assertThat(result.reasons())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.code()).isEqualTo(BadFaithSignals.QUANTITY_BEYOND_LIVING_NEEDS);
              assertThat(r.message()).startsWith("购买数量 22 件，明显超出生活消费需要").contains("一般救济不受影响");
              assertThat(r.basis()).contains("《消费者权益保护法》第二条").contains("本平台规则");
            });
    assertThat(result.punitiveWithheldBecause()).contains("购买数量 22 件");
  }

  @ParameterizedTest(
      name = "{0} units, {1} earlier filings, food or drug {2} → punitive allowed {3}")
  @CsvSource({
    "1, 0, false, true",
    "10, 0, false, true",
    "11, 0, false, false",
    "22, 0, false, false",
    "1, 4, false, true",
    "1, 5, false, false",
    "22, 5, false, false",
    // buying food or drugs knowingly is no defence (SPC food and drug provisions Art. 3): no
    // quantity signal there
    "22, 0, true, true"
  })
  void quantityAndEarlierFilings_raiseBadFaithSignals(
      int quantity, int earlierFilings, boolean foodOrDrug, boolean punitiveAllowed) {
    EligibilityResult result = bought(quantity, earlierFilings, foodOrDrug, "living-consumption");
    assertThat(result.eligible()).isTrue();
    assertThat(result.punitiveDamagesAllowed()).isEqualTo(punitiveAllowed);
    assertThat(result.punitiveWithheldBecause().isEmpty()).isEqualTo(punitiveAllowed);
  }

  @Test
  void repeatedFilings_signalSaysHowMany() {
    assertThat(bought(1, 7, false, "living-consumption").reasons())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.code()).isEqualTo(BadFaithSignals.REPEATED_FILINGS);
              assertThat(r.message()).contains("12个月内已提出 7 件");
            });
  }

  @Test
  void purchaseForResale_needsNoFurtherSignal() {
    assertThat(bought(22, 9, false, "resale").reasons())
        .extracting(EligibilityResult.Reason::code)
        .containsExactly(EligibilityService.PURCHASE_FOR_RESALE);
  }
}
