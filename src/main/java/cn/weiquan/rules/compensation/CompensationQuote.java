package cn.weiquan.rules.compensation;

import cn.weiquan.rules.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A computed sum in yuan (scale 2, rounded once where the rule needs it), its legal basis and how
 * it was reached. {@code amount} is what the rule computes (for fraud: the punitive 增加赔偿); {@code
 * total} is what the consumer receives with it (for fraud: the refund of the price plus the
 * punitive sum; otherwise the amount itself). The breakdown shows every line, the total last where
 * it differs from a single amount.
 */
public record CompensationQuote(
    BigDecimal amount,
    String currency,
    String basis,
    List<BreakdownLine> breakdown,
    BigDecimal total) {
  public static final String CNY = "CNY";

  public CompensationQuote {
    amount = Money.exact(amount);
    total = Money.exact(total);
    breakdown = List.copyOf(breakdown);
  }

  /** A quote whose total is its amount. */
  public CompensationQuote(
      BigDecimal amount, String currency, String basis, List<BreakdownLine> breakdown) {
    this(amount, currency, basis, breakdown, amount);
  }

  /** The breakdown as a person reads it, one line each: "退还价款：300.00 元（单价 300.00 × 数量 1）". */
  public String breakdownText() {
    return breakdown.stream()
        .map(
            line ->
                line.label()
                    + "："
                    + Money.text(line.amount())
                    + " 元"
                    + (line.note() == null || line.note().isBlank() ? "" : "（" + line.note() + "）"))
        .collect(Collectors.joining("\n"));
  }
}
