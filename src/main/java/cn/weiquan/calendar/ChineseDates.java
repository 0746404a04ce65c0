package cn.weiquan.calendar;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.Date;

/**
 * Dates as a person reads them, in a mail to a party and in a form (Deadlines stores each
 * deadline's text with it, so the mediator reads the same day as the consumer). A deadline carries
 * its weekday, so a reader sees at once whether it falls on a working day:
 * 2026年12月4日（星期五）24:00（北京时间）. Other dates: 2026年12月4日 10:30, or the day alone when the value is a
 * calendar date (midnight).
 */
public final class ChineseDates {

  public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private ChineseDates() {}

  /**
   * A deadline; one ending at midnight is shown as 24:00 of its last day, the way the law counts it
   * (民法典 第二百零三条: the last day of a period ends at 24:00).
   */
  public static String deadline(Object value) {
    ZonedDateTime at = toInstant(value).atZone(SHANGHAI);
    if (at.toLocalTime().equals(LocalTime.MIDNIGHT)) {
      return day(at.minusDays(1)) + weekday(at.minusDays(1)) + "24:00（北京时间）";
    }
    return day(at) + weekday(at) + time(at) + "（北京时间）";
  }

  /**
   * Any other date variable in a mail: 2026年3月5日 10:30, or 2026年3月5日 for a date picked in a form.
   */
  public static String dateTime(Date value) {
    ZonedDateTime at = value.toInstant().atZone(SHANGHAI);
    return at.toLocalTime().equals(LocalTime.MIDNIGHT) ? day(at) : day(at) + " " + time(at);
  }

  /** A calendar date: 2026年5月20日. */
  public static String day(java.time.LocalDate date) {
    return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
  }

  static Instant toInstant(Object value) {
    if (value instanceof Date date) {
      return date.toInstant();
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof TemporalAccessor temporal) {
      return Instant.from(temporal);
    }
    throw new IllegalArgumentException(
        "not a date: " + (value == null ? "null" : value.getClass().getName()));
  }

  private static String day(ZonedDateTime at) {
    return at.getYear() + "年" + at.getMonthValue() + "月" + at.getDayOfMonth() + "日";
  }

  private static String weekday(ZonedDateTime at) {
    return "（星期" + "一二三四五六日".charAt(at.getDayOfWeek().getValue() - 1) + "）";
  }

  private static String time(ZonedDateTime at) {
    return String.format("%02d:%02d", at.getHour(), at.getMinute());
  }
}
