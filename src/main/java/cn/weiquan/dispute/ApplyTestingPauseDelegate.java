package cn.weiquan.dispute;

import static cn.weiquan.dispute.DisputeVariables.*;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.weiquan.calendar.DeadlinePause;
import cn.weiquan.calendar.Deadlines;

/**
 * Task_ApplyTestingPause: product testing or appraisal during mediation is not counted in the mediation period
 * (SAMR Order 20 Art. 20), so the mediation limit and its reminder move by the paused working days, timers included.
 */
@Component("applyTestingPause")
public class ApplyTestingPauseDelegate implements JavaDelegate {

    private final DeadlinePause deadlinePause;
    private final Deadlines deadlines;

    public ApplyTestingPauseDelegate(DeadlinePause deadlinePause, Deadlines deadlines) {
        this.deadlinePause = deadlinePause;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Date from = date(execution, PAUSED_FROM);
        Date to = date(execution, PAUSED_TO);
        if (from == null || to == null || to.before(from)) {
            throw new IllegalArgumentException("testing pause needs pausedFrom <= pausedTo, was " + from + " .. " + to);
        }
        String instance = execution.getProcessInstanceId();
        Date moved = deadlinePause.apply(instance, MEDIATION_DUE, TIMER_MEDIATION_LIMIT, from, to);
        // the reminder is derived from the limit (one working day before it), as its timer expression says
        deadlinePause.reschedule(instance, TIMER_MEDIATION_LIMIT_REMINDER, deadlines.reminderBefore(moved));
    }
}
