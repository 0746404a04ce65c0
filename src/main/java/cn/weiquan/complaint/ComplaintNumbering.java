package cn.weiquan.complaint;

import java.time.LocalDate;

/** The next complaint number TS-YYYY-NNNNNN for a day (the shared case-number sequence, prefix "TS"). */
@FunctionalInterface
public interface ComplaintNumbering {
  String PREFIX = "TS";

  String next(LocalDate day);
}
