package cn.weiquan.rules.compensation;

import cn.weiquan.rules.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Punitive compensation for food not meeting safety standards, on top of the loss. */
public final class FoodSafetyCalculator {
  // 食品安全法 Art. 148(2): ten times the price or three times the loss; less than ¥1,000 → ¥1,000
  static final String PRICE_FACTOR = "10";
  static final String LOSS_FACTOR = "3";
  static final BigDecimal MINIMUM = Money.parse("1000");
  static final String BASIS =
      "《食品安全法》第一百四十八条第二款：生产不符合食品安全标准的食品或者经营明知是不符合食品安全标准的食品，"
          + "消费者除要求赔偿损失外，还可以向生产者或者经营者要求支付价款十倍或者损失三倍的赔偿金；增加赔偿的金额不足一千元的，为一千元。"
          + "但是，食品的标签、说明书存在不影响食品安全且不会对消费者造成误导的瑕疵的除外。";

  /** claimBasis "price" or "loss" when the consumer names one; null takes the larger of the two. */
  public CompensationQuote quote(BigDecimal price, BigDecimal loss, String claimBasis) {
    BigDecimal tenTimesPrice = Money.times(price, PRICE_FACTOR);
    BigDecimal threeTimesLoss = Money.times(loss, LOSS_FACTOR);
    List<BreakdownLine> lines = new ArrayList<>();
    lines.add(new BreakdownLine("价款的十倍", tenTimesPrice, "10 × " + Money.text(price)));
    lines.add(new BreakdownLine("损失的三倍", threeTimesLoss, "3 × " + Money.text(loss)));
    BigDecimal chosen;
    String why;
    if ("price".equals(claimBasis)) {
      chosen = tenTimesPrice;
      why = "消费者主张按价款十倍计算";
    } else if ("loss".equals(claimBasis)) {
      chosen = threeTimesLoss;
      why = "消费者主张按损失三倍计算";
    } else {
      chosen = tenTimesPrice.max(threeTimesLoss);
      why = "消费者未指定，取两者中较高者";
    }
    lines.add(new BreakdownLine("选定的计算方式", chosen, why));
    BigDecimal amount = chosen.max(MINIMUM);
    lines.add(
        new BreakdownLine(
            "赔偿金（不少于1000元）",
            amount,
            chosen.compareTo(MINIMUM) < 0 ? "不足1000元，按1000元计" : "不低于1000元"));
    return new CompensationQuote(amount, CompensationQuote.CNY, BASIS, lines);
  }
}
