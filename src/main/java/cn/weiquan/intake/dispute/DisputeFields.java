package cn.weiquan.intake.dispute;

import cn.weiquan.dispute.DisputeVariables;
import cn.weiquan.platform.ProcessKeys;
import java.util.Map;

/**
 * The consumer-dispute names the channel writes and correlates: DisputeVariables' where it has
 * them, the rest here.
 */
final class DisputeFields {
  static final String PROCESS_KEY = ProcessKeys.CONSUMER_DISPUTE;

  static final String CONSUMER_NAME = DisputeVariables.CONSUMER_NAME;
  static final String CONSUMER_PHONE = DisputeVariables.CONSUMER_PHONE;
  static final String CONSUMER_EMAIL = DisputeVariables.CONSUMER_EMAIL;
  static final String MERCHANT_NAME = DisputeVariables.MERCHANT_NAME;
  static final String MERCHANT_EMAIL = DisputeVariables.MERCHANT_EMAIL;
  static final String PLATFORM = DisputeVariables.PLATFORM;
  static final String SHOP_ID = DisputeVariables.SHOP_ID;
  static final String PURCHASE_CHANNEL = DisputeVariables.PURCHASE_CHANNEL;
  static final String ITEM_NAME = DisputeVariables.ITEM_NAME;
  static final String PRICE = DisputeVariables.PRICE;
  static final String QUANTITY = DisputeVariables.QUANTITY;
  static final String PAID_AT = DisputeVariables.PAID_AT;
  static final String RECEIVED_AT = DisputeVariables.RECEIVED_AT;
  static final String CATEGORY = DisputeVariables.CATEGORY;
  static final String DESCRIPTION = DisputeVariables.DESCRIPTION;
  static final String CLAIM_REFUND = DisputeVariables.CLAIM_REFUND;
  static final String CLAIM_REPLACE = DisputeVariables.CLAIM_REPLACE;
  static final String CLAIM_REPAIR = DisputeVariables.CLAIM_REPAIR;
  static final String CLAIM_AMOUNT = DisputeVariables.CLAIM_AMOUNT;
  static final String HARM_KNOWN_ON = DisputeVariables.HARM_KNOWN_ON;
  static final String ARBITRATION_AGREEMENT = DisputeVariables.ARBITRATION_AGREEMENT;
  static final String REPORT_VIOLATION = DisputeVariables.REPORT_VIOLATION;
  static final String REPORTER_NAME = DisputeVariables.REPORTER_NAME;
  static final String REPORTER_PHONE = "reporterPhone";
  static final String REPORTER_EMAIL = "reporterEmail";

  /** The deadline of the platform's evidence window (a Date, with evidenceDueBasis). */
  static final String EVIDENCE_DUE = DisputeVariables.EVIDENCE_DUE;

  // messages (bpmn:message names) and their variables
  static final String MSG_MERCHANT_RESPONSE = "MerchantResponse";
  static final String MSG_CONSUMER_DECISION = "ConsumerDecision";
  static final String MSG_EVIDENCE_SUBMITTED = "EvidenceSubmitted";
  static final String MSG_WITHDRAW = "Withdraw";
  static final String MERCHANT_ANSWER = DisputeVariables.MERCHANT_ANSWER;
  static final String MERCHANT_OFFER = DisputeVariables.MERCHANT_OFFER;
  static final String CONSUMER_DECISION = DisputeVariables.CONSUMER_DECISION;
  static final String NEXT_CHANNEL = DisputeVariables.NEXT_CHANNEL;
  static final String EVIDENCE_FROM = DisputeVariables.EVIDENCE_FROM;
  static final String EVIDENCE_DESCRIPTION = DisputeVariables.EVIDENCE_DESCRIPTION;
  static final String EVIDENCE_ID = "evidenceId";
  static final String WITHDRAW_REASON = DisputeVariables.WITHDRAW_REASON;
  static final String JUDGMENT_SERVED_AT = DisputeVariables.JUDGMENT_SERVED_AT;
  static final String REGULATOR_ACCEPTED_AT = DisputeVariables.REGULATOR_ACCEPTED_AT;
  static final String REGULATOR_RESOLVED = DisputeVariables.REGULATOR_RESOLVED;
  static final String CHANNEL_OPTIONS = DisputeVariables.CHANNEL_OPTIONS;

  /** Which endpoint sends which message, for "what the case waits for". */
  static final Map<String, String> ENDPOINTS = endpoints();

  private static Map<String, String> endpoints() {
    Map<String, String> endpoints =
        new java.util.HashMap<>(
            Map.of(
                MSG_MERCHANT_RESPONSE, "merchant-response",
                MSG_CONSUMER_DECISION, "consumer-decision",
                MSG_EVIDENCE_SUBMITTED, "evidence",
                MSG_WITHDRAW, "withdraw"));
    for (DisputeCodes.OfficialDecisionKind kind : DisputeCodes.OfficialDecisionKind.values()) {
      endpoints.put(kind.message(), "official-decisions");
    }
    return Map.copyOf(endpoints);
  }

  private DisputeFields() {}
}
