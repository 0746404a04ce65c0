package cn.weiquan.complaint;

import static cn.weiquan.complaint.ComplaintVariables.*;

import cn.weiquan.calendar.Deadlines;
import cn.weiquan.cases.CaseVariables;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 计算处理时限: the first-response and resolution deadlines of the periods complaint-severity named, on
 * the legal clock and stored like every deadline of the product (the date and its basis, {@link
 * Deadlines#store}), so the timers, the task due dates, the case status and the acknowledgement
 * mail all show the same day. The reminders are derived from them in the timers
 * (${deadlines.reminder(receivedAt, firstResponseDue)}), not stored.
 */
@Component("complaintSla")
public class ScheduleSlaDelegate implements JavaDelegate {
  private static final Map<String, String> UNITS =
      Map.of("HOURS", "小时", "DAYS", "日", "WORKING_DAYS", "个工作日", "MONTHS", "个月", "YEARS", "年");

  private final Deadlines deadlines;

  public ScheduleSlaDelegate(Deadlines deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Date received = CaseVariables.date(execution, RECEIVED_AT);
    store(
        execution,
        FIRST_RESPONSE_DUE,
        "首次响应",
        FIRST_RESPONSE_AMOUNT,
        FIRST_RESPONSE_UNIT,
        received);
    store(execution, RESOLUTION_DUE, "办结", RESOLUTION_AMOUNT, RESOLUTION_UNIT, received);
    execution.setVariable(RESOLUTION_FROM, received);
  }

  /** The resolution clock restarts when a case is reopened after an unsatisfied visit. */
  void restartResolution(DelegateExecution execution, Date from) {
    store(execution, RESOLUTION_DUE, "办结", RESOLUTION_AMOUNT, RESOLUTION_UNIT, from);
    execution.setVariable(RESOLUTION_FROM, from);
  }

  private void store(
      DelegateExecution execution,
      String variable,
      String what,
      String amountVariable,
      String unitVariable,
      Date from) {
    int amount = CaseVariables.integer(execution, amountVariable, 0);
    String unit = CaseVariables.string(execution, unitVariable);
    String basis =
        "本公司投诉处理制度（投诉分级表 complaint-severity）："
            + CaseVariables.string(execution, SEVERITY)
            + "投诉"
            + what
            + "时限"
            + amount
            + UNITS.getOrDefault(unit, unit);
    deadlines.store(execution, variable, amount, unit, basis, from);
  }
}
