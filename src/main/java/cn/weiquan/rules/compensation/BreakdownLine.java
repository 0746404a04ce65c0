package cn.weiquan.rules.compensation;

import java.math.BigDecimal;

/**
 * One step of a quote, read out to the consumer: what was counted, the sum (yuan, scale 2) and why.
 */
public record BreakdownLine(String label, BigDecimal amount, String note) {}
