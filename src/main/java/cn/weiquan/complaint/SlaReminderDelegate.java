package cn.weiquan.complaint;

import static cn.weiquan.complaint.ComplaintVariables.*;

import cn.weiquan.cases.CaseVariables;
import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * 提醒处理人: an SLA is about to run out. The handler's open tasks of the case move to the top of
 * Tasklist (priority 80) and lastReminder says which deadline; the escalation to supervisors comes
 * only on breach.
 */
@Component("complaintReminder")
public class SlaReminderDelegate implements JavaDelegate {
  static final int REMINDED_PRIORITY = 80;

  @Override
  public void execute(DelegateExecution execution) {
    String deadline = CaseVariables.string(execution, REMINDER_FOR);
    Date due = CaseVariables.date(execution, deadline);
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    for (Task task :
        tasks
            .createTaskQuery()
            .processInstanceId(execution.getProcessInstanceId())
            .active()
            .list()) {
      if (task.getPriority() < REMINDED_PRIORITY) {
        tasks.setPriority(task.getId(), REMINDED_PRIORITY);
      }
    }
    String label = FIRST_RESPONSE_DUE.equals(deadline) ? "首次响应" : "办结";
    execution.setVariable(LAST_REMINDER, label + "时限即将到期：" + ReminderText.format(due));
  }
}
