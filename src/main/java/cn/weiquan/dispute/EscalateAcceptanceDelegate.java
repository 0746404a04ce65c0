package cn.weiquan.dispute;

import static cn.weiquan.cases.CaseVariables.*;
import static cn.weiquan.dispute.DisputeVariables.*;

import cn.weiquan.platform.WeiquanGroups;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Timer_AcceptanceOverdue (non-interrupting): the overdue acceptance review stays where it is and
 * also becomes a task of the supervisors, so that one of them can take it over.
 */
@Component("escalateAcceptance")
public class EscalateAcceptanceDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    for (Task review :
        tasks
            .createTaskQuery()
            .processInstanceId(execution.getProcessInstanceId())
            .taskDefinitionKey(TASK_REVIEW_ACCEPTANCE)
            .list()) {
      tasks.addCandidateGroup(review.getId(), WeiquanGroups.SUPERVISORS);
    }
    execution.setVariable(ACCEPTANCE_ESCALATED, true);
  }
}
