package cn.weiquan.rules.compensation;

import java.math.BigDecimal;

/**
 * What a consumer claims in a lawsuit, for {@link CompensationService#litigationClaims}: the price
 * paid back (unit price × quantity) when a refund is claimed, the damages the consumer claims
 * (赔偿损失), and a punitive sum under the named rule when the eligibility rules allow it.
 *
 * @param unitPrice the price of one unit, yuan
 * @param quantity units bought (at least 1)
 * @param refund whether the consumer claims the price back (退货退款)
 * @param damages the compensation the consumer claims besides (赔偿损失), yuan; null or zero when none
 * @param punitiveRule {@code "fraud"} (消法 Art. 55) or null for none
 * @param punitiveAllowed whether the eligibility rules allow punitive sums
 *     (EligibilityResult.punitiveDamagesAllowed)
 * @param punitiveWithheldBecause why not, as the consumer is told
 *     (EligibilityResult.punitiveWithheldBecause); may be null
 */
public record LitigationClaims(
    BigDecimal unitPrice,
    int quantity,
    boolean refund,
    BigDecimal damages,
    String punitiveRule,
    boolean punitiveAllowed,
    String punitiveWithheldBecause) {}
