package cn.weiquan.calendar;

/** How a period is counted (民法典 Art. 200–203); working days follow the official calendar. */
public enum PeriodUnit {
  WORKING_DAYS,
  DAYS,
  MONTHS,
  YEARS,
  HOURS
}
