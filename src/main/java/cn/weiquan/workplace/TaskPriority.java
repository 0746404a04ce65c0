package cn.weiquan.workplace;

import cn.weiquan.cases.CaseVariables;
import cn.weiquan.complaint.ComplaintVariables;
import cn.weiquan.platform.EngineClock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * A task's priority, the order of Tasklist's filters: the case's level (complaint-severity: 紧急
 * above 重要 above 一般; a consumer dispute counts as 一般), and every task whose deadline (its due date,
 * the statutory or company deadline the process computed) has passed above every task still in
 * time. Set when a task is created ({@link TaskPriorityPlugin} registers this listener on every
 * user task) and raised when a deadline passes later ({@link OverdueTasks}).
 */
public final class TaskPriority implements TaskListener {
  /** Camunda's default priority: a case without a level (a consumer dispute) or of level 一般. */
  public static final int GENERAL = 50;

  public static final int IMPORTANT = 60;
  public static final int URGENT = 70;

  /**
   * Added once a task's due date has passed: any overdue task ranks above every task still in time.
   */
  public static final int OVERDUE = 100;

  @Override
  public void notify(DelegateTask task) {
    task.setPriority(
        priority(
            CaseVariables.string(task, ComplaintVariables.SEVERITY),
            task.getDueDate(),
            EngineClock.now()));
  }

  /**
   * The priority of a task of a case of this level (null: no level) due at {@code due} (null: no
   * deadline), now.
   */
  public static int priority(String severity, Date due, Date now) {
    int level = levelPriority(severity);
    return due != null && due.before(now) ? overdue(level) : level;
  }

  static int levelPriority(String severity) {
    if (severity == null) {
      return GENERAL;
    }
    return switch (severity) {
      case "紧急" -> URGENT;
      case "重要" -> IMPORTANT;
      default -> GENERAL;
    };
  }

  /**
   * The same task once its deadline has passed (idempotent: an overdue priority stays as it is).
   */
  public static int overdue(int priority) {
    return priority >= OVERDUE ? priority : priority + OVERDUE;
  }
}
