package cn.weiquan.complaint;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;

/** Dates as a handler reads them in Tasklist: 2026年3月5日 16:00（北京时间）. */
final class ReminderText {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm（北京时间）").withZone(ZoneId.of("Asia/Shanghai"));

  private ReminderText() {}

  static String format(Date date) {
    return FORMAT.format(date.toInstant());
  }
}
