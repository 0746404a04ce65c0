package cn.weiquan.intake;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import cn.weiquan.platform.EngineClock;

/** "Today" for a party's dates is the day in Beijing time, by the engine's clock (tests move it). */
public final class PartyClock {
  public static final ZoneId CHINA = EngineClock.CHINA;

  private PartyClock() {}

  public static LocalDate today() {
    return EngineClock.today();
  }

  /** The date, refused with 400 naming the field when it lies after today (Beijing time). */
  public static LocalDate notFuture(String field, LocalDate day) {
    if (day != null && day.isAfter(today())) {
      throw IntakeException.badRequest(field, "'" + field + "' must not be in the future (today is " + today() + " in Beijing)");
    }
    return day;
  }

  /** A calendar day as the process stores dates: the start of that day in Beijing. */
  public static Date startOf(LocalDate day) {
    return day == null ? null : Date.from(day.atStartOfDay(CHINA).toInstant());
  }
}
