package cn.weiquan.rules.periods;

import static org.assertj.core.api.Assertions.assertThat;

import cn.weiquan.calendar.Deadline;
import cn.weiquan.calendar.Deadlines;
import cn.weiquan.calendar.StatutoryPeriods;
import cn.weiquan.calendar.WorkingCalendar;
import cn.weiquan.rules.periods.PeriodCheck.Outcome;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The periods a dispute is checked against, worked out by hand from the law and the official
 * calendar.
 */
class DisputePeriodsTest {
  /** The application's calendar: only dates in 2025 and 2026, whose data is final. */
  private final DisputePeriods periods = new DisputePeriods(Deadlines.fromClasspath());

  /** The synthetic 2099 only, for periods that end in years whose real data may still be added. */
  private final DisputePeriods synthetic =
      new DisputePeriods(
          new Deadlines(
              WorkingCalendar.load(false, "classpath*:calendar-extra/cn/*.yaml"),
              new StatutoryPeriods()));

  private static Date shanghai(String localDateTime) {
    return Date.from(LocalDateTime.parse(localDateTime).atZone(Deadlines.ZONE).toInstant());
  }

  @ParameterizedTest(name = "received {0}, return asked {1} → {2} (last day {3})")
  @CsvSource({
    // received Tuesday 02-24: the day of receipt is not counted, seven days end on Tuesday 03-03
    "2026-02-24, 2026-02-24, IN_TIME, 2026-03-03",
    "2026-02-24, 2026-03-03, IN_TIME, 2026-03-03",
    "2026-02-24, 2026-03-04, LATE, 2026-03-03",
    // received 02-10: seven days end on 02-17, inside the Spring Festival rest (02-15…23): moved to
    // 02-24 (Art. 203)
    "2026-02-10, 2026-02-24, IN_TIME, 2026-02-24",
    "2026-02-10, 2026-02-25, LATE, 2026-02-24",
    // ends on Saturday 2026-03-07: moved to Monday 03-09
    "2026-02-28, 2026-03-09, IN_TIME, 2026-03-09",
    "2026-02-28, 2026-03-10, LATE, 2026-03-09",
    // a request dated before the goods arrived is a typing error, not a return in time
    "2026-02-24, 2026-02-23, NOT_YET_OPEN, 2026-03-03"
  })
  void noReasonReturn_sevenDaysFromReceipt_forAnOnlinePurchase(
      LocalDate received, LocalDate asked, Outcome outcome, LocalDate lastDay) {
    PeriodCheck check = periods.noReasonReturn("online-platform", null, received, asked);
    assertThat(check.outcome()).isEqualTo(outcome);
    assertThat(check.lastDay()).isEqualTo(lastDay);
    assertThat(check.due().toInstant())
        .isEqualTo(lastDay.plusDays(1).atStartOfDay(Deadlines.ZONE).toInstant());
    assertThat(check.period()).isEqualTo("no-reason-return");
    assertThat(check.basis()).contains("消费者权益保护法第二十五条");
    assertThat(check.message()).contains(lastDay.toString());
  }

  @Test
  void noReasonReturn_countsTheDaysInBeijing_fromTheInstantsAProcessStores() {
    // signed for at 23:30 on 02-24 Beijing time (15:30 UTC): 02-24 is the day of receipt
    PeriodCheck check =
        periods.noReasonReturn(
            "online-shop", null, shanghai("2026-02-24T23:30"), shanghai("2026-03-03T23:59"));
    assertThat(check.inTime()).isTrue();
    assertThat(check.lastDay()).isEqualTo("2026-03-03");
    assertThat(
            periods
                .noReasonReturn(
                    "online-shop", null, shanghai("2026-02-24T23:30"), shanghai("2026-03-04T00:00"))
                .outcome())
        .isEqualTo(Outcome.LATE);
  }

  @ParameterizedTest(name = "{0} / {1} → not applicable")
  @CsvSource({
    "offline, , 第二十四条",
    "service, , 网络、电视、电话、邮购",
    "online-platform, perishable, 鲜活易腐",
    "online-platform, custom-made, 定作",
    "tv, digital-unsealed, 数字化商品",
    "phone, newspapers, 报纸",
    "mail-order, confirmed-unsuitable, 不宜退货"
  })
  void noReasonReturn_notForShopPurchasesServicesOrTheExceptedGoods(
      String channel, String exception, String said) {
    PeriodCheck check =
        periods.noReasonReturn(
            channel, exception, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 3));
    assertThat(check.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(check.applies()).isFalse();
    assertThat(check.lastDay()).isNull();
    assertThat(check.message() + check.basis()).contains(said);
    assertThat(check.basis()).contains("第二十五条");
  }

