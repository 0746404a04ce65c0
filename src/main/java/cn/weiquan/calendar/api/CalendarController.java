package cn.weiquan.calendar.api;

import cn.weiquan.api.BadRequestException;
import cn.weiquan.calendar.Deadlines;
import cn.weiquan.calendar.StatutoryPeriod;
import cn.weiquan.calendar.YearNotCoveredException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.function.BiFunction;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The legal clock for mediators and the parties' portal: working-day and calendar-day periods, and the period table. */
@RestController
@RequestMapping("/api/calendar")
public class CalendarController {
  /** Ten years: longer periods are not legal periods but typing mistakes. */
  static final int MAX_DAYS = 3650;

  private final Deadlines deadlines;

  public CalendarController(Deadlines deadlines) {
    this.deadlines = deadlines;
  }

  public record PeriodAnswer(LocalDate from, int days, LocalDate due) {}

  /** The last working day of a period of {@code days} working days after {@code from}. */
  @GetMapping("/working-days")
  public PeriodAnswer workingDays(
      @RequestParam(required = false) String from, @RequestParam(required = false) String days) {
    return answer(from, days, deadlines::lastWorkingDay);
  }

  /** The last day of a period of {@code days} calendar days after {@code from}, rolled over past rest days (民法典 Art. 203). */
  @GetMapping("/deadline")
  public PeriodAnswer deadline(
      @RequestParam(required = false) String from, @RequestParam(required = false) String days) {
    return answer(from, days, (start, n) -> deadlines.lastCalendarDay(start, n, true));
  }

  @GetMapping("/periods")
  public Collection<StatutoryPeriod> periods() {
    return deadlines.periods().all();
  }

  // parameters are parsed here, not bound by Spring, so that every bad value is a problem naming its parameter
  private PeriodAnswer answer(String from, String daysText, BiFunction<LocalDate, Integer, LocalDate> count) {
    LocalDate start = parseDate(from);
    int days = parseDays(daysText);
    try {
      return new PeriodAnswer(start, days, count.apply(start, days));
    } catch (YearNotCoveredException e) {
      // the start date's own year missing is the caller's 'from'; a later year is reached through 'days'
      String field = e.year() == start.getYear() ? "from" : "days";
      throw new BadRequestException(field, e.getMessage());
    }
  }

  private static int parseDays(String days) {
    if (days == null || days.isBlank()) {
      throw new BadRequestException("days", "parameter 'days' is required");
    }
    int value;
    try {
      value = Integer.parseInt(days.trim());
    } catch (NumberFormatException e) {
      throw new BadRequestException("days", "'days' must be a whole number, was '" + days + "'");
    }
    if (value < 0 || value > MAX_DAYS) {
      throw new BadRequestException("days", "'days' must be between 0 and " + MAX_DAYS + ", was " + value);
    }
    return value;
  }

  private static LocalDate parseDate(String from) {
    if (from == null || from.isBlank()) {
      throw new BadRequestException("from", "parameter 'from' is required (YYYY-MM-DD)");
    }
    try {
      return LocalDate.parse(from.trim());
    } catch (DateTimeParseException e) {
      throw new BadRequestException("from", "'from' must be a date YYYY-MM-DD, was '" + from + "'");
    }
  }
}
