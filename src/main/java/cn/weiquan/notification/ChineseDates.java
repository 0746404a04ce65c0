package cn.weiquan.notification;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.Date;

/** Dates as a mail to a party shows them: 2026年3月5日 24:00（北京时间）. */
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
      return day(at.minusDays(1)) + " 24:00（北京时间）";
    }
    return day(at) + " " + time(at) + "（北京时间）";
  }

  /** Any other date variable in a mail: 2026年3月5日 10:30. */
  public static String dateTime(Date value) {
    ZonedDateTime at = value.toInstant().atZone(SHANGHAI);
    return day(at) + " " + time(at);
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
    throw new IllegalArgumentException("not a date: " + (value == null ? "null" : value.getClass().getName()));
  }

  private static String day(ZonedDateTime at) {
    return at.getYear() + "年" + at.getMonthValue() + "月" + at.getDayOfMonth() + "日";
  }

  private static String time(ZonedDateTime at) {
    return String.format("%02d:%02d", at.getHour(), at.getMinute());
  }
}
