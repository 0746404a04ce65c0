package cn.weiquan.platform;

import java.util.List;

/**
 * The keys of the product's processes, declared once: models, grants, the parties' channel and
 * tests name them.
 */
public final class ProcessKeys {
  /**
   * The spine of a consumer dispute: registration, negotiation, the consumer's choice, the
   * channels, closing.
   */
  public static final String CONSUMER_DISPUTE = "consumer-dispute";

  /**
   * Channel of a consumer dispute: e-commerce platform intervention (its evidence window and the
   * platform's review).
   */
  public static final String DISPUTE_PLATFORM = "dispute-platform";

  /**
   * Channels of a consumer dispute that mediators handle with the parties' contact data (消法 Art.
   * 39).
   */
  public static final String DISPUTE_ASSOCIATION = "dispute-association";

  public static final String DISPUTE_REGULATOR = "dispute-regulator";
  public static final String DISPUTE_ARBITRATION = "dispute-arbitration";
  public static final String DISPUTE_COURT = "dispute-court";

  /** The channels the mediators work in, with the parties' contact data. */
  public static final List<String> MEDIATED_CHANNELS =
      List.of(DISPUTE_ASSOCIATION, DISPUTE_REGULATOR, DISPUTE_ARBITRATION, DISPUTE_COURT);

  /** A company's complaint desk. */
  public static final String ENTERPRISE_COMPLAINT = "enterprise-complaint";

  /**
   * The approval of a complaint's payout by the group the compensation-authority decision names.
   */
  public static final String COMPLAINT_PAYOUT_APPROVAL = "complaint-payout-approval";

  /** The processes of a consumer dispute case (the spine and its channels). */
  public static final List<String> DISPUTE_CASE =
      List.of(
          CONSUMER_DISPUTE,
          DISPUTE_PLATFORM,
          DISPUTE_ASSOCIATION,
          DISPUTE_REGULATOR,
          DISPUTE_ARBITRATION,
          DISPUTE_COURT);

  /** The processes of an enterprise complaint case. */
  public static final List<String> COMPLAINT_CASE =
      List.of(ENTERPRISE_COMPLAINT, COMPLAINT_PAYOUT_APPROVAL);

  private ProcessKeys() {}
}
