package cn.weiquan.dispute;

import static cn.weiquan.cases.CaseVariables.*;
import static cn.weiquan.dispute.DisputeVariables.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import cn.weiquan.platform.EngineClock;
import org.springframework.stereotype.Component;

import cn.weiquan.casenumber.CaseNumbers;
import cn.weiquan.platform.ElementProperties;

/**
 * Task_AssignCaseNumber: checks the registration has what a case needs, gives the case its number with the prefix the
 * step's extension property casePrefix names (kept when the REST intake already assigned one), makes it the business
 * key, and sets the flags the gateways and the open-channels decision read, so that a form that hid them does not
 * break a condition.
 */
@Component("assignCaseNumber")
public class AssignCaseNumberDelegate implements JavaDelegate {

    private final CaseNumbers caseNumbers;

    public AssignCaseNumberDelegate(CaseNumbers caseNumbers) {
        this.caseNumbers = caseNumbers;
    }

    /** The step's extension property naming the case-number prefix (WQ-2026-000123). */
    static final String CASE_PREFIX_PROPERTY = "casePrefix";

    /** What a registration cannot do without (the start form requires them; a start over the REST API may lack them). */
    static final Map<String, String> REQUIRED = new LinkedHashMap<>();

    static {
        REQUIRED.put(CONSUMER_NAME, "消费者姓名");
        REQUIRED.put(MERCHANT_NAME, "经营者");
        REQUIRED.put(ITEM_NAME, "商品或服务");
        REQUIRED.put(DESCRIPTION, "纠纷经过");
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> missing = new ArrayList<>();
        REQUIRED.forEach((name, label) -> {
            if (string(execution, name) == null || string(execution, name).isEmpty()) {
                missing.add(label + "（" + name + "）");
            }
        });
        if (string(execution, CONSUMER_PHONE) == null && string(execution, CONSUMER_EMAIL) == null) {
            missing.add("消费者电话或邮箱（consumerPhone / consumerEmail）");
        }
        if (date(execution, HARM_KNOWN_ON) == null && date(execution, RECEIVED_AT) == null && date(execution, PAID_AT) == null) {
            missing.add("知道权益受损、收货或付款的日期（harmKnownOn / receivedAt / paidAt）");
        }
        if (!missing.isEmpty()) {
            // the caller's mistake, answered as 400 by the engine's REST API and shown in Tasklist; nothing is started
            throw new BadUserRequestException("登记不完整，缺少：" + String.join("、", missing));
        }
        Date now = EngineClock.now();
        String caseNo = string(execution, CASE_NO);
        if (caseNo == null || caseNo.isEmpty()) {
            String prefix = ElementProperties.of(execution).getOrDefault(CASE_PREFIX_PROPERTY, CASE_PREFIX);
            caseNo = caseNumbers.next(prefix, LocalDate.ofInstant(now.toInstant(), CHINA));
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
        for (String channel : CHANNELS) {
            String tried = "tried" + Character.toUpperCase(channel.charAt(0)) + channel.substring(1);
            if (!(execution.getVariable(tried) instanceof Boolean)) {
                execution.setVariable(tried, false);
            }
        }
    }

    /** A flag a form sent as text, or left out, becomes a Boolean; one that is a Boolean already is not written again. */
    private static void asBoolean(DelegateExecution execution, String name) {
        if (!(execution.getVariable(name) instanceof Boolean)) {
            execution.setVariable(name, flag(execution, name));
        }
    }
}
