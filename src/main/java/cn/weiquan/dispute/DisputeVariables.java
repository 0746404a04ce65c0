package cn.weiquan.dispute;

import cn.weiquan.cases.CaseVariables;

/**
 * The process variables of consumer-dispute and its channel processes, named once. Read them with
 * the typed readers of {@link CaseVariables}.
 */
public final class DisputeVariables {

  public static final String PROCESS_KEY = "consumer-dispute";
  public static final String CASE_PREFIX = "WQ";

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

  // stored deadlines (Date; each with <name>Basis, see Deadlines.store; the period is named by the
  // storing task)
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

  // the consumer's choice of channel (dispute-open-channels decides which are open)
  public static final String CHANNEL_OPTIONS = "channelOptions";
  public static final String CHANNEL = cn.weiquan.cases.EnterStage.CHANNEL;
  public static final String CHANNEL_OUTCOME = cn.weiquan.cases.EnterStage.CHANNEL_OUTCOME;
  public static final String CASE_OUTCOME = cn.weiquan.cases.EnterStage.CASE_OUTCOME;

  /**
   * The channels a case may have tried: each has a flag tried&lt;Channel&gt; the open-channels
   * decision reads.
   */
  public static final java.util.List<String> CHANNELS =
      java.util.List.of("platform", "association", "regulator", "arbitration", "court");

  // platform channel: each party's evidence in the window
  public static final String EVIDENCE_FROM_CONSUMER = "evidenceFromConsumer";
  public static final String EVIDENCE_FROM_MERCHANT = "evidenceFromMerchant";
  public static final String EVIDENCE_COMPLETE = "evidenceComplete";

  // regulator, association, court
  public static final String REGULATOR_ACCEPTED_AT = "regulatorAcceptedAt";
  public static final String REGULATOR_RESOLVED = "regulatorResolved";
  public static final String REGULATOR_MEDIATION_DUE = "regulatorMediationDue";
  public static final String AGREEMENT_FULFILLED = "agreementFulfilled";
  public static final String PERFORMANCE_DUE = "performanceDue";
  public static final String ENFORCEMENT_DUE = "enforcementDue";
  public static final String ENFORCEMENT = "enforcement";

  // element ids the Java side needs
  public static final String TASK_REVIEW_ACCEPTANCE = "Task_ReviewAcceptance";

  private DisputeVariables() {}
}
