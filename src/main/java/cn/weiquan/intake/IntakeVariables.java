package cn.weiquan.intake;

/** Process variables the parties' channel sets on every case it starts, named once. */
public final class IntakeVariables {
  /**
   * The api user who filed the case: the claimant's side, who may read it and act for the
   * consumer/complainant.
   */
  public static final String FILED_BY = "filedBy";

  /**
   * The api user acting for the merchant (respondent), from merchant.apiUser or
   * weiquan.intake.merchant-users; may be absent.
   */
  public static final String MERCHANT_USER = "merchantUser";

  /**
   * The start event's initiator variable (camunda:initiator="registeredBy"): the filing api user.
   */
  public static final String REGISTERED_BY = "registeredBy";

  /** The caller's own reference for the case, if it sent one (also an idempotency key). */
  public static final String EXTERNAL_REFERENCE = "externalReference";

  /** References to evidence the party already holds (links, order numbers), one per line. */
  public static final String EVIDENCE_REFERENCES = "evidenceReferences";

  /** How many submissions arrived after the evidence window closed (kept in the evidence table). */
  public static final String LATE_EVIDENCE_COUNT = "lateEvidenceCount";

  private IntakeVariables() {}
}
