package cn.weiquan.privacy;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which process variables hold personal data, declared once. Erasure on request ({@link
 * PersonalDataErasure}) removes them; {@code PersonalDataTest} fails when a form field is in none
 * of the three lists, so a designer's new field is classified before it ships.
 */
public final class PersonalData {

  /**
   * Who a person is and how to reach them (names, phones, e-mails, addresses), and a reporter's
   * identity.
   */
  public static final Set<String> CONTACT =
      Set.of(
          "consumerName",
          "consumerPhone",
          "consumerEmail",
          "merchantEmail",
          "reporterName",
          "reporterPhone",
          "reporterEmail",
          "complainantName",
          "complainantPhone",
          "complainantEmail",
          "location",
          "thirdPartyName");

  /**
   * What people wrote about the case: it may name or describe a person, so it is erased with the
   * contact data.
   */
  public static final Set<String> FREE_TEXT =
      Set.of(
          "description",
          "evidenceDescription",
          "evidenceReferences",
          "evidence",
          "merchantOffer",
          "consumerComment",
          "channelNote",
          "sessionSummary",
          "agreementText",
          "withdrawReason",
          "testingResult",
          "regulatorOutcome",
          "reportOutcome",
          "arbitrationAward",
          "judgmentSummary",
          "enforcementOutcome",
          "platformDecision",
          "claim",
          "contactRecord",
          "firstContactNote",
          "phoneOutcome",
          "visitComments",
          "verifiedFacts",
          "supervisorNote",
          "committeeMinutes",
          "committeeMembers",
          "emergencyDispatchedTo",
          "emergencyMeasures",
          "emergencyResult",
          "solution",
          "apology",
          "reassignReason",
          "reopenReason",
          "severityOverrideReason",
          "payoutRejectionReason",
          "rootCause",
          "improvementAction",
          "improvementMeasures",
          "acceptanceReason");

  /**
   * Facts that identify no one: codes, amounts, dates, deadlines, the merchant's business name, the
   * item. They stay, so an erased case still counts in every statistic.
   */
  public static final Set<String> FACTS =
      Set.of(
          "caseNo",
          "stage",
          "severity",
          "platform",
          "shopId",
          "itemName",
          "merchantName",
          "price",
          "merchantAnswer",
          "evidenceFrom",
          "reason",
          "basis",
          "penaltyBasis",
          "pointsDeducted",
          "compensationAmount",
          "claimAmount",
          "claimBasis",
          "claimBreakdown",
          "claimTotal",
          "amountClaimed",
          "agreementAmount",
          "settlementAmount",
          "approvalTier",
          "arbitrationCaseNo",
          "arbitrationCommission",
          "courtCaseNo",
          "courtName",
          "confirmationCourt",
          "testingInstitution",
          "transferNo",
          "occurredOn",
          "acceptanceDue",
          "arbitrationFilingDue",
          "channelChoiceDue",
          "courtConfirmationDue",
          "evidenceDue",
          "limitationDue",
          "mediationDue",
          "settlementDue",
          "acceptanceBasis",
          "enforcementCourt",
          "enforcementCaseNo",
          "enforcementDue",
          "performanceDue",
          "regulatorMediationDue",
          // deadlines as forms show them (Deadlines.TEXT_SUFFIX)
          "acceptanceDueText",
          "arbitrationFilingDueText",
          "channelChoiceDueText",
          "courtConfirmationDueText",
          "decisionAnswerDueText",
          "enforcementDueText",
          "evidenceDueText",
          "limitationDueText",
          "mediationDueText",
          "offerAnswerDueText",
          "reviewDueText",
          "settlementDueText");

  /** The value an erased text becomes, so a form shows that something was there. */
  public static final String ERASED = "（已删除）";

  private PersonalData() {}

  public static Set<String> all() {
    return Stream.concat(CONTACT.stream(), FREE_TEXT.stream())
        .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * E-mail addresses are removed rather than replaced: a mail step then skips the recipient instead
   * of failing.
   */
  static boolean removedEntirely(String variable) {
    return variable.endsWith("Email");
  }
}
