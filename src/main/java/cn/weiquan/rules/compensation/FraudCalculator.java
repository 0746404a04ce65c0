package cn.weiquan.rules.compensation;

import cn.weiquan.rules.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Punitive compensation for fraud (增加赔偿), on top of the refund of the price: both shown, with their
 * total.
 */
public final class FraudCalculator {
  // 消法 Art. 55: three times the price (or service fee); less than ¥500 → ¥500
  static final String FACTOR = "3";
  static final BigDecimal MINIMUM = Money.parse("500");
  static final String BASIS =
      "《消费者权益保护法》第五十五条第一款：经营者提供商品或者服务有欺诈行为的，应当按照消费者的要求增加赔偿其受到的损失，"
          + "增加赔偿的金额为消费者购买商品的价款或者接受服务的费用的三倍；增加赔偿的金额不足五百元的，为五百元。"
          + "价款另行退还（《消费者权益保护法》第五十二条；《民法典》第一百四十八条、第一百五十七条），合计为退还价款与增加赔偿之和。";
  static final String REFUND_NOTE = "经营者退还消费者支付的价款（商品退回经营者）";

  /** The punitive sum alone: 3 × price, at least ¥500. */
  public BigDecimal punitive(BigDecimal price) {
    return Money.times(price, FACTOR).max(MINIMUM);
  }

  /** The lines of the punitive sum: three times the price, then the sum with its ¥500 floor. */
  List<BreakdownLine> punitiveLines(BigDecimal price) {
    BigDecimal threeTimes = Money.times(price, FACTOR);
    BigDecimal punitive = threeTimes.max(MINIMUM);
    return List.of(
        new BreakdownLine("价款的三倍", threeTimes, "3 × " + Money.text(price)),
        new BreakdownLine(
            "增加赔偿（不少于500元）",
            punitive,
            threeTimes.compareTo(MINIMUM) < 0 ? "三倍价款不足500元，按500元计" : "三倍价款不低于500元"));
  }

  /** amount: the punitive sum; total: the refund of the price plus the punitive sum. */
  public CompensationQuote quote(BigDecimal price) {
    BigDecimal punitive = punitive(price);
    BigDecimal total = price.add(punitive);
    List<BreakdownLine> lines = new ArrayList<>(punitiveLines(price));
    lines.add(new BreakdownLine("退还价款", price, REFUND_NOTE));
    lines.add(
        new BreakdownLine(
            "合计（退还价款＋增加赔偿）", total, Money.text(price) + " + " + Money.text(punitive)));
    return new CompensationQuote(punitive, CompensationQuote.CNY, BASIS, lines, total);
  }
}
