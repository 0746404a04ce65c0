package cn.weiquan.calendar.api;

import cn.weiquan.api.ApiException;
import cn.weiquan.api.ApiJson;
import cn.weiquan.api.Day;
import cn.weiquan.calendar.Deadlines;
import cn.weiquan.calendar.StatutoryPeriod;
import cn.weiquan.calendar.YearNotCoveredException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The legal clock for mediators and the parties' portal: working-day and calendar-day periods, and
 * the period table.
 */
@RestController
@RequestMapping("/api/calendar")
public class CalendarController {
  /** Ten years: longer periods are not legal periods but typing mistakes. */
  static final int MAX_DAYS = 3650;

  private final Deadlines deadlines;
  private final ApiJson json;

  public CalendarController(Deadlines deadlines, ApiJson json) {
    this.deadlines = deadlines;
    this.json = json;
  }

  /** The question of both period endpoints: a start day and a number of days. */
  public record PeriodQuery(
      @NotNull @Day LocalDate from, @NotNull @Min(0) @Max(MAX_DAYS) Integer days) {}

  public record PeriodAnswer(LocalDate from, int days, LocalDate due) {}

  /** The last working day of a period of {@code days} working days after {@code from}. */
  @GetMapping("/working-days")
  public PeriodAnswer workingDays(
      @RequestParam(required = false) String from, @RequestParam(required = false) String days) {
    return answer(from, days, deadlines::lastWorkingDay);
  }

  /**
   * The last day of a period of {@code days} calendar days after {@code from}, rolled over past
   * rest days (民法典 Art. 203).
   */
  @GetMapping("/deadline")
  public PeriodAnswer deadline(
      @RequestParam(required = false) String from, @RequestParam(required = false) String days) {
    return answer(from, days, (start, n) -> deadlines.lastCalendarDay(start, n, true));
  }

  @GetMapping("/periods")
  public Collection<StatutoryPeriod> periods() {
    return deadlines.periods().all();
  }

  // the parameters are read as text and checked like a body, so that every bad value is a problem
  // naming its parameter
  private PeriodAnswer answer(
      String from, String days, BiFunction<LocalDate, Integer, LocalDate> count) {
    Map<String, String> parameters = new HashMap<>();
    parameters.put("from", from);
    parameters.put("days", days);
    PeriodQuery query = json.parameters(parameters, PeriodQuery.class);
    try {
      return new PeriodAnswer(query.from(), query.days(), count.apply(query.from(), query.days()));
    } catch (YearNotCoveredException e) {
      // the start date's own year missing is the caller's 'from'; a later year is reached through
      // 'days'
      String field = e.year() == query.from().getYear() ? "from" : "days";
      throw ApiException.badRequest(
          field,
          "year-not-covered",
          e.year() + " 年的官方节假日安排尚未载入，无法按工作日计算（「" + field + "」）",
          e.getMessage());
    }
  }
}
