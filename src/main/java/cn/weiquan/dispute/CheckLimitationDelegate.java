package cn.weiquan.dispute;

import static cn.weiquan.dispute.DisputeVariables.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import cn.weiquan.calendar.Deadline;
import cn.weiquan.calendar.Deadlines;
import cn.weiquan.calendar.YearNotCoveredException;

/**
 * Task_CheckLimitation: a civil claim must be brought within 3 years of knowing the harm and the liable party
 * (民法典 Art. 188). Counted from harmKnownOn, else the receipt or payment date.
 */
@Component("checkLimitation")
public class CheckLimitationDelegate implements JavaDelegate {

    static final String PERIOD = "civil-limitation";
    static final int YEARS = 3; // 民法典 Art. 188

    private final Deadlines deadlines;

    public CheckLimitationDelegate(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Date known = firstPresent(date(execution, HARM_KNOWN_ON), date(execution, RECEIVED_AT), date(execution, PAID_AT),
                date(execution, REGISTERED_AT));
        Instant due;
        String basis;
        try {
            Deadline limitation = deadlines.compute(PERIOD, known);
            deadlines.store(execution.getProcessInstance(), LIMITATION_DUE, PERIOD, known);
            due = limitation.due();
            basis = limitation.basis();
        } catch (YearNotCoveredException holidaysNotPublished) {
            // the last day falls in a year whose rest days are not published yet: without the roll-over (Art. 203) the
            // limitation can only end later than this, so "still within the limitation" stays a safe conclusion
            LocalDate lastDay = LocalDate.ofInstant(known.toInstant(), CHINA).plusYears(YEARS);
            due = lastDay.plusDays(1).atStartOfDay(CHINA).toInstant();
            basis = "《民法典》第一百八十八条、第二百零一条、第二百零二条（" + lastDay.getYear() + "年放假安排尚未公布，未计节假日顺延）";
            var caseScope = execution.getProcessInstance();
            caseScope.setVariable(LIMITATION_DUE, Date.from(due));
            caseScope.setVariable(LIMITATION_DUE + "Period", PERIOD);
            caseScope.setVariable(LIMITATION_DUE + "Basis", basis);
        }
        boolean expired = ClockUtil.getCurrentTime().toInstant().isAfter(due);
        execution.setVariable(LIMITATION_EXPIRED, expired);
        if (expired) {
            execution.setVariable(REASON, "诉讼时效期间已届满（自知道权利受到损害之日起三年）");
            execution.setVariable(BASIS, basis);
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
