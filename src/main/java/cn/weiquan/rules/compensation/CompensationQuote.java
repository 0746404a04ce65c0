package cn.weiquan.rules.compensation;

import cn.weiquan.rules.Money;
import java.math.BigDecimal;
import java.util.List;

/** A computed sum in yuan (scale 2, HALF_UP), its legal basis and how it was reached. */
public record CompensationQuote(BigDecimal amount, String currency, String basis, List<BreakdownLine> breakdown) {
  public static final String CNY = "CNY";

  public CompensationQuote {
    amount = Money.exact(amount);
    breakdown = List.copyOf(breakdown);
  }
}
