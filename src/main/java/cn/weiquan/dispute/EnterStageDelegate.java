package cn.weiquan.dispute;

import static cn.weiquan.dispute.DisputeVariables.*;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import cn.weiquan.calendar.Deadlines;

/**
 * Task_Enter*: the case enters a stage. Input parameters (all optional): stageLabel (the Chinese label shown in
 * Tasklist and mails), deadlineVariable + deadlinePeriod (a named legal period stored from deadlineFrom, default now,
 * so timers, due dates and Cockpit read the same value) and reminderVariable (one working day before that deadline).
 */
@Component("enterStage")
public class EnterStageDelegate implements JavaDelegate {

    private final Deadlines deadlines;

    public EnterStageDelegate(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String stage = string(execution, IN_STAGE_LABEL);
        if (stage != null) {
            execution.setVariable(STAGE, stage);
        }
        String variable = string(execution, IN_DEADLINE_VARIABLE);
        if (variable == null) {
            return;
        }
        Date from = toDate(execution.getVariableLocal(IN_DEADLINE_FROM));
        // the deadline lives on the process instance, not on the task's local scope
        var caseScope = execution.getProcessInstance();
        deadlines.store(caseScope, variable, string(execution, IN_DEADLINE_PERIOD), from == null ? ClockUtil.getCurrentTime() : from);
        String reminder = string(execution, IN_REMINDER_VARIABLE);
        if (reminder != null) {
            caseScope.setVariable(reminder, deadlines.reminderBefore(date(caseScope, variable)));
        }
    }
}
