package cn.weiquan.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.weiquan.calendar.Deadlines;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** The complaint desk's plain rules, without an engine. */
class ComplaintPoliciesTest {
  private static final ComplaintProperties DEFAULTS = ComplaintProperties.defaults();

  private static Date shanghai(LocalDateTime time) {
    return Date.from(time.atZone(ZoneId.of("Asia/Shanghai")).toInstant());
  }

  @Test
  void visitScoreFourOrMore_isSatisfied() {
    assertThat(VisitPolicy.outcome(4, 0, DEFAULTS)).isEqualTo(VisitPolicy.SATISFIED);
    assertThat(VisitPolicy.outcome(5, 2, DEFAULTS)).isEqualTo(VisitPolicy.SATISFIED);
  }

  @Test
  void visitScoreBelowFour_reopensUntilTheLimit_thenEscalates() {
    assertThat(VisitPolicy.outcome(3, 0, DEFAULTS)).isEqualTo(VisitPolicy.REOPEN);
    assertThat(VisitPolicy.outcome(1, 1, DEFAULTS)).isEqualTo(VisitPolicy.REOPEN);
    assertThat(VisitPolicy.outcome(3, 2, DEFAULTS)).isEqualTo(VisitPolicy.ESCALATE);
    assertThat(VisitPolicy.outcome(3, 0, new ComplaintProperties(0, 4, "follow-up-visit")))
        .isEqualTo(VisitPolicy.ESCALATE);
  }

  @Test
  void visitScoreOutsideOneToFive_isRefused() {
    assertThatThrownBy(() -> VisitPolicy.outcome(0, 0, DEFAULTS)).hasMessageContaining("1–5");
    assertThatThrownBy(() -> VisitPolicy.outcome(6, 0, DEFAULTS)).hasMessageContaining("1–5");
  }

  @Test
  void overriddenLevel_bringsItsHandlingMode() {
    assertThat(TriagePolicy.handlingModeFor("一般")).isEqualTo("negotiate");
    assertThat(TriagePolicy.handlingModeFor("重要")).isEqualTo("committee");
    assertThat(TriagePolicy.handlingModeFor("紧急")).isEqualTo("emergency");
    assertThatThrownBy(() -> TriagePolicy.handlingModeFor("特急")).hasMessageContaining("未知的投诉等级");
  }

  @Test
  void slaInHours_remindsHalfWay_slaInWorkingDays_remindsOnTheLastWorkingDay() {
    Deadlines deadlines = Deadlines.fromClasspath();
    Date monday = shanghai(LocalDateTime.of(2026, 3, 2, 9, 0));

    Date firstResponseDue = deadlines.after(monday, 2, "HOURS");
    assertThat(firstResponseDue).isEqualTo(shanghai(LocalDateTime.of(2026, 3, 2, 11, 0)));
    assertThat(deadlines.reminder(monday, firstResponseDue))
        .isEqualTo(shanghai(LocalDateTime.of(2026, 3, 2, 10, 0)));
    // 3 working days after Monday: due at the end of Thursday, reminded from Thursday morning
    Date resolutionDue = deadlines.after(monday, 3, "WORKING_DAYS");
    assertThat(resolutionDue).isEqualTo(shanghai(LocalDateTime.of(2026, 3, 6, 0, 0)));
    assertThat(deadlines.reminder(monday, resolutionDue))
        .isEqualTo(shanghai(LocalDateTime.of(2026, 3, 5, 0, 0)));
  }
}
