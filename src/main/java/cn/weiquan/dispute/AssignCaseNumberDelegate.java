package cn.weiquan.dispute;

import static cn.weiquan.dispute.DisputeVariables.*;

import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import cn.weiquan.casenumber.CaseNumbers;

/**
 * Task_AssignCaseNumber: gives the case its number (kept when the REST intake already assigned one), makes it the
 * business key, and sets the flags the gateways read so that a form that hid them does not break a condition.
 */
@Component("assignCaseNumber")
public class AssignCaseNumberDelegate implements JavaDelegate {

    private final CaseNumbers caseNumbers;

    public AssignCaseNumberDelegate(CaseNumbers caseNumbers) {
        this.caseNumbers = caseNumbers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Date now = ClockUtil.getCurrentTime();
        String caseNo = string(execution, CASE_NO);
        if (caseNo == null || caseNo.isEmpty()) {
            caseNo = caseNumbers.next(CASE_PREFIX, LocalDate.ofInstant(now.toInstant(), CHINA));
            execution.setVariable(CASE_NO, caseNo);
        }
        if (!caseNo.equals(execution.getProcessBusinessKey())) {
            execution.setProcessBusinessKey(caseNo);
        }
        // the stage is set by the Task_Enter* that follows in this same transaction; the registration time is the
        // process instance's start time (history), not a variable of its own
        asBoolean(execution, REPORT_VIOLATION);
        asBoolean(execution, ARBITRATION_AGREEMENT);
        if (!execution.hasVariable(PLATFORM)) {
            execution.setVariable(PLATFORM, null);
        }
    }

    /** A flag a form sent as text, or left out, becomes a Boolean; one that is a Boolean already is not written again. */
    private static void asBoolean(DelegateExecution execution, String name) {
        if (!(execution.getVariable(name) instanceof Boolean)) {
            execution.setVariable(name, flag(execution, name));
        }
    }
}
