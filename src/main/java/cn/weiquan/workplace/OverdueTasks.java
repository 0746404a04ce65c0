package cn.weiquan.workplace;

import cn.weiquan.platform.EngineClock;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Raises the priority of open tasks whose due date has passed (see {@link TaskPriority}), every
 * minute by default ({@code weiquan.tasks.overdue-check}). Tasks created after their due date are
 * raised at once by the listener.
 */
@Component
public class OverdueTasks {
  private final TaskService tasks;

  public OverdueTasks(TaskService tasks) {
    this.tasks = tasks;
  }

  @Scheduled(
      initialDelayString = "${weiquan.tasks.overdue-check:PT1M}",
      fixedDelayString = "${weiquan.tasks.overdue-check:PT1M}")
  public void check() {
    raise(tasks);
  }

  /**
   * Raises every open task past its due date by the engine's clock that is not raised yet; returns
   * how many.
   */
  public static int raise(TaskService tasks) {
    int raised = 0;
    for (Task task :
        tasks
            .createTaskQuery()
            .active()
            .dueBefore(EngineClock.now())
            .taskMaxPriority(TaskPriority.OVERDUE - 1)
            .list()) {
      tasks.setPriority(task.getId(), TaskPriority.overdue(task.getPriority()));
      raised++;
    }
    return raised;
  }
}
