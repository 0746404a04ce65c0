package cn.weiquan.complaint;

import static cn.weiquan.complaint.ComplaintVariables.*;

import cn.weiquan.calendar.Deadlines;
import cn.weiquan.platform.EngineClock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 安排回访: the visit is due the configured calendar period (default follow-up-visit, 3 working days)
 * after the response.
 */
@Component("complaintVisitSchedule")
public class ScheduleVisitDelegate implements JavaDelegate {
  private final Deadlines deadlines;
  private final ComplaintProperties properties;

  public ScheduleVisitDelegate(Deadlines deadlines, ComplaintProperties properties) {
    this.deadlines = deadlines;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Date respondedAt = EngineClock.now();
    execution.setVariable(RESPONDED_AT, respondedAt);
    deadlines.store(execution, VISIT_DUE, properties.visitPeriod(), respondedAt);
  }
}
