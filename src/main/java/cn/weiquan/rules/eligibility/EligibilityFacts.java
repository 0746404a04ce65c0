package cn.weiquan.rules.eligibility;

import java.time.LocalDate;
import java.util.List;

/**
 * The facts of a case that decide whether it can be accepted and whether punitive sums may be
 * claimed.
 *
 * @param naturalPerson whether the claimant is a natural person (消法 Art. 2)
 * @param purpose living-consumption | resale (bought for resale or profit)
 * @param harmKnownOn the day the consumer knew of the harm and the liable party (Asia/Shanghai)
 * @param filedOn the day the complaint is filed (null: today, by the engine's clock)
 * @param channel where the case is filed: negotiation | platform | association | regulator |
 *     arbitration | court
 * @param pendingBefore bodies already handling the same dispute: court | arbitration |
 *     other-mediator (empty if none)
 * @param platformComplaint for channel platform: malicious-review | harassment | other (null =
 *     other)
 * @param tradeCompletedOn for malicious-review and harassment complaints: the day the trade
 *     completed
 * @param quantity units of the one item bought (null: not known), for the bad-faith signals
 * @param earlierFilings disputes the same claimant filed in the 12 months before this one (0 when
 *     none or not known)
 * @param foodOrDrug whether the goods are food or drugs (knowing purchase is no defence there)
 */
public record EligibilityFacts(
    boolean naturalPerson,
    String purpose,
    LocalDate harmKnownOn,
    LocalDate filedOn,
    String channel,
    List<String> pendingBefore,
    String platformComplaint,
    LocalDate tradeCompletedOn,
    Integer quantity,
    int earlierFilings,
    boolean foodOrDrug) {

  public static final List<String> PURPOSES = List.of("living-consumption", "resale");
  public static final List<String> CHANNELS =
      List.of("negotiation", "platform", "association", "regulator", "arbitration", "court");
  public static final List<String> PENDING_BODIES =
      List.of("court", "arbitration", "other-mediator");
  public static final List<String> PLATFORM_COMPLAINTS =
      List.of("malicious-review", "harassment", "other");

  public EligibilityFacts {
    pendingBefore = pendingBefore == null ? List.of() : List.copyOf(pendingBefore);
  }

  /**
   * The facts without quantity, earlier filings or kind of goods (no bad-faith signal can be raised
   * from them).
   */
  public EligibilityFacts(
      boolean naturalPerson,
      String purpose,
      LocalDate harmKnownOn,
      LocalDate filedOn,
      String channel,
      List<String> pendingBefore,
      String platformComplaint,
      LocalDate tradeCompletedOn) {
    this(
        naturalPerson,
        purpose,
        harmKnownOn,
        filedOn,
        channel,
        pendingBefore,
        platformComplaint,
        tradeCompletedOn,
        null,
        0,
        false);
  }

  /**
   * The same facts with what was bought and how often the claimant filed before: the bad-faith
   * signals read them.
   */
  public EligibilityFacts withPurchase(Integer quantity, int earlierFilings, boolean foodOrDrug) {
    return new EligibilityFacts(
        naturalPerson,
        purpose,
        harmKnownOn,
        filedOn,
        channel,
        pendingBefore,
        platformComplaint,
        tradeCompletedOn,
        quantity,
        earlierFilings,
        foodOrDrug);
  }
}
