package cn.weiquan.rules.compensation;

import cn.weiquan.rules.Money;
import java.math.BigDecimal;
import java.util.List;

/** Punitive compensation for fraud, on top of the refund of the price. */
public final class FraudCalculator {
  // 消法 Art. 55: three times the price (or service fee); less than ¥500 → ¥500
  static final String FACTOR = "3";
  static final BigDecimal MINIMUM = Money.parse("500");
  static final String BASIS =
      "《消费者权益保护法》第五十五条第一款：经营者提供商品或者服务有欺诈行为的，应当按照消费者的要求增加赔偿其受到的损失，"
          + "增加赔偿的金额为消费者购买商品的价款或者接受服务的费用的三倍；增加赔偿的金额不足五百元的，为五百元。"
          + "本数额为增加赔偿部分，价款另行退还。";

  public CompensationQuote quote(BigDecimal price) {
    BigDecimal threeTimes = Money.times(price, FACTOR);
    BigDecimal amount = threeTimes.max(MINIMUM);
    return new CompensationQuote(amount, CompensationQuote.CNY, BASIS, List.of(
        new BreakdownLine("价款的三倍", threeTimes, "3 × " + Money.text(price)),
        new BreakdownLine("增加赔偿（不少于500元）", amount,
            threeTimes.compareTo(MINIMUM) < 0 ? "三倍价款不足500元，按500元计" : "三倍价款不低于500元")));
  }
}
