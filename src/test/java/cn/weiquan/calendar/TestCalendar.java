package cn.weiquan.calendar;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The calendar of the calendar tests: the official data files, the fictitious year 2099
 * (calendar-extra) and, when the system property {@value #ADDED} names a folder, the year files in
 * it ({@link AddingAYearTest} drops a 2027 there). Tests that need a year without data use 2100:
 * after the fictitious year, so no real file will ever cover it.
 */
final class TestCalendar {
  static final String ADDED = "weiquan.test.calendar-added";

  /** The fictitious year every test calendar covers. */
  static final int FICTITIOUS_YEAR = 2099;

  /** A year no test calendar covers. */
  static final int YEAR_WITHOUT_DATA = 2100;

  private TestCalendar() {}

  static WorkingCalendar calendar(boolean weekendsOnlyFallback) {
    List<Map<String, Object>> files =
        new ArrayList<>(WorkingCalendar.loadAll(WorkingCalendar.DATA_PATTERN));
    files.addAll(WorkingCalendar.loadAll("classpath*:calendar-extra/cn/*.yaml"));
    String added = System.getProperty(ADDED);
    if (added != null) {
      files.addAll(WorkingCalendar.loadAll("classpath*:" + added + "/cn/*.yaml"));
    }
    return new WorkingCalendar(files, weekendsOnlyFallback);
  }

  static WorkingCalendar calendar() {
    return calendar(false);
  }

  static Deadlines deadlines() {
    return new Deadlines(calendar(), new StatutoryPeriods());
  }
}
