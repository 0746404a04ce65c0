package cn.weiquan.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;

/**
 * A computed deadline: {@code due} is the instant the period ends (24:00 Asia/Shanghai of {@code
 * lastDay}, or the exact instant for hour periods), with the legal basis of the version that was
 * applied. {@code versionInForceFrom} is null for a version in force since before the period table.
 */
public record Deadline(
    String period, Instant due, LocalDate lastDay, String basis, LocalDate versionInForceFrom) {
  public Date dueDate() {
    return Date.from(due);
  }
}
