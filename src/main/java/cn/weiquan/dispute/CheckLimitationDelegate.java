package cn.weiquan.dispute;

import static cn.weiquan.dispute.DisputeVariables.*;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import cn.weiquan.calendar.Deadline;
import cn.weiquan.calendar.Deadlines;

/**
 * Task_CheckLimitation: a civil claim must be brought within 3 years of knowing the harm and the liable party
 * (民法典 Art. 188). Counted from harmKnownOn, else the receipt or payment date.
 */
@Component("checkLimitation")
public class CheckLimitationDelegate implements JavaDelegate {

    static final String PERIOD = "civil-limitation";

    private final Deadlines deadlines;

    public CheckLimitationDelegate(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Date known = firstPresent(date(execution, HARM_KNOWN_ON), date(execution, RECEIVED_AT), date(execution, PAID_AT),
                date(execution, REGISTERED_AT));
        deadlines.store(execution.getProcessInstance(), LIMITATION_DUE, PERIOD, known);
        Deadline limitation = deadlines.compute(PERIOD, known);
        boolean expired = ClockUtil.getCurrentTime().toInstant().isAfter(limitation.due());
        execution.setVariable(LIMITATION_EXPIRED, expired);
        if (expired) {
            execution.setVariable(REASON, "诉讼时效期间已届满（自知道权利受到损害之日起三年）");
            execution.setVariable(BASIS, limitation.basis());
        }
    }

    private static Date firstPresent(Date... dates) {
        for (Date date : dates) {
            if (date != null) {
                return date;
            }
        }
        return ClockUtil.getCurrentTime();
    }
}
