package cn.weiquan.complaint;

import cn.weiquan.calendar.Deadlines;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Turns the SLA periods that complaint-severity names (amount + unit) into dates on the legal clock,
 * so the timers, the task due dates and the acknowledgement mail all show the same deadline.
 */
@Component
public class SlaPlanner {
  private final Deadlines deadlines;

  public SlaPlanner(Deadlines deadlines) {
    this.deadlines = deadlines;
  }

  public SlaPlan plan(Date from, int firstResponseAmount, String firstResponseUnit, int resolutionAmount, String resolutionUnit) {
    Date firstResponseDue = deadlines.after(from, firstResponseAmount, firstResponseUnit);
    Date resolutionDue = deadlines.after(from, resolutionAmount, resolutionUnit);
    return new SlaPlan(reminder(from, firstResponseDue), firstResponseDue, reminder(from, resolutionDue), resolutionDue);
  }

  /** The resolution clock restarts when a case is reopened after an unsatisfied visit. */
  public SlaPlan replanResolution(SlaPlan current, Date from, int resolutionAmount, String resolutionUnit) {
    Date resolutionDue = deadlines.after(from, resolutionAmount, resolutionUnit);
    return new SlaPlan(current.firstResponseReminderAt(), current.firstResponseDue(), reminder(from, resolutionDue), resolutionDue);
  }

  /**
   * One working day before the due date; when that is not after the start (an SLA of hours or of
   * one day), half-way between start and due, so the handler is reminded before the breach.
   */
  Date reminder(Date from, Date due) {
    Date dayBefore = deadlines.reminderBefore(due);
    if (dayBefore.after(from)) {
      return dayBefore;
    }
    return new Date(from.getTime() + (due.getTime() - from.getTime()) / 2);
  }
}
