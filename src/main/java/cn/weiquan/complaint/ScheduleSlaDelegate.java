package cn.weiquan.complaint;

import static cn.weiquan.complaint.ComplaintVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 计算处理时限: first-response and resolution due dates from the periods complaint-severity named. */
@Component("complaintSla")
public class ScheduleSlaDelegate implements JavaDelegate {
  private final SlaPlanner planner;

  public ScheduleSlaDelegate(SlaPlanner planner) {
    this.planner = planner;
  }

  @Override
  public void execute(DelegateExecution execution) {
    SlaPlan plan = planner.plan(Values.date(execution, RECEIVED_AT),
        Values.integer(execution, FIRST_RESPONSE_AMOUNT, 0), Values.text(execution, FIRST_RESPONSE_UNIT),
        Values.integer(execution, RESOLUTION_AMOUNT, 0), Values.text(execution, RESOLUTION_UNIT));
    store(execution, plan);
  }

  static void store(DelegateExecution execution, SlaPlan plan) {
    execution.setVariable(FIRST_RESPONSE_REMINDER_AT, plan.firstResponseReminderAt());
    execution.setVariable(FIRST_RESPONSE_DUE, plan.firstResponseDue());
    execution.setVariable(RESOLUTION_REMINDER_AT, plan.resolutionReminderAt());
    execution.setVariable(RESOLUTION_DUE, plan.resolutionDue());
  }
}
