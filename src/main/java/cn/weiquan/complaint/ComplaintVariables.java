package cn.weiquan.complaint;

import cn.weiquan.platform.ProcessKeys;

/**
 * The process variables of enterprise-complaint, named once. The shared ones (caseNo, stage,
 * complainant*, category, ...) follow helper-contracts; the rest belong to this process and its
 * forms.
 */
public final class ComplaintVariables {
  public static final String PROCESS_KEY = ProcessKeys.ENTERPRISE_COMPLAINT;

  /** Complaint number TS-YYYY-NNNNNN, also the business key. */
  public static final String CASE_NO = "caseNo";

  /** Chinese stage label (接收投诉, 分类处理, ... 已结案), set at every stage change. */
  public static final String STAGE = "stage";

  // registration (complaint-register, or POST /api/complaints)
  public static final String COMPLAINANT_NAME = "complainantName";
  public static final String COMPLAINANT_PHONE = "complainantPhone";
  public static final String COMPLAINANT_EMAIL = "complainantEmail";

  /** phone | email | walk-in | platform | 12315 */
  public static final String CONTACT_CHANNEL = "contactChannel";

  public static final String CATEGORY = "category";
  public static final String DESCRIPTION = "description";
  public static final String CLAIM = "claim";

  /** String yuan, scale 2 ("0.00"). */
  public static final String AMOUNT_CLAIMED = "amountClaimed";

  public static final String SAFETY_HAZARD = "safetyHazard";
  public static final String PERSONAL_INJURY = "personalInjury";
  public static final String MEDIA_EXPOSURE = "mediaExposure";
  public static final String REPEAT_COMPLAINT = "repeatComplaint";
  public static final String RECEIVED_AT = "receivedAt";

  /**
   * When it happened, as the complainant says (a day, 2026-05-20): not after the day it is
   * registered.
   */
  public static final String OCCURRED_ON = "occurredOn";

  // triage (complaint-severity, complaint-routing) and the handler's override
  public static final String SEVERITY = "severity";
  public static final String HANDLING_MODE = "handlingMode";
  public static final String FIRST_RESPONSE_AMOUNT = "firstResponseAmount";
  public static final String FIRST_RESPONSE_UNIT = "firstResponseUnit";
  public static final String RESOLUTION_AMOUNT = "resolutionAmount";
  public static final String RESOLUTION_UNIT = "resolutionUnit";
  public static final String DEPARTMENT = "department";
  public static final String SEVERITY_OVERRIDE = "severityOverride";
  public static final String SEVERITY_OVERRIDE_REASON = "severityOverrideReason";
  public static final String SEVERITY_BY_RULE = "severityByRule";
  public static final String SEVERITY_OVERRIDDEN = "severityOverridden";
  public static final String REASSIGN_DEPARTMENT = "reassignDepartment";
  public static final String REASSIGN_REASON = "reassignReason";
  public static final String DEPARTMENT_BY_RULE = "departmentByRule";
  public static final String FIRST_RESPONDED_AT = "firstRespondedAt";

  // SLA (Date variables the timers and due dates read)
  public static final String FIRST_RESPONSE_DUE = "firstResponseDue";
  public static final String RESOLUTION_DUE = "resolutionDue";

  /**
   * When the resolution clock started: the receipt, or the reopening after an unsatisfied visit.
   */
  public static final String RESOLUTION_FROM = "resolutionFrom";

  /** Input of the reminder task: the name of the deadline variable it reminds of. */
  public static final String REMINDER_FOR = "reminderFor";

  public static final String LAST_REMINDER = "lastReminder";

  // proposal and approval
  public static final String SOLUTION = "solution";
  public static final String COMPENSATION_AMOUNT = "compensationAmount";
  public static final String PAYOUT_REQUIRED = "payoutRequired";
  public static final String APPROVER_GROUP = "approverGroup";
  public static final String PAYOUT_DECISION = "payoutDecision";
  public static final String PAYOUT_APPROVE = "approve";
  public static final String PAYOUT_REJECT = "reject";
  public static final String PAYOUT_REJECTION_REASON = "payoutRejectionReason";

  // response, visit, reopen, close
  public static final String RESPONDED_AT = "respondedAt";
  public static final String VISIT_DUE = "visitDue";
  public static final String SATISFACTION = "satisfaction";
  public static final String VISIT_COMMENTS = "visitComments";
  public static final String SATISFIED = "satisfied";

  /** satisfied | reopen | escalate */
  public static final String VISIT_OUTCOME = "visitOutcome";

  public static final String REOPEN_COUNT = "reopenCount";
  public static final String REOPEN_REASON = "reopenReason";
  public static final String CLOSED_AT = "closedAt";

  private ComplaintVariables() {}
}
