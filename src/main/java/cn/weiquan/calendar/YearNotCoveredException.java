package cn.weiquan.calendar;

/** A date falls in a year for which no official holiday calendar has been loaded. */
public class YearNotCoveredException extends RuntimeException {
  private final int year;

  public YearNotCoveredException(int year) {
    super(
        "no official holiday calendar for the year "
            + year
            + " (add calendar/cn/"
            + year
            + ".yaml once the State Council notice is published)");
    this.year = year;
  }

  public int year() {
    return year;
  }
}
