package cn.weiquan.intake.dispute;

import java.util.Map;

/** The consumer-dispute names the channel writes and correlates (helper-contracts.md), named once on this side. */
final class DisputeFields {
  static final String PROCESS_KEY = "consumer-dispute";

  static final String CONSUMER_NAME = "consumerName";
  static final String CONSUMER_PHONE = "consumerPhone";
  static final String CONSUMER_EMAIL = "consumerEmail";
  static final String MERCHANT_NAME = "merchantName";
  static final String MERCHANT_EMAIL = "merchantEmail";
  static final String PLATFORM = "platform";
  static final String SHOP_ID = "shopId";
  static final String PURCHASE_CHANNEL = "purchaseChannel";
  static final String ITEM_NAME = "itemName";
  static final String PRICE = "price";
  static final String QUANTITY = "quantity";
  static final String PAID_AT = "paidAt";
  static final String RECEIVED_AT = "receivedAt";
  static final String CATEGORY = "category";
  static final String DESCRIPTION = "description";
  static final String CLAIM_REFUND = "claimRefund";
  static final String CLAIM_REPLACE = "claimReplace";
  static final String CLAIM_REPAIR = "claimRepair";
  static final String CLAIM_AMOUNT = "claimAmount";
  static final String HARM_KNOWN_ON = "harmKnownOn";
  static final String ARBITRATION_AGREEMENT = "arbitrationAgreement";
  static final String REPORT_VIOLATION = "reportViolation";
  static final String REPORTER_NAME = "reporterName";
  static final String REPORTER_PHONE = "reporterPhone";
  static final String REPORTER_EMAIL = "reporterEmail";

  /** The deadline of the platform's evidence window (a Date, with evidenceDuePeriod/evidenceDueBasis). */
  static final String EVIDENCE_DUE = "evidenceDue";

  // messages (bpmn:message names) and their variables
  static final String MSG_MERCHANT_RESPONSE = "MerchantResponse";
  static final String MSG_CONSUMER_DECISION = "ConsumerDecision";
  static final String MSG_EVIDENCE_SUBMITTED = "EvidenceSubmitted";
  static final String MSG_WITHDRAW = "Withdraw";
  static final String MERCHANT_ANSWER = "merchantAnswer";
  static final String MERCHANT_OFFER = "merchantOffer";
  static final String CONSUMER_DECISION = "consumerDecision";
  static final String NEXT_CHANNEL = "nextChannel";
  static final String EVIDENCE_FROM = "evidenceFrom";
  static final String EVIDENCE_DESCRIPTION = "evidenceDescription";
  static final String EVIDENCE_ID = "evidenceId";
  static final String WITHDRAW_REASON = "withdrawReason";

  /** Which endpoint sends which message, for "what the case waits for". */
  static final Map<String, String> ENDPOINTS = Map.of(
      MSG_MERCHANT_RESPONSE, "merchant-response",
      MSG_CONSUMER_DECISION, "consumer-decision",
      MSG_EVIDENCE_SUBMITTED, "evidence",
      MSG_WITHDRAW, "withdraw");

  private DisputeFields() {}
}
