package cn.weiquan.calendar;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.SplittableRandom;

/**
 * Deadlines per second for 60-working-day periods from random instants in 2025–2026 (ending up to
 * 2026-12-31, so every period stays inside the official data), against plain LocalDate.plusDays in
 * the same run. Run: mvn -B -o -q -Pbench -Dbench=cn.weiquan.calendar.DeadlineBenchmark
 * test-compile exec:java
 */
public final class DeadlineBenchmark {
  private static final int DAYS = 60;
  private static final int SAMPLES = 4096;
  private static final long ROUND_NANOS = 1_000_000_000L;

  public static void main(String[] args) {
    Deadlines deadlines = Deadlines.fromClasspath();
    ZoneId shanghai = ZoneId.of("Asia/Shanghai");
    SplittableRandom random = new SplittableRandom(42);
    // last start whose 60 working days still end in 2026 (about 90 calendar days before year end)
    long span = LocalDate.of(2026, 9, 30).toEpochDay() - LocalDate.of(2025, 1, 1).toEpochDay();
    Date[] starts = new Date[SAMPLES];
    LocalDate[] days = new LocalDate[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
      LocalDateTime at =
          LocalDate.of(2025, 1, 1)
              .plusDays(random.nextLong(span + 1))
              .atTime(random.nextInt(24), 0);
      starts[i] = Date.from(at.atZone(shanghai).toInstant());
      days[i] = at.toLocalDate();
    }

    for (int warmup = 0; warmup < 3; warmup++) {
      measureDeadlines(deadlines, starts);
      measureBaseline(days);
      measureWorkingDays(deadlines, days);
    }
    double named = measureDeadlines(deadlines, starts);
    double workingDays = measureWorkingDays(deadlines, days);
    double baseline = measureBaseline(days);
    System.out.printf(
        "deadlines.after(from, 60, WORKING_DAYS) [Date in, Date out]: %,.0f/s%n", named);
    System.out.printf(
        "deadlines.lastWorkingDay(LocalDate, 60):                     %,.0f/s%n", workingDays);
    System.out.printf(
        "baseline LocalDate.plusDays(60) + 24:00 instant:              %,.0f/s%n", baseline);
    System.out.printf(
        "ratio baseline / deadline: %.1fx (lastWorkingDay: %.1fx)%n",
        baseline / named, baseline / workingDays);
  }

  private static double measureDeadlines(Deadlines deadlines, Date[] starts) {
    long count = 0;
    long sink = 0;
    long begin = System.nanoTime();
    while (System.nanoTime() - begin < ROUND_NANOS) {
      for (Date start : starts) {
        sink += deadlines.after(start, DAYS, "WORKING_DAYS").getTime();
      }
      count += starts.length;
    }
    return rate(count, begin, sink);
  }

  private static double measureWorkingDays(Deadlines deadlines, LocalDate[] days) {
    long count = 0;
    long sink = 0;
    long begin = System.nanoTime();
    while (System.nanoTime() - begin < ROUND_NANOS) {
      for (LocalDate day : days) {
        sink += deadlines.lastWorkingDay(day, DAYS).toEpochDay();
      }
      count += days.length;
    }
    return rate(count, begin, sink);
  }

  private static double measureBaseline(LocalDate[] days) {
    ZoneId shanghai = ZoneId.of("Asia/Shanghai");
    long count = 0;
    long sink = 0;
    long begin = System.nanoTime();
    while (System.nanoTime() - begin < ROUND_NANOS) {
      for (LocalDate day : days) {
        sink += day.plusDays(DAYS + 1).atStartOfDay(shanghai).toEpochSecond();
      }
      count += days.length;
    }
    return rate(count, begin, sink);
  }

  private static double rate(long count, long begin, long sink) {
    double seconds = (System.nanoTime() - begin) / 1e9;
    if (sink == 42) {
      System.out.print(""); // keeps the JIT from discarding the work
    }
    return count / seconds;
  }
}
