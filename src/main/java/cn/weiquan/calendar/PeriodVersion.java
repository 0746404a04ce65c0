package cn.weiquan.calendar;

import java.time.LocalDate;

/**
 * One version of a period: in force from {@code inForceFrom} (null: since before the table) until
 * the next one.
 */
public record PeriodVersion(
    LocalDate inForceFrom, int length, PeriodUnit unit, boolean rollOver, String basis) {}
