package cn.weiquan.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The README's promise "adding 2027 is dropping calendar/cn/2027.yaml; no code change" holds for
 * the tests too: with a (fictitious) 2027.yaml dropped into the test calendar, every calendar test
 * passes unchanged, so none of their expected values depends on which years have data.
 */
class AddingAYearTest {
  // the calendar tests without an engine: an engine test's static extension cannot run nested in
  // another run
  private static final Class<?>[] CALENDAR_TESTS = {WorkingCalendarTest.class, DeadlinesTest.class};

  @Test
  void theDroppedFileIsRead() {
    System.setProperty(TestCalendar.ADDED, "calendar-added");
    try {
      WorkingCalendar withNextYear = TestCalendar.calendar();
      assertThat(withNextYear.coveredYears()).contains(2027);
      assertThat(withNextYear.isWorkingDay(LocalDate.of(2027, 3, 1)))
          .isFalse(); // a Monday the file makes a rest day
    } finally {
      System.clearProperty(TestCalendar.ADDED);
    }
  }

  @Test
  void everyCalendarTestPassesUnchanged_withNextYearsFileDroppedIn() {
    TestExecutionSummary summary;
    System.setProperty(TestCalendar.ADDED, "calendar-added");
    try {
      LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
      for (Class<?> test : CALENDAR_TESTS) {
        request.selectors(selectClass(test));
      }
      LauncherDiscoveryRequest discovery = request.build();
      SummaryGeneratingListener listener = new SummaryGeneratingListener();
      LauncherFactory.create().execute(discovery, listener);
      summary = listener.getSummary();
    } finally {
      System.clearProperty(TestCalendar.ADDED);
    }
    StringBuilder failures = new StringBuilder();
    summary
        .getFailures()
        .forEach(
            f ->
                failures
                    .append(f.getTestIdentifier().getDisplayName())
                    .append(": ")
                    .append(f.getException().getMessage())
                    .append('\n'));
    assertThat(summary.getTestsSucceededCount()).as("the calendar tests ran").isGreaterThan(50);
    assertThat(summary.getTotalFailureCount()).as(failures.toString()).isZero();
  }
}
