package cn.weiquan.calendar;

import java.time.LocalDate;
import java.util.List;

/** A named period of the configured table with its versions, oldest first. */
public record StatutoryPeriod(String name, String label, List<PeriodVersion> versions) {

  /**
   * The version in force on {@code referenceDate}; dates before the first dated version use the
   * first one.
   */
  public PeriodVersion versionOn(LocalDate referenceDate) {
    PeriodVersion applied = versions.get(0);
    for (PeriodVersion version : versions) {
      if (version.inForceFrom() == null || !version.inForceFrom().isAfter(referenceDate)) {
        applied = version;
      }
    }
    return applied;
  }
}
