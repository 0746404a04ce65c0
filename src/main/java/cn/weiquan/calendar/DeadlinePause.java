package cn.weiquan.calendar;

import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * Stops the legal clock for a pause (product testing or appraisal: not counted in the mediation
 * period, SAMR Order 20 Art. 20): moves the stored deadline variable, then has the engine
 * re-evaluate the due dates of the process's timers, so every timer whose expression reads the
 * deadline (the limit, a reminder derived from it) follows without the code knowing which timers
 * those are. Each pause is recorded in {@code <variable>Pauses} (one line per pause), besides the
 * variable's own history.
 */
@Component("deadlinePause")
public class DeadlinePause {
  public static final String PAUSES_SUFFIX = "Pauses";

  private final Deadlines deadlines;
  private final RuntimeService runtime;
  private final ManagementService management;

  public DeadlinePause(Deadlines deadlines, RuntimeService runtime, ManagementService management) {
    this.deadlines = deadlines;
    this.runtime = runtime;
    this.management = management;
  }

  public Date apply(String processInstanceId, String variable, Date pausedFrom, Date pausedTo) {
    Object stored = runtime.getVariable(processInstanceId, variable);
    if (!(stored instanceof Date due)) {
      throw new IllegalStateException(
          "process instance " + processInstanceId + " has no deadline '" + variable + "'");
    }
    Date moved = deadlines.extendByPause(due, pausedFrom, pausedTo);
    runtime.setVariable(processInstanceId, variable, moved);
    runtime.setVariable(processInstanceId, variable + Deadlines.TEXT_SUFFIX, Deadlines.text(moved));
    String pauses = (String) runtime.getVariable(processInstanceId, variable + PAUSES_SUFFIX);
    String entry =
        onDay(pausedFrom)
            + "～"
            + onDay(pausedTo)
            + " 暂停"
            + deadlines.pausedWorkingDays(pausedFrom, pausedTo)
            + "个工作日，期限由"
            + day(due)
            + "移至"
            + day(moved)
            + "（检测、鉴定时间不计入调解期限）";
    runtime.setVariable(
        processInstanceId,
        variable + PAUSES_SUFFIX,
        pauses == null ? entry : pauses + "\n" + entry);
    for (Job timer :
        management.createJobQuery().processInstanceId(processInstanceId).timers().list()) {
      management.recalculateJobDuedate(timer.getId(), false);
    }
    return moved;
  }

  /** The date shown to people: for a 24:00 deadline, the last day of the period. */
  private static LocalDate day(Date due) {
    return due.toInstant().minusNanos(1).atZone(Deadlines.ZONE).toLocalDate();
  }

  private static LocalDate onDay(Date instant) {
    return instant.toInstant().atZone(Deadlines.ZONE).toLocalDate();
  }
}
