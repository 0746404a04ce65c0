package cn.weiquan.dispute;

import static cn.weiquan.cases.CaseVariables.*;
import static cn.weiquan.dispute.DisputeVariables.*;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import cn.weiquan.platform.EngineClock;
import org.springframework.stereotype.Component;

import cn.weiquan.rules.eligibility.EligibilityFacts;
import cn.weiquan.rules.eligibility.EligibilityResult;
import cn.weiquan.rules.eligibility.EligibilityService;

/**
 * Task_CheckEligibility: can the case be accepted? Writes eligible and, when the rules have something to say, the
 * reasons (reason: what the consumer is told; basis: the law behind it; eligibilityCodes for reports). Whether
 * punitive sums may be claimed is asked where they are computed (Task_QuoteClaims).
 */
@Component("checkEligibility")
public class CheckEligibilityDelegate implements JavaDelegate {

    static final String NATURAL_PERSON = "naturalPerson";
    static final String PURPOSE = "purpose";
    static final String ELIGIBILITY_CODES = "eligibilityCodes";

    private final EligibilityService eligibility;

    public CheckEligibilityDelegate(EligibilityService eligibility) {
        this.eligibility = eligibility;
    }

    @Override
    public void execute(DelegateExecution execution) {
        EligibilityResult result = eligibility.check(caseFacts(execution, "negotiation"));
        execution.setVariable(ELIGIBLE, result.eligible());
        if (!result.reasons().isEmpty()) {
            // an eligible case without remarks has nothing to record here
            execution.setVariable(ELIGIBILITY_CODES, result.reasons().stream().map(EligibilityResult.Reason::code).collect(Collectors.joining(",")));
            execution.setVariable(REASON, result.reasons().stream().map(EligibilityResult.Reason::message).collect(Collectors.joining("\n")));
            execution.setVariable(BASIS, result.reasons().stream().map(EligibilityResult.Reason::basis).distinct().collect(Collectors.joining("；")));
        }
    }

    /** The case's facts as the eligibility rules read them, for a case brought before {@code channel} today. */
    static EligibilityFacts caseFacts(DelegateExecution execution, String channel) {
        LocalDate today = EngineClock.today();
        // a consumer registering a dispute is a natural person buying for living consumption unless the case says
        // otherwise; a channel receives these facts by an in-mapping, which passes an unset fact on as null
        boolean naturalPerson = execution.getVariable(NATURAL_PERSON) == null || flag(execution, NATURAL_PERSON);
        String purpose = string(execution, PURPOSE) == null ? "living-consumption" : string(execution, PURPOSE);
        LocalDate harmKnownOn = firstPresent(day(execution, HARM_KNOWN_ON), day(execution, RECEIVED_AT), day(execution, PAID_AT));
        Integer quantity = integer(execution, QUANTITY);
        return new EligibilityFacts(naturalPerson, purpose, harmKnownOn, today, channel, List.of(), null, null)
                .withPurchase(quantity, 0, flag(execution, "foodOrDrug"));
    }

    private static LocalDate firstPresent(LocalDate... days) {
        for (LocalDate day : days) {
            if (day != null) {
                return day;
            }
        }
        return null;
    }
}
