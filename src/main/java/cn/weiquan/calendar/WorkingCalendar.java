package cn.weiquan.calendar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The official working-day calendar of mainland China, loaded from every {@code calendar/cn/*.yaml}
 * on the classpath (one file per year: adding a year is dropping a file). A day is a working day
 * when it is Monday–Friday and not an official rest day, or when it is a make-up working day
 * (调休上班). A year without data is an error unless the weekends-only fallback is switched on.
 */
@Component
public class WorkingCalendar {
  public static final String DATA_PATTERN = "classpath*:calendar/cn/*.yaml";
  private static final Logger LOG = LoggerFactory.getLogger(WorkingCalendar.class);

  /** working[year - firstYear][dayOfYear - 1]; null for a year without data. */
  private final boolean[][] working;

  private final int firstYear;
  private final Set<Integer> years;
  private final Map<LocalDate, String> holidayNames;
  private final boolean weekendsOnlyFallback;
  private final AtomicBoolean fallbackWarned = new AtomicBoolean();

  @Autowired
  public WorkingCalendar(
      @Value("${weiquan.calendar.weekends-only-fallback:false}") boolean weekendsOnlyFallback) {
    this(loadAll(DATA_PATTERN), weekendsOnlyFallback);
  }

  WorkingCalendar(List<Map<String, Object>> yearFiles, boolean weekendsOnlyFallback) {
    this.weekendsOnlyFallback = weekendsOnlyFallback;
    Map<LocalDate, Boolean> overrides = new HashMap<>();
    Map<LocalDate, String> names = new HashMap<>();
    TreeSet<Integer> covered = new TreeSet<>();
    for (Map<String, Object> file : yearFiles) {
      int year = ((Number) file.get("year")).intValue();
      if (!covered.add(year)) {
        throw new IllegalStateException("two calendar files for the year " + year);
      }
      for (Object entry : (List<?>) file.getOrDefault("holidays", List.of())) {
        Map<?, ?> holiday = (Map<?, ?>) entry;
        String name = String.valueOf(holiday.get("name"));
        List<?> rest = (List<?>) holiday.get("rest");
        String where = year + " " + name;
        LocalDate first = YamlResources.date(rest.get(0), where);
        LocalDate last = YamlResources.date(rest.get(rest.size() - 1), where);
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
          overrides.put(day, false);
          names.put(day, name);
        }
        Object work = holiday.get("work");
        for (Object value : work == null ? List.of() : (List<?>) work) {
          LocalDate day = YamlResources.date(value, where);
          if (!isWeekend(day)) {
            throw new IllegalStateException(
                where + ": make-up working day " + day + " is not a weekend day");
          }
          if (overrides.put(day, true) != null) {
            throw new IllegalStateException(
                where + ": " + day + " is both a rest day and a working day");
          }
          names.put(day, name + "（调休上班）");
        }
      }
    }
    this.years = Set.copyOf(covered);
    this.holidayNames = Map.copyOf(names);
    this.firstYear = covered.isEmpty() ? 0 : covered.first();
    this.working = new boolean[covered.isEmpty() ? 0 : covered.last() - firstYear + 1][];
    for (int year : covered) {
      LocalDate day = LocalDate.of(year, 1, 1);
      boolean[] days = new boolean[day.lengthOfYear()];
      for (int i = 0; i < days.length; i++, day = day.plusDays(1)) {
        days[i] = overrides.getOrDefault(day, !isWeekend(day));
      }
      working[year - firstYear] = days;
    }
  }

  private WorkingCalendar(WorkingCalendar data, boolean weekendsOnlyFallback) {
    this.working = data.working;
    this.firstYear = data.firstYear;
    this.years = data.years;
    this.holidayNames = data.holidayNames;
    this.weekendsOnlyFallback = weekendsOnlyFallback;
  }

  /** The same data, counting weekends only in years without data (for provisional deadlines). */
  public WorkingCalendar withWeekendsOnlyFallback() {
    return weekendsOnlyFallback ? this : new WorkingCalendar(this, true);
  }

  /**
   * The calendar of the application's data files, without the fallback (for engine-only tests and
   * tools).
   */
  public static WorkingCalendar fromClasspath() {
    return new WorkingCalendar(false);
  }

  /**
   * A calendar of the year files matching {@code patterns} (e.g. {@code
   * classpath*:calendar-extra/cn/*.yaml}): tests that must not depend on which real years have data
   * count on a synthetic year instead.
   */
  public static WorkingCalendar load(boolean weekendsOnlyFallback, String... patterns) {
    List<Map<String, Object>> files = new ArrayList<>();
    for (String pattern : patterns) {
      files.addAll(loadAll(pattern));
    }
    return new WorkingCalendar(files, weekendsOnlyFallback);
  }

  public boolean isWorkingDay(LocalDate day) {
    int index = day.getYear() - firstYear;
    if (index >= 0 && index < working.length && working[index] != null) {
      return working[index][day.getDayOfYear() - 1];
    }
    if (!weekendsOnlyFallback) {
      throw new YearNotCoveredException(day.getYear());
    }
    if (fallbackWarned.compareAndSet(false, true)) {
      LOG.warn(
          "No official holiday calendar for {}: counting weekends only as rest days "
              + "(weiquan.calendar.weekends-only-fallback=true); add calendar/cn/{}.yaml",
          day.getYear(),
          day.getYear());
    }
    return !isWeekend(day);
  }

  /** Official rest day: a weekend day not made a working day, or a public holiday. */
  public boolean isRestDay(LocalDate day) {
    return !isWorkingDay(day);
  }

  /** The holiday a date belongs to (rest or make-up day), or null for an ordinary day. */
  public String holidayName(LocalDate day) {
    return holidayNames.get(day);
  }

  public Set<Integer> coveredYears() {
    return new TreeSet<>(years);
  }

  /**
   * The n-th working day after {@code start} (the start day itself is not counted); n = 0 gives
   * start.
   */
  public LocalDate addWorkingDays(LocalDate start, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("a period cannot be negative: " + n);
    }
    LocalDate day = start;
    for (int counted = 0; counted < n; ) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }

  /** {@code day} if it is a working day, else the first working day after it (民法典 Art. 203). */
  public LocalDate rollOver(LocalDate day) {
    LocalDate result = day;
    while (!isWorkingDay(result)) {
      result = result.plusDays(1);
    }
    return result;
  }

  /**
   * Working days after {@code from} up to and including {@code to} (0 when to is not after from).
   */
  public int workingDaysBetween(LocalDate from, LocalDate to) {
    int count = 0;
    for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
      if (isWorkingDay(day)) {
        count++;
      }
    }
    return count;
  }

  private static boolean isWeekend(LocalDate day) {
    DayOfWeek dow = day.getDayOfWeek();
    return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
  }

  static List<Map<String, Object>> loadAll(String pattern) {
    try {
      Resource[] resources =
          new PathMatchingResourcePatternResolver(WorkingCalendar.class.getClassLoader())
              .getResources(pattern);
      List<Map<String, Object>> files = new ArrayList<>();
      for (Resource resource : resources) {
        files.add(YamlResources.read(resource));
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + pattern, e);
    }
  }
}
