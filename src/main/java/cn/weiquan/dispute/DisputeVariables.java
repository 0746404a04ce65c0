package cn.weiquan.dispute;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.delegate.VariableScope;

import cn.weiquan.calendar.Deadlines;

/**
 * The process variables of consumer-dispute, named once. Names shared with the channel and the mail templates follow
 * helper-contracts.md; the typed readers accept what Tasklist forms and the REST API send (a date form field arrives as
 * "2026-03-05", a money field as "100.00").
 */
public final class DisputeVariables {

    public static final String PROCESS_KEY = "consumer-dispute";
    public static final String CASE_PREFIX = "WQ";
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    // case facts (contract)
    public static final String CASE_NO = "caseNo";
    public static final String STAGE = "stage";
    public static final String CONSUMER_NAME = "consumerName";
    public static final String CONSUMER_PHONE = "consumerPhone";
    public static final String CONSUMER_EMAIL = "consumerEmail";
    public static final String MERCHANT_NAME = "merchantName";
    public static final String MERCHANT_EMAIL = "merchantEmail";
    public static final String PLATFORM = "platform";
    public static final String SHOP_ID = "shopId";
    public static final String PURCHASE_CHANNEL = "purchaseChannel";
    public static final String ITEM_NAME = "itemName";
    public static final String PRICE = "price";
    public static final String QUANTITY = "quantity";
    public static final String PAID_AT = "paidAt";
    public static final String RECEIVED_AT = "receivedAt";
    public static final String CATEGORY = "category";
    public static final String DESCRIPTION = "description";
    public static final String CLAIM_REFUND = "claimRefund";
    public static final String CLAIM_REPLACE = "claimReplace";
    public static final String CLAIM_REPAIR = "claimRepair";
    public static final String CLAIM_AMOUNT = "claimAmount";
    public static final String HARM_KNOWN_ON = "harmKnownOn";
    public static final String ARBITRATION_AGREEMENT = "arbitrationAgreement";
    public static final String REPORT_VIOLATION = "reportViolation";
    public static final String REPORTER_NAME = "reporterName";

    // registration
    public static final String ELIGIBLE = "eligible";
    public static final String REASON = "reason";
    public static final String BASIS = "basis";
    public static final String LIMITATION_DUE = "limitationDue";

    // stage entry (input parameters of Task_Enter*, local to the task)
    public static final String IN_STAGE_LABEL = "stageLabel";
    public static final String IN_DEADLINE_VARIABLE = Deadlines.DECLARED_VARIABLE;
    public static final String IN_DEADLINE_PERIOD = Deadlines.DECLARED_PERIOD;
    public static final String IN_DEADLINE_FROM = "deadlineFrom";

    // stored deadlines (Date; each with <name>Basis, see Deadlines.store; the period is named by the storing task)
    public static final String MERCHANT_RESPONSE_DUE = "merchantResponseDue";
    public static final String EVIDENCE_DUE = "evidenceDue";
    public static final String REVIEW_DUE = "reviewDue";
    public static final String ACCEPTANCE_DUE = "acceptanceDue";
    public static final String MEDIATION_DUE = "mediationDue";
    public static final String COURT_CONFIRMATION_DUE = "courtConfirmationDue";
    public static final String REGULATOR_ACCEPTANCE_DUE = "regulatorAcceptanceDue";
    public static final String APPEAL_DUE = "appealDue";

    // messages and answers (contract)
    public static final String MERCHANT_ANSWER = "merchantAnswer";
    public static final String MERCHANT_OFFER = "merchantOffer";
    public static final String CONSUMER_DECISION = "consumerDecision";
    public static final String NEXT_CHANNEL = "nextChannel";
    public static final String EVIDENCE_FROM = "evidenceFrom";
    public static final String EVIDENCE_DESCRIPTION = "evidenceDescription";
    public static final String WITHDRAW_REASON = "withdrawReason";
    public static final String JUDGMENT_SERVED_AT = "judgmentServedAt";

    // platform intervention
    public static final String EVIDENCE_WINDOW_LAPSED = "evidenceWindowLapsed";
    public static final String PLATFORM_VIOLATION = "platformViolation";
    public static final String PLATFORM_DECISION = "platformDecision";
    public static final String POINTS_DEDUCTED = "pointsDeducted";
    public static final String COMPENSATION_RULE = "compensationRule";
    public static final String PENALTY_BASIS = "penaltyBasis";
    public static final String COMPENSATION_AMOUNT = "compensationAmount";
    public static final String COMPENSATION_BASIS = "compensationBasis";

    // association mediation
    public static final String MEDIATION_ACCEPTED = "mediationAccepted";
    public static final String ACCEPTANCE_ESCALATED = "acceptanceEscalated";
    public static final String SESSION_OUTCOME = "sessionOutcome";
    public static final String PAUSED_FROM = "pausedFrom";
    public static final String PAUSED_TO = "pausedTo";
    public static final String CONSUMER_CONFIRMED = "consumerConfirmed";
    public static final String MERCHANT_CONFIRMED = "merchantConfirmed";

    // court
    public static final String LIMITATION_EXPIRED = "limitationExpired";
    public static final String CLAIM_TOTAL = "claimTotal";
    public static final String CLAIM_BASIS = "claimBasis";
    public static final String CLAIM_BREAKDOWN = "claimBreakdown";

    // element ids the Java side needs
    public static final String TASK_REVIEW_ACCEPTANCE = "Task_ReviewAcceptance";
    public static final String TIMER_MEDIATION_LIMIT = "Timer_MediationLimit";
    public static final String TIMER_MEDIATION_LIMIT_REMINDER = "Timer_MediationLimitReminder";

    private DisputeVariables() {
    }

    public static String string(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString().trim();
    }

    public static boolean flag(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString().trim());
    }

    /** Yuan, scale 2; blank or absent is zero. */
    public static BigDecimal yuan(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal amount = value instanceof BigDecimal b ? b : new BigDecimal(value.toString().trim());
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    public static Integer integer(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value instanceof Number n) {
            return n.intValue();
        }
        return value == null || value.toString().isBlank() ? null : Integer.valueOf(value.toString().trim());
    }

    public static Date date(VariableScope scope, String name) {
        return toDate(scope.getVariable(name));
    }

    public static LocalDate day(VariableScope scope, String name) {
        Date date = date(scope, name);
        return date == null ? null : date.toInstant().atZone(CHINA).toLocalDate();
    }

    /** A Date, an ISO date ("2026-03-05", start of that day in China) or an ISO date-time; null for absent or blank. */
    public static Date toDate(Object value) {
        if (value == null || value instanceof Date) {
            return (Date) value;
        }
        if (value instanceof Instant instant) {
            return Date.from(instant);
        }
        if (value instanceof LocalDate localDate) {
            return Date.from(localDate.atStartOfDay(CHINA).toInstant());
        }
        String text = value.toString().trim();
        if (text.isEmpty()) {
            return null;
        }
        if (text.length() == 10) {
            return toDate(LocalDate.parse(text));
        }
        try {
            return Date.from(OffsetDateTime.parse(text).toInstant());
        } catch (RuntimeException noOffset) {
            return Date.from(LocalDateTime.parse(text).atZone(CHINA).toInstant());
        }
    }
}
