package cn.weiquan.dispute;

import static cn.weiquan.dispute.DisputeVariables.*;

import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import cn.weiquan.calendar.Deadlines;
import cn.weiquan.platform.CaseScope;
import cn.weiquan.platform.ElementProperties;

/**
 * Task_Enter*: the case enters a stage. The task's extension properties (all optional) say how: stageLabel (the
 * Chinese label shown in Tasklist and mails), deadlineVariable + deadlinePeriod (a named legal period stored from the
 * date in the variable named by deadlineFrom, default now, so timers, due dates and Cockpit read the same value). A
 * reminder timer derives its date from the stored deadline (${deadlines.reminderBefore(mediationDue)}), so the two
 * cannot drift apart.
 */
@Component("enterStage")
public class EnterStageDelegate implements JavaDelegate {

    private final Deadlines deadlines;

    public EnterStageDelegate(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Map<String, String> settings = ElementProperties.of(execution);
        // the stage is the whole case's (its spine's); a deadline belongs to the process whose timers read it, never
        // to a sub-process scope
        var caseScope = execution.getProcessInstance();
        String stage = settings.get(IN_STAGE_LABEL);
        if (stage != null) {
            CaseScope.spine(execution).setVariable(STAGE, stage);
        }
        String variable = settings.get(IN_DEADLINE_VARIABLE);
        if (variable == null) {
            return;
        }
        String period = settings.get(IN_DEADLINE_PERIOD);
        if (period == null) {
            throw new IllegalStateException(execution.getCurrentActivityId() + " stores " + variable + " but names no " + IN_DEADLINE_PERIOD);
        }
        String fromVariable = settings.get(IN_DEADLINE_FROM);
        Date from = fromVariable == null ? ClockUtil.getCurrentTime() : date(caseScope, fromVariable);
        if (from == null) {
            throw new IllegalStateException(execution.getCurrentActivityId() + ": the case has no " + fromVariable + " to count " + variable + " from");
        }
        deadlines.store(caseScope, variable, period, from);
    }
}
