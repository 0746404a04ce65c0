package cn.weiquan.complaint;

import static cn.weiquan.complaint.ComplaintVariables.*;

import cn.weiquan.platform.EngineClock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** 重新处理投诉: counts the reopening, keeps the visit's comments as its reason, restarts the resolution clock. */
@Component("complaintReopen")
public class ReopenComplaintDelegate implements JavaDelegate {
  private static final Logger LOG = LoggerFactory.getLogger(ReopenComplaintDelegate.class);
  private final SlaPlanner planner;

  public ReopenComplaintDelegate(SlaPlanner planner) {
    this.planner = planner;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int reopenCount = Values.integer(execution, REOPEN_COUNT, 0) + 1;
    execution.setVariable(REOPEN_COUNT, reopenCount);
    String reason = Values.text(execution, VISIT_COMMENTS);
    execution.setVariable(REOPEN_REASON, reason == null ? "回访不满意" : reason);
    Date now = EngineClock.now();
    SlaPlan current = new SlaPlan(Values.date(execution, FIRST_RESPONSE_REMINDER_AT), Values.date(execution, FIRST_RESPONSE_DUE),
        Values.date(execution, RESOLUTION_REMINDER_AT), Values.date(execution, RESOLUTION_DUE));
    ScheduleSlaDelegate.store(execution, planner.replanResolution(current, now,
        Values.integer(execution, RESOLUTION_AMOUNT, 0), Values.text(execution, RESOLUTION_UNIT)));
    LOG.info("Complaint {} reopened ({}x) after an unsatisfied visit", Values.text(execution, CASE_NO), reopenCount);
  }
}
