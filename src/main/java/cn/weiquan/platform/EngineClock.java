package cn.weiquan.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The product's one clock: the engine's (so a test that moves the engine clock moves every
 * deadline, filing check and retention run with it), read in Beijing time for calendar days. The
 * only place that touches the engine's ClockUtil, an implementation class: Camunda 7 has no public
 * API for its clock.
 */
public final class EngineClock {
  public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private EngineClock() {}

  public static Date now() {
    return ClockUtil.getCurrentTime();
  }

  public static Instant instant() {
    return now().toInstant();
  }

  /**
   * Moves the engine clock to {@code at}, for everyone: only for the local profile's demo data,
   * made at start as if it had happened over the past weeks; {@link #resetToSystemTime()} puts it
   * back.
   */
  public static void moveTo(Date at) {
    ClockUtil.setCurrentTime(at);
  }

  public static void resetToSystemTime() {
    ClockUtil.reset();
  }

  /** Today in Beijing. */
  public static LocalDate today() {
    return LocalDate.ofInstant(instant(), CHINA);
  }

  /** A calendar day as the processes store dates: the start of that day in Beijing. */
  public static Date startOf(LocalDate day) {
    return day == null ? null : Date.from(day.atStartOfDay(CHINA).toInstant());
  }

  /**
   * This clock as a java.time Clock in Beijing, for APIs that take one (Bean
   * Validation's @PastOrPresent).
   */
  public static Clock clock() {
    return new EngineTime(CHINA);
  }

  private static final class EngineTime extends Clock {
    private final ZoneId zone;

    EngineTime(ZoneId zone) {
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
      return new EngineTime(other);
    }

    @Override
    public Instant instant() {
      return EngineClock.instant();
    }
  }
}
