package cn.weiquan.complaint;

import static cn.weiquan.complaint.ComplaintVariables.*;

import cn.weiquan.cases.CaseVariables;
import cn.weiquan.platform.EngineClock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * 重新处理投诉: counts the reopening, keeps the visit's comments as its reason, restarts the resolution
 * clock.
 */
@Component("complaintReopen")
public class ReopenComplaintDelegate implements JavaDelegate {
  private static final Logger LOG = LoggerFactory.getLogger(ReopenComplaintDelegate.class);
  private final ScheduleSlaDelegate sla;

  public ReopenComplaintDelegate(ScheduleSlaDelegate sla) {
    this.sla = sla;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int reopenCount = CaseVariables.integer(execution, REOPEN_COUNT, 0) + 1;
    execution.setVariable(REOPEN_COUNT, reopenCount);
    String reason = CaseVariables.string(execution, VISIT_COMMENTS);
    execution.setVariable(REOPEN_REASON, reason == null ? "回访不满意" : reason);
    Date now = EngineClock.now();
    sla.restartResolution(execution, now);
    LOG.info(
        "Complaint {} reopened ({}x) after an unsatisfied visit",
        CaseVariables.string(execution, CASE_NO),
        reopenCount);
  }
}