  @ParameterizedTest(name = "{0}: trade completed {1}, filed {2} → {3}")
  @CsvSource({
    "malicious-review, 2026-03-01, 2026-03-01, IN_TIME",
    "malicious-review, 2026-03-01, 2026-03-16, IN_TIME",
    "malicious-review, 2026-03-01, 2026-03-17, LATE",
    // platforms work every day: the window ending on Sunday 2026-02-22, inside the Spring Festival,
    // is not moved
    "harassment, 2026-02-07, 2026-02-22, IN_TIME",
    "harassment, 2026-02-07, 2026-02-23, LATE",
    "harassment, 2026-03-01, 2026-02-28, NOT_YET_OPEN",
    "harassment, , 2026-02-28, NOT_YET_OPEN",
    "late-shipment, 2026-01-01, 2026-12-31, NOT_APPLICABLE",
    "special-promise, , 2026-12-31, NOT_APPLICABLE"
  })
  void platformFiling_maliciousReviewAndHarassmentWithin15DaysOfTheTrade(
      String violation, LocalDate completed, LocalDate filed, Outcome outcome) {
    PeriodCheck check = periods.platformFiling(violation, completed, filed);
    assertThat(check.outcome()).isEqualTo(outcome);
    assertThat(check.basis()).isNotBlank();
    assertThat(check.message()).isNotBlank();
    if (outcome == Outcome.IN_TIME || outcome == Outcome.LATE) {
      assertThat(check.lastDay()).isEqualTo(completed.plusDays(15));
      assertThat(check.basis()).contains("淘宝平台规则");
    }
  }

  @Test
  void platformFiling_onAFiledDispute_fromTheStoredInstants() {
    PeriodCheck check =
        periods.platformFiling(
            "malicious-review", shanghai("2026-03-01T20:00"), shanghai("2026-03-16T23:00"));
    assertThat(check.inTime()).isTrue();
    assertThat(check.due()).isEqualTo(shanghai("2026-03-17T00:00"));
  }

  @Test
  void regulatorMediationLimit_acceptedBeforeOrder121_oldMeasures45WorkingDays() {
    // accepted Tuesday 2026-04-14: 45 working days (Labour Day 05-01…05 off, Saturday 05-09 worked)
    // end on 06-18
    Deadline limit = periods.regulatorMediationLimit(shanghai("2026-04-14T23:30"));
    assertThat(limit.lastDay()).isEqualTo("2026-06-18");
    assertThat(limit.versionInForceFrom()).isNull();
    assertThat(limit.basis()).contains("总局令第20号").contains("四十五个工作日").doesNotContain("第121号");
  }

  @Test
  void regulatorMediationLimit_acceptedFromOrder121_newMeasures() {
    // accepted 2026-04-15, the day the new measures take effect: 60 days → Sunday 06-14 → Monday
    // 06-15
    Deadline limit = periods.regulatorMediationLimit(shanghai("2026-04-15T00:30"));
    assertThat(limit.lastDay()).isEqualTo("2026-06-15");
    assertThat(limit.versionInForceFrom()).isEqualTo("2026-04-15");
    assertThat(limit.basis()).contains("总局令第121号").contains("六十日").doesNotContain("第20号");
    // the same complaint accepted a day earlier keeps the old measures: a running case is never
    // moved by the switch
    assertThat(periods.regulatorMediationLimit(shanghai("2026-04-14T10:00")).basis())
        .contains("第20号");
  }

  @Test
  void enforcementApplication_twoYearsFromTheLastDayOfPerformance() {
    // 2024-10-01 + 2 years = 2026-10-01, National Day (rest 10-01…07): moved to Thursday 10-08 (民法典
    // Art. 203)
    Deadline enforcement = periods.enforcementApplication(LocalDate.of(2024, 10, 1));
    assertThat(enforcement.period()).isEqualTo("enforcement-application");
    assertThat(enforcement.lastDay()).isEqualTo("2026-10-08");
    assertThat(enforcement.basis()).contains("民事诉讼法第二百五十条").contains("二年").doesNotContain("暂定");
    // 2097-03-02 + 2 years = 2099-03-02, the synthetic year's rest day: Tuesday 03-03
    assertThat(synthetic.enforcementApplication(LocalDate.of(2097, 3, 2)).lastDay())
        .isEqualTo("2099-03-03");
    // a last day in a year without data is counted on weekends only and says so
    Deadline provisional = synthetic.enforcementApplication(LocalDate.of(2098, 5, 1));
    assertThat(provisional.lastDay()).isEqualTo("2100-05-03");
    assertThat(provisional.basis()).contains("暂定").contains("2100");
  }
}
