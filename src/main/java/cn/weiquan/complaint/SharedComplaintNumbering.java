package cn.weiquan.complaint;

import cn.weiquan.casenumber.CaseNumbers;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** Complaint numbers from the shared case-number sequence: TS-2026-000001, per year, unique under concurrent starts. */
@Component
public class SharedComplaintNumbering implements ComplaintNumbering {
  private final CaseNumbers caseNumbers;

  public SharedComplaintNumbering(CaseNumbers caseNumbers) {
    this.caseNumbers = caseNumbers;
  }

  @Override
  public String next(LocalDate day) {
    return caseNumbers.next(PREFIX, day);
  }
}
